import LedeModel
/// A proleptic Gregorian day as a count of days since 1970-01-01: date arithmetic without Foundation's
/// calendars or time zones, so that results are deterministic.
struct CalendarDay: Hashable, Comparable, Sendable {
    var days: Int

    init(days: Int) { self.days = days }

    /// Nil when the date does not exist (31/2).
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.length(month: month, year: year) else { return nil }
        days = Int(CalendarMath.days(fromCivil: Int64(year), Int64(month), Int64(day)))
    }

    init(_ date: PublicationDate) {
        self = CalendarDay(year: date.year, month: date.month, day: date.day)
            ?? CalendarDay(year: date.year, month: max(1, min(12, date.month)), day: 1)
            ?? CalendarDay(days: 0)
    }

    var civil: (year: Int, month: Int, day: Int) {
        let (y, m, d) = CalendarMath.civil(fromDays: Int64(days))
        return (Int(y), Int(m), Int(d))
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    var weekday: Int {
        let w = (days + 3) % 7  // 1970-01-01 was a Thursday (3 with Monday = 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    func adding(days n: Int) -> CalendarDay { CalendarDay(days: days + n) }

    /// `YYYY-MM-DD`.
    var iso: String {
        let c = civil
        return PublicationDate(year: c.year, month: c.month, day: c.day).iso
    }

    /// ISO 8601 week, `YYYY-Www`.
    var isoWeek: String {
        let thursday = adding(days: 4 - weekday)
        let year = thursday.civil.year
        let jan1 = CalendarDay(year: year, month: 1, day: 1)!
        let week = (thursday.days - jan1.days) / 7 + 1
        return "\(year)-W" + (week < 10 ? "0" : "") + String(week)
    }

    static func length(month: Int, year: Int) -> Int { CalendarMath.daysInMonth(year, month) }

    static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.days < b.days }
}

/// Which way an expression without a year points from the publication date.
enum TimeDirection: Sendable {
    /// Nothing says: the nearest reading wins, leaning to the past (news reports what happened).
    case unknown
    /// "tới", "sắp tới", "next", "will": on or after the publication date.
    case future
    /// "vừa qua", "hồi", "last": on or before it.
    case past
}

enum DateResolution {
    /// The year of a day and month written without one, closest to the publication date: "ngày 28/12" in
    /// an article of 3 January 2018 is 2017-12-28, "ngày 5/1" in one of 7 December 2017 is 2018-01-05.
    static func year(month: Int, day: Int, near pub: PublicationDate, direction: TimeDirection) -> Int? {
        let anchor = CalendarDay(pub)
        var best: (cost: Int, year: Int)?
        for year in [pub.year - 1, pub.year, pub.year + 1] {
            guard let d = CalendarDay(year: year, month: month, day: day) else { continue }
            let delta = d.days - anchor.days
            if direction == .future && delta < 0 { continue }
            if direction == .past && delta > 0 { continue }
            let cost = delta > 0 ? delta * 2 : -delta
            if best == nil || cost < best!.cost { best = (cost, year) }
        }
        return best?.year
    }

    /// The year of a month written without one ("tháng 12"), by the same rule.
    static func year(month: Int, near pub: PublicationDate, direction: TimeDirection) -> Int {
        var best: (cost: Int, year: Int) = (Int.max, pub.year)
        for year in [pub.year - 1, pub.year, pub.year + 1] {
            let delta = (year * 12 + month) - (pub.year * 12 + pub.month)
            if direction == .future && delta < 0 { continue }
            if direction == .past && delta > 0 { continue }
            let cost = delta > 0 ? delta * 2 : -delta
            if cost < best.cost { best = (cost, year) }
        }
        return best.year
    }

    /// The day a weekday name refers to: the most recent one (the publication day included) unless the
    /// text points to the future; `weekOffset` -1 for "last Tuesday"/"thứ Ba tuần trước", +1 for "next".
    static func day(weekday: Int, near pub: PublicationDate, direction: TimeDirection, weekOffset: Int = 0) -> CalendarDay {
        let anchor = CalendarDay(pub)
        if weekOffset != 0 {
            // The same weekday in the previous (or next) ISO week.
            let monday = anchor.adding(days: 1 - anchor.weekday + 7 * weekOffset)
            return monday.adding(days: weekday - 1)
        }
        let diff = weekday - anchor.weekday
        switch direction {
        case .future: return anchor.adding(days: diff > 0 ? diff : diff + 7)
        default: return anchor.adding(days: diff <= 0 ? diff : diff - 7)
        }
    }

    static func month(_ year: Int, _ month: Int) -> String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (month < 10 ? "0" : "") + String(month)
    }

    /// Shifts a (year, month) by n months.
    static func shift(year: Int, month: Int, by n: Int) -> (Int, Int) {
        let total = year * 12 + (month - 1) + n
        return (total / 12, total % 12 + 1)
    }
}
