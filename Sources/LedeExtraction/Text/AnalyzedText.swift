import LedeModel
/// A token of a field. `start`/`end` are code-point offsets into the field exactly as received.
public struct Token: Sendable, Hashable {
    /// The token's text after normalisation (NFC, one tone-mark style, 'Ð' → 'Đ', …). Read-only:
    /// `key` and `isPlainLowercase` are worked out from it.
    public private(set) var text: String
    public var start: Int
    public var end: Int
    /// `FeatureHash.string(text)`, worked out once from the analyser's scalars: the tagger and event
    /// extraction both key their look-ups by it.
    var key: UInt64
    /// Every scalar is a lowercase letter, a digit or a combining mark: the text is its own lowercase
    /// form and has no punctuation around it (`EventText.word` then has nothing to do).
    var isPlainLowercase: Bool

    public init(text: String, start: Int, end: Int) {
        let scalars = Array(text.unicodeScalars)
        self.init(text: text, start: start, end: end, scalars: scalars[...])
    }

    init(text: String, start: Int, end: Int, scalars: ArraySlice<Unicode.Scalar>) {
        self.text = text
        self.start = start
        self.end = end
        key = FeatureHash.string(scalars: scalars)
        isPlainLowercase = scalars.allSatisfy { CharacterClass.isLowerOrDigit($0) == true }
    }

    // Text and offsets, as before tokens carried their key: `key` and `isPlainLowercase` follow from
    // the text's scalars, and `==` on the text compares canonical equivalence.
    public static func == (a: Token, b: Token) -> Bool {
        a.text == b.text && a.start == b.start && a.end == b.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(start)
        hasher.combine(end)
    }
}

/// A sentence: a range of tokens and its code-point offsets into the field as received.
public struct Sentence: Sendable, Hashable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int

    public init(tokens: Range<Int>, start: Int, end: Int) {
        self.tokens = tokens
        self.start = start
        self.end = end
    }
}

/// One field of an article, analysed: the original scalars, tokens and sentences.
public struct AnalyzedText: Sendable {
    public var field: TextField
    /// The field's Unicode scalars exactly as received; offsets index into this.
    public var scalars: [Unicode.Scalar]
    public var tokens: [Token]
    public var sentences: [Sentence]

    /// The original text of a code-point range.
    public func text(_ start: Int, _ end: Int) -> String {
        UTF8Encoding.string(scalars, start..<end)
    }

    public func span(_ start: Int, _ end: Int) -> Span {
        Span(field: field, start: start, end: end, text: text(start, end))
    }

    /// The index of the token that starts at code point `offset`, if one does (tokens are in text order).
    public func tokenIndex(startingAt offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && tokens[low].start == offset ? low : nil
    }
}

/// Turns a field into tokens and sentences: normalisation with an offset map, tokenisation, one
/// tone-mark style, sentence splitting. Token texts are normalised; their offsets are not.
public enum TextAnalyzer {
    public static func analyze(_ text: String, field: TextField) -> AnalyzedText {
        let scalars = UTF8Encoding.scalars(of: text)
        var normalized = Normalizer.normalize(scalars)
        ToneMarks.fold(&normalized.scalars, 0..<normalized.scalars.count)
        let ranges = Tokenizer.tokenize(normalized.scalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(ranges.count)
        for r in ranges {
            tokens.append(
                Token(
                    text: UTF8Encoding.string(normalized.scalars, r),
                    start: Int(normalized.sourceStart[r.lowerBound]), end: Int(normalized.sourceEnd[r.upperBound - 1]),
                    scalars: normalized.scalars[r]))
        }
        let sentences = SentenceSplitter.split(tokens, original: scalars)
        return AnalyzedText(field: field, scalars: scalars, tokens: tokens, sentences: sentences)
    }
}
