import Foundation
import LedeModel

/// A multiclass linear classifier over hashed features: a class's score is the sum of its weights in
/// the features' buckets, and the probabilities are the scores' softmax. Trained by
/// `LinearClassifierTraining` (multinomial logistic regression); the event trigger model and the
/// topic model are both one.
struct LinearClassifier: Sendable {
    let bucketBits: Int
    let classes: [String]
    /// Bucket-major: the weights of bucket `b` are `weights[b * classes.count ..< (b + 1) * classes.count]`.
    var weights: [Float]

    init(bucketBits: Int, classes: [String]) {
        self.bucketBits = bucketBits
        self.classes = classes
        weights = [Float](repeating: 0, count: (1 << bucketBits) * classes.count)
    }

    @inline(__always)
    func bucket(_ feature: UInt64) -> Int {
        Int(truncatingIfNeeded: FeatureHash.finish(feature) >> UInt64(64 - bucketBits))
    }

    /// Buckets are worked out as the features are summed: on the extraction path no array of them is
    /// built.
    func scores(_ features: [UInt64]) -> [Float] {
        scores(buckets: features.lazy.map(bucket))
    }

    func scores<Buckets: Sequence<Int>>(buckets: Buckets) -> [Float] {
        let n = classes.count
        var out = [Float](repeating: 0, count: n)
        weights.withUnsafeBufferPointer { w in
            for b in buckets {
                for c in 0..<n { out[c] += w[b * n + c] }
            }
        }
        return out
    }

    func probabilities(_ features: [UInt64]) -> [Float] {
        LinearClassifier.softmax(scores(features))
    }

    /// In place: the scores' storage becomes the probabilities (one array per candidate, not three).
    static func softmax(_ scores: consuming [Float]) -> [Float] {
        var p = scores
        let top = p.max() ?? 0
        var sum: Float = 0
        for i in p.indices {
            p[i] = Foundation.exp(p[i] - top)
            sum += p[i]
        }
        for i in p.indices { p[i] /= sum }
        return p
    }

    /// The class with the highest probability, and that probability.
    func best(_ features: [UInt64]) -> (index: Int, probability: Float) {
        let p = probabilities(features)
        var k = 0
        for c in p.indices where p[c] > p[k] { k = c }
        return (k, p[k])
    }
}

extension LinearClassifier {
    /// Weights with magnitude under `prune` are left out of the file; the rest are written sparsely
    /// (gap-coded bucket positions, a class mask, Float32 values).
    func encode(into out: inout ByteWriter, prune: Float) {
        out.u32(UInt32(bucketBits))
        out.u32(UInt32(classes.count))
        for c in classes { out.string(c) }
        var body = ByteWriter()
        var kept: UInt32 = 0
        var previous = 0
        let n = classes.count
        for b in 0..<(1 << bucketBits) {
            var mask: UInt32 = 0
            for c in 0..<n where abs(weights[b * n + c]) >= prune { mask |= 1 << UInt32(c) }
            guard mask != 0 else { continue }
            kept += 1
            body.varint(UInt64(b - previous))
            previous = b
            body.u32(mask)
            for c in 0..<n where mask & (1 << UInt32(c)) != 0 { body.f32(weights[b * n + c]) }
        }
        out.u32(kept)
        out.bytes += body.bytes
    }

    init(from r: inout ByteReader) throws {
        let bits = Int(try r.u32())
        guard (8...24).contains(bits) else { throw ModelFormatError(description: "bad bucket bits \(bits)") }
        let n = Int(try r.u32())
        guard (2...32).contains(n) else { throw ModelFormatError(description: "bad class count \(n)") }
        var classes: [String] = []
        for _ in 0..<n { classes.append(try r.string()) }
        self.init(bucketBits: bits, classes: classes)
        let kept = try r.count(entryBytes: 5)
        var b = 0
        for _ in 0..<kept {
            b += Int(try r.varint())
            guard b < 1 << bits else { throw ModelFormatError(description: "bucket out of range") }
            let mask = try r.u32()
            for c in 0..<n where mask & (1 << UInt32(c)) != 0 { weights[b * n + c] = try r.f32() }
        }
    }
}

/// Multinomial logistic regression by stochastic gradient descent, deterministic: examples are
/// visited in an order drawn from a fixed seed, and the weights returned are the average of the
/// weights after each epoch from the second on (averaging steadies a model trained on few examples).
public struct LinearClassifierTraining: Sendable {
    public var epochs = 15
    public var rate: Float = 0.2
    public var l2: Float = 1e-4
    public var seed: UInt64 = 20171207
    /// How much more an example of any class but the first ("no event") weighs: events are few.
    public var positiveWeight: Float = 1
    /// The first `identityFeatures` features of every example are left out of an update with this
    /// probability (as word dropout does for the tagger), so the rest must carry the decision too.
    public var identityFeatures = 0
    public var identityDropout = 0.0

    public init() {}

    func train(_ examples: [(features: [UInt64], label: Int)], bucketBits: Int, classes: [String]) -> LinearClassifier {
        var model = LinearClassifier(bucketBits: bucketBits, classes: classes)
        var sum = [Double](repeating: 0, count: model.weights.count)
        var averaged = 0
        let n = classes.count
        var order = Array(examples.indices)
        var random = SplitMix64(seed: seed)
        let buckets = examples.map { $0.features.map(model.bucket) }
        for epoch in 0..<epochs {
            order.shuffle(using: &random)
            let step = rate / (1 + Float(epoch))
            for k in order {
                var used = buckets[k]
                if identityDropout > 0, Double(random.next() % 1_000_000) / 1_000_000 < identityDropout {
                    used.removeFirst(min(identityFeatures, used.count))
                }
                let p = LinearClassifier.softmax(model.scores(buckets: used))
                let weight = examples[k].label == 0 ? 1 : positiveWeight
                for b in used {
                    for c in 0..<n {
                        let g = weight * (p[c] - (c == examples[k].label ? 1 : 0))
                        let w = model.weights[b * n + c]
                        model.weights[b * n + c] = w - step * (g + l2 * w)
                    }
                }
            }
            if epoch > 0 {
                for i in sum.indices { sum[i] += Double(model.weights[i]) }
                averaged += 1
            }
        }
        if averaged > 0 { model.weights = sum.map { Float($0 / Double(averaged)) } }
        return model
    }
}
