import LedeModel
/// Where `TaggerFeatures` sends each token's hashed features: bucket numbers for training
/// (`FeatureBuckets`), summed weights for tagging (`EmissionSums`).
protocol FeatureSink {
    /// Buckets minus one (the bucket count is a power of two).
    var mask: UInt64 { get }

    /// Whether the tokens of `TaggerFeatures.quietTokens` are left out: a tagging sink need not score
    /// them; training sees every token.
    var skipsQuietTokens: Bool { get }
    /// Token `i` is quiet and left out (only called when `skipsQuietTokens`).
    mutating func quiet(_ i: Int)
    /// Starts token `i`. Its own features (of its text alone and whether a sentence starts there) are
    /// the same wherever `own` is: false skips them, for a sink that has them from an earlier token.
    mutating func begin(_ i: Int, own: UInt64) -> Bool
    /// After the own features, when `begin` returned true.
    mutating func endOwn()
    /// The bucket of template `template` (1...`TaggerFeatures.perToken`) for the current token.
    mutating func add(_ template: Int, bucket: Int)
    mutating func end(_ i: Int)
}

extension FeatureSink {
    // Template numbers are part of the hash, so the same value in two templates lands in two buckets;
    // models store weights by bucket, so a template keeps its number for good.
    @inline(__always)
    mutating func emit(_ template: Int, _ a: UInt64) {
        put(template, FeatureHash.combine(UInt64(template) &* 0x1000_0000_01B3, a))
    }

    @inline(__always)
    mutating func emit(_ template: Int, _ a: UInt64, _ b: UInt64) {
        put(template, FeatureHash.combine(FeatureHash.combine(UInt64(template) &* 0x1000_0000_01B3, a), b))
    }

    @inline(__always)
    mutating func emit(_ template: Int, _ a: UInt64, _ b: UInt64, _ d: UInt64) {
        put(template, FeatureHash.combine(FeatureHash.combine(FeatureHash.combine(UInt64(template) &* 0x1000_0000_01B3, a), b), d))
    }

    @inline(__always)
    private mutating func put(_ template: Int, _ h: UInt64) {
        add(template, bucket: Int(truncatingIfNeeded: FeatureHash.finish(h) & mask))
    }
}

/// Bucket numbers, `perToken` per token in template order (what the trainer reads; template `t` is
/// slot `t - 1`, as in `TaggerFeatures.lexicalSlots`).
struct FeatureBuckets: FeatureSink {
    let buffer: UnsafeMutableBufferPointer<Int32>
    let mask: UInt64
    private var base = 0
    /// Templates written for the current token, one bit each: every template exactly once.
    private var written: UInt64 = 0

    init(buffer: UnsafeMutableBufferPointer<Int32>, mask: UInt64) {
        self.buffer = buffer
        self.mask = mask
    }

    var skipsQuietTokens: Bool { false }

    mutating func quiet(_ i: Int) { preconditionFailure("training scores every token") }

    mutating func begin(_ i: Int, own: UInt64) -> Bool {
        base = i * TaggerFeatures.perToken - 1
        written = 0
        return true
    }

    mutating func endOwn() {}

    @inline(__always)
    mutating func add(_ template: Int, bucket: Int) {
        buffer[base + template] = Int32(truncatingIfNeeded: bucket)
        assert(written & (1 << UInt64(template - 1)) == 0, "template \(template) written twice")
        written |= 1 << UInt64(template - 1)
    }

    mutating func end(_ i: Int) {
        assert(written == (1 << UInt64(TaggerFeatures.perToken)) - 1, "every template 1...perToken, once")
    }
}
