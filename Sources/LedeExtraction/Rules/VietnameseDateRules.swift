import LedeModel
/// Vietnamese DATE rules: "ngày 7/12", "sáng 7/12", "ngày 7 tháng 12 năm 2017", "tháng 12", "năm 2015",
/// "hôm qua", "tuần trước", "năm ngoái", "thứ Hai tuần trước", "Chủ nhật (10/12)".
extension RuleScanner {
    func viDate(at i: Int) -> RuleMatch? {
        guard let w = word(i) else { return nil }
        // "rạng sáng 7/12", "sáng 7/12", "chiều qua", "tối nay", "sáng hôm qua", "sáng thứ Hai".
        var j = i
        if w == L.rang, next(i + 1, is: L.sang) { j = i + 1 }
        if L.partsOfDay[word(j)] != nil {
            let k = j + 1
            guard continues(k) else { return nil }
            if let r = word(k) {
                if let off = L.viRelativeDay[r], r != L.kia { return relativeDay(off, first: i, last: k) }
                if r == L.mai { return relativeDay(1, first: i, last: k) }
            }
            if let m = viDayForm(at: k) ?? viNumericDayMonth(at: k) ?? viWeekday(at: k) {
                return RuleMatch(type: .date, first: i, last: m.last, value: m.value)
            }
            return nil
        }
        if w == L.hom { return viHom(at: i, first: i) }
        if w == L.ngay { return viDayForm(at: i) }
        if w == L.thu || w == L.chu { return viWeekday(at: i) }
        if w == L.thang { return viMonth(at: i) }
        if w == L.nam {
            if let y = int(i + 1), length(i + 1) == 4, continues(i + 1), !gluedToWord(i + 1),
               !(tight(i + 2) && word(i + 2) != nil) {
                return yearValue(y, first: i, last: i + 1)
            }
            if continues(i + 1), let r = word(i + 1), let off = L.viRelativePeriod[r] {
                return relativePeriod("year", off, first: i, last: i + 1)
            }
            return nil
        }
        if w == L.tuan, continues(i + 1), let r = word(i + 1), let off = L.viRelativePeriod[r], r != L.ngoai {
            return relativePeriod("week", off, first: i, last: i + 1)
        }
        return nil
    }

    /// "hôm nay", "hôm qua", "hôm kia", "hôm 7/12".
    func viHom(at i: Int, first: Int) -> RuleMatch? {
        guard continues(i + 1) else { return nil }
        if let r = word(i + 1), let off = L.viRelativeDay[r] { return relativeDay(off, first: first, last: i + 1) }
        if let m = viNumericDayMonth(at: i + 1) { return RuleMatch(type: .date, first: first, last: m.last, value: m.value) }
        return nil
    }

    /// "ngày 7/12", "ngày 7/12/2017", "ngày 7 tháng 12 năm 2017", "ngày hôm nay", "ngày mai".
    func viDayForm(at i: Int) -> RuleMatch? {
        guard word(i) == L.ngay, continues(i + 1) else { return nil }
        if word(i + 1) == L.hom { return viHom(at: i + 1, first: i) }
        if word(i + 1) == L.mai { return relativeDay(1, first: i, last: i + 1) }
        if let m = viNumericDayMonth(at: i + 1, cued: true) { return RuleMatch(type: .date, first: i, last: m.last, value: m.value) }
        // "ngày 12 đến ngày 14/06", "ngày 10 và 11/6": the first day takes the second's month.
        if let d = int(i + 1), (1...31).contains(d), length(i + 1) <= 2, continues(i + 2) {
            var k = i + 2
            if word(k) == L.den || word(k) == L.toi || word(k) == L.va || isSymbol(k, "-") || isSymbol(k, "–") {
                k += 1
                if word(k) == L.ngay { k += 1 }
                if continues(k), isNumber(k) {
                    let parts = text(k).split(separator: "/")
                    if parts.count >= 2, let m = Int(parts[1]) {
                        let y = parts.count == 3 ? Int(parts[2]).map { parts[2].count == 2 ? 2000 + $0 : $0 } : nil
                        return dayValue(year: y, month: m, day: d, first: i, last: i + 1)
                    }
                }
            }
        }
        // "ngày 7 tháng 12 [năm 2017]"
        if let d = int(i + 1), (1...31).contains(d), next(i + 2, is: L.thang), continues(i + 3) {
            guard let (month, last) = viMonthNumber(at: i + 3) else { return nil }
            if next(last + 1, is: L.nam), continues(last + 2), let y = int(last + 2), length(last + 2) == 4 {
                return dayValue(year: y, month: month, day: d, first: i, last: last + 2)
            }
            return dayValue(year: nil, month: month, day: d, first: i, last: last)
        }
        return nil
    }

    /// A day/month number token: "7/12" (with `cued` or after a cue word), "7/12/2017", "7-12".
    func viNumericDayMonth(at i: Int, cued: Bool = true) -> RuleMatch? {
        guard isNumber(i), !gluedToWord(i) else { return nil }
        let parts = text(i).split(separator: "/")
        guard !(isSymbol(i + 1, "/") && tight(i + 1)) else { return nil }
        if parts.count == 2 || parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]) {
            var year: Int?
            if parts.count == 3 {
                guard let y = Int(parts[2]), parts[2].count == 4 || parts[2].count == 2 else { return nil }
                year = parts[2].count == 2 ? 2000 + y : y
            }
            return dayValue(year: year, month: m, day: d, first: i, last: i)
        }
        // "7-12" / "7-12-2017" written with hyphens.
        if parts.count == 1, let d = int(i), isSymbol(i + 1, "-"), tight(i + 1), tight(i + 2), let m = int(i + 2) {
            if isSymbol(i + 3, "-"), tight(i + 3), tight(i + 4), let y = int(i + 4), length(i + 4) == 4 {
                return dayValue(year: y, month: m, day: d, first: i, last: i + 4)
            }
            return dayValue(year: nil, month: m, day: d, first: i, last: i + 2)
        }
        return nil
    }

    /// The month after "tháng": "12", "Mười", "Mười Hai", "Giêng". Returns the month and its last token.
    func viMonthNumber(at i: Int) -> (Int, Int)? {
        if let m = int(i), (1...12).contains(m), !gluedToWord(i) { return (m, i) }
        guard let w = word(i), let m = L.viMonthWords[w] else { return nil }
        // "tháng năm" is "months and years" unless written "tháng Năm".
        if w == L.nam && !capitalized(i) { return nil }
        if m == 10, continues(i + 1), let w2 = word(i + 1) {
            if w2 == L.mot { return (11, i + 1) }
            if w2 == L.hai { return (12, i + 1) }
        }
        return (m, i)
    }

    /// "tháng 12", "tháng 12/2017", "tháng 12 năm 2017", "tháng Mười", "tháng trước", "tháng tới".
    func viMonth(at i: Int) -> RuleMatch? {
        guard continues(i + 1) else { return nil }
        if isNumber(i + 1), !gluedToWord(i + 1) {
            let parts = text(i + 1).split(separator: "/")
            if parts.count == 2, let m = Int(parts[0]), let y = Int(parts[1]), parts[1].count == 4 {
                return monthValue(year: y, month: m, first: i, last: i + 1)
            }
        }
        if let (month, last) = viMonthNumber(at: i + 1) {
            if next(last + 1, is: L.nam), continues(last + 2), let y = int(last + 2), length(last + 2) == 4 {
                return monthValue(year: y, month: month, first: i, last: last + 2)
            }
            // "tháng 3 người"? A unit right after means a count, not a month.
            return monthValue(year: nil, month: month, first: i, last: last)
        }
        if let r = word(i + 1), let off = L.viRelativePeriod[r], r != L.ngoai {
            return relativePeriod("month", off, first: i, last: i + 1)
        }
        return nil
    }

    /// "thứ Năm", "thứ Hai (7/12)", "thứ Ba tuần trước", "Chủ nhật".
    func viWeekday(at i: Int) -> RuleMatch? {
        var weekday: Int
        var last: Int
        if word(i) == L.chu, next(i + 1, is: L.nhat) {
            weekday = 7
            last = i + 1
        } else if word(i) == L.thu, continues(i + 1) {
            if let w = word(i + 1), let d = L.viWeekdays[w] {
                weekday = d
            } else if let n = int(i + 1), (2...7).contains(n) {
                weekday = n - 1
            } else {
                return nil
            }
            last = i + 1
        } else {
            return nil
        }
        // A date right after: "thứ Năm (7/12)", "thứ Năm, ngày 7/12", "thứ Năm 7/12".
        var k = last + 1
        var close = false
        if isSymbol(k, "(") || isSymbol(k, ",") { close = isSymbol(k, "("); k += 1 }
        if continues(k), let m = viDayForm(at: k) ?? viNumericDayMonth(at: k) {
            var end = m.last
            if close, isSymbol(end + 1, ")") { end += 1 }
            return RuleMatch(type: .date, first: i, last: end, value: m.value)
        }
        // Lowercase "thứ hai" is usually "second"; weekdays are written with a capital.
        // "thứ 8" is an ordinal; lowercase "thứ hai" is usually "second".
        guard !isNumber(last), weekday == 7 || capitalized(last) else { return nil }
        if next(last + 1, is: L.tuan), continues(last + 2), let r = word(last + 2), let off = L.viRelativePeriod[r], off != 0 {
            return weekdayValue(weekday, first: i, last: last + 2, weekOffset: off)
        }
        return weekdayValue(weekday, first: i, last: last)
    }
}
