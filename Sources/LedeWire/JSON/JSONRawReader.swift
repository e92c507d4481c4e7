/// Finds where values are in a JSON text without building them, for passing stored JSON through
/// untouched (printing a replay page's items, forwarding a result) at the speed of a scan.
///
/// Values are checked as strictly as `JSONReader` checks them (syntax, UTF-8, escapes, numbers, depth,
/// member counts) except that duplicate keys inside the skipped values are not looked for.
public enum JSONRawReader {
    /// The members of the top-level object: each key, and the byte range of its value in `bytes`.
    public static func members(_ bytes: [UInt8], limits: JSONLimits = .init()) throws(InputError)
        -> [(key: String, value: Range<Int>)]
    {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) -> [(key: String, value: Range<Int>)] in
                var parser = JSONParser(input: buffer, limits: limits)
                return try parser.rawMembers()
            }
        }
        return try result.get()
    }

    /// The byte ranges of the elements of the array that occupies `range` of `bytes` (for example a
    /// value range returned by `members`).
    public static func elements(_ bytes: [UInt8], in range: Range<Int>, limits: JSONLimits = .init()) throws(InputError)
        -> [Range<Int>]
    {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) -> [Range<Int>] in
                var parser = JSONParser(input: UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), limits: limits)
                parser.index = range.lowerBound
                return try parser.rawElements()
            }
        }
        return try result.get()
    }

    /// Checks that `bytes` is one valid JSON text, without building it.
    public static func validate(_ bytes: [UInt8], limits: JSONLimits = .init()) throws(InputError) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) in
                var parser = JSONParser(input: buffer, limits: limits)
                parser.skipByteOrderMark()
                try parser.skipValue(depth: 0)
                parser.skipWhitespace()
                if parser.index != buffer.count { throw parser.unexpected("end of input") }
            }
        }
        try result.get()
    }
}

extension JSONParser {
    mutating func skipByteOrderMark() {
        if index == 0 && input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { index = 3 }
    }

    mutating func rawMembers() throws(InputError) -> [(key: String, value: Range<Int>)] {
        skipByteOrderMark()
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: "{") else {
            if index < input.count && input[index] >= 0x80 { throw unexpected("'{'") }
            throw InputError(code: InputError.Code.notObject, message: "expected a JSON object at byte \(index)")
        }
        index += 1
        var members: [(key: String, value: Range<Int>)] = []
        skipWhitespace()
        if index < input.count && input[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                let keyStart = index
                let key = try parseKey()
                if members.contains(where: { sameUTF8($0.key, key) }) {
                    index = keyStart
                    skipWhitespace()
                    throw fail(InputError.Code.duplicateKey, "duplicate key \"\(key)\"")
                }
                skipWhitespace()
                let start = index
                try skipValue(depth: 1)
                members.append((key, start..<index))
                if members.count > limits.maxMembers {
                    throw fail(InputError.Code.tooManyMembers, "object with more than \(limits.maxMembers) members")
                }
                skipWhitespace()
                guard index < input.count else { throw unexpected("',' or '}'") }
                if input[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                } else if input[index] == UInt8(ascii: "}") {
                    index += 1
                    break
                } else {
                    throw unexpected("',' or '}'")
                }
            }
        }
        skipWhitespace()
        if index != input.count { throw unexpected("end of input") }
        return members
    }

    mutating func rawElements() throws(InputError) -> [Range<Int>] {
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: "[") else { throw unexpected("'['") }
        index += 1
        var elements: [Range<Int>] = []
        skipWhitespace()
        if index < input.count && input[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let start = index
                try skipValue(depth: 1)
                elements.append(start..<index)
                if elements.count > limits.maxMembers {
                    throw fail(InputError.Code.tooManyMembers, "array with more than \(limits.maxMembers) elements")
                }
                skipWhitespace()
                guard index < input.count else { throw unexpected("',' or ']'") }
                if input[index] == UInt8(ascii: ",") {
                    index += 1
                } else if input[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                } else {
                    throw unexpected("',' or ']'")
                }
            }
        }
        skipWhitespace()
        if index != input.count { throw unexpected("end of the array") }
        return elements
    }

    /// Moves past one value, checking it; `depth` containers are already open around it.
    mutating func skipValue(depth: Int) throws(InputError) {
        // Open containers (true: object) with their member counts, on an explicit stack.
        var open: [(isObject: Bool, count: Int)] = []
        parseNext: while true {
            skipWhitespace()
            guard index < input.count else { throw unexpected("a value") }
            switch input[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = input[index] == UInt8(ascii: "{")
                if depth + open.count >= limits.maxDepth { throw fail(InputError.Code.tooDeep, "nesting deeper than \(limits.maxDepth)") }
                index += 1
                skipWhitespace()
                if index < input.count && input[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                } else {
                    open.append((isObject, 0))
                    if isObject { _ = try skipKey() }
                    continue parseNext
                }
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "t"): try expectLiteral("true")
            case UInt8(ascii: "f"): try expectLiteral("false")
            case UInt8(ascii: "n"): try expectLiteral("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
            default: throw unexpected("a value")
            }
            while let top = open.last {
                open[open.count - 1].count += 1
                if top.count + 1 > limits.maxMembers {
                    throw fail(InputError.Code.tooManyMembers, "\(top.isObject ? "object" : "array") with more than \(limits.maxMembers) members")
                }
                skipWhitespace()
                guard index < input.count else { throw unexpected(top.isObject ? "',' or '}'" : "',' or ']'") }
                if input[index] == UInt8(ascii: ",") {
                    index += 1
                    if top.isObject { _ = try skipKey() }
                    continue parseNext
                } else if input[index] == (top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    open.removeLast()
                } else {
                    throw unexpected(top.isObject ? "',' or '}'" : "',' or ']'")
                }
            }
            return
        }
    }

    /// Moves past `"key":`.
    mutating func skipKey() throws(InputError) -> Int {
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: "\"") else { throw unexpected("a string key") }
        let start = index
        try skipString()
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: ":") else { throw unexpected("':'") }
        index += 1
        return start
    }

    /// Moves past a string, checking escapes and UTF-8 as `parseString` does, without building it.
    mutating func skipString() throws(InputError) {
        index += 1
        let start = index
        while true {
            let runStart = index
            index = scanPlainRun(from: index)
            let run = UnsafeBufferPointer(rebasing: input[runStart..<index])
            if !isASCII(run) && firstInvalidUTF8(in: runStart..<index) != nil { throw invalidUTF8(in: runStart..<index) }
            guard index < input.count else { throw unterminatedString(from: start) }
            let b = input[index]
            if b == UInt8(ascii: "\"") {
                if index - start > limits.maxStringBytes { throw stringTooLong() }
                index += 1
                return
            } else if b == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                try parseEscape()
            } else {
                throw controlCharacter(b, inStringFrom: start)
            }
        }
    }
}
