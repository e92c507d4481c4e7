/// Byte tests on eight bytes at once, in a `UInt64` loaded from UTF-8: the high bit of each byte of
/// the result is set where the test holds (exact for the first such byte; later ones may be flagged by
/// a borrow, which callers that stop at the first hit never see). The JSON string search and the
/// article decoder's scan share them.
@usableFromInline enum ByteWords {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Bytes that are zero.
    @inlinable @inline(__always)
    static func zero(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highs }

    /// Bytes equal to `b`.
    @inlinable @inline(__always)
    static func equal(_ w: UInt64, _ b: UInt8) -> UInt64 { zero(w ^ (ones &* UInt64(b))) }

    /// Bytes below `b` (for `b` ≤ 0x80).
    @inlinable @inline(__always)
    static func below(_ w: UInt64, _ b: UInt8) -> UInt64 { (w &- ones &* UInt64(b)) & ~w & highs }

    /// UTF-8 continuation bytes (10xxxxxx): exact for every byte.
    @inlinable @inline(__always)
    static func continuation(_ w: UInt64) -> UInt64 { w & ~(w << 1) & highs }
}
