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
}

/// A learner of the tagger's weights from tagged sequences, one epoch at a time.
protocol SequenceTrainer {
    /// One pass over the examples in an order shuffled by `seed`; returns the tokens tagged wrongly as
    /// training sees them (with its margin and word dropout).
    mutating func epoch(_ examples: [TaggedSequence], seed: UInt64) -> Int
    /// The weights as they stand.
    func model() -> TaggerWeights
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
