/// Whether an event is reported as having happened: cue words around the trigger in its clause, and
/// the event's date against the publication date.
struct ModalityDetector {
    struct Cues {
        var negation: [[String]]
        var future: [[String]]
        var hypothetical: [[String]]
        var historical: [[String]]
        /// Words that end the clause a cue can reach across.
        var clauseEnds: Set<String>
        /// Words before a noun trigger that make it a noun ("cuộc họp", "the talks").
        var nounMarkers: Set<String>
    }

    static func phrases(_ list: [String]) -> [[String]] {
        list.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
    }

    static let vi = Cues(
        negation: phrases(["không", "chưa", "chẳng", "không hề", "chưa hề", "chưa từng", "không thể", "không còn", "chưa thể",
                           "không được", "chẳng hề"]),
        future: phrases(["sẽ", "sắp", "dự kiến", "dự định", "kế hoạch", "lên kế hoạch", "chuẩn bị", "tới đây",
                         "sắp tới", "được kỳ vọng", "kỳ vọng"]),
        hypothetical: phrases(["nếu", "có thể", "giả sử", "khả năng", "nguy cơ", "có lẽ", "liệu", "nhằm", "muốn",
                               "đe dọa sẽ", "kêu gọi", "yêu cầu", "đề nghị", "hy vọng", "mong muốn", "để có thể"]),
        historical: phrases(["từ năm", "kể từ", "tính từ", "kéo dài", "trong suốt", "từng", "năm qua", "thập kỷ",
                             "lịch sử", "tổng cộng"]),
        clauseEnds: ["nhưng", "tuy", "song", "còn", "trong khi"],
        nounMarkers: ["cuộc", "vòng", "vụ", "lệnh", "chuyến", "hội", "các", "những"])

    static let en = Cues(
        negation: phrases(["not", "never", "no", "didn't", "don't", "doesn't", "won't", "wasn't", "weren't", "hasn't",
                           "haven't", "cannot", "can't", "failed to", "n't"]),
        future: phrases(["will", "shall", "plans to", "plan to", "planned", "is to", "are to", "going to", "expected to",
                         "scheduled to", "would", "set to", "due to", "next week", "tomorrow", "'ll"]),
        hypothetical: phrases(["if", "could", "may", "might", "possible", "possibly", "unless", "would be", "threat of",
                               "risk of", "whether", "urged", "called for", "asked", "hope", "hopes"]),
        historical: phrases(["since", "in total", "so far", "to date", "over the past", "in the past", "history",
                             "previously", "years ago", "decades ago"]),
        clauseEnds: ["but", "while", "although", "whereas"],
        nounMarkers: ["the", "a", "an", "their", "its"])

    /// Words that start with a cue but mean something else ("không quân" is the air force).
    static let compounds: Set<String> = [
        "không quân", "không gian", "không khí", "không phận", "không kích", "không chỉ", "không ít",
        "có thể chất", "thể thấy", "thể nói", "no one", "not only",
    ]

    let text: EventText
    let cues: Cues
    let lang: String

    init(text: EventText, lang: String) {
        self.text = text
        self.lang = lang
        self.cues = lang == "vi" ? ModalityDetector.vi : ModalityDetector.en
    }

    /// The first cue phrase ending right before word `i` (searching back up to `reach` words), with
    /// its start.
    private func cueBefore(_ list: [[String]], _ trigger: Range<Int>, _ sentence: Range<Int>, reach: Int) -> Int? {
        var i = trigger.lowerBound - 1
        while i >= sentence.lowerBound, trigger.lowerBound - i <= reach {
            if cues.clauseEnds.contains(text.words[i].text) { return nil }
            // Cue phrases end at word i: only their last words can be there.
            for p in list where i - p.count + 1 >= sentence.lowerBound && p[p.count - 1].same(text.words[i].text) {
                let s = i - p.count + 1
                if (0..<p.count).allSatisfy({ text.words[s + $0].text.same(p[$0]) }),
                    !(s + p.count < text.words.count && ModalityDetector.compounds.contains(
                        p.last! + " " + text.words[s + p.count].text))
                {
                    return s
                }
            }
            if text.words[i].breakBefore { return nil }
            i -= 1
        }
        return nil
    }

    private func cueAfter(_ list: [[String]], _ trigger: Range<Int>, _ sentence: Range<Int>, reach: Int) -> Bool {
        var i = trigger.upperBound
        while i < sentence.upperBound, i - trigger.upperBound < reach {
            if text.words[i].breakBefore || cues.clauseEnds.contains(text.words[i].text)
                || ["để", "nhằm", "mà", "that", "to"].contains(text.words[i].text) { return false }
            for p in list where i + p.count <= sentence.upperBound && p[0].same(text.words[i].text) {
                if (0..<p.count).allSatisfy({ text.words[i + $0].text.same(p[$0]) }) { return true }
            }
            i += 1
        }
        return false
    }

    private func cueAround(_ list: [[String]], _ trigger: Range<Int>, _ sentence: Range<Int>, before: Int, after: Int) -> Bool {
        let lo = max(sentence.lowerBound, trigger.lowerBound - before)
        let hi = min(sentence.upperBound, trigger.upperBound + after)
        for i in lo..<hi where !trigger.contains(i) {
            for p in list where i + p.count <= hi && p[0].same(text.words[i].text) {
                if (0..<p.count).allSatisfy({ text.words[i + $0].text.same(p[$0]) }) { return true }
            }
        }
        return false
    }

    func modality(trigger: Range<Int>, sentence: Range<Int>, date: EventDate?, publishedAt: PublicationDate?) -> Modality {
        if cueBefore(cues.negation, trigger, sentence, reach: 3) != nil { return .negated }
        if cueBefore(cues.hypothetical, trigger, sentence, reach: 6) != nil { return .hypothetical }
        let isNoun = cues.nounMarkers.contains(text.words[trigger.lowerBound].text)
            || (trigger.lowerBound > sentence.lowerBound && cues.nounMarkers.contains(text.words[trigger.lowerBound - 1].text))
        if cueBefore(cues.future, trigger, sentence, reach: 6) != nil { return .future }
        if isNoun, cueAfter(cues.future, trigger, sentence, reach: 20) { return .future }
        if let date, date.origin == .text, let p = publishedAt {
            if date.value > p.iso, !p.iso.hasPrefix(date.value) { return .future }
            if EventDates.isLongBefore(date, p) { return .historical }
        }
        if cueAround(cues.historical, trigger, sentence, before: 25, after: 12) { return .historical }
        return .asserted
    }
}

extension EventDates {
    /// A year before the publication year, or a day or month more than a year before publication.
    static func isLongBefore(_ date: EventDate, _ p: PublicationDate) -> Bool {
        let parts = date.value.split(separator: "-").compactMap { Int($0) }
        guard let y = parts.first else { return false }
        switch date.granularity {
        case .year: return y < p.year
        case .month, .week: return y * 12 + (parts.count > 1 ? parts[1] : 1) < p.year * 12 + p.month - 12
        case .day:
            guard parts.count == 3 else { return false }
            return (y * 12 + parts[1]) * 31 + parts[2] < (p.year * 12 + p.month - 12) * 31 + p.day
        }
    }
}
