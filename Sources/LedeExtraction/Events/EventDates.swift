import LedeModel
/// A date expression in a sentence, with its resolved value.
struct DateCandidate: Sendable, Hashable {
    var words: Range<Int>
    var date: EventDate
}

/// Dates for events: DATE mentions from the value rules (with their ISO `value`), or — when the
/// field has none — the common Vietnamese and English forms read here ("ngày 20/11", "năm 2015",
/// "tháng 3/2021", "on 5 December 2017", "in 2015"), resolved against the publication date.
struct EventDates {
    let text: EventText
    let candidates: [DateCandidate]

    init(text: EventText, mentions: [Mention], publishedAt: PublicationDate?, lang: String) {
        self.text = text
        var found: [DateCandidate] = []
        for m in mentions where m.type == .date && m.span.field == text.field {
            guard let value = m.value, let granularity = EventDates.granularity(of: value),
                let first = text.wordIndex(atOrAfter: m.span.start), text.words[first].start < m.span.end
            else { continue }
            var last = first
            while last + 1 < text.words.count, text.words[last + 1].start < m.span.end { last += 1 }
            found.append(DateCandidate(
                words: first..<(last + 1),
                date: EventDate(value: value, granularity: granularity, origin: .text, span: m.span)))
        }
        if found.isEmpty, !mentions.contains(where: { $0.type == .date }) {
            found = EventDates.read(text, publishedAt: publishedAt)
        }
        candidates = found
    }

    /// The date nearest to the trigger in its sentence, or the publication date marked as such.
    func date(for trigger: Range<Int>, sentence: Range<Int>, publishedAt: PublicationDate?) -> EventDate? {
        let inSentence = candidates.filter { sentence.contains($0.words.lowerBound) }
        func distance(_ c: DateCandidate) -> Int {
            c.words.lowerBound >= trigger.upperBound
                ? c.words.lowerBound - trigger.upperBound : (trigger.lowerBound - c.words.upperBound) + 1
        }
        if let best = inSentence.min(by: { distance($0) < distance($1) }), distance(best) <= 16 { return best.date }
        return publishedAt.map { EventDate(value: $0.iso, granularity: .day, origin: .publication) }
    }

    /// The granularity of an ISO value; nil for what is no calendar date ("XXXX-12-07": no year known).
    static func granularity(of value: String) -> EventDate.Granularity? {
        let v = Array(value.utf8)
        guard v.count >= 4, v[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if v.count == 10 { return .day }
        if v.count == 7 { return .month }
        if v.count == 4 { return .year }
        if v.count == 8, value.contains("W") { return .week }
        return nil
    }

    /// Words that can start a date expression other than a number.
    static let dateWords = CuePhrases(months.map(\.name) + ["tháng", "năm", "in", "since", "hôm", "today", "yesterday"])

    /// Days counted from the publication day; `relativeDayWords` finds them, `relativeDays` gives the shift.
    static let relativeDays: [(phrase: String, days: Int)] = [("hôm nay", 0), ("hôm qua", -1), ("today", 0), ("yesterday", -1)]
    static let relativeDayWords = CuePhrases(relativeDays.map(\.phrase))
    static let yearLeads = CuePhrases(["năm", "in", "since"])

    static let months: [(name: String, month: Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8),
        ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4),
        ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]
    static let monthNames = CuePhrases(months.map(\.name))

    /// Word `i` as a month name's number.
    static func month(_ w: [EventWord], _ i: Int) -> Int? {
        monthNames.index(w, i).map { months[$0].month }
    }

    /// The fallback reader. A day and month without a year take the publication year, or the year
    /// before when that would put them months after publication.
    static func read(_ text: EventText, publishedAt: PublicationDate?) -> [DateCandidate] {
        let w = text.words
        var out: [DateCandidate] = []
        func make(_ r: Range<Int>, _ value: String, _ g: EventDate.Granularity) {
            out.append(DateCandidate(words: r, date: EventDate(value: value, granularity: g, origin: .text, span: text.span(r))))
        }
        func year(_ s: String) -> Int? {
            guard s.utf8.count == 4, let y = Int(s), (1900...2100).contains(y) else { return nil }
            return y
        }
        func resolve(day: Int, month: Int, year: Int?) -> String? {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            var y = year ?? publishedAt?.year
            guard var yy = y else { return nil }
            if year == nil, let p = publishedAt, (month - p.month) * 31 + (day - p.day) > 62 { yy -= 1 }
            y = yy
            return PublicationDate(year: y!, month: month, day: day).iso
        }
        var i = 0
        while i < w.count {
            let t = w[i].text
            // Most words cannot start a date: skip them before any string work.
            guard let first = t.utf8.first, (first >= 0x30 && first <= 0x39) || EventDates.dateWords.contains(w, i) else {
                i += 1
                continue
            }
            let prev = i > 0 ? w[i - 1].text : ""
            let parts = first >= 0x30 && first <= 0x39 && t.utf8.contains(0x2F) ? t.split(separator: "/").map(String.init) : []
            if parts.count >= 2, parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
                ["ngày", "hôm", "đêm", "sáng", "chiều", "tối", "trưa", "nay", "qua", "từ", "đến"].contains(prev) || parts.count == 3
            {
                if let d = Int(parts[0]), let m = Int(parts[1]),
                    let v = resolve(day: d, month: m, year: parts.count == 3 ? year(parts[2]) : nil)
                {
                    let start = prev == "ngày" ? i - 1 : i
                    make(start..<(i + 1), v, .day)
                    i += 1
                    continue
                }
            }
            if t.same("tháng"), i + 1 < w.count {
                let mp = w[i + 1].text.split(separator: "/").map(String.init)
                if let m = Int(mp[0]), (1...12).contains(m) {
                    var y = mp.count == 2 ? year(mp[1]) : nil
                    var end = i + 2
                    if y == nil, end + 1 < w.count, w[end].text == "năm", let yy = year(w[end + 1].text) {
                        y = yy
                        end += 2
                    }
                    if let yy = y ?? publishedAt?.year {
                        make(i..<end, PublicationDate(year: yy, month: m, day: 1).iso.prefix(7).description, .month)
                        i = end
                        continue
                    }
                }
            }
            if let p = publishedAt, let day = relativeDayWords.first(w, startingAt: i, before: w.count, where: { _ in true }) {
                make(i..<(i + day.length), PublicationDate.shifted(p, days: EventDates.relativeDays[day.index].days).iso, .day)
                i += day.length
                continue
            }
            if yearLeads.contains(w, i), i + 1 < w.count, let y = year(w[i + 1].text) {
                make(i..<(i + 2), String(y), .year)
                i += 2
                continue
            }
            if let m = month(w, i), i + 1 < w.count, let d = Int(w[i + 1].text), (1...31).contains(d) {
                let y = i + 2 < w.count ? year(w[i + 2].text) : nil
                if let v = resolve(day: d, month: m, year: y) {
                    make(i..<(i + (y == nil ? 2 : 3)), v, .day)
                    i += y == nil ? 2 : 3
                    continue
                }
            }
            if let d = Int(t), (1...31).contains(d), i + 1 < w.count, let m = month(w, i + 1), w[i + 1].text.count > 3 {
                let y = i + 2 < w.count ? year(w[i + 2].text) : nil
                if let v = resolve(day: d, month: m, year: y) {
                    make(i..<(i + (y == nil ? 2 : 3)), v, .day)
                    i += y == nil ? 2 : 3
                    continue
                }
            }
            i += 1
        }
        return out
    }
}

extension PublicationDate {
    /// The date `days` after (or before) `p`.
    static func shifted(_ p: PublicationDate, days: Int) -> PublicationDate {
        func length(_ y: Int, _ m: Int) -> Int {
            [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        }
        var (y, m, d) = (p.year, p.month, p.day + days)
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += length(y, m)
        }
        while d > length(y, m) {
            d -= length(y, m)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return PublicationDate(year: y, month: m, day: d)
    }
}
