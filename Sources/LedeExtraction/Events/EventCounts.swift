import LedeModel
/// Counts reported with an event: "tiêu diệt hơn 550 tay súng" (killed ≥ 550), "khiến 5 người
/// thiệt mạng" (killed 5), "at least 12 people were injured".
enum EventCounts {
    /// Words before a number that qualify it, in the order they are tried.
    static let qualifiers: [(CuePhrases, EventCount.Qualifier)] = [
        (CuePhrases(["hơn", "trên", "ít nhất", "không dưới", "hàng", "more than", "over", "at least"]), .atLeast),
        (CuePhrases(["khoảng", "gần", "chừng", "ước tính", "about", "around", "nearly", "almost", "some", "roughly"]), .about),
        (CuePhrases(["dưới", "chưa đến", "tối đa", "không quá", "up to", "fewer than", "less than", "at most"]), .atMost),
    ]
    static let millions = CuePhrases(["triệu", "million"])
    static let thousands = CuePhrases(["nghìn", "ngàn", "thousand"])
    /// "700 người đã thiệt mạng": an auxiliary may stand between the count and what it counts.
    static let auxiliaries = CuePhrases(["đã", "bị", "were", "have", "had"])

    /// Words after a number that say what it counts.
    static let kinds: [(words: [String], kind: String)] = [
        (["người", "thiệt", "mạng"], "killed"), (["thiệt", "mạng"], "killed"), (["người", "chết"], "killed"),
        (["người", "tử", "vong"], "killed"), (["tử", "vong"], "killed"), (["sinh", "mạng"], "killed"),
        (["thi", "thể"], "killed"), (["người", "bị", "giết"], "killed"), (["người", "bị", "thương"], "injured"),
        (["bị", "thương"], "injured"), (["người", "bị", "bắt"], "arrested"), (["nghi", "phạm"], "arrested"),
        (["dead"], "killed"), (["killed"], "killed"), (["people", "killed"], "killed"), (["people", "dead"], "killed"),
        (["deaths"], "killed"), (["died"], "killed"), (["people", "died"], "killed"), (["lives"], "killed"),
        (["injured"], "injured"), (["wounded"], "injured"), (["people", "injured"], "injured"),
        (["people", "wounded"], "injured"), (["arrested"], "arrested"), (["arrests"], "arrested"),
        (["people", "arrested"], "arrested"), (["người", "mất", "tích"], "missing"), (["missing"], "missing"),
    ]

    static let smallNumbers: [(word: String, value: Int)] = [
        ("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("tám", 8), ("chín", 9), ("mười", 10),
        ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
        ("dozens", 24), ("hundreds", 200),
    ]
    static let smallNumberWords = CuePhrases(smallNumbers.map(\.word))

    /// Word `i` as a number: "550", "340.000" (Vietnamese thousands), "1,200" (English thousands), "hai".
    static func number(_ words: [EventWord], _ i: Int, lang: String) -> Int? {
        let word = words[i].text
        guard let first = word.utf8.first else { return nil }
        guard first >= 0x30 && first <= 0x39 else { return smallNumberWords.index(words, i).map { smallNumbers[$0].value } }
        let separator: UInt8 = lang == "vi" ? 0x2E : 0x2C
        guard word.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == separator }) else { return nil }
        return Int(String(word.filter(\.isNumber)))
    }

    static func counts(
        in text: EventText, sentence: Range<Int>, trigger: Range<Int>, kind: String?, lang: String) -> [EventCount] {
        let w = text.words
        var found: [EventCount] = []
        func qualifier(before i: Int) -> (EventCount.Qualifier, Int) {
            guard i > sentence.lowerBound else { return (.exact, i) }
            for (list, q) in qualifiers {
                if let start = list.longest(w, endingAt: i - 1, from: sentence.lowerBound) { return (q, start) }
            }
            return (.exact, i)
        }
        var k = max(sentence.lowerBound, trigger.lowerBound - 15)
        while k < min(sentence.upperBound, trigger.upperBound + 15) {
            // "năm" is "five" but also "year": only count it right after a trigger.
            guard let n = number(w, k, lang: lang), !(w[k].text == "năm" && k != trigger.upperBound) else {
                k += 1
                continue
            }
            var value = n
            var end = k + 1
            if end < sentence.upperBound, millions.contains(w, end) { value *= 1_000_000; end += 1 }
            else if end < sentence.upperBound, thousands.contains(w, end) { value *= 1000; end += 1 }
            let (q, qStart) = qualifier(before: k)
            var what: String?
            let skip = end + 2 < sentence.upperBound && auxiliaries.contains(w, end + 1) ? 1 : 0
            for (words, kindName) in kinds {
                let at: (Int) -> Int = { $0 == 0 || skip == 0 ? end + $0 : end + $0 + 1 }
                if at(words.count - 1) < sentence.upperBound, (0..<words.count).allSatisfy({ w[at($0)].text.same(words[$0]) }) {
                    what = kindName
                    break
                }
            }
            // A number within four words after a counting trigger counts its victims.
            if what == nil, let kind, qStart >= trigger.upperBound, qStart - trigger.upperBound <= 3 { what = kind }
            if let what, !found.contains(where: { $0.kind == what }) {
                found.append(EventCount(kind: what, value: value, qualifier: q, span: text.span(qStart..<end)))
            }
            k = end
        }
        return found
    }
}
