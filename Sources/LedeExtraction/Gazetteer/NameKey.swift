import Foundation
import LedeModel

/// Folds names and words into lookup keys that ignore case, Unicode normalisation (NFC or NFD) and the
/// Vietnamese tone-mark placement style: "Hoà", "hòa", "HÒA" and a decomposed "hòa" share one key.
///
/// A key is lowercase and, for Latin letters, ASCII (so that hashing and comparing keys is cheap): vowel
/// and other marks become a symbol after their letter (â "a^", ă "a(", ơ "o+", ư "u+", đ "d-", ü "u:"),
/// and each word's tone mark (grave, acute, hook, tilde, dot below) becomes one symbol at the end of the
/// word, so "hoà" and "hòa" are both "hoa`". 'Ð' (U+00D0, often typed for 'Đ') folds to 'đ'. Words are
/// runs of letters, digits and combining marks; everything between them (spaces, hyphens, dots,
/// apostrophes) becomes one space, so "al-Bukamal" matches "al Bukamal" and "U.S." matches "US".
public enum NameKey {
    /// The key of a whole name (one or more words).
    public static func of(_ text: String) -> String {
        let scalars = text.unicodeScalars
        // Room for the longest expansion of any scalar (see `write`), plus the spaces.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.utf8.count * 12 + 4) { buffer in
            var n = 0
            var i = scalars.startIndex
            while i < scalars.endIndex {
                guard isWordScalar(scalars[i]) else { i = scalars.index(after: i); continue }
                var j = scalars.index(after: i)
                while j < scalars.endIndex, isWordScalar(scalars[j]) { j = scalars.index(after: j) }
                if n > 0 { buffer[n] = UInt8(ascii: " "); n += 1 }
                n = write(scalars[i..<j], into: buffer, at: n).end
                i = j
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }

    /// The key of one word given as scalars (no separators inside).
    public static func word<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        fold(scalars).key
    }

    /// Letters, digits and combining marks make words.
    @inline(__always)
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        if v == 0xA0 || (v >= 0x2000 && v <= 0x206F) || v == 0xFEFF { return false }
        if (v >= 0xC0 && v < 0x250 && v != 0xD7 && v != 0xF7) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x300 && v < 0x370) {
            return true
        }
        return UnicodeLookup.isWordScalar(s)
    }

    /// A word's key and its capitals, in one pass: whether the first letter is a capital, how many
    /// letters there are and how many are capitals.
    static func fold<C: Collection>(_ scalars: C) -> (key: String, firstUpper: Bool, letters: Int, upper: Int)
    where C.Element == Unicode.Scalar {
        // A stack buffer, so that short keys (most words) become small strings without a heap allocation.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 12 + 4) { buffer in
            let word = write(scalars, into: buffer, at: 0)
            let key = String(decoding: UnsafeBufferPointer(rebasing: buffer[..<word.end]), as: UTF8.self)
            return (key, word.firstUpper, word.letters, word.upper)
        }
    }

    /// `fold` with the key's hash (`hash(ofKey:)`) in place of the key, for callers that look words up
    /// by hash: no string is built.
    static func foldHash<C: Collection>(_ scalars: C) -> (hash: UInt64, firstUpper: Bool, letters: Int, upper: Int)
    where C.Element == Unicode.Scalar {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 12 + 4) { buffer in
            let word = write(scalars, into: buffer, at: 0)
            return (hash(buffer[..<word.end]), word.firstUpper, word.letters, word.upper)
        }
    }

    /// A fixed 64-bit hash (`FeatureHash`) of a key's bytes; `foldHash` gives the same for the word.
    static func hash(ofKey key: String) -> UInt64 { hash(key.utf8) }

    @inline(__always)
    private static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h = FeatureHash.seed
        for b in bytes { h = FeatureHash.add(h, UInt32(b)) }
        return h
    }

    /// Writes the key of one word at `start` of `buffer`, which must have room for 12 bytes a scalar
    /// (a mark written as "#" and its hex code, or a lowercase mapping of three scalars), plus the tone.
    @inline(__always)
    static func write<C: Collection>(_ scalars: C, into buf: UnsafeMutableBufferPointer<UInt8>, at start: Int)
        -> (end: Int, firstUpper: Bool, letters: Int, upper: Int) where C.Element == Unicode.Scalar
    {
        let table = Fold.shared
        var firstUpper = false
        var letters = 0
        var upper = 0
        var n = start
        var tone: UInt8 = 0
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    if letters == 0 { firstUpper = true }
                    letters += 1; upper += 1
                    buf[n] = UInt8(v + 32); n += 1
                } else {
                    if v >= 0x61 && v <= 0x7A { letters += 1 }
                    buf[n] = UInt8(v); n += 1
                }
                continue
            }
            if v >= 0x300 && v < 0x370 {
                let t = Fold.tone(v)
                if t != 0 { tone = t; continue }
                for b in Fold.markBytes(v) { buf[n] = b; n += 1 }
                continue
            }
            let f = table.packed(v)
            if f.count != 0 {
                letters += 1
                if f.upper { upper += 1; if letters == 1 { firstUpper = true } }
                if f.count == Fold.Packed.unpacked {
                    for b in table.folded[v]!.bytes { buf[n] = b; n += 1 }
                } else {
                    var bytes = f.bytes
                    for _ in 0..<f.count { buf[n] = UInt8(truncatingIfNeeded: bytes); bytes >>= 8; n += 1 }
                }
                if f.tone != 0 { tone = f.tone }
                continue
            }
            let other = writeOther(s, into: buf, at: n)
            n = other.end
            if other.letter {
                letters += 1
                if other.upper { upper += 1; if letters == 1 { firstUpper = true } }
            }
        }
        if tone != 0 { buf[n] = tone; n += 1 }
        return (n, firstUpper, letters, upper)
    }

    /// A scalar outside ASCII and the Latin tables: a mark as it is, anything else lowercase. Out of line,
    /// so that a word without such scalars does not set up `Unicode.Scalar.Properties` (a resilient type,
    /// costly to prepare on every call).
    @inline(never)
    static func writeOther(_ s: Unicode.Scalar, into buf: UnsafeMutableBufferPointer<UInt8>, at start: Int)
        -> (end: Int, letter: Bool, upper: Bool)
    {
        if CharacterClass.isMark(s) { return (UTF8Encoding.put(s.value, into: buf, at: start), false, false) }
        let p = s.properties
        var n = start
        for l in p.lowercaseMapping.unicodeScalars { n = UTF8Encoding.put(l.value, into: buf, at: n) }
        return (n, p.isAlphabetic, p.isAlphabetic && p.isUppercase)
    }

    /// Lookup tables, built once from Foundation's canonical decompositions. A class, so that taking
    /// the shared tables costs one reference, not one per table.
    final class Fold: Sendable {
        struct Entry: Sendable {
            /// The letter and its marks, decomposed, lowercase, tone removed ("ậ" → a, U+0302).
            var base: [Unicode.Scalar]
            /// The key bytes of `base` ("a^").
            var bytes: [UInt8]
            /// The tone's key byte, 0 for none.
            var tone: UInt8
            var upper: Bool
        }

        static let shared = Fold()

        /// Grave, acute, tilde, hook above, dot below (and the deprecated U+0340/U+0341).
        @inline(__always)
        static func tone(_ v: UInt32) -> UInt8 {
            switch v {
            case 0x300, 0x340: return UInt8(ascii: "`")
            case 0x301, 0x341: return UInt8(ascii: "'")
            case 0x303: return UInt8(ascii: "~")
            case 0x309: return UInt8(ascii: "?")
            case 0x323: return UInt8(ascii: ".")
            default: return 0
            }
        }

        /// A non-tone combining mark as key bytes: circumflex "^", breve "(", horn "+", diaeresis ":",
        /// others "#" and the code point in hex.
        static func markBytes(_ v: UInt32) -> [UInt8] {
            switch v {
            case 0x302: return [UInt8(ascii: "^")]
            case 0x306: return [UInt8(ascii: "(")]
            case 0x31B: return [UInt8(ascii: "+")]
            case 0x308: return [UInt8(ascii: ":")]
            default: return Array(("#" + String(v, radix: 16)).utf8)
            }
        }

        /// An entry for the per-letter path: its key bytes in an integer, so that reading one costs no
        /// reference counting (an `Entry` holds two arrays).
        struct Packed: Sendable {
            /// `Entry.bytes`, the first in the low byte.
            var bytes: UInt64 = 0
            /// How many bytes; 0: no entry; `unpacked`: more than 8, read `folded` instead.
            var count: UInt8 = 0
            var tone: UInt8 = 0
            var upper = false

            static let unpacked = UInt8.max

            init() {}

            init(_ entry: Entry) {
                tone = entry.tone
                upper = entry.upper
                guard entry.bytes.count <= 8 else { count = Self.unpacked; return }
                count = UInt8(entry.bytes.count)
                for (k, b) in entry.bytes.enumerated() { bytes |= UInt64(b) << UInt64(8 * k) }
            }
        }

        let folded: [UInt32: Entry]
        /// The same entries, flat: Latin-1 to Latin Extended-B and Latin Extended Additional (Vietnamese).
        let latin: [Packed]
        let vietnamese: [Packed]

        @inline(__always)
        func packed(_ v: UInt32) -> Packed {
            if v >= 0xC0 && v < 0x250 { return latin[Int(v - 0xC0)] }
            if v >= 0x1E00 && v < 0x1F00 { return vietnamese[Int(v - 0x1E00)] }
            return Packed()
        }

        init() {
            var folded: [UInt32: Entry] = [:]
            for range in [0xC0...0x24F, 0x1E00...0x1EFF] as [ClosedRange<UInt32>] {
                for v in range {
                    guard let s = Unicode.Scalar(v), s.properties.isAlphabetic else { continue }
                    folded[v] = Self.entry(for: s)
                }
            }
            let d = Entry(base: ["đ"], bytes: Array("d-".utf8), tone: 0, upper: false)
            folded[0xF0] = d  // 'ð' typed for 'đ'
            folded[0x111] = d
            var u = d
            u.upper = true
            folded[0xD0] = u  // 'Ð' typed for 'Đ'
            folded[0x110] = u
            self.folded = folded
            latin = (0xC0..<0x250).map { folded[UInt32($0)].map(Packed.init) ?? Packed() }
            vietnamese = (0x1E00..<0x1F00).map { folded[UInt32($0)].map(Packed.init) ?? Packed() }
        }

        static func entry(for s: Unicode.Scalar) -> Entry {
            let lower = String(s).lowercased()
            let decomposed = Array(lower.decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let first = decomposed.first else { return Entry(base: [s], bytes: Array(String(s).utf8), tone: 0, upper: false) }
            var base: [Unicode.Scalar] = [first]
            var bytes = Array(String(first).utf8)
            var t: UInt8 = 0
            for m in decomposed.dropFirst() {
                let mt = tone(m.value)
                if mt != 0 {
                    t = mt
                } else {
                    base.append(m)
                    bytes += markBytes(m.value)
                }
            }
            return Entry(base: base, bytes: bytes, tone: t, upper: s.properties.isUppercase)
        }
    }
}
