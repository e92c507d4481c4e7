import XCTest
import LedeModel
@testable import LedeWire

final class APIRequestDecoderTests: XCTestCase {
    func decode(_ text: String, limits: IngestLimits = .init()) -> Result<APIRequest, InputError> {
        APIRequestDecoder.decode(Array(text.utf8), limits: limits)
    }

    func code(_ text: String, limits: IngestLimits = .init()) -> String? {
        if case .failure(let e) = decode(text, limits: limits) { return e.code.rawValue }
        return nil
    }

    func testSubmitDecodesTheArticle() throws {
        guard case .submit(let a) = try decode(#"{"op":"submit","article":{"id":7,"body":"Xin chào","lang":"vi"}}"#).get() else {
            return XCTFail()
        }
        XCTAssertEqual(a.id, "7")
        XCTAssertEqual(a.lang, "vi")
    }

    func testSubmitReportsArticleErrorsWithArticleCodes() {
        XCTAssertEqual(code(#"{"op":"submit","article":{"body":""}}"#), "empty_body")
        XCTAssertEqual(code(#"{"op":"submit","article":{"body":"x","published_at":"2017-02-30"}}"#), "bad_date")
        XCTAssertEqual(code(#"{"op":"submit","article":"text"}"#), "not_object")
        XCTAssertEqual(code(#"{"op":"submit"}"#), "bad_request")
        let meta = #"{"op":"submit","article":{"body":"x","meta":{"a":"# + String(repeating: "[", count: 14) + String(repeating: "]", count: 14) + "}}}"
        XCTAssertNil(code(meta), "the article inside a request gets its own full depth")
        let tooDeep = #"{"op":"submit","article":{"body":"x","meta":{"a":"# + String(repeating: "[", count: 15) + String(repeating: "]", count: 15) + "}}}"
        XCTAssertEqual(code(tooDeep), "too_deep")
    }

    func testReplayWithEveryField() throws {
        let r = try decode(#"""
            {"op":"replay","from_seq":10,"to_seq":20,"since":"2017-12-07","until":"2017-12-07T08:30:00+07:00",
             "types":["ASSAULT","CONSULT"],"lang":"vi","entity":"Vladimir Putin","limit":5000}
            """#).get()
        guard case .replay(let q) = r else { return XCTFail() }
        XCTAssertEqual(q, ReplayFilter(
            fromSeq: 10, toSeq: 20, since: 1_512_604_800_000, until: 1_512_610_200_000, types: ["ASSAULT", "CONSULT"],
            lang: "vi", entity: "Vladimir Putin", limit: 1000))
    }

    func testReplayDefaultsAndEpochMillis() throws {
        guard case .replay(let q) = try decode(#"{"op":"replay","since":1512604800000,"types":"AID"}"#).get() else { return XCTFail() }
        XCTAssertEqual(q.limit, 100)
        XCTAssertEqual(q.fromSeq, 1, "from the start")
        XCTAssertEqual(q.since, 1_512_604_800_000)
        XCTAssertEqual(q.types, ["AID"])
    }

    func testReplayFieldErrors() {
        XCTAssertEqual(code(#"{"op":"replay","from_seq":"10"}"#), "bad_request")
        XCTAssertEqual(code(#"{"op":"replay","from_seq":1.5}"#), "bad_request")
        XCTAssertEqual(code(#"{"op":"replay","limit":0}"#), "bad_request")
        XCTAssertEqual(code(#"{"op":"replay","types":[1]}"#), "bad_request")
        XCTAssertEqual(code(#"{"op":"replay","since":"last tuesday"}"#), "bad_date")
        XCTAssertEqual(code(#"{"op":"replay","lang":"Vietnamese"}"#), "unknown_lang")
        XCTAssertEqual(code(#"{"op":"replay","form_seq":1}"#), "bad_request", "a misspelt field is an error, not a silent no-op")
    }

    func testGetStatsHealth() throws {
        XCTAssertEqual(try decode(#"{"op":"get","article_id":"vn-1"}"#).get(), .get(articleID: "vn-1"))
        XCTAssertEqual(try decode(#"{"op":"get","article_id":12}"#).get(), .get(articleID: "12"))
        XCTAssertEqual(code(#"{"op":"get"}"#), "bad_request")
        XCTAssertEqual(code(#"{"op":"get","article_id":""}"#), "bad_request")
        XCTAssertEqual(try decode(#"{"op":"stats"}"#).get(), .stats)
        XCTAssertEqual(try decode(#"{"op":"health"}"#).get(), .health)
    }

    func testOpErrors() {
        XCTAssertEqual(code(#"{"op":"delete"}"#), "unknown_op")
        XCTAssertEqual(code(#"{"article":{}}"#), "bad_request")
        XCTAssertEqual(code(#"{"op":1}"#), "bad_request")
        XCTAssertEqual(code(#"["op"]"#), "not_object")
        XCTAssertEqual(code(#"{"op":"stats""#), "bad_json")
        XCTAssertEqual(code(#"{"op":"stats","op":"health"}"#), "duplicate_key")
        XCTAssertEqual(code(#"{"op":"stats"}"#, limits: IngestLimits(maxMessageBytes: 8)), "too_large")
    }
}
