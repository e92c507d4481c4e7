/// Numbers and strings: the scanning that decides most of the reader's speed.
extension JSONParser {
    // MARK: numbers

    mutating func parseNumber() throws(InputError) -> String {
        let start = index
        try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
    }

    /// Moves past a number literal, checking its grammar and length.
    mutating func scanNumber() throws(InputError) {
        let start = index
        func isDigit(_ i: Int) -> Bool { i < input.count && input[i] >= 0x30 && input[i] <= 0x39 }
        if input[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else {
            throw fail(ErrorCode.badNumber, "number literal with no digits")
        }
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw fail(ErrorCode.badNumber, "number literal with a leading zero") }
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < input.count && input[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw fail(ErrorCode.badNumber, "number literal with no digits after '.'") }
            while isDigit(index) { index += 1 }
        }
        if index < input.count && (input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E")) {
            index += 1
            if index < input.count && (input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard isDigit(index) else { throw fail(ErrorCode.badNumber, "number literal with no exponent digits") }
            while isDigit(index) { index += 1 }
        }
        if index - start > limits.maxNumberLength {
            let length = index - start
            index = start
            throw fail(ErrorCode.badNumber, "number literal of \(length) characters (limit \(limits.maxNumberLength))")
        }
    }

    // MARK: strings

    /// Parses a string starting at the opening asciiQuote.
    mutating func parseString() throws(InputError) -> String {
        index += 1
        let start = index
        // Fast path: find the closing asciiQuote, eight bytes at a time, stopping at anything that needs a
        // closer look (asciiQuote, asciiBackslash, control character). Bytes >= 0x80 are validated afterwards by
        // the standard library's UTF-8 validation, which `String` would run anyway.
        index = scanPlainRun(from: index)
        if index < input.count && input[index] == asciiQuote {
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
            if b == asciiQuote {
                index += 1
                guard let s = scratch.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
                    throw invalidUTF8(in: start..<(index - 1))
                }
                return s
            } else if b == asciiBackslash {
                do throws(InputError) {
                    try parseEscape()
                } catch {
                    // Invalid UTF-8 before a bad escape is the first fault: name that one.
                    let earlier = invalidUTF8(in: start..<index)
                    throw earlier.message.hasPrefix("invalid UTF-8 byte") ? earlier : error
                }
            } else {
                throw controlCharacter(b, inStringFrom: start)
            }
        }
        throw unterminatedString(from: start)
    }

    /// A raw control character in a string; invalid UTF-8 before it is reported instead, so that the
    /// first fault in the bytes is the one named.
    func controlCharacter(_ b: UInt8, inStringFrom start: Int) -> InputError {
        let error = invalidUTF8(in: start..<index)
        if error.message.hasPrefix("invalid UTF-8 byte") { return error }
        return fail(ErrorCode.badJSON, "raw control character U+00\(hexByte(b)) in a string (escape it)")
    }

    /// End of input inside a string: invalid UTF-8 in it is the likelier story, so it is reported first.
    func unterminatedString(from start: Int) -> InputError {
        let error = invalidUTF8(in: start..<input.count)
        if error.message.hasPrefix("invalid UTF-8 byte") { return error }
        return InputError(code: ErrorCode.badJSON, message: "unterminated string starting at byte \(start - 1)")
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
    func scanPlainRun(from i: Int) -> Int { JSONPlainRun.end(input, from: i) }

    /// The error for invalid UTF-8 somewhere in `range`, naming the first bad byte.
    func invalidUTF8(in range: Range<Int>) -> InputError {
        var i = range.lowerBound
        while i < range.upperBound {
            guard let n = utf8SequenceLength(at: i), i + n <= range.upperBound else {
                return InputError(code: ErrorCode.badUTF8, message: "invalid UTF-8 byte 0x\(hexByte(input[i])) at byte \(i)")
            }
            i += n
        }
        return InputError(code: ErrorCode.badUTF8, message: "invalid UTF-8 in the string before byte \(range.upperBound)")
    }

    func stringTooLong() -> InputError {
        fail(ErrorCode.tooLarge, "string longer than \(limits.maxStringBytes) bytes")
    }

    mutating func parseEscape() throws(InputError) {
        let escapeStart = index
        index += 1
        guard index < input.count else { throw unexpected("an escape") }
        let c = input[index]
        index += 1
        switch c {
        case asciiQuote: scratch.append(asciiQuote)
        case asciiBackslash: scratch.append(asciiBackslash)
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
                guard index + 1 < input.count, input[index] == asciiBackslash, input[index + 1] == UInt8(ascii: "u") else {
                    index = escapeStart
                    throw fail(ErrorCode.badUTF8, "lone surrogate \\u\(hex4(scalar))")
                }
                index += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    index = escapeStart
                    throw fail(ErrorCode.badUTF8, "lone surrogate \\u\(hex4(scalar))")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                index = escapeStart
                throw fail(ErrorCode.badUTF8, "lone surrogate \\u\(hex4(scalar))")
            }
            appendUTF8(scalar)
        default:
            index = escapeStart
            throw fail(ErrorCode.badJSON, "invalid escape")
        }
    }

    mutating func parseHex4() throws(InputError) -> UInt32 {
        guard index + 4 <= input.count else { throw fail(ErrorCode.badJSON, "truncated \\u escape") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = input[index + k]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail(ErrorCode.badJSON, "invalid \\u escape")
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

    /// The index of the first byte in `range` that does not begin a well-formed UTF-8 sequence lying
    /// wholly inside `range` (Unicode Table 3-7), or nil when the range is valid UTF-8.
    func firstInvalidUTF8(in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b0 = input[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
                i + k < end && input[i + k] >= lo && input[i + k] <= hi
            }
            let n: Int
            switch b0 {
            case 0xC2...0xDF: n = cont(1) ? 2 : 0
            case 0xE0: n = cont(1, 0xA0) && cont(2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF: n = cont(1) && cont(2) ? 3 : 0
            case 0xED: n = cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
            case 0xF0: n = cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
            case 0xF1...0xF3: n = cont(1) && cont(2) && cont(3) ? 4 : 0
            case 0xF4: n = cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
            default: n = 0
            }
            if n == 0 { return i }
            i += n
        }
        return nil
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
