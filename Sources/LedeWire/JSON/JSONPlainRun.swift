/// The bytes a JSON string can hold as they are, found eight at a time: the reader and the writer both
/// skip to the next quote, backslash or control character with this one search.
@usableFromInline enum JSONPlainRun {
    /// The index of the first `"`, `\` or byte below 0x20 at or after `i` in `utf8` (or its end).
    @usableFromInline static func end(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        let n = utf8.count
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let found = ByteWords.equal(word, UInt8(ascii: "\"")) | ByteWords.equal(word, UInt8(ascii: "\\"))
                    | ByteWords.below(word, 0x20)
                if found != 0 { break }
                i += 8
            }
        }
        while i < n {
            let b = utf8[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return n
    }
}
