import LedeModel
/// What the tagger knows about one token on its own, computed once per token as hashes.
struct TokenTraits {
    enum Case: UInt8 {
        case lower = 0, initial, allCaps, mixed, number, other
    }

    var word: UInt64 = 0
    var lower: UInt64 = 0
    /// "Xxxx" with runs capped at four ("Xxxx" for "Putin", "dd/dd" for "7/12").
    var shape: UInt64 = 0
    /// Runs collapsed ("Xx", "d/d").
    var shortShape: UInt64 = 0
    var prefixes: SIMD4<UInt64> = .zero
    var suffixes: SIMD4<UInt64> = .zero
    var letterCase: Case = .other
    var cluster: UInt32 = 0
    /// Word classes of the lower-case form.
    var lowerCluster: UInt32 = 0
    var capitalization: UInt64 = 0
    /// `VietnameseSyllable.classify`: 0 a possible syllable, 1 a foreign word, 2 not letters.
    var foreign: UInt64 = 2

    init() {}

    /// Traits of a token (its normalised text and its `Token.key`); `lowered` is scratch space,
    /// reused between calls.
    init(_ token: Token, lowered: inout [UInt32]) {
        let text = token.text
        lowered.removeAll(keepingCapacity: true)
        var lower = FeatureHash.seed
        var shape = FeatureHash.seed
        var shortShape = FeatureHash.seed
        var lastClass: UInt32 = 0
        var run = 0
        var letters = 0
        var uppers = 0
        var firstUpper = false
        var firstDigit = false
        var first = true
        for c in text.unicodeScalars {
            let l = CharacterClass.lower(c)
            lowered.append(l.value)
            lower = FeatureHash.add(lower, l.value)
            let klass: UInt32
            if CharacterClass.isDigit(c) {
                klass = 0x64  // d
                if first { firstDigit = true }
            } else if CharacterClass.isWordScalar(c) {
                letters += 1
                if l != c {
                    uppers += 1
                    klass = 0x58  // X
                    if first { firstUpper = true }
                } else {
                    klass = 0x78  // x
                }
            } else {
                klass = c.value
            }
            if klass == lastClass {
                run += 1
            } else {
                run = 1
                lastClass = klass
                shortShape = FeatureHash.add(shortShape, klass)
            }
            if run <= 4 { shape = FeatureHash.add(shape, klass) }
            first = false
        }
        self.word = token.key
        self.lower = lower
        self.shape = shape
        self.shortShape = shortShape
        if firstDigit {
            letterCase = .number
        } else if letters == 0 {
            letterCase = .other
        } else if firstUpper {
            letterCase = uppers == letters && letters > 1 ? .allCaps : .initial
        } else {
            letterCase = uppers > 0 ? .mixed : .lower
        }
        let n = lowered.count
        foreign = VietnameseSyllable.classify(lowered)
        var h = FeatureHash.seed
        for k in 0..<max(0, min(4, n - 1)) {
            h = FeatureHash.add(h, lowered[k])
            prefixes[k] = h
        }
        h = FeatureHash.seed
        var k = 0
        while k < 4 && k < n - 1 {
            h = FeatureHash.add(h, lowered[n - 1 - k])
            suffixes[k] = h
            k += 1
        }
    }
}

/// The traits of a text's tokens: each distinct word's are computed once and shared by its tokens.
struct TextTraits {
    /// One per distinct word of the text.
    let words: [TokenTraits]
    /// Per token: the index of its word in `words`.
    let which: [Int32]
    /// Per token: its cue-word classes (`CueWords`), which depend on the neighbours as well.
    let cues: [UInt8]

    var count: Int { which.count }

    /// Reads the three arrays in place, as the feature loop does for every token.
    func withUnsafeParts<R>(
        _ body: (_ words: UnsafeBufferPointer<TokenTraits>, _ which: UnsafeBufferPointer<Int32>, _ cues: UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        words.withUnsafeBufferPointer { words in
            which.withUnsafeBufferPointer { which in
                cues.withUnsafeBufferPointer { cues in body(words, which, cues) }
            }
        }
    }

    func letterCase(_ i: Int) -> TokenTraits.Case { words[Int(which[i])].letterCase }
    func lower(_ i: Int) -> UInt64 { words[Int(which[i])].lower }
}
