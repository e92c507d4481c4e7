import LedeModel
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
    /// Extra score for wrong tags while training (cost-augmented decoding); 0 is the plain perceptron.
    var margin: Float = 0

    init(bucketBits: Int) {
        self.bucketBits = bucketBits
        weights = [SIMD16<Float>](repeating: .zero, count: 1 << bucketBits)
        totals = weights
    }

    mutating func learn(_ example: TaggedSequence) -> Int {
        defer { step += 1 }
        return update(example)
    }

    private mutating func update(_ example: TaggedSequence) -> Int {
        let predicted = weights.withUnsafeBufferPointer { w in
            Viterbi.decode(example.scores(w, margin: margin), transitions: transitions, starts: example.starts)
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

    /// The averaged weights.
    func model() -> TaggerWeights {
        let inverse = 1 / step
        let w = zip(weights, totals).map { $0 - $1 * inverse }
        let t = zip(transitions, transitionTotals).map { $0 - $1 * inverse }
        return TaggerWeights(bucketBits: bucketBits, weights: w, transitions: t)
    }
}
