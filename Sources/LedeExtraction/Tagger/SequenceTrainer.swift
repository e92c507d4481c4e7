import LedeModel
/// One training example: features from `TaggerFeatures` and the gold BIO tags.
struct TaggedSequence: Sendable {
    var features: [Int32]
    var tags: [UInt8]
    /// Tokens that begin a sentence (`TaggerFeatures.sentenceStarts`).
    var starts: [Bool]

    /// The example with each token's own-word features (`TaggerFeatures.lexicalSlots`) left out with
    /// the given probability (word dropout), so that the model also learns from context and shape.
    func droppingWords(_ probability: Double, using generator: inout SplitMix64) -> TaggedSequence {
        guard probability > 0 else { return self }
        var copy = self
        let f = TaggerFeatures.perToken
        let threshold = UInt64(probability * Double(UInt64.max >> 11)) << 11
        for i in 0..<tags.count where generator.next() < threshold {
            for slot in TaggerFeatures.lexicalSlots { copy.features[i * f + slot] = -1 }
        }
        return copy
    }

    /// Emission scores: per token, the weights of its features summed (dropped slots skipped) and
    /// multiplied by `scale`, with `margin` added to every tag but the gold one (cost-augmented
    /// training: the weights move until the gold sequence wins by that much).
    func scores(_ weights: UnsafeBufferPointer<SIMD16<Float>>, scale: Float = 1, margin: Float) -> [SIMD16<Float>] {
        let f = TaggerFeatures.perToken
        return (0..<tags.count).map { i in
            var sum = SIMD16<Float>.zero
            for j in 0..<f {
                let b = features[i * f + j]
                if b >= 0 { sum += weights[Int(b)] }
            }
            sum *= scale
            if margin > 0 {
                for t in 0..<EntityTag.count where t != Int(tags[i]) { sum[t] += margin }
            }
            return sum
        }
    }
}

/// A learner of the tagger's weights from tagged sequences, one example at a time.
protocol SequenceTrainer {
    /// Called before each epoch with the number of examples it holds.
    mutating func beginEpoch(examples: Int)
    /// Learns from one example; returns how many of its tokens training tagged wrongly (with its
    /// margin and word dropout).
    mutating func learn(_ example: TaggedSequence) -> Int
    /// The weights as they stand.
    func model() -> TaggerWeights
}

extension SequenceTrainer {
    mutating func beginEpoch(examples: Int) {}

    /// One pass over the examples in an order shuffled by `seed`, each with its own words dropped at
    /// `wordDropout` (`TaggedSequence.droppingWords`); returns the tokens tagged wrongly.
    mutating func epoch(_ examples: [TaggedSequence], seed: UInt64, wordDropout: Double) -> Int {
        var order = Array(examples.indices)
        var rng = SplitMix64(seed: seed)
        order.shuffle(using: &rng)
        var dropping = SplitMix64(seed: seed ^ 0xD20F)
        beginEpoch(examples: examples.count)
        var errors = 0
        for e in order { errors += learn(examples[e].droppingWords(wordDropout, using: &dropping)) }
        return errors
    }
}

/// A small deterministic generator (SplitMix64) for shuffling training examples.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.finish(state)
    }
}
