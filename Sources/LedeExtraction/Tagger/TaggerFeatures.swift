import LedeModel
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

    /// Traits of every token, with word classes and cue classes filled in. A word recurs often in a
    /// text, so each distinct word's traits are computed once (the word's hash stands for its text) and
    /// its tokens point at them: copying them out per token cost the tagger 1.7 % of a worker's time.
    func traits(_ text: AnalyzedText) -> TextTraits {
        var scratch: [UInt32] = []
        scratch.reserveCapacity(32)
        var words: [TokenTraits] = []
        words.reserveCapacity(text.tokens.count)
        var seen = HashTable<Int32>(capacity: text.tokens.count)
        let which = text.tokens.map { token -> Int32 in
            let word = token.key
            if let k = seen.get(word) { return k }
            let k = Int32(words.count)
            seen[word] = k
            words.append(TokenTraits(token, lowered: &scratch))
            return k
        }
        // Word classes after all the words: the look-ups miss the cache, and in a row they overlap.
        for k in words.indices {
            let lower = clusters.entry(words[k].lower)
            words[k].lowerCluster = lower.classes
            words[k].cluster = words[k].lower == words[k].word ? lower.classes : clusters.entry(words[k].word).classes
            words[k].capitalization = UInt64(lower.capitalization)
        }
        return TextTraits(words: words, which: which, cues: CueWords.classes(lower: words.map(\.lower), tokens: which))
    }

    /// `perToken` bucket numbers per token, token after token.
    func extract(_ text: AnalyzedText) -> [Int32] {
        let n = text.tokens.count
        var out = [Int32](repeating: 0, count: n * Self.perToken)
        guard n > 0 else { return out }
        out.withUnsafeMutableBufferPointer { buffer in
            var sink = FeatureBuckets(buffer: buffer, mask: mask)
            features(traits(text), starts: Self.sentenceStarts(text), into: &sink)
        }
        return out
    }

    /// Buckets minus one.
    var mask: UInt64 { UInt64(1) << UInt64(bucketBits) - 1 }

    /// Per token: whether a sentence begins there.
    static func sentenceStarts(_ text: AnalyzedText) -> [Bool] {
        var starts = [Bool](repeating: false, count: text.tokens.count)
        for s in text.sentences where !s.tokens.isEmpty { starts[s.tokens.lowerBound] = true }
        return starts
    }

    /// Tokens far from anything a name is made of, which tagging need not score: lowercase words and
    /// punctuation with no capitalised word, number or listed name within two tokens, nor within eight
    /// on either side up to the nearest punctuation (names with long lowercase middles, "Nhà máy sản
    /// xuất phân bón DAP 2", stay in reach). They are a third of Vietnamese news tokens and a quarter of
    /// English ones. Tagging them outside changed VLSP 2016, VLSP 2018 and CoNLL dev F1 by at most 0.01,
    /// and 5 of 32,063 names in 1,000 Vietnamese news articles.
    static func quietTokens(_ traits: TextTraits, listed: [UInt8]) -> [Bool] {
        let n = traits.count
        func isPlain(_ j: Int) -> Bool {
            let c = traits.letterCase(j)
            return (c == .lower || c == .other) && listed[j] == 0
        }
        /// No capitalised word or number from `j` on, by `step`, within `reach` tokens or up to punctuation.
        func lowercaseRun(from j: Int, step: Int, reach: Int) -> Bool {
            var k = j
            for _ in 0..<reach {
                guard k >= 0 && k < n else { return true }
                let c = traits.letterCase(k)
                if c == .other { return true }
                if c != .lower { return false }
                k += step
            }
            return true
        }
        return (0..<n).map { i in
            (max(0, i - 2)...min(n - 1, i + 2)).allSatisfy(isPlain)
                && lowercaseRun(from: i - 1, step: -1, reach: 8) && lowercaseRun(from: i + 1, step: 1, reach: 8)
        }
    }

    /// Sends the features of every token to `sink`, token after token, from the text's `traits` and
    /// `sentenceStarts`.
    func features<Sink: FeatureSink>(_ traits: TextTraits, starts sentenceFirst: [Bool], into sink: inout Sink) {
        let n = traits.count
        guard n > 0 else { return }

        // Position in, and length of, the run of capitalised tokens each token is in (within a sentence).
        var runPosition = [UInt8](repeating: 0, count: n)
        var runLength = [UInt8](repeating: 0, count: n)
        var k = 0
        while k < n {
            guard isCapitalised(traits.letterCase(k)) else { k += 1; continue }
            let start = k
            k += 1
            while k < n, isCapitalised(traits.letterCase(k)), !sentenceFirst[k] { k += 1 }
            for j in start..<k {
                runPosition[j] = UInt8(min(j - start, 3))
                runLength[j] = UInt8(min(k - start, 5))
            }
        }

        let listed = names.mark(traits)
        let quiet = sink.skipsQuietTokens ? Self.quietTokens(traits, listed: listed) : []
        // Read in place, as the traits are large to copy; neighbours beyond either end are `outside`.
        withUnsafePointer(to: Self.outside) { outside in
        traits.withUnsafeParts { words, which, cues in
            let base = words.baseAddress!
            for i in 0..<n {
                if !quiet.isEmpty && quiet[i] {
                    sink.quiet(i)
                    continue
                }
                let t = base + Int(which[i])
                let p2 = i >= 2 ? base + Int(which[i - 2]) : outside
                let p1 = i >= 1 ? base + Int(which[i - 1]) : outside
                let n1 = i + 1 < n ? base + Int(which[i + 1]) : outside
                let n2 = i + 2 < n ? base + Int(which[i + 2]) : outside
                let cue = UInt64(cues[i])
                let cueP1: UInt64 = i >= 1 ? UInt64(cues[i - 1]) : 0
                let cueP2: UInt64 = i >= 2 ? UInt64(cues[i - 2]) : 0
                let c = UInt64(t.pointee.letterCase.rawValue)
                let cp1 = UInt64(p1.pointee.letterCase.rawValue)
                let cp2 = UInt64(p2.pointee.letterCase.rawValue)
                let cn1 = UInt64(n1.pointee.letterCase.rawValue)
                let cn2 = UInt64(n2.pointee.letterCase.rawValue)
                let first: UInt64 = sentenceFirst[i] ? 1 : 0
                if sink.begin(i, own: FeatureHash.combine(t.pointee.word, first)) {
                    Self.ownFeatures(t, first: first, into: &sink)
                    sink.endOwn()
                }
                sink.emit(4, p1.pointee.lower)
                sink.emit(5, n1.pointee.lower)
                sink.emit(6, p2.pointee.lower)
                sink.emit(7, n2.pointee.lower)
                sink.emit(8, p1.pointee.lower, t.pointee.lower)
                sink.emit(9, t.pointee.lower, n1.pointee.lower)
                sink.emit(10, p2.pointee.lower, p1.pointee.lower)
                sink.emit(11, n1.pointee.lower, n2.pointee.lower)
                sink.emit(12, p1.pointee.lower, n1.pointee.lower)
                sink.emit(14, p1.pointee.shortShape, t.pointee.shortShape, n1.pointee.shortShape)
                sink.emit(15, cp1, c, cn1)
                sink.emit(16, cp2, cp1, c)
                sink.emit(17, c, cn1, cn2)
                sink.emit(27, p1.pointee.lower, c)
                sink.emit(31, WordClusters.fine(p1.pointee.cluster))
                sink.emit(32, WordClusters.fine(n1.pointee.cluster))
                sink.emit(33, WordClusters.coarse(p1.pointee.cluster), WordClusters.coarse(t.pointee.cluster), WordClusters.coarse(n1.pointee.cluster))
                sink.emit(34, cue, c)
                sink.emit(35, cueP1, c)
                sink.emit(36, cueP2, cp1, c)
                sink.emit(37, UInt64(runPosition[i]), UInt64(runLength[i]), c)
                sink.emit(39, p1.pointee.word, t.pointee.word)
                sink.emit(40, t.pointee.word, n1.pointee.word)
                sink.emit(41, p1.pointee.lower, t.pointee.lower, n1.pointee.lower)
                sink.emit(44, p1.pointee.capitalization, t.pointee.capitalization, n1.pointee.capitalization)
                let g = UInt64(listed[i])
                let gp = i > 0 ? UInt64(listed[i - 1]) : 0xFF
                let gn = i + 1 < n ? UInt64(listed[i + 1]) : 0xFF
                sink.emit(45, g, c)
                sink.emit(46, gp, g, gn)
                sink.emit(47, t.pointee.foreign, c, p1.pointee.foreign)
                sink.emit(48, p1.pointee.foreign << 4 | t.pointee.foreign << 2 | n1.pointee.foreign, cp1 << 4 | c, cn1)
                sink.end(i)
            }
        }
        }
    }

    /// The templates that read only the token's own traits and whether a sentence starts there.
    @inline(__always)
    private static func ownFeatures<Sink: FeatureSink>(_ t: UnsafePointer<TokenTraits>, first: UInt64, into sink: inout Sink) {
        let c = UInt64(t.pointee.letterCase.rawValue)
        sink.emit(1, 0)
        sink.emit(2, t.pointee.word)
        sink.emit(3, t.pointee.lower)
        sink.emit(13, t.pointee.shape)
        for a in 0..<4 { sink.emit(18 + a, t.pointee.prefixes[a]) }
        for a in 0..<4 { sink.emit(22 + a, t.pointee.suffixes[a]) }
        sink.emit(26, first, c)
        sink.emit(28, WordClusters.fine(t.pointee.cluster))
        sink.emit(29, WordClusters.middle(t.pointee.cluster))
        sink.emit(30, WordClusters.coarse(t.pointee.cluster))
        sink.emit(38, t.pointee.word, first)
        sink.emit(42, c, first, WordClusters.fine(t.pointee.lowerCluster))
        sink.emit(43, t.pointee.capitalization, c, first)
    }

    @inline(__always)
    private func isCapitalised(_ c: TokenTraits.Case) -> Bool {
        c == .initial || c == .allCaps || c == .mixed
    }
}
