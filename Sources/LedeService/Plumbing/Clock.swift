import Foundation

enum WallClock {
    /// Milliseconds since 1970, for stored and published timestamps.
    static func millis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
