#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed JSON value. Objects keep their members in document order; numbers keep their literal
/// text, so no precision is lost before the caller decides how to read them.
///
/// Equality is structural and literal: `1` and `1.0` are different numbers.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number literal exactly as written (`-12`, `3.5e2`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// The member named `key` of an object (compared byte for byte), or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for m in members where sameUTF8(m.key, key) { return m.value }
        return nil
    }

    /// The element at `index` of an array, or nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value of an integer literal (no fraction, no exponent) that fits in `Int`, or nil.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    /// The value of an integer literal that fits in `Int64`, or nil.
    public var int64Value: Int64? {
        guard case .number(let text) = self else { return nil }
        return Int64(text)
    }

    /// The number as a `Double` (may be rounded, or infinite for huge exponents), or nil.
    public var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The literal text of a number, or nil.
    public var numberLiteral: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// True for a number literal without fraction or exponent.
    public var isIntegerLiteral: Bool {
        guard case .number(let text) = self else { return false }
        return !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The keys of an object in document order, or `[]`.
    public var keys: [String] { objectValue?.map(\.key) ?? [] }

    /// The JSON type name, for error messages: `null`, `boolean`, `number`, `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(nilLiteral: ()) { self = .null }
}

/// Byte-for-byte equality of two strings (JSON compares keys as code-unit sequences, not by Unicode
/// canonical equivalence as `==` does).
@inline(__always)
func sameUTF8(_ a: String, _ b: String) -> Bool {
    let au = a.utf8, bu = b.utf8
    guard au.count == bu.count else { return false }
    let fast = au.withContiguousStorageIfAvailable { pa in
        bu.withContiguousStorageIfAvailable { pb in
            pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
        }
    }
    if let fast, let result = fast { return result }
    return au.elementsEqual(bu)
}

extension JSONValue: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Members in the order written. Repeating a key makes an object the reader would refuse.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { JSONMember($0.0, $0.1) })
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text, as `JSONWriter` writes it.
    public var description: String {
        var w = JSONWriter(capacity: 64)
        w.value(self)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
