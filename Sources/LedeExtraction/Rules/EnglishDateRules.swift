import LedeModel
/// English DATE rules: "Dec. 7", "December 7, 2017", "7 December 2017", "December 2017", "yesterday",
/// "last Tuesday", "next week", "mid-2017".
extension RuleScanner {
    func enDate(at i: Int) -> RuleMatch? {
        guard let w = word(i) else {
            // "7 December 2017", "7th December"
            return enDayFirst(at: i)
        }
        if let off = L.enRelativeDay[w] {
            var last = i
            if continues(i + 1), let p = word(i + 1), L.enDayParts.contains(p) { last = i + 1 }
            return relativeDay(off, first: i, last: last)
        }
        if let shift = L.enShift[w], continues(i + 1), let p = word(i + 1) {
            if L.enPeriods.contains(p) {
                let unit = p == L.week ? "week" : p == L.month ? "month" : "year"
                return relativePeriod(unit, shift, first: i, last: i + 1)
            }
            if let d = L.enWeekdays[p], capitalized(i + 1) {
                let dir: TimeDirection = shift < 0 ? .past : shift > 0 ? .future : .unknown
                var m = weekdayValue(d, first: i, last: i + 1, direction: dir)
                if continues(i + 2), let q = word(i + 2), L.enDayParts.contains(q) { m.last = i + 2 }
                return m
            }
            if shift < 0, p == L.night { return relativeDay(-1, first: i, last: i + 1) }
            if shift == 0, L.enDayParts.contains(p) { return relativeDay(0, first: i, last: i + 1) }
            if let month = L.enMonths[p], capitalized(i + 1) {
                guard let pub else { return RuleMatch(type: .date, first: i, last: i + 1, value: nil) }
                let y = shift == 0 ? pub.year : DateResolution.year(month: month, near: pub, direction: shift < 0 ? .past : .future)
                let fixed = shift < 0 && month == pub.month ? y - 1 : shift > 0 && month == pub.month ? y + 1 : y
                return monthValue(year: fixed, month: month, first: i, last: i + 1)
            }
            return nil
        }
        // "mid-2017", "mid-December"
        if w == L.mid, isSymbol(i + 1, "-"), tight(i + 1), tight(i + 2) {
            if let y = int(i + 2), length(i + 2) == 4 { return yearValue(y, first: i, last: i + 2) }
            if let m = enMonthFirst(at: i + 2) { return RuleMatch(type: .date, first: i, last: m.last, value: m.value) }
            return nil
        }
        guard capitalized(i) else { return nil }
        if let d = L.enWeekdays[w] {
            // "Tuesday, Dec. 7" or "Tuesday 7 December": the date decides.
            var k = i + 1
            if isSymbol(k, ",") { k += 1 }
            if continues(k), let m = enMonthFirst(at: k) ?? enDayFirst(at: k) { return RuleMatch(type: .date, first: i, last: m.last, value: m.value) }
            var m = weekdayValue(d, first: i, last: i)
            if continues(i + 1), let q = word(i + 1), L.enDayParts.contains(q) { m.last = i + 1 }
            return m
        }
        return enMonthFirst(at: i)
    }

    /// "Dec. 7", "December 7, 2017", "December 7th", "December 2017", "December".
    func enMonthFirst(at i: Int) -> RuleMatch? {
        guard let w = word(i), capitalized(i), let month = L.enMonths[w] else { return nil }
        var k = i + 1
        var last = i
        // "Dec." keeps its dot; "December." ends a sentence.
        if isSymbol(k, "."), tight(k), L.enMonthAbbreviations.contains(w) { last = k; k += 1 }
        if continues(k), let d = int(k), (1...31).contains(d), length(k) <= 2 {
            var end = k
            if tight(k + 1), let s = word(k + 1), L.enOrdinalSuffixes.contains(s) { end = k + 1 }
            var y: Int?
            var yk = end + 1
            if isSymbol(yk, ",") { yk += 1 }
            if continues(yk), let year = int(yk), length(yk) == 4 { y = year; end = yk }
            return dayValue(year: y, month: month, day: d, first: i, last: end)
        }
        if continues(k), let year = int(k), length(k) == 4, (1000...2199).contains(year) {
            return monthValue(year: year, month: month, first: i, last: k)
        }
        // A month alone; "May" only where it cannot be the verb.
        if w == L.may {
            guard continues(i), let prev = word(i - 1), L.enMonthCues.contains(prev) else { return nil }
        }
        if L.enThreeLetterMonths.contains(w) && last == i { return nil }  // "Mar", "Jan" alone are too often names
        return monthValue(year: nil, month: month, first: i, last: last)
    }

    /// "7 December 2017", "7th December", "7 Dec".
    func enDayFirst(at i: Int) -> RuleMatch? {
        guard let d = int(i), (1...31).contains(d), length(i) <= 2, !gluedToWord(i) else { return nil }
        var k = i + 1
        if tight(k), let s = word(k), L.enOrdinalSuffixes.contains(s) { k += 1 }
        if word(k) == L.of { k += 1 }
        guard continues(k), let w = word(k), capitalized(k), let month = L.enMonths[w] else { return nil }
        var end = k
        if isSymbol(k + 1, "."), tight(k + 1), L.enMonthAbbreviations.contains(w) { end = k + 1 }
        // "7 December 2017", "30 July, 2002"
        let yk = isSymbol(end + 1, ",") ? end + 2 : end + 1
        if continues(yk), let y = int(yk), length(yk) == 4 {
            return dayValue(year: y, month: month, day: d, first: i, last: yk)
        }
        return dayValue(year: nil, month: month, day: d, first: i, last: end)
    }
}
