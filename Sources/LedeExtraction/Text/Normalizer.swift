import Foundation

/// A field's scalars after normalisation, each traced back to the code points it came from, so that
/// anything found in the normalised text can be reported at offsets into the text as received.
struct NormalizedText {
    /// Normalised scalars: NFC, 'Ð' → 'Đ', zero-width characters and BOMs dropped, every space-like
    /// character a plain space, curly quotes and dashes folded to ASCII.
    var scalars: [Unicode.Scalar] = []
    /// `sourceStart[k] ..< sourceEnd[k]` is the range of original code points scalar `k` came from.
    /// A composed character spans its base and marks; an ellipsis folded to "..." maps three to one.
    var sourceStart: [Int32] = []
    var sourceEnd: [Int32] = []

    @inline(__always)
    mutating func append(_ s: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(s)
        sourceStart.append(Int32(start))
        sourceEnd.append(Int32(end))
    }
}

/// Normalisation shared by the analyser and by anything that looks words up in lexicons (gazetteers,
/// cue words): use `Normalizer.normalize(_:)` on lexicon entries so that they match analysed tokens.
public enum Normalizer {
    /// The normalised form of a whole string, as tokens see it (including the single tone-mark style).
    public static func normalize(_ text: String) -> String {
        var normalized = normalize(Array(text.unicodeScalars)).scalars
        ToneMarks.fold(&normalized, 0..<normalized.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: normalized)
        return String(view)
    }

    static func normalize(_ original: [Unicode.Scalar]) -> NormalizedText {
        var out = NormalizedText()
        out.scalars.reserveCapacity(original.count)
        out.sourceStart.reserveCapacity(original.count)
        out.sourceEnd.reserveCapacity(original.count)
        let n = original.count
        var i = 0
        while i < n {
            let s = original[i]
            var j = i + 1
            while j < n, isCombiningMark(original[j]) { j += 1 }
            if j == i + 1 {
                appendFolded(s, from: i, to: j, into: &out)
            } else {
                // A base with combining marks (NFD input): compose, then fold what composition gives.
                var view = String.UnicodeScalarView()
                view.append(contentsOf: original[i..<j])
                let composed = String(view).precomposedStringWithCanonicalMapping
                for c in composed.unicodeScalars { appendFolded(c, from: i, to: j, into: &out) }
            }
            i = j
        }
        return out
    }

    @inline(__always)
    static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        if v <= 0x36F { return true }
        if v >= 0x1E00 && v <= 0x1EFF { return false }  // Latin Extended Additional: Vietnamese letters
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    private static func appendFolded(_ s: Unicode.Scalar, from start: Int, to end: Int, into out: inout NormalizedText) {
        let v = s.value
        if v < 0x80 {
            out.append(s, from: start, to: end)
            return
        }
        switch v {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            out.append(" ", from: start, to: end)
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
            return  // zero-width characters, byte-order marks, soft hyphens
        case 0x2028, 0x2029, 0x0085:
            out.append("\n", from: start, to: end)
        case 0x00D0, 0x0189:
            out.append("\u{0110}", from: start, to: end)  // 'Ð' (eth) and 'Ɖ' written for 'Đ'
        case 0x00F0:
            out.append("\u{0111}", from: start, to: end)
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC:
            out.append("'", from: start, to: end)
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033:
            out.append("\"", from: start, to: end)
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
            out.append("-", from: start, to: end)
        case 0x2026:
            for _ in 0..<3 { out.append(".", from: start, to: end) }
        default:
            out.append(s, from: start, to: end)
        }
    }
}
