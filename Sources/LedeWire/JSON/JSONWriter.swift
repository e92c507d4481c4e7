/// Appends JSON text to a byte buffer, inserting commas itself.
///
/// Call `key(_:)` before each value inside an object; values inside arrays need nothing. The writer
/// trusts its caller for structure (it does not check that keys and values alternate) but always
/// escapes strings correctly, so the output is valid UTF-8 JSON when calls are balanced.
///
/// ```swift
/// var w = JSONWriter()
/// w.beginObject(); w.key("seq"); w.int(42); w.key("tags"); w.beginArray(); w.string("a"); w.endArray(); w.endObject()
/// // {"seq":42,"tags":["a"]}
/// ```
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]
    /// True when the next key or value must be preceded by a comma.
    @usableFromInline var needsComma = false

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: containers

    @inlinable public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    @inlinable public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    @inlinable public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    @inlinable public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":`; the next call writes its value.
    @inlinable public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"name":` for a name known to need no escaping (ASCII letters, digits, `_`, `.`).
    @inlinable public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: values

    @inlinable public mutating func string(_ s: String) {
        separate()
        appendQuoted(s)
        needsComma = true
    }

    /// Writes the string, or `null` when nil.
    @inlinable public mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    @inlinable public mutating func int(_ v: Int) { int64(Int64(v)) }

    /// Writes the integer, or `null` when nil.
    @inlinable public mutating func int(_ v: Int?) {
        if let v { int64(Int64(v)) } else { null() }
    }

    public mutating func int64(_ v: Int64) {
        separate()
        appendDecimal(v)
        needsComma = true
    }

    /// Writes the shortest text that reads back as `v`; `null` for NaN and infinities, which JSON lacks.
    public mutating func double(_ v: Double) {
        separate()
        if v.isFinite {
            if v == v.rounded(.towardZero) && abs(v) < 1e15 {
                // Integral values: "550.0" rather than "550", so readers keep the type; no exponent.
                appendDecimal(Int64(v))  // -0.0 prints as 0.0
                bytes.append(UInt8(ascii: "."))
                bytes.append(UInt8(ascii: "0"))
            } else {
                bytes.append(contentsOf: v.description.utf8)
            }
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        needsComma = true
    }

    @inlinable public mutating func bool(_ v: Bool) {
        separate()
        if v { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
        needsComma = true
    }

    @inlinable public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    /// Appends bytes that already are one complete JSON value (e.g. a stored result). Not checked.
    public mutating func raw(_ json: some Collection<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    /// Appends bytes that already are one complete JSON value, straight from memory the caller holds
    /// (e.g. SQLite's buffer for a stored result), in one copy. Not checked.
    public mutating func raw(_ json: UnsafeRawBufferPointer) {
        separate()
        json.withMemoryRebound(to: UInt8.self) { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    /// Writes a parsed value. Recursion depth equals the value's nesting, which the reader bounds.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let text):
            separate()
            bytes.append(contentsOf: text.utf8)
            needsComma = true
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for m in members {
                key(m.key)
                value(m.value)
            }
            endObject()
        }
    }

    // MARK: primitives

    @usableFromInline mutating func appendDecimal(_ v: Int64) {
        if v >= 0 && v < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v))
            return
        }
        var magnitude = v.magnitude
        // Digits are produced backwards into a 20-byte stack buffer, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            while magnitude > 0 {
                i -= 1
                digits[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            if v < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    /// Appends `"s"` with `"`, `\` and control characters escaped. Swift strings are valid Unicode,
    /// so the UTF-8 copied through is valid too.
    @usableFromInline mutating func appendQuoted(_ s: String) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { utf8 in appendQuoted(utf8) }
        if done == nil {
            let copy = Array(s.utf8)
            copy.withUnsafeBufferPointer { appendQuoted($0) }
        }
    }

    @usableFromInline mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        while true {
            i = JSONPlainRun.end(utf8, from: i)
            if i == utf8.count { break }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            appendEscape(utf8[i])
            i += 1
            runStart = i
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a key given as its complete JSON text with the colon, e.g. `"\"seq\":"`; for the encoders'
    /// fixed keys, which need no escaping.
    @usableFromInline mutating func rawKey(_ quotedWithColon: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        quotedWithColon.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = false
    }

    @usableFromInline mutating func appendEscape(_ b: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let low = b & 0xF
            bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, 0x30 + (b >> 4), low < 10 ? 0x30 + low : 0x57 + low])
        }
    }
}
