/// A strict RFC 8259 JSON reader.
///
/// - Refuses invalid UTF-8 and `\u` escapes naming lone surrogates (`bad_utf8`), raw control characters
///   in strings, a byte order mark, trailing characters (`bad_json`), duplicate keys (`duplicate_key`),
///   malformed or over-long number literals (`bad_number`), nesting beyond `JSONLimits.maxDepth`
///   (`too_deep`) and containers with more than `JSONLimits.maxMembers` members (`too_many_members`).
/// - Iterative: nesting is kept on an explicit stack, so no input can overflow the call stack.
public enum JSONReader {
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .init()) throws(InputError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        return try result.get()
    }

    public static func parse(_ bytes: some Collection<UInt8>, limits: JSONLimits = .init()) throws(InputError)
        -> JSONValue
    {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(InputError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        if let contiguous { return try contiguous.get() }
        return try parse(Array(bytes), limits: limits)
    }

    public static func parse(_ text: String, limits: JSONLimits = .init()) throws(InputError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }

    public static func parse(_ buffer: UnsafeRawBufferPointer, limits: JSONLimits = .init()) throws(InputError)
        -> JSONValue
    {
        try parse(buffer.assumingMemoryBound(to: UInt8.self), limits: limits)
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits = .init()) throws(InputError)
        -> JSONValue
    {
        var parser = JSONParser(input: buffer, limits: limits)
        return try parser.parseDocument()
    }
}

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")

/// One open container on the explicit stack.
private struct OpenContainer {
    var isObject: Bool
    var elements: [JSONValue] = []
    var members: [JSONMember] = []
    /// The key whose value is being parsed (objects only).
    var pendingKey: String = ""
    /// Keys seen so far, built only once an object grows past a few members.
    var keySet: Set<[UInt8]>? = nil
}

private struct JSONParser {
    let input: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var index = 0
    /// Reused for strings that contain escapes.
    var scratch: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.input = input
        self.limits = limits
    }

    // MARK: errors

    func fail(_ code: String, _ what: String) -> InputError {
        InputError(code: code, message: "\(what) at byte \(index)")
    }

    /// A byte that cannot start anything here: `bad_utf8` when it is not valid UTF-8, else `bad_json`.
    func unexpected(_ expected: String) -> InputError {
        guard index < input.count else { return fail(InputError.Code.badJSON, "unexpected end of input, expected \(expected)") }
        let b = input[index]
        if b >= 0x80 && utf8SequenceLength(at: index) == nil {
            return fail(InputError.Code.badUTF8, "invalid UTF-8 byte 0x\(hexByte(b))")
        }
        if b == 0xEF && index == 0 && input.count >= 3 && input[1] == 0xBB && input[2] == 0xBF {
            return fail(InputError.Code.badJSON, "byte order mark is not allowed")
        }
        let shown = b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(hexByte(b))"
        return fail(InputError.Code.badJSON, "unexpected \(shown), expected \(expected)")
    }

    // MARK: structure

    mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func parseDocument() throws(InputError) -> JSONValue {
        let value = try parseValueIteratively()
        skipWhitespace()
        if index != input.count { throw unexpected("end of input") }
        return value
    }

    mutating func parseValueIteratively() throws(InputError) -> JSONValue {
        var stack: [OpenContainer] = []
        parseNext: while true {
            skipWhitespace()
            guard index < input.count else { throw unexpected("a value") }
            var value: JSONValue
            switch input[index] {
            case UInt8(ascii: "{"):
                if stack.count >= limits.maxDepth { throw fail(InputError.Code.tooDeep, "nesting deeper than \(limits.maxDepth)") }
                index += 1
                skipWhitespace()
                if index < input.count && input[index] == UInt8(ascii: "}") {
                    index += 1
                    value = .object([])
                } else {
                    var container = OpenContainer(isObject: true)
                    container.pendingKey = try parseKey()
                    stack.append(container)
                    continue parseNext
                }
            case UInt8(ascii: "["):
                if stack.count >= limits.maxDepth { throw fail(InputError.Code.tooDeep, "nesting deeper than \(limits.maxDepth)") }
                index += 1
                skipWhitespace()
                if index < input.count && input[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    stack.append(OpenContainer(isObject: false))
                    continue parseNext
                }
            case quote:
                value = .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw unexpected("a value")
            }

            // Attach the finished value to the open containers, closing those that end here.
            while !stack.isEmpty {
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isObject {
                    let key = stack[top].pendingKey
                    stack[top].members.append(JSONMember(key, value))
                    if stack[top].members.count > limits.maxMembers {
                        throw fail(InputError.Code.tooManyMembers, "object with more than \(limits.maxMembers) members")
                    }
                    guard index < input.count else { throw unexpected("',' or '}'") }
                    if input[index] == UInt8(ascii: ",") {
                        index += 1
                        let keyStart = index
                        let next = try parseKey()
                        if isDuplicate(next, in: &stack[top]) {
                            index = keyStart
                            skipWhitespace()
                            throw fail(InputError.Code.duplicateKey, "duplicate key \"\(next)\"")
                        }
                        stack[top].pendingKey = next
                        continue parseNext
                    } else if input[index] == UInt8(ascii: "}") {
                        index += 1
                        value = .object(stack.removeLast().members)
                    } else {
                        throw unexpected("',' or '}'")
                    }
                } else {
                    stack[top].elements.append(value)
                    if stack[top].elements.count > limits.maxMembers {
                        throw fail(InputError.Code.tooManyMembers, "array with more than \(limits.maxMembers) elements")
                    }
                    guard index < input.count else { throw unexpected("',' or ']'") }
                    if input[index] == UInt8(ascii: ",") {
                        index += 1
                        continue parseNext
                    } else if input[index] == UInt8(ascii: "]") {
                        index += 1
                        value = .array(stack.removeLast().elements)
                    } else {
                        throw unexpected("',' or ']'")
                    }
                }
            }
            return value
        }
    }

    /// Parses `"key"` and the `:` after it.
    mutating func parseKey() throws(InputError) -> String {
        skipWhitespace()
        guard index < input.count, input[index] == quote else { throw unexpected("a string key") }
        let key = try parseString()
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: ":") else { throw unexpected("':'") }
        index += 1
        return key
    }

    func isDuplicate(_ key: String, in container: inout OpenContainer) -> Bool {
        if container.keySet == nil {
            if container.members.count < 16 {
                for m in container.members where sameUTF8(m.key, key) { return true }
                return false
            }
            container.keySet = Set(container.members.map { Array($0.key.utf8) })
        }
        return !container.keySet!.insert(Array(key.utf8)).inserted
    }

    mutating func expectLiteral(_ word: StaticString) throws(InputError) {
        let n = word.utf8CodeUnitCount
        let ok = index + n <= input.count
            && word.withUTF8Buffer { w in (0..<n).allSatisfy { input[index + $0] == w[$0] } }
        guard ok else { throw unexpected("a value") }
        index += n
    }

    // MARK: numbers

    mutating func parseNumber() throws(InputError) -> String {
        let start = index
        func isDigit(_ i: Int) -> Bool { i < input.count && input[i] >= 0x30 && input[i] <= 0x39 }
        if input[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else {
            throw fail(InputError.Code.badNumber, "number literal with no digits")
        }
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw fail(InputError.Code.badNumber, "number literal with a leading zero") }
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < input.count && input[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw fail(InputError.Code.badNumber, "number literal with no digits after '.'") }
            while isDigit(index) { index += 1 }
        }
        if index < input.count && (input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E")) {
            index += 1
            if index < input.count && (input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard isDigit(index) else { throw fail(InputError.Code.badNumber, "number literal with no exponent digits") }
            while isDigit(index) { index += 1 }
        }
        if index - start > limits.maxNumberLength {
            let length = index - start
            index = start
            throw fail(InputError.Code.badNumber, "number literal of \(length) characters (limit \(limits.maxNumberLength))")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
    }

    // MARK: strings

    /// Parses a string starting at the opening quote.
    mutating func parseString() throws(InputError) -> String {
        index += 1
        let start = index
        // Fast path: find the closing quote, eight bytes at a time, stopping at anything that needs a
        // closer look (quote, backslash, control character). Bytes >= 0x80 are validated afterwards by
        // the standard library's UTF-8 validation, which `String` would run anyway.
        index = scanPlainRun(from: index)
        if index < input.count && input[index] == quote {
            let length = index - start
            if length > limits.maxStringBytes { throw stringTooLong() }
            let slice = UnsafeBufferPointer(rebasing: input[start..<index])
            index += 1
            // ASCII needs no validation (and short strings are cheaper to build without it).
            if isASCII(slice) { return String(decoding: slice, as: UTF8.self) }
            guard let s = String(validating: slice, as: UTF8.self) else {
                throw invalidUTF8(in: start..<(index - 1))
            }
            return s
        }
        guard index < input.count else { throw unterminatedString(from: start) }
        // Slow path: copy what we have, then decode escapes into the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
        while index < input.count {
            let runStart = index
            index = scanPlainRun(from: index)
            if runStart < index { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index])) }
            if scratch.count > limits.maxStringBytes { throw stringTooLong() }
            guard index < input.count else { break }
            let b = input[index]
            if b == quote {
                index += 1
                guard let s = scratch.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
                    throw invalidUTF8(in: start..<(index - 1))
                }
                return s
            } else if b == backslash {
                try parseEscape()
            } else {
                throw fail(InputError.Code.badJSON, "raw control character U+00\(hexByte(b)) in a string (escape it)")
            }
        }
        throw unterminatedString(from: start)
    }

    /// End of input inside a string: invalid UTF-8 in it is the likelier story, so it is reported first.
    func unterminatedString(from start: Int) -> InputError {
        let error = invalidUTF8(in: start..<input.count)
        if error.message.hasPrefix("invalid UTF-8 byte") { return error }
        return InputError(code: InputError.Code.badJSON, message: "unterminated string starting at byte \(start - 1)")
    }

    @inline(__always)
    func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var bits: UInt64 = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                bits |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
        }
        var tail: UInt8 = 0
        while i < bytes.count {
            tail |= bytes[i]
            i += 1
        }
        return (bits & 0x8080_8080_8080_8080) == 0 && tail < 0x80
    }

    /// The index of the first quote, backslash or control character at or after `i` (or the end).
    @inline(__always)
    func scanPlainRun(from i: Int) -> Int {
        var i = i
        let n = input.count
        if let base = input.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let q = word ^ (ones &* 0x22)
                let bs = word ^ (ones &* 0x5C)
                let hasQuote = (q &- ones) & ~q
                let hasBackslash = (bs &- ones) & ~bs
                let hasControl = (word &- ones &* 0x20) & ~word
                if (hasQuote | hasBackslash | hasControl) & highs != 0 { break }
                i += 8
            }
        }
        while i < n {
            let b = input[i]
            if b == quote || b == backslash || b < 0x20 { return i }
            i += 1
        }
        return i
    }

    /// The error for invalid UTF-8 somewhere in `range`, naming the first bad byte.
    func invalidUTF8(in range: Range<Int>) -> InputError {
        var i = range.lowerBound
        while i < range.upperBound {
            guard let n = utf8SequenceLength(at: i), i + n <= range.upperBound else {
                return InputError(code: InputError.Code.badUTF8, message: "invalid UTF-8 byte 0x\(hexByte(input[i])) at byte \(i)")
            }
            i += n
        }
        return InputError(code: InputError.Code.badUTF8, message: "invalid UTF-8 in the string before byte \(range.upperBound)")
    }

    func stringTooLong() -> InputError {
        fail(InputError.Code.tooLarge, "string longer than \(limits.maxStringBytes) bytes")
    }

    mutating func parseEscape() throws(InputError) {
        let escapeStart = index
        index += 1
        guard index < input.count else { throw unexpected("an escape") }
        let c = input[index]
        index += 1
        switch c {
        case quote: scratch.append(quote)
        case backslash: scratch.append(backslash)
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < input.count, input[index] == backslash, input[index + 1] == UInt8(ascii: "u") else {
                    index = escapeStart
                    throw fail(InputError.Code.badUTF8, "lone surrogate \\u\(hex4(scalar))")
                }
                index += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    index = escapeStart
                    throw fail(InputError.Code.badUTF8, "lone surrogate \\u\(hex4(scalar))")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                index = escapeStart
                throw fail(InputError.Code.badUTF8, "lone surrogate \\u\(hex4(scalar))")
            }
            appendUTF8(scalar)
        default:
            index = escapeStart
            throw fail(InputError.Code.badJSON, "invalid escape")
        }
    }

    mutating func parseHex4() throws(InputError) -> UInt32 {
        guard index + 4 <= input.count else { throw fail(InputError.Code.badJSON, "truncated \\u escape") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = input[index + k]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail(InputError.Code.badJSON, "invalid \\u escape")
            }
            v = v << 4 | d
        }
        index += 4
        return v
    }

    mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (v >> 6)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (v >> 12)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (v >> 18)))
            scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), or nil.
    func utf8SequenceLength(at i: Int) -> Int? {
        let b0 = input[i]
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < input.count && input[i + k] >= lo && input[i + k] <= hi
        }
        switch b0 {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return cont(1) ? 2 : nil
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : nil
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : nil
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : nil
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : nil
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : nil
        default: return nil
        }
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

func hexByte(_ b: UInt8) -> String {
    String(decoding: [hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]], as: UTF8.self)
}

private func hex4(_ v: UInt32) -> String {
    hexByte(UInt8(v >> 8)) + hexByte(UInt8(v & 0xFF))
}
