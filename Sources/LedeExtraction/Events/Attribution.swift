/// Who claims what a sentence reports: "theo X", "X cho biết", "X nói", "according to X", "X said".
struct AttributionFinder {
    static let speechVerbs: [String: [[String]]] = [
        "vi": ModalityDetector.phrases([
            "cho biết", "tuyên bố", "khẳng định", "nói", "thông báo", "cho hay", "nhấn mạnh", "phát biểu",
            "xác nhận", "cho rằng", "tiết lộ", "nêu rõ", "lưu ý", "thừa nhận", "công bố", "dẫn lời", "đưa tin",
            "nhận định",
        ]),
        "en": ModalityDetector.phrases([
            "said", "says", "say", "told", "announced", "stated", "claimed", "claims", "reported", "added",
            "confirmed", "insisted", "warned", "declared", "noted",
        ]),
    ]
    /// "theo" introduces a source, except in "theo lời đề nghị" (at the request of) and the like.
    static let sourceMarkers: [String: [[String]]] = [
        "vi": [["theo"]], "en": [["according", "to"]],
    ]
    static let notSources: Set<String> = ["đề", "yêu", "kế", "thỏa", "đó", "quy", "như", "sau", "dõi", "đuổi", "hướng"]

    /// First words of all markers and verbs, to skip every other word at once.
    static let firstWords: [String: Set<String>] = [
        "vi": Set((speechVerbs["vi"]! + sourceMarkers["vi"]!).map { $0[0] }),
        "en": Set((speechVerbs["en"]! + sourceMarkers["en"]!).map { $0[0] }),
    ]

    let text: EventText
    let lang: String

    /// The source of sentence `s` among its candidates, if the sentence names one.
    func source(sentence s: Int, candidates: [ArgumentCandidate]) -> (candidate: ArgumentCandidate, introduced: Range<Int>?)? {
        let bound = text.sentences[s].words
        let w = text.words
        func matches(_ p: [String], at i: Int) -> Bool {
            i + p.count <= bound.upperBound && (0..<p.count).allSatisfy { w[i + $0].text.same(p[$0]) }
        }
        let people = candidates.filter { !$0.isLocative && !$0.isPlace && !$0.isModifier }
        let firsts = AttributionFinder.firstWords[lang] ?? []
        for i in bound where firsts.contains(w[i].text) {
            // "Theo X, …": the last candidate before the clause ends, a person if there is one.
            for p in AttributionFinder.sourceMarkers[lang] ?? [] where matches(p, at: i) {
                var k = i + p.count
                if k < bound.upperBound, w[k].text == "lời" { k += 1 }
                if k < bound.upperBound, AttributionFinder.notSources.contains(w[k].text) { continue }
                var end = k
                while end < bound.upperBound, end == k || !w[end].breakBefore { end += 1 }
                let inside = people.filter { $0.words.lowerBound >= k && $0.words.upperBound <= end }
                if let best = inside.last(where: \.isPerson) ?? inside.last { return (best, k..<end) }
            }
            // "X cho biết": the nearest candidate before the verb; "…, said X": the one right after.
            for p in AttributionFinder.speechVerbs[lang] ?? [] where matches(p, at: i) {
                // "Ông Kheang Phearum, Người phát ngôn …, cho biết": the person in apposition speaks.
                if let person = people.last(where: { $0.isPerson && $0.words.upperBound <= i && i - $0.words.upperBound <= 12 }) {
                    return (person, nil)
                }
                if let before = people.last(where: { $0.words.upperBound <= i && i - $0.words.upperBound <= 4 }) {
                    return (before, nil)
                }
                if let after = people.first(where: { $0.words.lowerBound >= i + p.count && $0.words.lowerBound - (i + p.count) <= 2 }) {
                    return (after, nil)
                }
            }
        }
        return nil
    }
}
