/// A word of up to eight ASCII characters packed into an integer, for the tokenizer's small word lists
/// ("Mr", "TP", "Ngh"): building a `String` from scalars and hashing it, for every word that ends in a
/// dot, cost more than the rest of the check.
struct ShortASCIIWord: Hashable, Sendable {
    let bits: UInt64

    /// Nil when the range is longer than eight scalars or holds a non-ASCII one.
    @inline(__always)
    init?(_ s: [Unicode.Scalar], _ range: Range<Int>) {
        guard range.count <= 8 else { return nil }
        var bits: UInt64 = 0
        for k in range {
            let v = s[k].value
            guard v < 0x80 else { return nil }
            bits = bits << 8 | UInt64(v)
        }
        self.bits = bits
    }

    init(_ word: StaticString) {
        let scalars = word.description.unicodeScalars.map { $0 }
        precondition(scalars.count <= 8, "\(word) is longer than eight characters")
        self.init(scalars, 0..<scalars.count)!
    }

    static func set(_ words: [StaticString]) -> Set<ShortASCIIWord> { Set(words.map(ShortASCIIWord.init)) }
}
