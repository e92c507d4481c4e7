import XCTest
@testable import LedeWire

final class JSONBoundariesTests: XCTestCase {
    /// Items whose strings hold everything that could fool a scan for brackets and quotes.
    let awkward: [[UInt8]] = [
        Array(#"{"seq":2,"x":[{"y":"\"}]"}]}"#.utf8),
        Array(#"{"seq":3,"text":"[{,:}] \\","n":-1.5e3,"ok":true,"none":null}"#.utf8),
        Array(#"{"seq":4,"text":"Việt Nam \u0022 \\\" ], ","deep":[[[{"a":[]}]]],"e":{}}"#.utf8),
        Array(#""a string item""#.utf8),
        Array("42".utf8),
    ]

    func testSplitsAReplayPageIntoItsItemsByteForByteInOnePass() throws {
        let stored = ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0)
        let page = APIReplyEncoding.replayPage(items: [stored] + awkward, nextSeq: 5, lastSeq: 9)
        let (members, items) = try JSONBoundaries.members(page, splitting: "items")
        XCTAssertEqual(members.map(\.key), ["ok", "items", "next_seq", "last_seq"])
        XCTAssertEqual(items.map { Array(page[$0]) }, [stored] + awkward)
        let next = try XCTUnwrap(members.first { $0.key == "next_seq" }?.value)
        XCTAssertEqual(String(decoding: page[next], as: UTF8.self), "5")
    }

    func testAgreesWithTheValidatingReaderOnWhatLedeWrites() throws {
        let page = APIReplyEncoding.replayPage(items: awkward, nextSeq: nil, lastSeq: 9)
        let strict = try JSONReader.parse(page)
        let fast = try JSONBoundaries.members(page)
        XCTAssertEqual(fast.map(\.key), ["ok", "items", "next_seq", "last_seq"])
        // Every range the scan finds holds exactly the value the strict reader reads under that key.
        for (key, range) in fast {
            XCTAssertEqual(try JSONReader.parse(Array(page[range])), strict[key], key)
        }
        let items = try XCTUnwrap(fast.first { $0.key == "items" }?.value)
        let elements = try JSONBoundaries.elements(page, in: items)
        XCTAssertEqual(try elements.map { try JSONReader.parse(Array(page[$0])) }, strict["items"]?.arrayValue)
        for document in [ArticleEncoding.json(Fixtures.article), ResultEncoding.heartbeat(lastSeq: 1, timeMillis: 0)] {
            let whole = try JSONReader.parse(document)
            for (key, range) in try JSONBoundaries.members(document) {
                XCTAssertEqual(try JSONReader.parse(Array(document[range])), whole[key], key)
            }
        }
    }

    func testEmptyPagesWhitespaceAndEscapedKeys() throws {
        let bytes = Array(" { \"items\" : [ ] , \"k\\u0065y\" : { } } ".utf8)
        let (members, items) = try JSONBoundaries.members(bytes, splitting: "items")
        XCTAssertEqual(members.map(\.key), ["items", "key"])
        XCTAssertEqual(items, [])
        XCTAssertEqual(try JSONBoundaries.members(Array("{}".utf8), splitting: "items").elements, [], "no items member")
    }

    func testAPagesNextSeqIsReadFromItsEndWithoutSplittingIt() throws {
        let page = APIReplyEncoding.replayPage(items: awkward, nextSeq: 1001, lastSeq: 4578)
        let trailing = JSONBoundaries.trailingScalarMembers(page)
        XCTAssertEqual(trailing.map(\.key), ["last_seq", "next_seq"], "read backwards, up to the items")
        XCTAssertEqual(trailing.map { String(decoding: page[$0.value], as: UTF8.self) }, ["4578", "1001"])
        let last = APIReplyEncoding.replayPage(items: [], nextSeq: nil, lastSeq: 7)
        XCTAssertEqual(JSONBoundaries.trailingScalarMembers(last).map { String(decoding: last[$0.value], as: UTF8.self) }, ["7", "null"])
        XCTAssertEqual(JSONBoundaries.trailingScalarMembers(Array(#"{"a":1, "b" : -2.5e3 }"#.utf8)).map(\.key), ["b", "a"])
    }

    func testTheEndOfAPageTellsNothingWhenItIsNotScalarMembers() {
        for text in [#"{"a":"next_seq\":5"}"#, #"{"a":[1],"b":"x"}"#, #"{"k\"ey":5}"#, "[1,2]", #"{"a":1"#, ""] {
            XCTAssertEqual(JSONBoundaries.trailingScalarMembers(Array(text.utf8)).map(\.key), [], text)
        }
        XCTAssertEqual(JSONBoundaries.trailingScalarMembers(Array(#"{"a":"x","n":5}"#.utf8)).map(\.key), ["n"], "stops at a string value")
    }

    func testRefusesBrokenStructure() {
        func code(_ text: String) -> String? {
            do {
                _ = try JSONBoundaries.members(Array(text.utf8), splitting: "items")
                return nil
            } catch {
                return error.code.rawValue
            }
        }
        XCTAssertEqual(code(#"{"items":[{"a":"unterminated}]}"#), "bad_json")
        XCTAssertEqual(code(#"{"items":[{"a":[1}]}"#), "bad_json", "a bracket closed by the wrong kind")
        XCTAssertEqual(code(#"{"items":[{"a":1}{"b":2}]}"#), "bad_json", "items without a comma")
        XCTAssertEqual(code(#"{"items":[1,]}"#), "bad_json")
        XCTAssertEqual(code(#"{"items":[{"a":1}]"#), "bad_json", "a page cut short")
        XCTAssertEqual(code(#"{"items":[]} x"#), "bad_json")
        XCTAssertEqual(code(#"[1]"#), "not_object")
        XCTAssertEqual(code("{\"items\":[" + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "]}"), "too_deep")
        XCTAssertNil(code("{\"items\":[" + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "]}"))
    }
}
