import LedeModel
/// Who claims what a sentence reports: "theo X", "X cho biết", "X nói", "according to X", "X said".
struct AttributionFinder {
    /// "cho biết", "said": the speaker is next to the verb.
    let speechVerbs: CuePhrases
    /// "theo", "according to": the source follows.
    let sourceMarkers: CuePhrases
    /// "theo" introduces no source before these: "theo lời đề nghị" (at the request of), "theo dõi".
    static let notSources = CuePhrases(["đề", "yêu", "kế", "thỏa", "đó", "quy", "như", "sau", "dõi", "đuổi", "hướng"])
    /// "theo lời X" (in the words of X): X is still the source.
    static let speechLead = CuePhrases(["lời"])

    static let vi = (
        speechVerbs: CuePhrases([
            "cho biết", "tuyên bố", "khẳng định", "nói", "thông báo", "cho hay", "nhấn mạnh", "phát biểu",
            "xác nhận", "cho rằng", "tiết lộ", "nêu rõ", "lưu ý", "thừa nhận", "công bố", "dẫn lời", "đưa tin",
            "nhận định",
        ]),
        sourceMarkers: CuePhrases(["theo"]))
    static let en = (
        speechVerbs: CuePhrases([
            "said", "says", "say", "told", "announced", "stated", "claimed", "claims", "reported", "added",
            "confirmed", "insisted", "warned", "declared", "noted",
        ]),
        sourceMarkers: CuePhrases(["according to"]))

    let text: EventText

    init(text: EventText, lang: String) {
        self.text = text
        (speechVerbs, sourceMarkers) = lang == "vi" ? AttributionFinder.vi : AttributionFinder.en
    }

    /// The source of sentence `s` among its candidates, if the sentence names one.
    func source(sentence s: Int, candidates: [ArgumentCandidate]) -> (candidate: ArgumentCandidate, introduced: Range<Int>?)? {
        let bound = text.sentences[s].words
        let w = text.words
        let people = candidates.filter { !$0.isLocative && !$0.isPlace && !$0.isModifier }
        for i in bound {
            // "Theo X, …": the last candidate before the clause ends, a person if there is one.
            if let length = sourceMarkers.longest(w, startingAt: i, before: bound.upperBound) {
                var k = i + length
                if k < bound.upperBound, AttributionFinder.speechLead.contains(w, k) { k += 1 }
                if !(k < bound.upperBound && AttributionFinder.notSources.contains(w, k)) {
                    var end = k
                    while end < bound.upperBound, end == k || !w[end].breakBefore { end += 1 }
                    let inside = people.filter { $0.words.lowerBound >= k && $0.words.upperBound <= end }
                    if let best = inside.last(where: \.isPerson) ?? inside.last { return (best, k..<end) }
                }
            }
            // "X cho biết": the nearest candidate before the verb; "…, said X": the one right after.
            if let length = speechVerbs.longest(w, startingAt: i, before: bound.upperBound) {
                // "Ông Kheang Phearum, Người phát ngôn …, cho biết": the person in apposition speaks.
                if let person = people.last(where: { $0.isPerson && $0.words.upperBound <= i && i - $0.words.upperBound <= 12 }) {
                    return (person, nil)
                }
                if let before = people.last(where: { $0.words.upperBound <= i && i - $0.words.upperBound <= 4 }) {
                    return (before, nil)
                }
                if let after = people.first(where: { $0.words.lowerBound >= i + length && $0.words.lowerBound - (i + length) <= 2 }) {
                    return (after, nil)
                }
            }
        }
        return nil
    }
}
