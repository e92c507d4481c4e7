/// Finds where values begin and end in JSON text from a trusted writer (a Lede service's replies), at
/// the speed of a memory scan: a client paging through a replay splits each page into its items this
/// way and passes them on byte for byte.
///
/// Only structure is checked: strings end, brackets nest and match, members and elements are separated
/// by commas, and nothing follows the top-level value. What lies inside strings and scalars (UTF-8,
/// escapes, number syntax) is not: use `JSONReader` on input that is not trusted.
public enum JSONBoundaries {
    /// The members of the top-level object: each key, and the byte range of its value in `bytes`.
    public static func members(_ bytes: [UInt8]) throws(InputError) -> [(key: String, value: Range<Int>)] {
        try scan(bytes) { (scanner: inout BoundaryScanner) throws(InputError) in try scanner.members(splitting: nil).members }
    }

    /// The members of the top-level object, and the byte ranges of the elements of its array member
    /// `key` (empty when there is none), found in the same pass: a replay page and its items.
    public static func members(_ bytes: [UInt8], splitting key: String) throws(InputError)
        -> (members: [(key: String, value: Range<Int>)], elements: [Range<Int>])
    {
        try scan(bytes) { (scanner: inout BoundaryScanner) throws(InputError) in try scanner.members(splitting: key) }
    }

    /// The byte ranges of the elements of the array that occupies `range` of `bytes` (for example a
    /// value range returned by `members`).
    public static func elements(_ bytes: [UInt8], in range: Range<Int>) throws(InputError) -> [Range<Int>] {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        return try scan(bytes, upTo: range.upperBound, from: range.lowerBound) {
            (scanner: inout BoundaryScanner) throws(InputError) in try scanner.elements()
        }
    }

    private static func scan<T>(
        _ bytes: [UInt8], upTo end: Int? = nil, from start: Int = 0,
        _ body: (inout BoundaryScanner) throws(InputError) -> T
    ) throws(InputError) -> T {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) -> T in
                var scanner = BoundaryScanner(input: UnsafeBufferPointer(rebasing: buffer[..<(end ?? buffer.count)]), index: start)
                return try body(&scanner)
            }
        }
        return try result.get()
    }
}

/// The scan behind `JSONBoundaries`: an index moving over the input, structure only.
struct BoundaryScanner {
    let input: UnsafeBufferPointer<UInt8>
    var index: Int

    func failure(_ expected: String) -> InputError {
        InputError(code: ErrorCode.badJSON, message: index < input.count ? "expected \(expected) at byte \(index)" : "unexpected end of input, expected \(expected)")
    }

    mutating func members(splitting arrayKey: String?) throws(InputError)
        -> (members: [(key: String, value: Range<Int>)], elements: [Range<Int>])
    {
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: "{") else {
            throw InputError(code: ErrorCode.notObject, message: "expected a JSON object at byte \(index)")
        }
        var members: [(key: String, value: Range<Int>)] = []
        var elements: [Range<Int>] = []
        try list(closedBy: UInt8(ascii: "}")) { (s: inout BoundaryScanner) throws(InputError) in
            guard s.index < s.input.count, s.input[s.index] == UInt8(ascii: "\"") else { throw s.failure("a string key") }
            let keyStart = s.index
            try s.skipString()
            let key = try s.key(keyStart..<s.index)
            s.skipWhitespace()
            guard s.index < s.input.count, s.input[s.index] == UInt8(ascii: ":") else { throw s.failure("':'") }
            s.index += 1
            s.skipWhitespace()
            let start = s.index
            if key == arrayKey, s.index < s.input.count, s.input[s.index] == UInt8(ascii: "[") {
                elements = try s.elements(thenEnd: false)
            } else {
                try s.skipValue()
            }
            members.append((key, start..<s.index))
        }
        return (members, elements)
    }

    /// The elements of the array here; `thenEnd`: nothing but whitespace may follow it.
    mutating func elements(thenEnd: Bool = true) throws(InputError) -> [Range<Int>] {
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: "[") else { throw failure("'['") }
        var elements: [Range<Int>] = []
        try list(closedBy: UInt8(ascii: "]"), thenEnd: thenEnd) { (s: inout BoundaryScanner) throws(InputError) in
            let start = s.index
            try s.skipValue()
            elements.append(start..<s.index)
        }
        return elements
    }

    /// Moves past `[` or `{`, the comma-separated entries that `entry` reads, and the closing bracket;
    /// `thenEnd`: checks that nothing but whitespace follows.
    private mutating func list(closedBy close: UInt8, thenEnd: Bool = true, _ entry: (inout BoundaryScanner) throws(InputError) -> Void) throws(InputError) {
        index += 1
        skipWhitespace()
        if index < input.count && input[index] == close {
            index += 1
        } else {
            while true {
                skipWhitespace()
                try entry(&self)
                skipWhitespace()
                guard index < input.count else { throw failure("',' or '\(Character(Unicode.Scalar(close)))'") }
                if input[index] == UInt8(ascii: ",") {
                    index += 1
                } else if input[index] == close {
                    index += 1
                    break
                } else {
                    throw failure("',' or '\(Character(Unicode.Scalar(close)))'")
                }
            }
        }
        if thenEnd {
            skipWhitespace()
            if index != input.count { throw failure("end of input") }
        }
    }

    /// A key's text; keys with escapes go through the full reader.
    private func key(_ range: Range<Int>) throws(InputError) -> String {
        let inner = UnsafeBufferPointer(rebasing: input[(range.lowerBound + 1)..<(range.upperBound - 1)])
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        guard let key = try JSONReader.parse(Array(input[range])).stringValue else { throw failure("a string key") }
        return key
    }

    /// Moves past one value: a string, a container with everything in it, or a scalar.
    mutating func skipValue() throws(InputError) {
        guard index < input.count else { throw failure("a value") }
        switch input[index] {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer()
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ":"):
            throw failure("a value")
        default:
            skipScalar()
        }
    }

    /// Moves past a number or literal: up to the next delimiter or whitespace.
    private mutating func skipScalar() {
        while index < input.count {
            switch input[index] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "\""),
                0x20, 0x0A, 0x0D, 0x09:
                return
            default: index += 1
            }
        }
    }

    /// Moves past an object or array, checking that brackets match and strings end; whatever else is
    /// between them is passed over. Nesting is limited to 64 levels (Lede's replies nest a few).
    private mutating func skipContainer() throws(InputError) {
        guard let p = input.baseAddress else { throw failure("a value") }
        let n = input.count
        var i = index
        // One bit per open container, innermost lowest: 1 for an object, 0 for an array.
        var objects: UInt64 = 0
        var depth = 0
        while i < n {
            let b = p[i]
            switch b {
            case UInt8(ascii: "\""):
                guard let end = Self.stringEnd(p, n, from: i) else {
                    index = i
                    throw unterminatedString(from: i)
                }
                i = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < 64 else {
                    index = i
                    throw InputError(code: ErrorCode.tooDeep, message: "nesting deeper than 64 at byte \(i)")
                }
                objects = objects << 1 | (b == UInt8(ascii: "{") ? 1 : 0)
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                let expected = objects & 1 == 1 ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard b == expected else {
                    index = i
                    throw failure("'\(Character(Unicode.Scalar(expected)))'")
                }
                objects >>= 1
                depth -= 1
                if depth == 0 {
                    index = i + 1
                    return
                }
            default: break
            }
            i += 1
        }
        index = i
        throw failure("the end of a container")
    }

    /// Moves past a string at its opening quote.
    mutating func skipString() throws(InputError) {
        try skipString(at: index)
    }

    private mutating func skipString(at start: Int) throws(InputError) {
        guard let p = input.baseAddress, let end = Self.stringEnd(p, input.count, from: start) else {
            throw unterminatedString(from: start)
        }
        index = end
    }

    func unterminatedString(from start: Int) -> InputError {
        InputError(code: ErrorCode.badJSON, message: "unterminated string from byte \(start)")
    }

    /// Where the string opening at `start` ends (past its closing quote), or nil when it does not.
    /// Looks eight bytes at a time for a quote or a backslash; the lowest set bit of the has-byte test
    /// is exact, and loads are little-endian on every platform Swift runs Lede on, so the first one
    /// found is the first in the text.
    @inline(__always)
    static func stringEnd(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> Int? {
        var i = start + 1
        while true {
            while i + 8 <= n {
                let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                let hits = hasByte(word, 0x22) | hasByte(word, 0x5C)
                if hits != 0 {
                    i += hits.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            while i < n && p[i] != UInt8(ascii: "\"") && p[i] != UInt8(ascii: "\\") { i += 1 }
            guard i < n else { return nil }
            if p[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 2  // a backslash and the byte it escapes
        }
    }

    @inline(__always)
    static func everyByte(_ b: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(b) }

    /// Nonzero when some byte of `word` is `b` (the classic has-zero-byte test on `word ^ b…b`); its
    /// lowest set bit marks the first such byte.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ b: UInt8) -> UInt64 {
        let x = word ^ everyByte(b)
        return (x &- everyByte(0x01)) & ~x & everyByte(0x80)
    }

    mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}
