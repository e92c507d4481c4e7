import LedeModel
/// Unicode property look-ups for the scalars that the fast range checks of `CharacterClass`, `NameKey`,
/// `WordScanner` and `EventText` cannot decide, kept out of line: a function that touches
/// `Unicode.Scalar.Properties` (a resilient type) sets up its type metadata on every call, even when
/// the branch that reads it is never taken. Inlined into the tokeniser's word loop, that set-up was a
/// quarter of the loop's time.
enum UnicodeLookup {
    @inline(never)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace
    }

    /// Whitespace or an invisible format character (zero-width, joiners, bidirectional marks).
    @inline(never)
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        return p.isWhitespace || p.generalCategory == .format
    }

    /// A combining mark: nonspacing, spacing or enclosing.
    @inline(never)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A letter, a number or a combining mark.
    @inline(never)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || isMark(s)
    }

    /// A letter, a number or a diacritic.
    @inline(never)
    static func isLetterNumberOrDiacritic(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.isDiacritic
    }
}
