// PROVISIONAL: the text helper replaces this file with normalisation, an offset map, a news-grade
// tokeniser and sentence splitter. The public shape below is the contract the other components use.

/// A token of a field. `start`/`end` are code-point offsets into the field exactly as received.
public struct Token: Sendable, Hashable {
    /// The token's text after normalisation (NFC, one tone-mark style, 'Ð' → 'Đ', …).
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
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
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }

    public func span(_ start: Int, _ end: Int) -> Span {
        Span(field: field, start: start, end: end, text: text(start, end))
    }
}

public enum TextAnalyzer {
    public static func analyze(_ text: String, field: TextField) -> AnalyzedText {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            if scalars[i].properties.isWhitespace { i += 1; continue }
            let start = i
            while i < scalars.count, !scalars[i].properties.isWhitespace { i += 1 }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[start..<i])
            tokens.append(Token(text: String(v), start: start, end: i))
        }
        let sentence = Sentence(tokens: 0..<tokens.count, start: 0, end: scalars.count)
        return AnalyzedText(field: field, scalars: scalars, tokens: tokens, sentences: tokens.isEmpty ? [] : [sentence])
    }
}
