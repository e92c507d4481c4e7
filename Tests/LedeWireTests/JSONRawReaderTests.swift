import XCTest
@testable import LedeWire

final class JSONRawReaderTests: XCTestCase {
    func testReplayPageItemsCanBePassedThroughUntouched() throws {
        let stored = ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0)
        let small = Array(#"{"seq":2,"x":[{"y":"\"}]"}]}"#.utf8)
        let page = APIReplyEncoding.replayPage(items: [stored, small], nextSeq: 3, lastSeq: 9)
        let members = try JSONRawReader.members(page)
        XCTAssertEqual(members.map(\.key), ["ok", "items", "next_seq", "last_seq"])
        let items = try XCTUnwrap(members.first { $0.key == "items" }?.value)
        let ranges = try JSONRawReader.elements(page, in: items)
        XCTAssertEqual(ranges.map { Array(page[$0]) }, [stored, small])
        let next = try XCTUnwrap(members.first { $0.key == "next_seq" }?.value)
        XCTAssertEqual(try JSONReader.parse(page[next]).int64Value, 3)
    }

    func testEmptyContainersAndWhitespace() throws {
        let bytes = Array(" \n{ \"a\" : [ ] , \"b\" : { } ,\"c\":[ 1 , \"x\" ] } ".utf8)
        let members = try JSONRawReader.members(bytes)
        XCTAssertEqual(members.map { String(decoding: bytes[$0.value], as: UTF8.self) }, ["[ ]", "{ }", "[ 1 , \"x\" ]"])
        XCTAssertEqual(try JSONRawReader.elements(bytes, in: members[0].value), [])
        XCTAssertEqual(try JSONRawReader.elements(bytes, in: members[2].value).map { String(decoding: bytes[$0], as: UTF8.self) }, ["1", "\"x\""])
    }

    func testRefusesWhatTheReaderRefuses() {
        func code(_ bytes: [UInt8]) -> String? {
            do {
                try JSONRawReader.validate(bytes)
                return nil
            } catch {
                return error.code
            }
        }
        XCTAssertEqual(code(Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)), "too_deep")
        XCTAssertEqual(code(Array(#"["\ud800"]"#.utf8)), "bad_utf8")
        XCTAssertEqual(code([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D]), "bad_utf8")
        XCTAssertEqual(code(Array("[01]".utf8)), "bad_number")
        XCTAssertEqual(code(Array("[1,]".utf8)), "bad_json")
        XCTAssertEqual(code(Array("{\"a\":1} x".utf8)), "bad_json")
        XCTAssertEqual(code([0x5B, 0x22, 0x0A, 0x22, 0x5D]), "bad_json")
        XCTAssertNil(code(Array(#"{"a":[1,{"b":"\u00e9\ud83d\ude00 Việt"}],"c":null}"#.utf8)))
        XCTAssertThrowsError(try JSONRawReader.members(Array("[1]".utf8))) { XCTAssertEqual(($0 as? InputError)?.code, "not_object") }
        XCTAssertThrowsError(try JSONRawReader.members(Array(#"{"a":1,"a":2}"#.utf8))) { XCTAssertEqual(($0 as? InputError)?.code, "duplicate_key") }
    }

    func testAgreesWithTheReaderOnTheFixtures() throws {
        let documents: [[UInt8]] = [
            ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0),
            ArticleEncoding.json(Fixtures.article),
            ResultEncoding.heartbeat(lastSeq: 1, timeMillis: 0),
        ]
        for doc in documents {
            let value = try JSONReader.parse(doc)
            let members = try JSONRawReader.members(doc)
            XCTAssertEqual(members.map(\.key), value.keys)
            for m in members { XCTAssertEqual(try JSONReader.parse(doc[m.value]), value[m.key]) }
        }
    }
}
