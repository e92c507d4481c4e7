import LedeModel
/// Builds `WordClusters` from unlabelled text, deterministically: each frequent word is described by
/// the distribution of its left and right neighbours among the most frequent words (square roots of the
/// probabilities, so a vector has unit length), and spherical k-means groups the words. The fine
/// classes' centroids are grouped again for the middle and coarse levels. Initial centroids are words
/// at evenly spaced frequency ranks, ties in frequency are broken by hash: no randomness anywhere.
public struct WordClustering: Sendable {
    public var minCount = 3
    public var maxVocabulary = 40_000
    public var contextWords = 300
    public var fineClasses = 384
    public var middleClasses = 64
    public var coarseClasses = 16
    public var iterations = 12

    public init() {}

    func build(_ texts: [String]) -> WordClusters {
        // Token sequences as word hashes; 0 marks the start and end of a text.
        var sequence: [UInt64] = [0]
        var counts: [UInt64: Int] = [:]
        // Per lower-case form: (capitalised, all) occurrences that do not start a sentence.
        var capitals: [UInt64: (Int, Int)] = [:]
        for text in texts {
            let analyzed = TextAnalyzer.analyze(text, field: .body)
            var starts = Set(analyzed.sentences.map(\.tokens.lowerBound))
            for (k, token) in analyzed.tokens.enumerated() {
                let h = token.key
                sequence.append(h)
                counts[h, default: 0] += 1
                guard let first = token.text.unicodeScalars.first, CharacterClass.isLetter(first) else {
                    starts.insert(k + 1)  // after a quote, dash or colon a capital tells nothing either
                    continue
                }
                guard !starts.contains(k) else { continue }
                let upper = CharacterClass.isUpper(first)
                capitals[FeatureHash.lowercased(token.text), default: (0, 0)].0 += upper ? 1 : 0
                capitals[FeatureHash.lowercased(token.text), default: (0, 0)].1 += 1
            }
            sequence.append(0)
        }
        var capitalization: [UInt64: UInt8] = [:]
        for (key, (capitalised, total)) in capitals {
            let level = WordClusters.capitalizationLevel(capitalised: capitalised, total: total)
            if level > 0 { capitalization[key] = level }
        }
        let ranked = counts.filter { $0.value >= minCount }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let vocabulary = ranked.prefix(maxVocabulary).map(\.key)
        guard vocabulary.count > fineClasses else { return WordClusters(classes: [:], capitalization: capitalization) }
        var index: [UInt64: Int] = [:]
        for (i, h) in vocabulary.enumerated() { index[h] = i }
        let contexts = min(contextWords, vocabulary.count)
        let dims = 2 * contexts

        // Sparse neighbour counts per word.
        var neighbours = [[Int: Float]](repeating: [:], count: vocabulary.count)
        for k in 1..<(sequence.count - 1) {
            guard sequence[k] != 0, let w = index[sequence[k]] else { continue }
            if let l = index[sequence[k - 1]], l < contexts { neighbours[w][l, default: 0] += 1 }
            if let r = index[sequence[k + 1]], r < contexts { neighbours[w][contexts + r, default: 0] += 1 }
        }
        let vectors: [SparseVector] = neighbours.map { SparseVector(counts: $0) }

        let fine = SphericalKMeans.cluster(
            vectors, dims: dims, k: fineClasses, weights: vectors.map { _ in 1 }, iterations: iterations)
        let centroidVectors = fine.centroids.map { SparseVector(dense: $0) }
        let sizes = fine.assignment.reduce(into: [Float](repeating: 0, count: fineClasses)) { $0[$1] += 1 }
        let middle = SphericalKMeans.cluster(
            centroidVectors, dims: dims, k: middleClasses, weights: sizes, iterations: iterations)
        let middleVectors = middle.centroids.map { SparseVector(dense: $0) }
        let middleSizes = middle.assignment.enumerated().reduce(into: [Float](repeating: 0, count: middleClasses)) {
            $0[$1.element] += sizes[$1.offset]
        }
        let coarse = SphericalKMeans.cluster(
            middleVectors, dims: dims, k: coarseClasses, weights: middleSizes, iterations: iterations)

        var classes: [UInt64: UInt32] = [:]
        for (w, h) in vocabulary.enumerated() {
            let f = fine.assignment[w]
            let m = middle.assignment[f]
            classes[h] = WordClusters.pack(fine: f, middle: m, coarse: coarse.assignment[m])
        }
        return WordClusters(classes: classes, capitalization: capitalization)
    }
}

/// A unit-length sparse vector, indices ascending.
struct SparseVector {
    var indices: [Int32] = []
    var values: [Float] = []

    /// Square roots of the neighbour probabilities: unit length by construction.
    init(counts: [Int: Float]) {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return }
        for key in counts.keys.sorted() {
            indices.append(Int32(key))
            values.append((counts[key]! / total).squareRoot())
        }
    }

    init(dense: [Float]) {
        for (i, v) in dense.enumerated() where v != 0 {
            indices.append(Int32(i))
            values.append(v)
        }
    }
}

enum SphericalKMeans {
    struct Result {
        var assignment: [Int]
        var centroids: [[Float]]
    }

    static func cluster(_ vectors: [SparseVector], dims: Int, k: Int, weights: [Float], iterations: Int) -> Result {
        let n = vectors.count
        let k = min(k, n)
        // Dense centroids, k × dims, row-major.
        var centroids = [Float](repeating: 0, count: k * dims)
        for c in 0..<k {
            let v = vectors[c * n / k]
            for (i, x) in zip(v.indices, v.values) { centroids[c * dims + Int(i)] = x }
        }
        var assignment = [Int](repeating: 0, count: n)
        for iteration in 0...iterations {
            var changed = 0
            centroids.withUnsafeBufferPointer { cb in
                for w in 0..<n {
                    let v = vectors[w]
                    var best = 0
                    var bestScore = -Float.infinity
                    for c in 0..<k {
                        var s: Float = 0
                        let base = c * dims
                        for j in 0..<v.indices.count { s += v.values[j] * cb[base + Int(v.indices[j])] }
                        if s > bestScore {
                            bestScore = s
                            best = c
                        }
                    }
                    if assignment[w] != best { changed += 1 }
                    assignment[w] = best
                }
            }
            if iteration == iterations || (iteration > 0 && changed == 0) { break }
            // New centroids: weighted sums, normalised; an empty class keeps its old centroid.
            var sums = [Float](repeating: 0, count: k * dims)
            var filled = [Bool](repeating: false, count: k)
            for w in 0..<n {
                let c = assignment[w]
                filled[c] = true
                let v = vectors[w]
                for j in 0..<v.indices.count { sums[c * dims + Int(v.indices[j])] += weights[w] * v.values[j] }
            }
            for c in 0..<k where filled[c] {
                var norm: Float = 0
                for d in 0..<dims { norm += sums[c * dims + d] * sums[c * dims + d] }
                norm = norm.squareRoot()
                guard norm > 0 else { continue }
                for d in 0..<dims { centroids[c * dims + d] = sums[c * dims + d] / norm }
            }
        }
        let rows = (0..<k).map { Array(centroids[$0 * dims..<($0 + 1) * dims]) }
        return Result(assignment: assignment, centroids: rows)
    }
}
