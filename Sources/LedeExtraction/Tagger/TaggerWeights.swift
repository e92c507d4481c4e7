import LedeModel
internal import CPrefetch

/// The tagger's model: a weight vector per feature bucket (lanes 0...8 are the tags) and tag-to-tag
/// transition weights, decoded with Viterbi under the BIO constraint. Immutable once built.
final class TaggerWeights: Sendable {
    let bucketBits: Int
    /// Weights as multiples of `scale`, as the model file holds them (and training produces them).
    let quantized: [SIMD16<Int16>]
    let scale: Float
    /// Rows 0...8: previous tag; row 9: the start of a sentence. Lanes: the current tag.
    let transitions: [SIMD16<Float>]
    /// The weights again in 8 bits (multiples of `taggingScale`), which is what tagging reads: the
    /// look-ups miss the cache, and a smaller table misses less. Measured 25 November
    /// 2026: `lede bench extract` +7 % (three alternating runs each), dev F1 within the training noise
    /// (VLSP 2016 85.70 → 85.89, VLSP 2018 84.52 → 84.42, CoNLL 90.50 → 90.45). Files keep 16 bits.
    ///
    /// Eight lanes, not nine: each bucket holds its tags' weights minus its outside weight. Adding
    /// the same amount to every tag of a token leaves Viterbi's choice unchanged, so outside can score 0
    /// and the table is 1 MB instead of 2. 3 December 2026: the weight sums went from 11.6 % to 7.5 % of
    /// one core's extraction time (perf, three passes over the corpus); dev F1 VLSP 2016 86.19 → 86.46,
    /// VLSP 2018 85.55 → 85.53, CoNLL 90.66 → 90.77 (the differences need one more bit of range).
    /// Lane k holds tag k + 1 (`EntityTag`: B-PER, I-PER, …, I-MISC).
    let tagging: [SIMD8<Int8>]
    let taggingScale: Float

    init(bucketBits: Int, quantized: [SIMD16<Int16>], scale: Float, transitions: [SIMD16<Float>]) {
        precondition(quantized.count == 1 << bucketBits && transitions.count == 10)
        self.bucketBits = bucketBits
        self.quantized = quantized
        self.scale = scale
        self.transitions = transitions
        var largest: Int32 = 1
        for q in quantized {
            for tag in 1..<EntityTag.count { largest = max(largest, abs(Int32(q[tag]) - Int32(q[0]))) }
        }
        let factor = Float(Int8.max) / Float(largest)
        tagging = quantized.map { q in
            var c = SIMD8<Int8>.zero
            for tag in 1..<EntityTag.count { c[tag - 1] = Int8((Float(Int32(q[tag]) - Int32(q[0])) * factor).rounded()) }
            return c
        }
        taggingScale = scale / factor
    }

    /// Quantises float weights to 16 bits with one scale for the whole table.
    convenience init(bucketBits: Int, weights: [SIMD16<Float>], transitions: [SIMD16<Float>]) {
        var maxAbs: Float = 0
        for w in weights {
            for tag in 0..<EntityTag.count { maxAbs = max(maxAbs, abs(w[tag])) }
        }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        let inverse = 1 / scale
        let quantized = weights.map { w -> SIMD16<Int16> in
            var q = SIMD16<Int16>.zero
            for tag in 0..<EntityTag.count { q[tag] = Int16((w[tag] * inverse).rounded()) }
            return q
        }
        self.init(bucketBits: bucketBits, quantized: quantized, scale: scale, transitions: transitions)
    }

    /// Emission scores of every token: the weights of its features, summed.
    func emissions(_ features: TaggerFeatures, traits: TextTraits, starts: [Bool]) -> [SIMD16<Float>] {
        let n = traits.count
        return [SIMD16<Float>](unsafeUninitializedCapacity: n) { out, initialized in
            tagging.withUnsafeBufferPointer { w in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: TaggerFeatures.perToken) { buckets in
                    var sink = EmissionSums(
                        weights: w, scale: taggingScale, out: out, buckets: buckets, mask: features.mask, tokens: n)
                    features.features(traits, starts: starts, into: &sink)
                }
            }
            initialized = n
        }
    }
}

/// Sums the quantised weights of each token's features as exact integers, so the order of the sum
/// does not matter: a token's own features are summed once per distinct word and sentence start and
/// reused (a text repeats its words, and the table look-ups are the tagger's main cost). A token's
/// buckets are gathered first and summed in one tight loop, where the look-ups overlap best; each
/// bucket's weights are prefetched as soon as its number is known, so that the hashing of the
/// token's other features hides the cache misses. 3 December 2026, `lede bench extract` on one core,
/// alternating runs: 3.97 → 4.38 MB/s in an hour when the host was busy (this sum went from 13 % to
/// 9 % of the time), 5.09 → 5.16 MB/s in a quiet hour, when the misses cost less.
private struct EmissionSums: FeatureSink {
    let weights: UnsafeBufferPointer<SIMD8<Int8>>
    let scale: Float
    let out: UnsafeMutableBufferPointer<SIMD16<Float>>
    let buckets: UnsafeMutableBufferPointer<Int32>
    let mask: UInt64
    private var count = 0
    /// Own-features key → index into `own`.
    private var known: HashTable<Int32>
    private var own: [SIMD8<Int32>] = []
    private var key: UInt64 = 0
    private var sum = SIMD8<Int32>.zero

    init(weights: UnsafeBufferPointer<SIMD8<Int8>>, scale: Float, out: UnsafeMutableBufferPointer<SIMD16<Float>>,
         buckets: UnsafeMutableBufferPointer<Int32>, mask: UInt64, tokens: Int) {
        self.weights = weights
        self.scale = scale
        self.out = out
        self.buckets = buckets
        self.mask = mask
        known = HashTable(capacity: tokens)
        own.reserveCapacity(tokens)
    }

    var skipsQuietTokens: Bool { true }

    mutating func quiet(_ i: Int) {
        out[i] = Viterbi.outsideOnly
    }

    @inline(__always)
    mutating func begin(_ i: Int, own key: UInt64) -> Bool {
        if let k = known.get(key) {
            sum = own[Int(k)]
            return false
        }
        self.key = key
        return true
    }

    @inline(__always)
    mutating func endOwn() {
        sum = gathered()
        known[key] = Int32(own.count)
        own.append(sum)
    }

    @inline(__always)
    mutating func add(_ template: Int, bucket: Int) {
        buckets[count] = Int32(truncatingIfNeeded: bucket)
        lede_prefetch(weights.baseAddress! + bucket)
        count += 1
    }

    @inline(__always)
    mutating func end(_ i: Int) {
        let s = SIMD8<Float>(sum &+ gathered()) * scale
        var e = SIMD16<Float>.zero
        for tag in 1..<EntityTag.count { e[tag] = s[tag - 1] }
        out[i] = e
    }

    /// The weights of the buckets gathered since the last call, summed.
    private mutating func gathered() -> SIMD8<Int32> {
        var s = SIMD8<Int32>.zero
        for j in 0..<count { s &+= SIMD8<Int32>(truncatingIfNeeded: weights[Int(buckets[j])]) }
        count = 0
        return s
    }
}

/// First-order Viterbi over the nine BIO tags; an I- tag can only follow its own B- or I- tag. Each
/// sentence starts afresh (the start row of the transitions), so no name spans two sentences.
enum Viterbi {
    static let forbidden: Float = -1e9

    /// The emissions of a token that can only be outside (a quiet token, `EmissionSums.quiet`): every
    /// other tag is as forbidden as a BIO violation. `decode` works out only the outside lane for it.
    static let outsideOnly: SIMD16<Float> = {
        var e = SIMD16<Float>(repeating: forbidden)
        e[Int(EntityTag.outside)] = 0
        return e
    }()

    /// Added to the transitions: `forbidden` where BIO does not allow the pair.
    static let constraint: [SIMD16<Float>] = (0..<10).map { row in
        var v = SIMD16<Float>(repeating: forbidden)
        for tag in 0..<EntityTag.count where EntityTag.allowed(row == 9 ? nil : UInt8(row), UInt8(tag)) {
            v[tag] = 0
        }
        return v
    }

    static func decode(_ emissions: [SIMD16<Float>], transitions: [SIMD16<Float>], starts: [Bool]) -> [UInt8] {
        let n = emissions.count
        guard n > 0 else { return [] }
        let rows = (0..<10).map { transitions[$0] + constraint[$0] }
        var back = [SIMD16<Int32>](repeating: .zero, count: n)
        var delta = rows[9] + emissions[0]
        let quiet = outsideOnly
        for i in 1..<n {
            if starts[i] {
                // A new sentence: whatever tag ended the last one, this one begins from the start row.
                var last = 0
                for t in 1..<EntityTag.count where delta[t] > delta[last] { last = t }
                back[i] = SIMD16<Int32>(repeating: Int32(last))
                delta = SIMD16<Float>(repeating: delta[last]) + rows[9] + emissions[i]
                continue
            }
            if emissions[i] == quiet {
                // Only outside is open, so only its lane is worked out; the others stay out of reach of
                // any best path.
                var last = 0
                var score = delta[0] + rows[0][0]
                for prev in 1..<EntityTag.count where delta[prev] + rows[prev][0] > score {
                    last = prev
                    score = delta[prev] + rows[prev][0]
                }
                back[i] = SIMD16<Int32>(repeating: Int32(last))
                delta = SIMD16<Float>(repeating: score + forbidden)
                delta[0] = score
                continue
            }
            var best = SIMD16<Float>(repeating: -Float.infinity)
            var arg = SIMD16<Int32>.zero
            for prev in 0..<EntityTag.count {
                let candidate = SIMD16<Float>(repeating: delta[prev]) + rows[prev]
                let better = candidate .> best
                best.replace(with: candidate, where: better)
                arg.replace(with: Int32(prev), where: better)
            }
            back[i] = arg
            delta = best + emissions[i]
        }
        var tag = 0
        for t in 1..<EntityTag.count where delta[t] > delta[tag] { tag = t }
        var tags = [UInt8](repeating: 0, count: n)
        tags[n - 1] = UInt8(tag)
        var i = n - 1
        while i > 0 {
            tag = Int(back[i][tag])
            tags[i - 1] = UInt8(tag)
            i -= 1
        }
        return tags
    }
}
