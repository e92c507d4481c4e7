#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeModel

/// UTC timestamps as ISO 8601 text, without Foundation.
public enum Timestamps {
    /// `2026-11-25T12:00:00.123Z`: always UTC, always milliseconds.
    public static func iso8601(millisSince1970: Int64) -> String {
        var out = [UInt8]()
        out.reserveCapacity(24)
        appendISO8601(millisSince1970: millisSince1970, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the `iso8601(millisSince1970:)` text to `out` (no quotes).
    public static func appendISO8601(millisSince1970 millis: Int64, to out: inout [UInt8]) {
        let (days, msOfDay) = floorDivMod(millis, 86_400_000)
        let (y, m, d) = CalendarMath.civil(fromDays: days)
        @inline(__always) func put(_ v: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var v = v
            while divisor > 0 {
                out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v / divisor))
                v %= divisor
                divisor /= 10
            }
        }
        if y < 0 || y > 9999 {
            // Expanded years (ISO 8601 §4.1.2.4): a sign and at least six digits.
            out.append(y < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let digits = String(y.magnitude)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 6 - digits.utf8.count)))
            out.append(contentsOf: digits.utf8)
        } else {
            put(y, 4)
        }
        out.append(UInt8(ascii: "-"))
        put(m, 2)
        out.append(UInt8(ascii: "-"))
        put(d, 2)
        out.append(UInt8(ascii: "T"))
        put(msOfDay / 3_600_000, 2)
        out.append(UInt8(ascii: ":"))
        put(msOfDay / 60_000 % 60, 2)
        out.append(UInt8(ascii: ":"))
        put(msOfDay / 1000 % 60, 2)
        out.append(UInt8(ascii: "."))
        put(msOfDay % 1000, 3)
        out.append(UInt8(ascii: "Z"))
    }

    /// Milliseconds since 1970 for an ISO 8601 date or date-time (see `ISODateTime.parse`); a date alone
    /// means its midnight UTC, a date-time without offset is read as UTC. Nil when not ISO 8601.
    public static func millisSince1970(iso text: String) -> Int64? {
        ISODateTime.parse(text)?.millisSince1970
    }

    /// The current wall-clock time in milliseconds since 1970.
    public static func nowMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var q = a / b
        var r = a % b
        if r < 0 {
            q -= 1
            r += b
        }
        return (q, r)
    }
}
