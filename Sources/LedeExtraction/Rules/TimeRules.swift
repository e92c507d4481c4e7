import LedeModel
/// TIME rules: "8h30", "20h", "8 giờ 30 phút sáng", "8:30", "10 a.m.", "10.30pm", "noon". Value `HH:MM`.
extension RuleScanner {
    func time(at i: Int) -> RuleMatch? {
        if !vi, let w = word(i), w == L.noon || w == L.midnight {
            return RuleMatch(type: .time, first: i, last: i, value: w == L.noon ? "12:00" : "00:00")
        }
        guard isNumber(i), !gluedToWord(i) else { return nil }
        let text = self.text(i)
        var hour: Int
        var minute = 0
        var last = i
        var clockWritten = false  // "8:30" and "8h30" are times even without a part of the day
        if text.utf8.contains(UInt8(ascii: ":")) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
                  h <= 24, m < 60 else { return nil }
            (hour, minute, clockWritten) = (h, m, true)
        } else if text.utf8.contains(UInt8(ascii: ".")) {
            // "10.30pm" (British): only with am/pm after it.
            let parts = text.split(separator: ".")
            guard !vi, parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h <= 12, m < 60,
                  meridiem(after: i) != nil else { return nil }
            (hour, minute) = (h, m)
        } else if let h = int(i), text.count <= 2 {
            hour = h
            if tight(i + 1), word(i + 1) != nil, let m = hourMark(wordKey(i + 1)) {
                // "8h30", "20h", "8g"
                guard h <= 24, !durationBefore(i) else { return nil }
                (minute, last, clockWritten) = (m, i + 1, true)
            } else if vi, next(i + 1, is: L.gio) {
                guard h <= 24 else { return nil }
                last = i + 1
                if continues(i + 2), let m = int(i + 2), m < 60, length(i + 2) <= 2 {
                    minute = m
                    last = i + 2
                    if next(i + 3, is: L.phut) { last = i + 3 }
                } else if next(i + 2, is: L.ruoi) {
                    minute = 30
                    last = i + 2
                }
                // "trong 5 giờ" is a duration unless a part of the day follows.
                if durationBefore(i) && partOfDay(after: last) == nil { return nil }
                clockWritten = true
            } else if !vi, meridiem(after: i) != nil {
                guard (1...12).contains(h) else { return nil }
            } else {
                return nil
            }
        } else {
            return nil
        }
        guard hour <= 24, minute < 60 else { return nil }
        if let (end, pm) = meridiem(after: last) {
            guard hour <= 12 else { return nil }
            if pm && hour < 12 { hour += 12 }
            if !pm && hour == 12 { hour = 0 }
            last = end
        } else if vi, let (end, shift, absorb) = partOfDay(after: last) {
            hour = shift(hour)
            if absorb { last = end }
        } else if !clockWritten {
            return nil
        }
        if hour == 24 { hour = 0 }
        let value = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        return RuleMatch(type: .time, first: i, last: last, value: value)
    }

    /// "h", "h30", "g30" written tight after the hour: the minutes (0 when absent). A bare "g" is grams
    /// or "4G".
    func hourMark(_ w: String) -> Int? {
        guard let first = w.first, first == "h" || first == "g" else { return nil }
        let rest = w.dropFirst()
        if rest.isEmpty { return first == "h" ? 0 : nil }
        guard rest.count == 2, let m = Int(rest), m < 60 else { return nil }
        return m
    }

    func durationBefore(_ i: Int) -> Bool {
        guard continues(i), let w = word(i - 1) else { return false }
        return L.durationCues.contains(w)
    }

    /// "a.m.", "am", "p.m.", "pm" after token i: the last token and whether it is afternoon.
    func meridiem(after i: Int) -> (Int, Bool)? {
        let k = i + 1
        guard continues(k), let w = word(k) else { return nil }
        if w == L.am || w == L.pm {
            return (k, w == L.pm)  // a dot after "am" ends the sentence
        }
        // "a.m." is a, ., m, .
        if (w == L.a || w == L.p), isSymbol(k + 1, "."), tight(k + 1), word(k + 2) == L.m, tight(k + 2) {
            var end = k + 2
            if isSymbol(k + 3, "."), tight(k + 3) { end = k + 3 }
            return (end, w == L.p)
        }
        return nil
    }

    /// "sáng", "chiều", "tối", "đêm", "trưa" after a time: the last token, how the hour shifts, and whether
    /// the word belongs to the time — not when it opens a date ("8h sáng 7/12", "8h30 sáng nay" leave
    /// "sáng 7/12" and "sáng nay" to the date rules).
    func partOfDay(after i: Int) -> (Int, (Int) -> Int, Bool)? {
        let k = i + 1
        guard continues(k), let w = word(k), L.partsOfDay[w] != nil else { return nil }
        var absorb = true
        if continues(k + 1) {
            if isNumber(k + 1) || word(k + 1) == L.ngay || word(k + 1) == L.hom || word(k + 1) == L.mai
                || L.viRelativeDay[word(k + 1)] != nil || word(k + 1) == L.thu || word(k + 1) == L.chu {
                absorb = false
            }
        }
        if w == L.sang { return (k, { $0 == 12 ? 0 : $0 }, absorb) }
        if w == L.trua { return (k, { $0 < 6 ? $0 + 12 : $0 }, absorb) }
        if w == L.dem || w == L.khuya { return (k, { $0 == 12 ? 0 : $0 >= 6 && $0 < 12 ? $0 + 12 : $0 }, absorb) }
        return (k, { $0 < 12 ? $0 + 12 : $0 }, absorb)  // chiều, tối
    }
}
