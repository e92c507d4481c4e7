import LedeModel

/// An ISO 8601 calendar date or date-time as producers send it in `published_at` and API `since`/`until`.
///
/// Accepted, extended or basic format (the date and time must use the same one):
/// `2017-12-07`, `20171207`, `2017-12-07T08:30`, `2017-12-07T08:30:00`, `2017-12-07T08:30:00.250+07:00`,
/// `2017-12-07T08:30:00Z`, `20171207T083000Z`, `20171207T0830+0700`. A space may stand for `T`
/// (RFC 3339). Impossible dates (`2017-02-30`) and times (`25:00`) are refused.
public struct ISODateTime: Sendable, Hashable {
    /// The calendar date as written, whatever the offset.
    public var date: PublicationDate
    /// False for a date alone (`2017-12-07`); the time fields are then 0.
    public var hasTime: Bool
    /// 0…24 (24 only as `24:00:00`, the end of the day).
    public var hour: Int
    public var minute: Int
    /// 0…60 (60 for a leap second).
    public var second: Int
    /// Milliseconds of a fraction of a second (digits past the third are dropped).
    public var millisecond: Int
    /// Minutes east of UTC (`+07:00` → 420, `Z` → 0), nil when no zone was written.
    public var offsetMinutes: Int?

    /// The instant, reading a missing time as midnight and a missing offset as UTC.
    public var millisSince1970: Int64 {
        let days = CalendarMath.days(fromCivil: Int64(date.year), Int64(date.month), Int64(date.day))
        let seconds = Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second) - Int64(offsetMinutes ?? 0) * 60
        return (days * 86_400 + seconds) * 1000 + Int64(millisecond)
    }

    /// The date-time `text` names, or nil when it is not one of the accepted forms or not a real date.
    public static func parse(_ text: String) -> ISODateTime? {
        var p = Scanner(bytes: Array(text.utf8))
        return p.parse()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        mutating func digits(_ n: Int) -> Int? {
            guard i + n <= bytes.count else { return nil }
            var v = 0
            for k in 0..<n {
                let b = bytes[i + k]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            i += n
            return v
        }

        mutating func take(_ c: Character) -> Bool {
            guard i < bytes.count, bytes[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }

        var atEnd: Bool { i == bytes.count }

        mutating func parse() -> ISODateTime? {
            guard let year = digits(4) else { return nil }
            let extended = take("-")
            guard let month = digits(2) else { return nil }
            if extended && !take("-") { return nil }
            guard let day = digits(2) else { return nil }
            guard (1...12).contains(month), day >= 1, day <= CalendarMath.daysInMonth(year, month) else { return nil }
            var result = ISODateTime(
                date: PublicationDate(year: year, month: month, day: day), hasTime: false, hour: 0, minute: 0,
                second: 0, millisecond: 0, offsetMinutes: nil)
            if atEnd { return result }
            guard take("T") || take("t") || take(" ") else { return nil }
            result.hasTime = true
            guard let hour = digits(2) else { return nil }
            if extended && !take(":") { return nil }
            guard let minute = digits(2) else { return nil }
            var second = 0
            var millis = 0
            let hasSeconds = extended ? take(":") : (i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39)
            if hasSeconds {
                guard let s = digits(2) else { return nil }
                second = s
                if take(".") || take(",") {
                    var count = 0
                    var scale = 100
                    while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                        millis += Int(bytes[i] - 0x30) * scale
                        scale /= 10
                        count += 1
                        i += 1
                    }
                    guard count > 0 else { return nil }
                }
            }
            guard hour <= 24, minute <= 59, second <= 60 else { return nil }
            if hour == 24 && (minute != 0 || second != 0 || millis != 0) { return nil }
            result.hour = hour
            result.minute = minute
            result.second = second
            result.millisecond = millis
            if atEnd { return result }
            if take("Z") || take("z") {
                result.offsetMinutes = 0
            } else {
                let sign: Int
                if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
                guard let oh = digits(2), oh <= 23 else { return nil }
                var om = 0
                if !atEnd {
                    if extended && !take(":") { return nil }
                    guard let m = digits(2), m <= 59 else { return nil }
                    om = m
                }
                result.offsetMinutes = sign * (oh * 60 + om)
            }
            return atEnd ? result : nil
        }
    }
}
