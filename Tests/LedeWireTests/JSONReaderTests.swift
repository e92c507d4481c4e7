import XCTest
@testable import LedeWire

final class JSONReaderTests: XCTestCase {
    func parse(_ text: String, limits: JSONLimits = .init()) throws -> JSONValue {
        try JSONReader.parse(Array(text.utf8), limits: limits)
    }

    func code(_ bytes: [UInt8], limits: JSONLimits = .init()) -> String? {
        do {
            _ = try JSONReader.parse(bytes, limits: limits)
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    func code(_ text: String, limits: JSONLimits = .init()) -> String? { code(Array(text.utf8), limits: limits) }

    func testParsesEveryKindOfValueInDocumentOrder() throws {
        let v = try parse(#" {"b": [1, -2.5e3, true, false, null], "a": {"x": "y"}, "c": ""} "#)
        XCTAssertEqual(v.keys, ["b", "a", "c"])
        XCTAssertEqual(v["b"], .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(v["a"]?["x"]?.stringValue, "y")
        XCTAssertEqual(v["c"]?.stringValue, "")
        XCTAssertEqual(v["b"]?[0]?.intValue, 1)
        XCTAssertEqual(v["b"]?[1]?.doubleValue, -2500)
        XCTAssertNil(v["b"]?[1]?.intValue, "a fraction is not an integer")
        XCTAssertNil(v["missing"])
    }

    func testScalarTopLevelValuesAreJSONTexts() throws {
        XCTAssertEqual(try parse("42"), .number("42"))
        XCTAssertEqual(try parse(#""x""#), .string("x"))
        XCTAssertEqual(try parse("null"), .null)
    }

    func testDecodesEscapesAndSurrogatePairs() throws {
        let v = try parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00 Việt""#)
        XCTAssertEqual(v.stringValue, "a\"b\\c/d\u{8}\u{c}\n\r\té😀 Việt")
    }

    func testRawUTF8IsKept() throws {
        XCTAssertEqual(try parse(#"{"k":"Thụy Sĩ 😀"}"#)["k"]?.stringValue, "Thụy Sĩ 😀")
    }

    func testTenThousandDeepArrayIsRefusedAsTooDeepWithoutCrashing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertEqual(code(deep), "too_deep")
        let deepObject = String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        XCTAssertEqual(code(deepObject), "too_deep")
    }

    func testNestingExactlyAtTheLimitIsAccepted() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try parse(ok))
        let over = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        XCTAssertEqual(code(over), "too_deep")
    }

    func testDeepNestingWithAHighLimitParsesIteratively() throws {
        // With the limit lifted, 5,000 levels parse on the explicit stack (and are torn down again).
        let n = 5_000
        let deep = String(repeating: "[", count: n) + String(repeating: "]", count: n)
        let v = try parse(deep, limits: JSONLimits(maxDepth: n))
        XCTAssertNotNil(v[0])
    }

    func testInvalidUTF8IsBadUTF8() {
        XCTAssertEqual(code([0x22, 0xC3, 0x28, 0x22]), "bad_utf8", "bad continuation byte")
        XCTAssertEqual(code([0x22, 0xC0, 0xAF, 0x22]), "bad_utf8", "overlong encoding of '/'")
        XCTAssertEqual(code([0x22, 0xED, 0xA0, 0x80, 0x22]), "bad_utf8", "UTF-8 encoded surrogate")
        XCTAssertEqual(code([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]), "bad_utf8", "beyond U+10FFFF")
        XCTAssertEqual(code([0x22, 0xE1, 0x80]), "bad_utf8", "truncated sequence")
        XCTAssertEqual(code([0x22, 0xFF, 0x22]), "bad_utf8")
        XCTAssertEqual(code([0x5B, 0xFF, 0x5D]), "bad_utf8", "outside a string too")
    }

    func testLoneSurrogateEscapesAreBadUTF8() {
        XCTAssertEqual(code(#""\ud800""#), "bad_utf8")
        XCTAssertEqual(code(#""\ud800x""#), "bad_utf8")
        XCTAssertEqual(code(#""\ud800\u0041""#), "bad_utf8", "high surrogate followed by a non-surrogate")
        XCTAssertEqual(code(#""\udc00""#), "bad_utf8", "lone low surrogate")
    }

    func testDuplicateKeysAreRefused() {
        XCTAssertEqual(code(#"{"a":1,"a":2}"#), "duplicate_key")
        XCTAssertEqual(code(#"{"a":1,"\u0061":2}"#), "duplicate_key", "keys compare after unescaping")
        XCTAssertEqual(code(#"{"x":{"b":1,"c":2,"b":3}}"#), "duplicate_key")
        // Large objects switch to a hash set.
        var many = (0..<40).map { "\"k\($0)\":\($0)" }
        XCTAssertNil(code("{" + many.joined(separator: ",") + "}"))
        many.append("\"k7\":0")
        XCTAssertEqual(code("{" + many.joined(separator: ",") + "}"), "duplicate_key")
    }

    func testSameKeyInSiblingObjectsIsFine() throws {
        XCTAssertEqual(try parse(#"[{"a":1},{"a":2}]"#)[1]?["a"]?.intValue, 2)
    }

    func testNumbers() throws {
        for ok in ["0", "-0", "12", "1.5", "1e10", "1E-2", "-3.25e+7"] {
            XCTAssertEqual(try parse(ok).numberLiteral, ok)
        }
        for bad in ["01", "-", "1.", "1e", "1e+", "-01", "-.5"] {
            XCTAssertEqual(code(bad), "bad_number", bad)
        }
        for bad in ["+1", ".5", "NaN", "Infinity", "0x10"] {
            XCTAssertNotNil(code(bad), bad)
        }
    }

    func testHugeNumberLiteralIsBadNumber() {
        let huge = "[" + String(repeating: "9", count: 1_001) + "]"
        XCTAssertEqual(code(huge), "bad_number")
        let justFits = String(repeating: "9", count: 1_000)
        XCTAssertNil(code(justFits))
    }

    func testRawControlCharactersInStringsAreRefused() {
        XCTAssertEqual(code([0x22, 0x61, 0x0A, 0x22]), "bad_json", "raw newline")
        XCTAssertEqual(code([0x22, 0x61, 0x00, 0x22]), "bad_json", "raw NUL")
        XCTAssertEqual(code([0x22, 0x5C, 0x61, 0x0A, 0x22]), "bad_json", "raw newline after an escape")
    }

    func testEscapedNULIsValidJSON() throws {
        XCTAssertEqual(try parse(#""a\u0000b""#).stringValue, "a\u{0}b")
    }

    func testSyntaxErrorsAreBadJSON() {
        let cases = [
            "", " ", "{", "[1,]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}", "[1]x", "[1] [2]",
            "tru", "nul", "'a'", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "{\"a\" 1}", "[\u{0}]",
        ]
        for c in cases { XCTAssertEqual(code(c), "bad_json", "\(c.debugDescription)") }
    }

    func testALeadingByteOrderMarkIsSkippedButNotOneElsewhere() throws {
        XCTAssertEqual(try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))["a"]?.intValue, 1)
        XCTAssertEqual(code([0x20, 0xEF, 0xBB, 0xBF] + Array("{}".utf8)), "bad_json")
        XCTAssertEqual(code([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("{}".utf8)), "bad_json")
        XCTAssertEqual(code([0xEF, 0xBB, 0xBF]), "bad_json", "a byte order mark alone is no JSON text")
        XCTAssertEqual(try JSONReader.parse(Array("\"\u{FEFF}x\"".utf8)).stringValue, "\u{FEFF}x", "inside a string it is a character")
    }

    func testErrorMessagesNameTheByteOffset() {
        do {
            _ = try JSONReader.parse(Array("[1,,2]".utf8))
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.code, .badJSON)
            XCTAssertTrue(error.message.contains("byte 3"), error.message)
        }
    }

    func testMemberAndStringLimits() {
        let limits = JSONLimits(maxStringBytes: 4, maxMembers: 3)
        XCTAssertNil(code("[1,2,3]", limits: limits))
        XCTAssertEqual(code("[1,2,3,4]", limits: limits), "too_many_members")
        XCTAssertEqual(code(#"{"a":1,"b":2,"c":3,"d":4}"#, limits: limits), "too_many_members")
        XCTAssertNil(code(#""abcd""#, limits: limits))
        XCTAssertEqual(code(#""abcde""#, limits: limits), "too_large")
        XCTAssertEqual(code(#""abc\n\n""#, limits: limits), "too_large")
    }

    func testParsesFromOtherCollectionsAndBuffers() throws {
        let bytes = Array(#"{"a":[1]}"#.utf8)
        XCTAssertEqual(try JSONReader.parse(bytes[...])["a"]?[0]?.intValue, 1)
        XCTAssertEqual(try JSONReader.parse(#"{"a":[1]}"#)["a"]?[0]?.intValue, 1)
        try bytes.withUnsafeBytes { raw in
            XCTAssertEqual(try JSONReader.parse(raw)["a"]?[0]?.intValue, 1)
        }
    }
}
