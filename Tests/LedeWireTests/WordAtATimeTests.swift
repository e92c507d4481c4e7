import XCTest
@testable import LedeWire

/// The reader, writer and article checks scan eight bytes at a time; these put the interesting byte at
/// every position around a word boundary so that both the word loop and the tail loop are exercised.
final class WordAtATimeTests: XCTestCase {
    func testReaderFindsQuotesEscapesAndControlCharactersAtEveryOffset() throws {
        for prefix in 0..<20 {
            let pad = String(repeating: "a", count: prefix)
            XCTAssertEqual(try JSONReader.parse(#""\#(pad)""#).stringValue, pad)
            XCTAssertEqual(try JSONReader.parse(#""\#(pad)\"x""#).stringValue, pad + "\"x")
            XCTAssertEqual(try JSONReader.parse(#""\#(pad)\\\#(pad)""#).stringValue, pad + "\\" + pad)
            XCTAssertEqual(try JSONReader.parse(#""\#(pad)ệ\n😀\#(pad)""#).stringValue, pad + "ệ\n😀" + pad)
            XCTAssertThrowsError(try JSONReader.parse(Array("\"\(pad)".utf8) + [0x1F] + Array("\"".utf8))) { error in
                XCTAssertEqual((error as? InputError)?.code, .badJSON, "control character after \(prefix) bytes")
            }
            XCTAssertThrowsError(try JSONReader.parse(Array("\"\(pad)".utf8) + [0xC3, 0x28] + Array("\(pad)\"".utf8))) { error in
                XCTAssertEqual((error as? InputError)?.code, .badUTF8, "invalid UTF-8 after \(prefix) bytes")
            }
            XCTAssertThrowsError(try JSONReader.parse(Array("\"\(pad)\\n".utf8) + [0xFF] + Array("\"".utf8))) { error in
                XCTAssertEqual((error as? InputError)?.code, .badUTF8, "invalid UTF-8 after an escape, \(prefix) bytes")
            }
        }
    }

    func testInvalidUTF8InAnUnterminatedStringIsReportedAsBadUTF8() {
        XCTAssertThrowsError(try JSONReader.parse([0x22, 0xE1, 0x80])) { error in
            XCTAssertEqual((error as? InputError)?.code, .badUTF8)
        }
        XCTAssertThrowsError(try JSONReader.parse(Array(#""abc"#.utf8))) { error in
            XCTAssertEqual((error as? InputError)?.code, .badJSON)
            XCTAssertTrue((error as? InputError)?.message.contains("unterminated") == true)
        }
    }

    func testBadUTF8MessageNamesTheOffendingByte() {
        let bytes = Array(#"{"body":"abcdefghijklmnop"#.utf8) + [0xFE] + Array(#""}"#.utf8)
        XCTAssertThrowsError(try JSONReader.parse(bytes)) { error in
            XCTAssertEqual((error as? InputError)?.message, "invalid UTF-8 byte 0xfe at byte 25")
        }
    }

    func testWriterEscapesAtEveryOffset() throws {
        for prefix in 0..<20 {
            let pad = String(repeating: "b", count: prefix)
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
                let s = pad + special + "ệ" + pad
                var w = JSONWriter()
                w.string(s)
                XCTAssertEqual(try JSONReader.parse(w.bytes).stringValue, s)
                XCTAssertFalse(w.bytes.dropFirst().dropLast().contains(where: { $0 < 0x20 }))
            }
        }
    }

    func testScalarCountAndNULDetectionAtEveryOffset() {
        for prefix in 0..<20 {
            let pad = String(repeating: "c", count: prefix)
            XCTAssertEqual(ArticleDecoder.scan(pad + "ệ😀Việt" + pad).scalars, 2 * prefix + 6)
            XCTAssertEqual(ArticleDecoder.scan(pad + "ệ😀Việt" + pad).hasNul, false)
            XCTAssertEqual(ArticleDecoder.scan(pad + "\u{0}" + pad).hasNul, true, "NUL after \(prefix)")
            XCTAssertEqual(ArticleDecoder.scan(pad + "\u{0}" + pad).scalars, 2 * prefix + 1)
        }
        // U+0100 encodes as C4 80: a 0x80 byte is not NUL.
        XCTAssertEqual(ArticleDecoder.scan(String(repeating: "\u{100}", count: 9)).hasNul, false)
        XCTAssertEqual(ArticleDecoder.scan(String(repeating: "\u{100}", count: 9)).scalars, 9)
    }

    func testExpandedYearsInTimestamps() {
        XCTAssertEqual(Timestamps.iso8601(millisSince1970: 253_402_300_800_000), "+010000-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamps.iso8601(millisSince1970: -62_198_755_200_000), "-000001-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamps.iso8601(millisSince1970: 253_402_300_799_999), "9999-12-31T23:59:59.999Z")
    }
}
