import Foundation
import LedeModel

/// Tag marginals per token and expected tag-pair counts of one text under a CRF, from forward and
/// backward passes in probability space, each step normalised (Rabiner's scaling). Transitions
/// that BIO forbids have probability zero; each sentence starts from row 9.
struct ForwardBackward {
    /// Per token: the probability of each tag (lanes 0...8).
    private(set) var marginals: [SIMD16<Float>]
    /// Rows 0...8: previous tag, row 9: a sentence start; lanes: the tag. Expected counts.
    private(set) var pairs = [SIMD16<Float>](repeating: .zero, count: 10)

    init(_ scores: [SIMD16<Float>], transitions: [SIMD16<Float>], starts: [Bool]) {
        let n = scores.count
        let tags = EntityTag.count
        // exp(transition), zero where BIO forbids the pair; rows as in `transitions`.
        var edge = [Double](repeating: 0, count: 10 * tags)
        for row in 0..<10 {
            for t in 0..<tags where Viterbi.constraint[row][t] == 0 {
                edge[row * tags + t] = exp(Double(transitions[row][t]))
            }
        }
        // exp(emission), shifted by each token's best score (the shift cancels in the normalisation).
        var emit = [Double](repeating: 0, count: n * tags)
        for i in 0..<n {
            var top = Double(scores[i][0])
            for t in 1..<tags { top = max(top, Double(scores[i][t])) }
            for t in 0..<tags { emit[i * tags + t] = exp(Double(scores[i][t]) - top) }
        }
        func first(_ i: Int) -> Bool { i == 0 || starts[i] }

        var alpha = [Double](repeating: 0, count: n * tags)
        var norm = [Double](repeating: 1, count: n)
        for i in 0..<n {
            var total = 0.0
            for t in 0..<tags {
                var sum = 0.0
                if first(i) {
                    sum = edge[9 * tags + t]
                } else {
                    for p in 0..<tags { sum += alpha[(i - 1) * tags + p] * edge[p * tags + t] }
                }
                alpha[i * tags + t] = sum * emit[i * tags + t]
                total += alpha[i * tags + t]
            }
            norm[i] = total
            for t in 0..<tags { alpha[i * tags + t] /= total }
        }
        var beta = [Double](repeating: 1, count: n * tags)
        for i in stride(from: n - 2, through: 0, by: -1) where !first(i + 1) {
            for p in 0..<tags {
                var sum = 0.0
                for t in 0..<tags { sum += edge[p * tags + t] * emit[(i + 1) * tags + t] * beta[(i + 1) * tags + t] }
                beta[i * tags + p] = sum / norm[i + 1]
            }
        }
        marginals = [SIMD16<Float>](repeating: .zero, count: n)
        for i in 0..<n {
            for t in 0..<tags { marginals[i][t] = Float(alpha[i * tags + t] * beta[i * tags + t]) }
            if first(i) {
                pairs[9] += marginals[i]
                continue
            }
            for p in 0..<tags {
                let from = alpha[(i - 1) * tags + p] / norm[i]
                for t in 0..<tags {
                    pairs[p][t] += Float(from * edge[p * tags + t] * emit[i * tags + t] * beta[i * tags + t])
                }
            }
        }
    }
}
