/// A strict RFC 8259 JSON reader.
///
/// - Refuses invalid UTF-8 and `\u` escapes naming lone surrogates (`bad_utf8`), raw control characters
///   in strings, trailing characters (`bad_json`), duplicate keys (`duplicate_key`),
///   malformed or over-long number literals (`bad_number`), nesting beyond `JSONLimits.maxDepth`
///   (`too_deep`) and containers with more than `JSONLimits.maxMembers` members (`too_many_members`).
/// - A leading UTF-8 byte order mark is skipped (RFC 8259 §8.1 allows it); one anywhere else is an error.
/// - Iterative: nesting is kept on an explicit stack, so no input can overflow the call stack.
public enum JSONReader {
    /// Parses one JSON text (surrounding whitespace allowed, nothing else).
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .init()) throws(InputError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        return try result.get()
    }

    /// Parses one JSON text from any byte collection (copied first when not contiguous).
    public static func parse(_ bytes: some Collection<UInt8>, limits: JSONLimits = .init()) throws(InputError)
        -> JSONValue
    {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(InputError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        if let contiguous { return try contiguous.get() }
        return try parse(Array(bytes), limits: limits)
    }

    /// Parses one JSON text from its UTF-8 (handy in tests and for configuration).
    public static func parse(_ text: String, limits: JSONLimits = .init()) throws(InputError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Parses one JSON text in memory the caller owns (a ZeroMQ message frame, say) without copying it.
    public static func parse(_ buffer: UnsafeRawBufferPointer, limits: JSONLimits = .init()) throws(InputError)
        -> JSONValue
    {
        try parse(buffer.assumingMemoryBound(to: UInt8.self), limits: limits)
    }

    /// Parses one JSON text in memory the caller owns without copying it.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits = .init()) throws(InputError)
        -> JSONValue
    {
        var parser = JSONParser(input: buffer, limits: limits)
        return try parser.parseDocument()
    }
}

let asciiQuote = UInt8(ascii: "\"")
let asciiBackslash = UInt8(ascii: "\\")

/// One open container on the explicit stack.
struct OpenContainer {
    var isObject: Bool
    var elements: [JSONValue] = []
    var members: [JSONMember] = []
    /// The key whose value is being parsed (objects only).
    var pendingKey: String = ""
    /// Keys seen so far, built only once an object grows past a few members.
    var keySet: Set<[UInt8]>? = nil
}

struct JSONParser {
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

    func fail(_ code: ErrorCode, _ what: String) -> InputError {
        InputError(code: code, message: "\(what) at byte \(index)")
    }

    /// A byte that cannot start anything here: `bad_utf8` when it is not valid UTF-8, else `bad_json`.
    func unexpected(_ expected: String) -> InputError {
        guard index < input.count else { return fail(ErrorCode.badJSON, "unexpected end of input, expected \(expected)") }
        let b = input[index]
        if b >= 0x80 && utf8SequenceLength(at: index) == nil {
            return fail(ErrorCode.badUTF8, "invalid UTF-8 byte 0x\(hexByte(b))")
        }
        let shown = b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(hexByte(b))"
        return fail(ErrorCode.badJSON, "unexpected \(shown), expected \(expected)")
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
        // RFC 8259 §8.1 lets a parser ignore a leading byte order mark; files saved by some editors
        // have one, and refusing them helps no one.
        if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { index = 3 }
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
                if stack.count >= limits.maxDepth { throw fail(ErrorCode.tooDeep, "nesting deeper than \(limits.maxDepth)") }
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
                if stack.count >= limits.maxDepth { throw fail(ErrorCode.tooDeep, "nesting deeper than \(limits.maxDepth)") }
                index += 1
                skipWhitespace()
                if index < input.count && input[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    stack.append(OpenContainer(isObject: false))
                    continue parseNext
                }
            case asciiQuote:
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
                        throw fail(ErrorCode.tooManyMembers, "object with more than \(limits.maxMembers) members")
                    }
                    guard index < input.count else { throw unexpected("',' or '}'") }
                    if input[index] == UInt8(ascii: ",") {
                        index += 1
                        let keyStart = index
                        let next = try parseKey()
                        if isDuplicate(next, in: &stack[top]) {
                            index = keyStart
                            skipWhitespace()
                            throw fail(ErrorCode.duplicateKey, "duplicate key \"\(next)\"")
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
                        throw fail(ErrorCode.tooManyMembers, "array with more than \(limits.maxMembers) elements")
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
        guard index < input.count, input[index] == asciiQuote else { throw unexpected("a string key") }
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
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

func hexByte(_ b: UInt8) -> String {
    String(decoding: [hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]], as: UTF8.self)
}

func hex4(_ v: UInt32) -> String {
    hexByte(UInt8(v >> 8)) + hexByte(UInt8(v & 0xFF))
}
