import LedeModel
/// A word of up to seven ASCII characters packed into an integer with its length, for the tokenizer's
/// small word lists ("Mr", "TP", "Ngh"): building a `String` from scalars and hashing it, for every word
/// that ends in a dot, cost more than the rest of the check. Unlike `Set<String>`, it compares scalars,
/// not canonical equivalents: U+212A KELVIN SIGN is not "K" here.
struct ShortASCIIWord: Hashable, Sendable {
    let bits: UInt64

    /// Nil when the range is longer than seven scalars or holds a non-ASCII one.
    @inline(__always)
    init?(_ s: [Unicode.Scalar], _ range: Range<Int>) {
        guard range.count <= 7 else { return nil }
        var bits = UInt64(range.count) << 56
        for (k, i) in range.enumerated() {
            let v = s[i].value
            guard v < 0x80 else { return nil }
            bits |= UInt64(v) << (8 * UInt64(k))
        }
        self.bits = bits
    }

    init(_ word: StaticString) {
        let scalars = word.description.unicodeScalars.map { $0 }
        precondition(scalars.count <= 7, "\(word) is longer than seven characters")
        self.init(scalars, 0..<scalars.count)!
    }

    static func set(_ words: [StaticString]) -> Set<ShortASCIIWord> { Set(words.map(ShortASCIIWord.init)) }
}
