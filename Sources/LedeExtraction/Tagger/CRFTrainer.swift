import LedeModel
/// A linear-chain conditional random field over the tagger's features and BIO tags (Lafferty et al.
/// 2001), trained by stochastic gradient descent on the log-likelihood with an L2 penalty, and
/// averaged (Polyak–Ruppert) from `averageFrom` on. Step sizes follow Bottou's schedule
/// (rate / (1 + λ·rate·t)); the penalty shrinks every weight by the same factor each step, so it is kept
/// as one `scale` for the whole table and a step touches only the buckets of its example. With a
/// `margin`, every wrong tag scores that much more while training (softmax-margin, Gimpel and Smith
/// 2010). Forward-backward runs under the BIO constraint, each sentence on its own, as decoding does.
/// Examples are visited in a fixed-seed shuffled order, so training is deterministic.
struct CRFTrainer: SequenceTrainer {
    let bucketBits: Int
    var margin: Float = 0
    /// C in C/2 ‖w‖², over the whole training set.
    var l2: Double = 1
    /// The first step size.
    static let rate = 0.05
    /// The first epoch whose steps are averaged: the first one's weights are still far off.
    static let averageFrom = 2

    /// The weights are `scale × values`.
    private var values: [SIMD16<Float>]
    private var scale: Double = 1
    private var transitions = [SIMD16<Float>](repeating: .zero, count: 10)
    private var steps: Double = 0
    private var epochs = 0
    /// The L2 penalty per example (`l2` over the examples of an epoch).
    private var lambda: Double = 0

    // Averaging. A bucket's sum is brought up to date only when the bucket changes: its values held
    // since it last changed, times the sum of the scales of the steps since (`scales − seen[b]`).
    private var averaging = false
    private var sums: [SIMD16<Float>]
    private var seen: [Double]
    private var scales: Double = 0
    private var averagedSteps: Double = 0
    private var transitionSums = [SIMD16<Float>](repeating: .zero, count: 10)

    init(bucketBits: Int) {
        self.bucketBits = bucketBits
        values = [SIMD16<Float>](repeating: .zero, count: 1 << bucketBits)
        sums = values
        seen = [Double](repeating: 0, count: 1 << bucketBits)
    }

    mutating func beginEpoch(examples: Int) {
        epochs += 1
        averaging = epochs >= Self.averageFrom
        lambda = l2 / Double(max(1, examples))
    }

    mutating func learn(_ example: TaggedSequence) -> Int {
        defer { steps += 1 }
        return update(example, step: Self.rate / (1 + lambda * Self.rate * steps))
    }

    /// One gradient step on one example; returns how many of its tokens' most likely tags are wrong.
    private mutating func update(_ example: TaggedSequence, step: Double) -> Int {
        let gold = example.tags
        let scores = values.withUnsafeBufferPointer { example.scores($0, scale: Float(scale), margin: margin) }
        let expected = ForwardBackward(scores, transitions: transitions, starts: example.starts)

        scale *= 1 - step * lambda
        if scale < 1e-6 { rescale() }
        var errors = 0
        let move = Float(step / scale)
        let f = TaggerFeatures.perToken
        let averaging = self.averaging
        let scales = self.scales
        values.withUnsafeMutableBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                seen.withUnsafeMutableBufferPointer { seen in
                    for i in 0..<gold.count {
                        let marginal = expected.marginals[i]
                        if (0..<EntityTag.count).contains(where: { marginal[$0] > marginal[Int(gold[i])] }) { errors += 1 }
                        var gradient = -marginal
                        gradient[Int(gold[i])] += 1
                        let d = gradient * move
                        for j in 0..<f {
                            let b = Int(example.features[i * f + j])
                            if b < 0 { continue }
                            if averaging {
                                sums[b] += values[b] * Float(scales - seen[b])
                                seen[b] = scales
                            }
                            values[b] += d
                        }
                    }
                }
            }
        }
        let shrink = Float(1 - step * lambda)
        for row in 0..<10 { transitions[row] = transitions[row] * shrink - expected.pairs[row] * Float(step) }
        for i in 0..<gold.count {
            let row = i == 0 || example.starts[i] ? 9 : Int(gold[i - 1])
            transitions[row][Int(gold[i])] += Float(step)
        }
        if averaging {
            self.scales += scale
            averagedSteps += 1
            for row in 0..<10 { transitionSums[row] += transitions[row] }
        }
        return errors
    }

    /// Folds the scale into the values before it underflows.
    private mutating func rescale() {
        if averaging { flush() }
        let s = Float(scale)
        for b in values.indices { values[b] *= s }
        scale = 1
    }

    /// Brings every bucket's sum up to date.
    private mutating func flush() {
        for b in values.indices {
            sums[b] += values[b] * Float(scales - seen[b])
            seen[b] = scales
        }
    }

    func model() -> TaggerWeights {
        guard averagedSteps > 0 else {
            let s = Float(scale)
            return TaggerWeights(bucketBits: bucketBits, weights: values.map { $0 * s }, transitions: transitions)
        }
        var copy = self
        copy.flush()
        let k = 1 / Float(averagedSteps)
        return TaggerWeights(
            bucketBits: bucketBits, weights: copy.sums.map { $0 * k }, transitions: transitionSums.map { $0 * k })
    }
}
