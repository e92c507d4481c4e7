import LedeModel
/// DATE rules: value resolution and the numeric forms both languages share ("10/12/2017", "2017-12-07", "3 ngày
/// trước", "two weeks ago", a bare year). The wordings are in VietnameseDateRules and EnglishDateRules.
extension RuleScanner {
    typealias L = RuleLexicon

    func date(at i: Int) -> RuleMatch? {
        if let m = numericDate(at: i) { return m }
        if let m = relativeCount(at: i) { return m }
        if let m = vi ? viDate(at: i) : enDate(at: i) { return m }
        // Vietnamese text quotes English dates and the reverse, less often; numbers were tried above.
        return nil
    }

    // MARK: values

    func dayValue(year: Int?, month: Int, day: Int, first: Int, last: Int) -> RuleMatch? {
        guard (1...12).contains(month), (1...CalendarDay.length(month: month, year: year ?? 2000)).contains(day) else { return nil }
        if let year {
            return RuleMatch(type: .date, first: first, last: last,
                             value: PublicationDate(year: year, month: month, day: day).iso)
        }
        guard let pub else {
            return RuleMatch(type: .date, first: first, last: last,
                             value: "XXXX-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)")
        }
        let y = DateResolution.year(month: month, day: day, near: pub, direction: direction(around: first, last))
            ?? pub.year
        return RuleMatch(type: .date, first: first, last: last, value: PublicationDate(year: y, month: month, day: day).iso)
    }

    func monthValue(year: Int?, month: Int, first: Int, last: Int) -> RuleMatch? {
        guard (1...12).contains(month) else { return nil }
        if let year { return RuleMatch(type: .date, first: first, last: last, value: DateResolution.month(year, month)) }
        guard let pub else {
            return RuleMatch(type: .date, first: first, last: last, value: "XXXX-" + (month < 10 ? "0" : "") + "\(month)")
        }
        let y = DateResolution.year(month: month, near: pub, direction: direction(around: first, last))
        return RuleMatch(type: .date, first: first, last: last, value: DateResolution.month(y, month))
    }

    func relativeDay(_ offset: Int, first: Int, last: Int) -> RuleMatch {
        RuleMatch(type: .date, first: first, last: last, value: pub.map { CalendarDay($0).adding(days: offset).iso })
    }

    func relativePeriod(_ unit: String, _ offset: Int, first: Int, last: Int) -> RuleMatch {
        var value: String?
        if let pub {
            switch unit {
            case "week": value = CalendarDay(pub).adding(days: 7 * offset).isoWeek
            case "month":
                let (y, m) = DateResolution.shift(year: pub.year, month: pub.month, by: offset)
                value = DateResolution.month(y, m)
            default: value = String(pub.year + offset)
            }
        }
        return RuleMatch(type: .date, first: first, last: last, value: value)
    }

    func weekdayValue(_ weekday: Int, first: Int, last: Int, weekOffset: Int = 0, direction forced: TimeDirection? = nil) -> RuleMatch {
        guard let pub else { return RuleMatch(type: .date, first: first, last: last, value: nil) }
        let dir = forced ?? direction(around: first, last)
        var day = DateResolution.day(weekday: weekday, near: pub, direction: dir, weekOffset: weekOffset)
        if forced == .past, day == CalendarDay(pub) { day = day.adding(days: -7) }
        return RuleMatch(type: .date, first: first, last: last, value: day.iso)
    }

    func yearValue(_ year: Int, first: Int, last: Int) -> RuleMatch {
        RuleMatch(type: .date, first: first, last: last, value: String(year))
    }

    /// Which way the words around a date without a year point: "tới", "sắp tới", "sẽ", "next" forward;
    /// "vừa qua", "hồi", "last" back.
    func direction(around first: Int, _ last: Int) -> TimeDirection {
        let after = last + 1
        if continues(after), let w = word(after) {
            if L.viFuture.contains(w) || w == L.sap { return .future }
            if w == L.vua, next(after + 1, is: L.viPast) { return .past }
        }
        if let w = word(first - 1), w == L.hoi, continues(first) { return .past }
        return futureCue(before: first) ? .future : .unknown
    }

    // MARK: numeric forms

    /// "10/12/2017", "7/12" after a cue, "2017-12-07", "7-12-2017", "3/2017" after a cue, a bare year.
    func numericDate(at i: Int) -> RuleMatch? {
        guard isNumber(i), !gluedToWord(i) else { return nil }
        let text = self.text(i)
        if text.utf8.contains(UInt8(ascii: "/")) {
            guard !isSymbol(i + 1, "/") || !tight(i + 1) else { return nil }  // "100/2019/NĐ-CP"
            let parts = text.split(separator: "/").map { Int($0) }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            let p = parts.map { $0! }
            let lens = text.split(separator: "/").map(\.count)
            if p.count == 3, lens[0] == 4 {  // "2017/12/07"
                return dayValue(year: p[0], month: p[1], day: p[2], first: i, last: i)
            }
            if p.count == 3, lens[2] == 4 || lens[2] == 2 {
                let year = lens[2] == 2 ? 2000 + p[2] : p[2]
                // English writes month first unless the first part cannot be a month.
                let (d, m) = !vi && p[0] <= 12 ? (p[1], p[0]) : (p[0], p[1])
                return dayValue(year: year, month: m, day: d, first: i, last: i)
            }
            if p.count == 2, hasDateCue(before: i) || isSymbol(i - 1, "(") || dateFollows(i) || rangeBefore(i) {
                if lens[1] == 4 { return monthValue(year: p[1], month: p[0], first: i, last: i) }
                if vi && lens[1] <= 2 { return dayValue(year: nil, month: p[1], day: p[0], first: i, last: i) }
            }
            return nil
        }
        guard !text.utf8.contains(UInt8(ascii: ".")), !text.utf8.contains(UInt8(ascii: ",")), !text.utf8.contains(UInt8(ascii: ":")) else { return nil }
        // ISO 2017-12-07 and 7-12-2017.
        if isSymbol(i + 1, "-"), tight(i + 1), isNumber(i + 2), tight(i + 2), isSymbol(i + 3, "-"), tight(i + 3),
           isNumber(i + 4), tight(i + 4), let a = int(i), let b = int(i + 2), let c = int(i + 4) {
            if text.count == 4 { return dayValue(year: a, month: b, day: c, first: i, last: i + 4) }
            if length(i + 4) == 4 { return dayValue(year: c, month: b, day: a, first: i, last: i + 4) }
        }
        // A bare year.
        guard text.count == 4, let year = int(i), (1900...2100).contains(year) else { return nil }
        if tight(i + 1), word(i + 1) != nil { return nil }  // "1990s", "2017th"
        if vi {
            let cue = hasDateCue(before: i) || isSymbol(i - 1, "-") || isSymbol(i - 1, "–")
            let endsPhrase = !continues(i + 1) || (i + 1 < tokens.count && tokens[i + 1].kind == .symbol)
            guard cue || endsPhrase else { return nil }
            if word(i - 1) == L.nam { return nil }  // "năm 2015" is matched from "năm"
            return yearValue(year, first: i, last: i)
        }
        if quantityFollows(i + 1) || approxBefore(i) != nil { return nil }
        return yearValue(year, first: i, last: i)
    }

    /// A number written into a word: "COVID-19", "Su-35", "G7" (the scanner already keeps "G7" whole).
    func gluedToWord(_ i: Int) -> Bool {
        if i > 0, !tokens[i].spaceBefore, !tokens[i].breakBefore {
            if tokens[i - 1].kind == .word { return true }
            if isSymbol(i - 1, "-"), i > 1, !tokens[i - 1].spaceBefore, tokens[i - 2].kind == .word { return true }
        }
        return false
    }

    func hasDateCue(before i: Int) -> Bool {
        guard continues(i), let w = word(i - 1) else { return false }
        if vi { return L.viDateCues.contains(w) || w == L.ngay || w == L.hom }
        return L.enYearCues.contains(w)
    }

    /// "10 và 11/6", "12 - 14/6": the end of a range of days.
    func rangeBefore(_ i: Int) -> Bool {
        guard continues(i), isNumber(i - 2), continues(i - 1) else { return false }
        return word(i - 1) == L.va || isSymbol(i - 1, "-") || isSymbol(i - 1, "–")
    }

    /// "7/12 tới", "7/12 vừa qua": the words after a day/month make it a date.
    func dateFollows(_ i: Int) -> Bool {
        guard continues(i + 1), let w = word(i + 1) else { return false }
        return L.viFuture.contains(w) || w == L.vua || w == L.sap
    }

    // MARK: "3 ngày trước", "two weeks ago"

    func relativeCount(at i: Int) -> RuleMatch? {
        guard let n = int(i), !gluedToWord(i), n > 0, n < 1000, continues(i + 1), let unit = word(i + 1),
              continues(i + 2), let after = word(i + 2) else { return nil }
        guard let u = (vi ? L.viCountUnits : L.enCountUnits)[unit], vi ? after == L.truoc : after == L.ago else { return nil }
        if u == "day" { return relativeDay(-n, first: i, last: i + 2) }
        if u == "week" {
            return RuleMatch(type: .date, first: i, last: i + 2, value: pub.map { CalendarDay($0).adding(days: -7 * n).isoWeek })
        }
        return relativePeriod(u, -n, first: i, last: i + 2)
    }
}
