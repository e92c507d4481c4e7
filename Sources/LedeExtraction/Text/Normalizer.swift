import Foundation
import LedeModel

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
        var writer = Writer(capacity: original.count + 16)
        write(original, into: &writer)
        return writer.text()
    }

    /// Where `normalize` writes: three parallel buffers, grown when full, copied out once at the end
    /// (cheaper than three `Array.append`s per scalar, each with its own uniqueness and capacity check).
    /// One owner of the memory: not copyable, freed when it goes.
    private struct Writer: ~Copyable {
        private var scalars: UnsafeMutablePointer<Unicode.Scalar>
        private var starts: UnsafeMutablePointer<Int32>
        private var ends: UnsafeMutablePointer<Int32>
        private var capacity: Int
        private var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            scalars = .allocate(capacity: capacity)
            starts = .allocate(capacity: capacity)
            ends = .allocate(capacity: capacity)
        }

        @inline(__always)
        mutating func append(_ s: Unicode.Scalar, from start: Int, to end: Int) {
            if count == capacity { grow() }
            scalars[count] = s
            starts[count] = Int32(start)
            ends[count] = Int32(end)
            count += 1
        }

        private mutating func grow() {
            let larger = capacity * 2
            func moved<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
                let new = UnsafeMutablePointer<T>.allocate(capacity: larger)
                new.moveInitialize(from: old, count: count)
                old.deallocate()
                return new
            }
            scalars = moved(scalars)
            starts = moved(starts)
            ends = moved(ends)
            capacity = larger
        }

        func text() -> NormalizedText {
            NormalizedText(
                scalars: Array(UnsafeBufferPointer(start: scalars, count: count)),
                sourceStart: Array(UnsafeBufferPointer(start: starts, count: count)),
                sourceEnd: Array(UnsafeBufferPointer(start: ends, count: count)))
        }

        deinit {
            scalars.deallocate()
            starts.deallocate()
            ends.deallocate()
        }
    }

    private static func write(_ original: [Unicode.Scalar], into out: inout Writer) {
        let n = original.count
        var i = 0
        while i < n {
            let s = original[i]
            var j = i + 1
            while j < n, CharacterClass.isMark(original[j]) { j += 1 }
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
    }

    @inline(__always)
    private static func appendFolded(_ s: Unicode.Scalar, from start: Int, to end: Int, into out: inout Writer) {
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
