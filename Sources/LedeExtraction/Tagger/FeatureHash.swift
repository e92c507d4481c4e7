import LedeModel
/// Hashing of strings and feature conjunctions straight from scalars, so that no feature is ever built
/// as a string. The functions are fixed (not Swift's seeded `Hasher`): weights are saved by hash.
enum FeatureHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func add(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func combine(_ h: UInt64, _ v: UInt64) -> UInt64 {
        ((h << 5 | h >> 59) ^ v) &* 0x9E37_79B9_7F4A_7C15
    }

    /// A well-mixed final value (SplitMix64's finaliser).
    @inline(__always)
    static func finish(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func string(_ s: String) -> UInt64 {
        string(scalars: s.unicodeScalars)
    }

    /// `string` of the text these scalars spell.
    @inline(__always)
    static func string<S: Sequence>(scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var h = seed
        for c in scalars { h = add(h, c.value) }
        return h
    }

    static func lowercased(_ s: String) -> UInt64 {
        var h = seed
        for c in s.unicodeScalars { h = add(h, CharacterClass.lower(c).value) }
        return h
    }
}
