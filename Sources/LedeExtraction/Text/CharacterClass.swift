import LedeModel
/// Fast character classes for news text: ASCII and the Latin ranges Vietnamese uses are decided by
/// range checks; anything else falls back to Unicode properties.
enum CharacterClass {
    /// Whether a scalar is a lowercase letter or a digit; nil when only a property look-up can tell.
    @inline(__always)
    static func isLowerOrDigit(_ s: Unicode.Scalar) -> Bool? {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) }
        if v >= 0xDF && v <= 0xFF { return v != 0xF7 }
        if v >= 0xC0 && v <= 0xDE { return false }
        // Latin Extended-A pairs capital and small letters, the small one odd, except from Ĺ to ň and
        // from Ź to ž, where it is even ("Łódź", "Žižek"); ĸ stands alone.
        if (v >= 0x139 && v <= 0x148) || (v >= 0x179 && v <= 0x17E) { return v & 1 == 0 }
        if v == 0x138 { return true }
        if (v >= 0x100 && v <= 0x17F) || (v >= 0x1EA0 && v <= 0x1EF9) { return v & 1 == 1 }
        if v == 0x1A1 || v == 0x1B0 { return true }
        if v == 0x1A0 || v == 0x1AF { return false }
        if v >= 0x300 && v <= 0x36F { return true }
        return nil
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v <= 0x20 { return true }
        if v < 0x80 { return false }
        if (v >= 0xC0 && v <= 0x24F) || (v >= 0x1E00 && v <= 0x1EFF) { return false }
        return UnicodeLookup.isWhitespace(s)
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value &- 0x30 < 10
    }

    @inline(__always)
    static func isNewline(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x85
    }

    /// Letters, digits and combining marks: what words are made of.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v &- 0x30 < 10) || ((v | 0x20) &- 0x61 < 26)
        }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0x1E00 && v <= 0x1EFF { return true }
        return UnicodeLookup.isWordScalar(s)
    }

    /// A combining mark (nonspacing, spacing or enclosing), decided by range for Latin text.
    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        if v <= 0x36F { return true }
        if v >= 0x1E00 && v <= 0x1EFF { return false }  // Latin Extended Additional: Vietnamese letters
        return UnicodeLookup.isMark(s)
    }

    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        isWordScalar(s) && !isDigit(s)
    }

    /// The lower-case form of a letter (one scalar to one scalar; anything else is returned unchanged).
    @inline(__always)
    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 {
            return v &- 0x41 < 26 ? Unicode.Scalar(v | 0x20)! : s
        }
        if let l = Unicode.Scalar(lowerValue(v)) { return l }
        return s
    }

    @inline(__always)
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v &- 0x41 < 26 }
        return lowerValue(v) != v
    }

    /// The lower case of a letter where one rule gives exactly Unicode's mapping (ASCII, Latin-1, Latin
    /// Extended-A, 'Ơ' and 'Ư', the Vietnamese block); nil elsewhere, where a property look-up decides.
    @inline(__always)
    static func simpleLower(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x41...0x5A: return v | 0x20
        case 0xC0...0xDE where v != 0xD7: return v + 0x20
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177, 0x1EA0...0x1EFF: return v & 1 == 0 ? v + 1 : v
        case 0x139...0x148: return v & 1 == 1 ? v + 1 : v
        case 0x1A0, 0x1AF: return v + 1
        default: return nil
        }
    }

    private static func lowerValue(_ v: UInt32) -> UInt32 {
        if let l = simpleLower(v) { return l }
        switch v {
        case 0x130, 0x131: return 0x131  // 'İ' read as 'ı' (Unicode says "i̇"): what the shipped taggers learnt
        case 0x80..<0xC0, 0xDF...0xFF, 0x1E00..<0x1EA0: return v
        default:
            guard let scalar = Unicode.Scalar(v), scalar.properties.isUppercase else { return v }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first!.value : v
        }
    }
}
