import XCTest
@testable import LedeWire

final class JSONWriterTests: XCTestCase {
    func text(_ build: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        build(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    func testCommasAreInsertedBetweenMembersAndElements() {
        let s = text { w in
            w.beginObject()
            w.key("a"); w.int(1)
            w.key("b"); w.beginArray(); w.string("x"); w.bool(true); w.null(); w.beginObject(); w.endObject(); w.endArray()
            w.key("c"); w.int64(-9_223_372_036_854_775_808)
            w.endObject()
        }
        XCTAssertEqual(s, #"{"a":1,"b":["x",true,null,{}],"c":-9223372036854775808}"#)
    }

    func testEscapesQuotesBackslashesAndEveryControlCharacter() throws {
        var all = "q\"b\\"
        for c in 0..<0x20 { all.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        all += "\u{7F}é😀\u{2028}"
        let s = text { $0.string(all) }
        XCTAssertTrue(s.hasPrefix(#""q\"b\\\u0000\u0001"#), s)
        XCTAssertTrue(s.contains(#"\b\t\n\u000b\f\r\u000e"#), s)
        XCTAssertTrue(s.contains(#"\u001f"#), s)
        for b in s.utf8.dropFirst().dropLast() { XCTAssertGreaterThanOrEqual(b, 0x20) }
        XCTAssertEqual(try JSONReader.parse(s).stringValue, all)
    }

    func testDoublesReadBackExactlyAndNonFiniteBecomesNull() throws {
        for v in [0.0, -0.0, 1.0, -10.0, 0.85, 1e-7, 123456.789, 2.5e20, -7.2, Double.leastNonzeroMagnitude] {
            let s = text { $0.double(v) }
            XCTAssertEqual(try JSONReader.parse(s).doubleValue, v == 0 ? 0 : v, s)
        }
        XCTAssertEqual(text { $0.double(550) }, "550.0")
        XCTAssertEqual(text { $0.double(.nan) }, "null")
        XCTAssertEqual(text { $0.double(.infinity) }, "null")
    }

    func testRawEmbedsStoredJSONAndValueRewritesParsedJSON() throws {
        let stored = Array(#"{"seq":1}"#.utf8)
        XCTAssertEqual(text { w in w.beginArray(); w.raw(stored); w.raw(stored); w.endArray() }, #"[{"seq":1},{"seq":1}]"#)
        let original = #"{"a":[1,-2.5e3,"x\n",null,true],"b":{}}"#
        let parsed = try JSONReader.parse(original)
        XCTAssertEqual(text { $0.value(parsed) }, original)
    }

    func testOptionalHelpersWriteNull() {
        XCTAssertEqual(text { w in w.beginArray(); w.int(Int?.none); w.string(String?.none); w.int(Int?(3)); w.endArray() }, "[null,null,3]")
    }
}

final class JSONValueTests: XCTestCase {
    func testLiteralsAndDescription() throws {
        let v: JSONValue = ["b": [1, "x", true, nil], "a": ["n": "Việt\n"]]
        XCTAssertEqual(v.description, #"{"b":[1,"x",true,null],"a":{"n":"Việt\n"}}"#)
        XCTAssertEqual(try JSONReader.parse(v.description), v)
        XCTAssertEqual(v.keys, ["b", "a"])
        XCTAssertEqual(v["b"]?[1]?.stringValue, "x")
        XCTAssertNil(v["b"]?[9])
        XCTAssertNil(v["a"]?[0], "an object has no index")
    }

    func testKeysCompareByCodePointsNotCanonicalEquivalence() throws {
        // "é" precomposed and "e" + combining acute are equal Swift Strings but different JSON keys.
        let v = try JSONReader.parse(#"{"\u00e9":1,"e\u0301":2}"#)
        XCTAssertEqual(v["\u{e9}"]?.intValue, 1)
        XCTAssertEqual(v["e\u{301}"]?.intValue, 2)
    }

    func testNumberAccessors() throws {
        let v = try JSONReader.parse("[9223372036854775807, 9223372036854775808, -1, 2.0, 1e2]")
        XCTAssertEqual(v[0]?.int64Value, Int64.max)
        XCTAssertNil(v[1]?.int64Value, "out of range")
        XCTAssertEqual(v[1]?.doubleValue, 9_223_372_036_854_775_808)
        XCTAssertEqual(v[2]?.intValue, -1)
        XCTAssertNil(v[3]?.intValue, "2.0 is not an integer literal")
        XCTAssertEqual(v[4]?.doubleValue, 100)
        XCTAssertFalse(v[4]!.isIntegerLiteral)
        XCTAssertTrue(v[2]!.isIntegerLiteral)
    }
}
