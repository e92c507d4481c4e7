extension JSONBoundaries {
    /// The members at the end of the top-level object whose values are numbers or literals, read
    /// backwards from the closing brace up to the first member that is not one (or whose key has an
    /// escape), last member first. Nothing before them is looked at: a replay page's `next_seq` and
    /// `last_seq` are known this way before its items are split. Empty when the text does not end so.
    /// Like the rest of `JSONBoundaries`, this trusts its writer: check against `members` afterwards.
    public static func trailingScalarMembers(_ bytes: [UInt8]) -> [(key: String, value: Range<Int>)] {
        var found: [(key: String, value: Range<Int>)] = []
        var i = bytes.count - 1
        func skipWhitespace() { while i >= 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i -= 1 } }
        func isScalar(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "E")
        }
        skipWhitespace()
        guard i >= 0, bytes[i] == UInt8(ascii: "}") else { return [] }
        i -= 1
        while true {
            skipWhitespace()
            let valueEnd = i + 1
            while i >= 0, isScalar(bytes[i]) { i -= 1 }
            let value = (i + 1)..<valueEnd
            guard !value.isEmpty else { return found }
            skipWhitespace()
            guard i >= 0, bytes[i] == UInt8(ascii: ":") else { return found }
            i -= 1
            skipWhitespace()
            guard i >= 0, bytes[i] == UInt8(ascii: "\"") else { return found }
            let keyEnd = i
            i -= 1
            while i >= 0, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i -= 1 }
            // An unescaped quote cannot be inside a string, so this is the key's opening quote unless
            // the key has an escape.
            guard i >= 0, bytes[i] == UInt8(ascii: "\"") else { return found }
            let key = (i + 1)..<keyEnd
            i -= 1
            skipWhitespace()
            guard i >= 0, bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "{") else { return found }
            found.append((String(decoding: bytes[key], as: UTF8.self), value))
            if bytes[i] == UInt8(ascii: "{") { return found }
            i -= 1
        }
    }
}
