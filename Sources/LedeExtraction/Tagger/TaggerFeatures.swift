/// The tagger's features, separate from its model: for every token a fixed number of hashed feature
/// buckets (`perToken`), built from the token, its neighbours in a window of two, their shapes and
/// capitalisation, affixes, word classes from unlabelled text, cue words and the sentence position.
struct TaggerFeatures: Sendable {
    static let perToken = 48
    /// Slots that name the token itself (its word, alone or with a neighbour). Training drops them now
    /// and then so that the model also learns from context and shape, as it must for unseen names.
    static let lexicalSlots = [1, 2, 7, 8, 37, 38, 39, 40]

    let clusters: WordClusters
    let names: NameList
    let bucketBits: Int

    init(clusters: WordClusters, names: NameList, bucketBits: Int) {
        self.clusters = clusters
        self.names = names
        self.bucketBits = bucketBits
    }

    private static let outside: TokenTraits = {
        var t = TokenTraits()
        t.word = 0x5EED_0000_0000_0001
        t.lower = t.word
        t.shape = t.word
        t.shortShape = t.word
        t.letterCase = .other
        return t
    }()

    /// Traits of every token, with word classes and cue classes filled in.
    func traits(_ text: AnalyzedText) -> [TokenTraits] {
        var scratch: [UInt32] = []
        scratch.reserveCapacity(32)
        var traits: [TokenTraits] = []
        traits.reserveCapacity(text.tokens.count)
        for token in text.tokens {
            var t = TokenTraits(token.text, lowered: &scratch)
            let lower = clusters.entry(t.lower)
            t.lowerCluster = lower.classes
            t.cluster = t.lower == t.word ? lower.classes : clusters.entry(t.word).classes
            t.capitalization = UInt64(lower.capitalization)
            traits.append(t)
        }
        let cues = CueWords.table
        for k in traits.indices { traits[k].cue = CueWords.classify(traits, k, in: cues) }
        return traits
    }

    /// `perToken` bucket numbers per token, token after token.
    func extract(_ text: AnalyzedText) -> [Int32] {
        extract(text, traits: traits(text), starts: Self.sentenceStarts(text))
    }

    /// Per token: whether a sentence begins there.
    static func sentenceStarts(_ text: AnalyzedText) -> [Bool] {
        var starts = [Bool](repeating: false, count: text.tokens.count)
        for s in text.sentences where !s.tokens.isEmpty { starts[s.tokens.lowerBound] = true }
        return starts
    }

    /// The same, from the text's `traits` and `sentenceStarts` computed already.
    func extract(_ text: AnalyzedText, traits: [TokenTraits], starts sentenceFirst: [Bool]) -> [Int32] {
        let n = traits.count
        var out = [Int32](repeating: 0, count: n * Self.perToken)
        guard n > 0 else { return out }

        // Position in, and length of, the run of capitalised tokens each token is in (within a sentence).
        var runPosition = [UInt8](repeating: 0, count: n)
        var runLength = [UInt8](repeating: 0, count: n)
        var k = 0
        while k < n {
            guard isCapitalised(traits[k].letterCase) else { k += 1; continue }
            let start = k
            k += 1
            while k < n, isCapitalised(traits[k].letterCase), !sentenceFirst[k] { k += 1 }
            for j in start..<k {
                runPosition[j] = UInt8(min(j - start, 3))
                runLength[j] = UInt8(min(k - start, 5))
            }
        }

        let listed = names.mark(traits)
        let mask = UInt64(1) << UInt64(bucketBits) - 1
        // Two tokens of padding on each side; read in place, as the traits are large to copy.
        let padded = [Self.outside, Self.outside] + traits + [Self.outside, Self.outside]
        padded.withUnsafeBufferPointer { pb in
        out.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<n {
                let base = pb.baseAddress! + (i + 2)
                let p2 = base - 2
                let p1 = base - 1
                let t = base
                let n1 = base + 1
                let n2 = base + 2
                let c = UInt64(t.pointee.letterCase.rawValue)
                let cp1 = UInt64(p1.pointee.letterCase.rawValue)
                let cp2 = UInt64(p2.pointee.letterCase.rawValue)
                let cn1 = UInt64(n1.pointee.letterCase.rawValue)
                let cn2 = UInt64(n2.pointee.letterCase.rawValue)
                var writer = FeatureWriter(buffer: buffer, slot: i * Self.perToken, mask: mask)
                writer.emit(0)
                writer.emit(t.pointee.word)
                writer.emit(t.pointee.lower)
                writer.emit(p1.pointee.lower)
                writer.emit(n1.pointee.lower)
                writer.emit(p2.pointee.lower)
                writer.emit(n2.pointee.lower)
                writer.emit(p1.pointee.lower, t.pointee.lower)
                writer.emit(t.pointee.lower, n1.pointee.lower)
                writer.emit(p2.pointee.lower, p1.pointee.lower)
                writer.emit(n1.pointee.lower, n2.pointee.lower)
                writer.emit(p1.pointee.lower, n1.pointee.lower)
                writer.emit(t.pointee.shape)
                writer.emit(p1.pointee.shortShape, t.pointee.shortShape, n1.pointee.shortShape)
                writer.emit(cp1, c, cn1)
                writer.emit(cp2, cp1, c)
                writer.emit(c, cn1, cn2)
                for a in 0..<4 { writer.emit(t.pointee.prefixes[a]) }
                for a in 0..<4 { writer.emit(t.pointee.suffixes[a]) }
                writer.emit(sentenceFirst[i] ? 1 : 0, c)
                writer.emit(p1.pointee.lower, c)
                writer.emit(WordClusters.fine(t.pointee.cluster))
                writer.emit(WordClusters.middle(t.pointee.cluster))
                writer.emit(WordClusters.coarse(t.pointee.cluster))
                writer.emit(WordClusters.fine(p1.pointee.cluster))
                writer.emit(WordClusters.fine(n1.pointee.cluster))
                writer.emit(WordClusters.coarse(p1.pointee.cluster), WordClusters.coarse(t.pointee.cluster), WordClusters.coarse(n1.pointee.cluster))
                writer.emit(UInt64(t.pointee.cue), c)
                writer.emit(UInt64(p1.pointee.cue), c)
                writer.emit(UInt64(p2.pointee.cue), cp1, c)
                writer.emit(UInt64(runPosition[i]), UInt64(runLength[i]), c)
                let first: UInt64 = sentenceFirst[i] ? 1 : 0
                writer.emit(t.pointee.word, first)
                writer.emit(p1.pointee.word, t.pointee.word)
                writer.emit(t.pointee.word, n1.pointee.word)
                writer.emit(p1.pointee.lower, t.pointee.lower, n1.pointee.lower)
                writer.emit(c, first, WordClusters.fine(t.pointee.lowerCluster))
                writer.emit(t.pointee.capitalization, c, first)
                writer.emit(p1.pointee.capitalization, t.pointee.capitalization, n1.pointee.capitalization)
                let g = UInt64(listed[i])
                let gp = i > 0 ? UInt64(listed[i - 1]) : 0xFF
                let gn = i + 1 < n ? UInt64(listed[i + 1]) : 0xFF
                writer.emit(g, c)
                writer.emit(gp, g, gn)
                writer.emit(t.pointee.foreign, c, p1.pointee.foreign)
                writer.emit(p1.pointee.foreign << 4 | t.pointee.foreign << 2 | n1.pointee.foreign, cp1 << 4 | c, cn1)
                assert(writer.slot == (i + 1) * Self.perToken, "perToken must match the templates")
            }
        }
        }
        return out
    }

    /// Writes one token's hashed features; a local value so that no access is checked at run time.
    private struct FeatureWriter {
        let buffer: UnsafeMutableBufferPointer<Int32>
        var slot: Int
        let mask: UInt64
        var template: UInt64 = 0

        @inline(__always)
        mutating func emit(_ a: UInt64) {
            template += 1
            put(FeatureHash.combine(template &* 0x1000_0000_01B3, a))
        }

        @inline(__always)
        mutating func emit(_ a: UInt64, _ b: UInt64) {
            template += 1
            put(FeatureHash.combine(FeatureHash.combine(template &* 0x1000_0000_01B3, a), b))
        }

        @inline(__always)
        mutating func emit(_ a: UInt64, _ b: UInt64, _ d: UInt64) {
            template += 1
            put(FeatureHash.combine(FeatureHash.combine(FeatureHash.combine(template &* 0x1000_0000_01B3, a), b), d))
        }

        @inline(__always)
        private mutating func put(_ h: UInt64) {
            buffer[slot] = Int32(truncatingIfNeeded: FeatureHash.finish(h) & mask)
            slot += 1
        }
    }

    @inline(__always)
    private func isCapitalised(_ c: TokenTraits.Case) -> Bool {
        c == .initial || c == .allCaps || c == .mixed
    }
}
