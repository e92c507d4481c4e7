import LedeModel
/// Whether an event is reported as having happened: cue words around the trigger in its clause, and
/// the event's date against the publication date.
struct ModalityDetector {
    struct Cues {
        var negation: CuePhrases
        var future: CuePhrases
        var hypothetical: CuePhrases
        var historical: CuePhrases
        /// Words that end the clause a cue can reach across.
        var clauseEnds: CuePhrases
        /// Words before a noun trigger that make it a noun ("cuộc họp", "the talks").
        var nounMarkers: CuePhrases
    }

    static let vi = Cues(
        negation: CuePhrases(["không", "chưa", "chẳng", "không hề", "chưa hề", "chưa từng", "không thể", "không còn", "chưa thể",
                           "không được", "chẳng hề"]),
        future: CuePhrases(["sẽ", "sắp", "dự kiến", "dự định", "kế hoạch", "lên kế hoạch", "chuẩn bị", "tới đây",
                         "sắp tới", "được kỳ vọng", "kỳ vọng"]),
        hypothetical: CuePhrases(["nếu", "có thể", "giả sử", "khả năng", "nguy cơ", "có lẽ", "liệu", "nhằm", "muốn",
                               "đe dọa sẽ", "kêu gọi", "yêu cầu", "đề nghị", "hy vọng", "mong muốn", "để có thể"]),
        historical: CuePhrases(["từ năm", "kể từ", "tính từ", "kéo dài", "trong suốt", "từng", "năm qua", "thập kỷ",
                             "lịch sử", "tổng cộng"]),
        clauseEnds: CuePhrases(["nhưng", "tuy", "song", "còn", "trong khi"]),
        nounMarkers: CuePhrases(["cuộc", "vòng", "vụ", "lệnh", "chuyến", "hội", "các", "những"]))

    static let en = Cues(
        negation: CuePhrases(["not", "never", "no", "didn't", "don't", "doesn't", "won't", "wasn't", "weren't", "hasn't",
                           "haven't", "cannot", "can't", "failed to", "n't"]),
        future: CuePhrases(["will", "shall", "plans to", "plan to", "planned", "is to", "are to", "going to", "expected to",
                         "scheduled to", "would", "set to", "due to", "next week", "tomorrow", "'ll"]),
        hypothetical: CuePhrases(["if", "could", "may", "might", "possible", "possibly", "unless", "would be", "threat of",
                               "risk of", "whether", "urged", "called for", "asked", "hope", "hopes"]),
        historical: CuePhrases(["since", "in total", "so far", "to date", "over the past", "in the past", "history",
                             "previously", "years ago", "decades ago"]),
        clauseEnds: CuePhrases(["but", "while", "although", "whereas"]),
        nounMarkers: CuePhrases(["the", "a", "an", "their", "its"]))

    /// Words that start with a cue but mean something else ("không quân" is the air force).
    static let compounds = CuePhrases([
        "không quân", "không gian", "không khí", "không phận", "không kích", "không chỉ", "không ít",
        "thể thấy", "thể nói", "no one", "not only",
    ])
    /// Words after a noun trigger that start its purpose, not its time ("cuộc họp để …").
    static let purposeWords = CuePhrases(["để", "nhằm", "mà", "that", "to"])

    let text: EventText
    let cues: Cues
    let lang: String

    init(text: EventText, lang: String) {
        self.text = text
        self.lang = lang
        self.cues = lang == "vi" ? ModalityDetector.vi : ModalityDetector.en
    }

    /// The start of a cue phrase ending right before the trigger (searching back up to `reach` words,
    /// not across a clause break).
    private func cueBefore(_ list: CuePhrases, _ trigger: Range<Int>, _ sentence: Range<Int>, reach: Int) -> Int? {
        let w = text.words
        var i = trigger.lowerBound - 1
        while i >= sentence.lowerBound, trigger.lowerBound - i <= reach {
            if cues.clauseEnds.contains(w, i) { return nil }
            // A cue that only starts a compound ("không quân") is none.
            if let s = list.longest(w, endingAt: i, from: sentence.lowerBound),
                !(i + 1 < w.count && ModalityDetector.compounds.containsPair(w, endingAt: i + 1))
            {
                return s
            }
            if w[i].breakBefore { return nil }
            i -= 1
        }
        return nil
    }

    private func cueAfter(_ list: CuePhrases, _ trigger: Range<Int>, _ sentence: Range<Int>, reach: Int) -> Bool {
        let w = text.words
        var i = trigger.upperBound
        while i < sentence.upperBound, i - trigger.upperBound < reach {
            if w[i].breakBefore || cues.clauseEnds.contains(w, i) || ModalityDetector.purposeWords.contains(w, i) { return false }
            if list.longest(w, startingAt: i, before: sentence.upperBound) != nil { return true }
            i += 1
        }
        return false
    }

    private func cueAround(_ list: CuePhrases, _ trigger: Range<Int>, _ sentence: Range<Int>, before: Int, after: Int) -> Bool {
        let lo = max(sentence.lowerBound, trigger.lowerBound - before)
        let hi = min(sentence.upperBound, trigger.upperBound + after)
        return (lo..<hi).contains { !trigger.contains($0) && list.longest(text.words, startingAt: $0, before: hi) != nil }
    }

    func modality(trigger: Range<Int>, sentence: Range<Int>, date: EventDate?, publishedAt: PublicationDate?) -> Modality {
        if cueBefore(cues.negation, trigger, sentence, reach: 3) != nil { return .negated }
        if cueBefore(cues.hypothetical, trigger, sentence, reach: 6) != nil { return .hypothetical }
        let isNoun = cues.nounMarkers.contains(text.words, trigger.lowerBound)
            || (trigger.lowerBound > sentence.lowerBound && cues.nounMarkers.contains(text.words, trigger.lowerBound - 1))
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
