import LedeModel
/// A token of a field as the rules and gazetteers see it, with code-point offsets into the field as
/// received. Independent of the tagger's tokeniser so that rule spans do not move when it changes.
public struct ScannedToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable { case word, number, symbol }

    public var kind: Kind
    public var start: Int
    public var end: Int
    /// Words: `NameKey` of the word. Numbers: the digits and separators as written. Symbols: the scalar.
    public var key: String
    /// The first letter is uppercase.
    public var isCapitalized: Bool
    /// Every letter is uppercase (and there are at least two letters): an abbreviation ("UN", "LHQ").
    public var isAllCaps: Bool
    /// Whitespace (or an invisible character) separates it from the previous token.
    public var spaceBefore: Bool
    /// A line break separates it from the previous token; nothing spans a line break.
    public var breakBefore: Bool
}

/// Splits a field's scalars into words (letters, marks, and digits after a letter: "G7", "U23"), numbers
/// (digits with inner `.`, `,`, `/`, `:` followed by a digit: "340.000", "7/12", "8:30") and one-scalar
/// symbols.
public enum WordScanner {
    public static func scan(_ scalars: [Unicode.Scalar]) -> [ScannedToken] {
        var tokens: [ScannedToken] = []
        tokens.reserveCapacity(scalars.count / 4)
        segment(scalars) { kind, range, space, lineBreak in
            switch kind {
            case .number:
                tokens.append(ScannedToken(
                    kind: .number, start: range.lowerBound, end: range.upperBound, key: UTF8Encoding.string(scalars, range),
                    isCapitalized: false, isAllCaps: false, spaceBefore: space, breakBefore: lineBreak))
            case .word:
                let f = NameKey.fold(scalars[range])
                tokens.append(ScannedToken(
                    kind: .word, start: range.lowerBound, end: range.upperBound, key: f.key,
                    isCapitalized: f.firstUpper, isAllCaps: f.letters >= 2 && f.upper == f.letters,
                    spaceBefore: space, breakBefore: lineBreak))
            case .symbol:
                tokens.append(ScannedToken(
                    kind: .symbol, start: range.lowerBound, end: range.upperBound, key: String(scalars[range.lowerBound]),
                    isCapitalized: false, isAllCaps: false, spaceBefore: space, breakBefore: lineBreak))
            }
        }
        return tokens
    }

    /// The token boundaries alone, in order: each token's kind, scalar range, and whether whitespace and
    /// a line break come before it. `scan` and the value rules (which key words by hash) build on it.
    @inline(__always)
    static func segment(
        _ scalars: [Unicode.Scalar], _ token: (ScannedToken.Kind, Range<Int>, _ space: Bool, _ lineBreak: Bool) -> Void
    ) {
        var i = 0
        let n = scalars.count
        var space = true
        var lineBreak = true
        while i < n {
            let s = scalars[i]
            let v = s.value
            if isDigit(v) {
                let start = i
                i += 1
                while i < n {
                    let c = scalars[i].value
                    if isDigit(c) { i += 1; continue }
                    if (c == 0x2E || c == 0x2C || c == 0x2F || c == 0x3A), i + 1 < n, isDigit(scalars[i + 1].value) {
                        i += 2
                        continue
                    }
                    break
                }
                token(.number, start..<i, space, lineBreak)
                space = false
                lineBreak = false
                continue
            }
            if NameKey.isWordScalar(s) && !CharacterClass.isMark(s) {
                let start = i
                i += 1
                while i < n, NameKey.isWordScalar(scalars[i]) { i += 1 }
                token(.word, start..<i, space, lineBreak)
                space = false
                lineBreak = false
                continue
            }
            if isInvisible(s) {
                space = true
                if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x85 { lineBreak = true }
                i += 1
                continue
            }
            // A stray combining mark after a symbol: attach it to nothing.
            if CharacterClass.isMark(s) { i += 1; continue }
            token(.symbol, i..<(i + 1), space, lineBreak)
            space = false
            lineBreak = false
            i += 1
        }
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// Whitespace, byte-order marks, zero-width and other format characters.
    @inline(__always)
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D { return true }
        if v < 0x80 { return false }
        if v == 0xFEFF || v == 0xAD { return true }
        return UnicodeLookup.isInvisible(s)
    }
}
