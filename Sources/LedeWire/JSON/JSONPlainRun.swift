/// The bytes a JSON string can hold as they are, found eight at a time: the reader and the writer both
/// skip to the next quote, backslash or control character with this one search.
@usableFromInline enum JSONPlainRun {
    /// The index of the first `"`, `\` or byte below 0x20 at or after `i` in `utf8` (or its end).
    @usableFromInline static func end(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        let n = utf8.count
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let q = word ^ (ones &* 0x22)
                let bs = word ^ (ones &* 0x5C)
                let found = ((q &- ones) & ~q) | ((bs &- ones) & ~bs) | ((word &- ones &* 0x20) & ~word)
                if found & highs != 0 { break }
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
