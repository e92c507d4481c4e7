/// The averaged structured perceptron (Collins 2002): decode with the current weights, move weights
/// towards the gold sequence where they disagree, and average the weights over every step. Examples
/// are visited in an order shuffled by a fixed-seed generator, so training is deterministic. With a
/// `margin`, decoding while training is cost-augmented: the weights move until gold wins by a margin.
struct PerceptronTrainer: SequenceTrainer {
    let bucketBits: Int
    private var weights: [SIMD16<Float>]
    /// Sum of (step × change), for averaging: average = weights − totals / step.
    private var totals: [SIMD16<Float>]
    private var transitions = [SIMD16<Float>](repeating: .zero, count: 10)
    private var transitionTotals = [SIMD16<Float>](repeating: .zero, count: 10)
    private var step: Float = 1
    /// Probability that a token's own-word features are left out of one update (word dropout).
    var wordDropout: Double = 0
    /// Extra score for wrong tags while training (cost-augmented decoding); 0 is the plain perceptron.
    var margin: Float = 0
    private var dropping = SplitMix64(seed: 7)

    init(bucketBits: Int) {
        self.bucketBits = bucketBits
        weights = [SIMD16<Float>](repeating: .zero, count: 1 << bucketBits)
        totals = weights
    }

    /// One pass over the examples; returns the number of tokens tagged wrongly.
    mutating func epoch(_ examples: [TaggedSequence], seed: UInt64) -> Int {
        var order = Array(examples.indices)
        var rng = SplitMix64(seed: seed)
        order.shuffle(using: &rng)
        dropping = SplitMix64(seed: seed ^ 0xD20F)
        var errors = 0
        for e in order {
            errors += update(examples[e].droppingWords(wordDropout, using: &dropping))
            step += 1
        }
        return errors
    }

    private mutating func update(_ example: TaggedSequence) -> Int {
        let margin = self.margin
        let predicted = weights.withUnsafeBufferPointer { w in
            var scores = Self.emissions(example.features, w)
            if margin > 0 {
                // Cost-augmented decoding: every wrong tag gets `margin` extra, so the weights move
                // until the gold sequence wins by a margin, not just barely.
                for i in scores.indices {
                    var bonus = SIMD16<Float>(repeating: margin)
                    bonus[Int(example.tags[i])] = 0
                    scores[i] += bonus
                }
            }
            return Viterbi.decode(scores, transitions: transitions, starts: example.starts)
        }
        let gold = example.tags
        guard predicted != gold else { return 0 }
        let f = TaggerFeatures.perToken
        var errors = 0
        let c = step
        weights.withUnsafeMutableBufferPointer { w in
            totals.withUnsafeMutableBufferPointer { u in
                for i in 0..<gold.count where gold[i] != predicted[i] {
                    errors += 1
                    var d = SIMD16<Float>.zero
                    d[Int(gold[i])] = 1
                    d[Int(predicted[i])] = -1
                    let dc = d * c
                    for j in 0..<f {
                        let b = Int(example.features[i * f + j])
                        if b < 0 { continue }
                        w[b] += d
                        u[b] += dc
                    }
                }
            }
        }
        for i in 0..<gold.count {
            let start = i == 0 || example.starts[i]
            let gp = start ? 9 : Int(gold[i - 1])
            let pp = start ? 9 : Int(predicted[i - 1])
            if gp == pp && gold[i] == predicted[i] { continue }
            transitions[gp][Int(gold[i])] += 1
            transitionTotals[gp][Int(gold[i])] += c
            transitions[pp][Int(predicted[i])] -= 1
            transitionTotals[pp][Int(predicted[i])] -= c
        }
        return errors
    }

    /// Emission scores from the float weights, skipping dropped (negative) slots.
    private static func emissions(_ features: [Int32], _ w: UnsafeBufferPointer<SIMD16<Float>>) -> [SIMD16<Float>] {
        let f = TaggerFeatures.perToken
        let n = features.count / f
        var out = [SIMD16<Float>](repeating: .zero, count: n)
        for i in 0..<n {
            var s = SIMD16<Float>.zero
            for j in 0..<f {
                let b = features[i * f + j]
                if b >= 0 { s += w[Int(b)] }
            }
            out[i] = s
        }
        return out
    }

    /// The averaged weights.
    func model() -> TaggerWeights {
        let inverse = 1 / step
        let w = zip(weights, totals).map { $0 - $1 * inverse }
        let t = zip(transitions, transitionTotals).map { $0 - $1 * inverse }
        return TaggerWeights(bucketBits: bucketBits, weights: w, transitions: t)
    }
}
