import LedeModel
/// A token as the value rules read it: a `ScannedToken` without strings. A word carries the hash of its
/// `NameKey` key, so scanning a field builds no string and looking a word up in `RuleLexicon` hashes no
/// string; a number is read from the field's scalars when a rule gets to it.
struct RuleToken {
    var start: Int
    var end: Int
    /// Words: `NameKey.hash(ofKey:)` of the word's key. Symbols: the scalar's value. Numbers: 0.
    var key: UInt64
    var kind: ScannedToken.Kind
    var isCapitalized: Bool
    var spaceBefore: Bool
    var breakBefore: Bool

    /// The tokens of `WordScanner.scan`, in the same places.
    static func scan(_ scalars: [Unicode.Scalar]) -> [RuleToken] {
        var tokens: [RuleToken] = []
        tokens.reserveCapacity(scalars.count / 4)
        WordScanner.segment(scalars) { kind, range, space, lineBreak in
            var token = RuleToken(start: range.lowerBound, end: range.upperBound, key: 0, kind: kind, isCapitalized: false,
                                  spaceBefore: space, breakBefore: lineBreak)
            switch kind {
            case .word:
                let f = NameKey.foldHash(scalars[range])
                token.key = f.hash
                token.isCapitalized = f.firstUpper
            case .symbol: token.key = UInt64(scalars[range.lowerBound].value)
            case .number: break
            }
            tokens.append(token)
        }
        return tokens
    }
}
