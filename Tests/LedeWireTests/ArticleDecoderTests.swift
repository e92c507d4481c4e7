import XCTest
import LedeModel
@testable import LedeWire

final class ArticleDecoderTests: XCTestCase {
    func decode(_ text: String, limits: IngestLimits = .init()) -> Result<Article, InputError> {
        ArticleDecoder.decode(Array(text.utf8), limits: limits)
    }

    func code(_ text: String, limits: IngestLimits = .init()) -> String? {
        if case .failure(let e) = decode(text, limits: limits) { return e.code.rawValue }
        return nil
    }

    func code(bytes: [UInt8], limits: IngestLimits = .init()) -> String? {
        if case .failure(let e) = ArticleDecoder.decode(bytes, limits: limits) { return e.code.rawValue }
        return nil
    }

    func testFullArticleDecodes() throws {
        let a = try decode(#"""
            {"id":" vn-123 ","url":"https://vnexpress.net/x","title":"Nga tuyên bố","body":"Bộ Tổng tư lệnh quân đội Nga cho biết.",
             "lang":"vi","published_at":"2017-12-07T08:30:00+07:00","source":"vnexpress","meta":{"crawler":"c1","tags":["a"]},
             "extra":42}
            """#).get()
        XCTAssertEqual(a.id, "vn-123", "ids are trimmed")
        XCTAssertEqual(a.url, "https://vnexpress.net/x")
        XCTAssertEqual(a.title, "Nga tuyên bố")
        XCTAssertEqual(a.body, "Bộ Tổng tư lệnh quân đội Nga cho biết.")
        XCTAssertEqual(a.lang, "vi")
        XCTAssertEqual(a.publishedAt, PublicationDate(year: 2017, month: 12, day: 7))
        XCTAssertEqual(a.source, "vnexpress")
    }

    func testPublishedAtKeepsTheCalendarDateAsWrittenIgnoringTheOffset() throws {
        // 23:30 at -05:00 is already the 8th in UTC, but the article's own date is the 7th.
        let a = try decode(#"{"body":"x","published_at":"2017-12-07T23:30:00-05:00"}"#).get()
        XCTAssertEqual(a.publishedAt?.iso, "2017-12-07")
        XCTAssertEqual(try decode(#"{"body":"x","published_at":"20171207"}"#).get().publishedAt?.iso, "2017-12-07")
    }

    func testMinimalArticleGetsAContentID() throws {
        let a = try decode(#"{"body":"Hello"}"#).get()
        XCTAssertEqual(a.id, ArticleDecoder.contentID(title: nil, body: "Hello", publishedAt: nil))
        XCTAssertNil(a.title)
        XCTAssertNil(a.lang)
        XCTAssertNil(a.publishedAt)
    }

    func testContentIDIsStableAndDependsOnEveryPart() throws {
        // sha256("T\nB\n2017-12-07"), first 32 hex digits (checked with Python hashlib); pinned so a change in the recipe is noticed.
        let id = ArticleDecoder.contentID(title: "T", body: "B", publishedAt: "2017-12-07")
        XCTAssertEqual(id, "sha256:" + Digest.sha256Hex("T\nB\n2017-12-07".utf8).prefix(32))
        XCTAssertEqual(id, "sha256:cc3b2a53f0923b6494156b10580e91da")
        XCTAssertEqual(id.count, 7 + 32)
        XCTAssertNotEqual(id, ArticleDecoder.contentID(title: "T", body: "B", publishedAt: nil))
        XCTAssertNotEqual(id, ArticleDecoder.contentID(title: nil, body: "B", publishedAt: "2017-12-07"))
        XCTAssertEqual(
            ArticleDecoder.contentID(title: nil, body: "B", publishedAt: nil),
            ArticleDecoder.contentID(title: "", body: "B", publishedAt: ""))
        // The raw published_at text is hashed, so the same article re-sent byte for byte gets the same id.
        let json = #"{"title":"T","body":"B","published_at":"2017-12-07"}"#
        XCTAssertEqual(try decode(json).get().id, id)
        XCTAssertEqual(try decode(json).get().id, try decode(json).get().id)
    }

    func testIntegerIDsBecomeTheirDecimalText() throws {
        XCTAssertEqual(try decode(#"{"id":12345678901234567890123,"body":"x"}"#).get().id, "12345678901234567890123")
        XCTAssertEqual(try decode(#"{"id":-7,"body":"x"}"#).get().id, "-7")
        XCTAssertEqual(code(#"{"id":1.5,"body":"x"}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"id":1e3,"body":"x"}"#), "bad_field_type")
    }

    func testIDMustBeOneTo256Characters() throws {
        XCTAssertEqual(code(#"{"id":"   ","body":"x"}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"id":"","body":"x"}"#), "bad_field_type")
        let long = String(repeating: "é", count: 257)
        XCTAssertEqual(code(#"{"id":"\#(long)","body":"x"}"#), "bad_field_type")
        XCTAssertEqual(try decode(#"{"id":"\#(long.dropLast())","body":"x"}"#).get().id.unicodeScalars.count, 256)
        XCTAssertEqual(code(#"{"id":true,"body":"x"}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"id":["a"],"body":"x"}"#), "bad_field_type")
    }

    func testNullOptionalFieldsMeanAbsent() throws {
        let a = try decode(#"{"id":null,"url":null,"title":null,"body":"x","lang":null,"published_at":null,"source":null,"meta":null}"#).get()
        XCTAssertTrue(a.id.hasPrefix("sha256:"))
        XCTAssertNil(a.url)
        XCTAssertNil(a.title)
    }

    func testOverSizeMessageIsRefusedBeforeParsing() {
        let limits = IngestLimits(maxMessageBytes: 64)
        // Not even JSON: the size check comes first.
        XCTAssertEqual(code(bytes: [UInt8](repeating: 0xFF, count: 65), limits: limits), "too_large")
        XCTAssertNil(code(#"{"body":"short"}"#, limits: limits))
        let big = #"{"body":""# + String(repeating: "a", count: (1 << 20)) + #""}"#
        XCTAssertEqual(code(big), "too_large", "default limit is 1 MiB")
    }

    func testInvalidUTF8IsBadUTF8() {
        XCTAssertEqual(code(bytes: Array(#"{"body":"a"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)), "bad_utf8")
    }

    func testLoneSurrogateIsBadUTF8() {
        XCTAssertEqual(code(#"{"body":"abc \ud800 def"}"#), "bad_utf8")
    }

    func testSyntaxErrorIsBadJSON() {
        XCTAssertEqual(code(#"{"body":"x",}"#), "bad_json")
        XCTAssertEqual(code(#"{"body":"x"} trailing"#), "bad_json")
    }

    func testDeepMetaIsTooDeep() {
        let deep = #"{"body":"x","meta":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        XCTAssertEqual(code(deep), "too_deep")
        let withinSixteen = #"{"body":"x","meta":{"a":"# + String(repeating: "[", count: 14) + String(repeating: "]", count: 14) + "}}"
        XCTAssertNil(code(withinSixteen))
        let seventeen = #"{"body":"x","meta":{"a":"# + String(repeating: "[", count: 15) + String(repeating: "]", count: 15) + "}}"
        XCTAssertEqual(code(seventeen), "too_deep", "the article object, meta and 15 arrays are 17 levels")
    }

    func testDuplicateKeyIsRefused() {
        XCTAssertEqual(code(#"{"body":"x","body":"y"}"#), "duplicate_key")
    }

    func testNonObjectsAreRefused() {
        XCTAssertEqual(code(#"["body"]"#), "not_object")
        XCTAssertEqual(code(#""just text""#), "not_object")
        XCTAssertEqual(code("42"), "not_object")
    }

    func testBodyIsRequiredAndMustHaveText() {
        XCTAssertEqual(code(#"{"title":"x"}"#), "missing_body")
        XCTAssertEqual(code(#"{"body":""}"#), "empty_body")
        XCTAssertEqual(code(#"{"body":" \n\t\u00a0\u3000 "}"#), "empty_body", "Unicode whitespace counts as empty")
        XCTAssertEqual(code(#"{"body":null}"#), "bad_field_type")
    }

    func testWrongTypesAreBadFieldType() {
        XCTAssertEqual(code(#"{"body":42}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":["a"]}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":"x","title":1}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":"x","url":{}}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":"x","lang":1}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":"x","published_at":20171207}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":"x","source":false}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":"x","meta":"tags"}"#), "bad_field_type")
        XCTAssertEqual(code(#"{"body":"x","meta":[1]}"#), "bad_field_type")
    }

    func testBodyAndTitleLengthsCountCodePoints() {
        let limits = IngestLimits(maxBodyScalars: 5, maxTitleScalars: 3)
        XCTAssertNil(code(#"{"body":"Việ😀x","title":"Nga"}"#, limits: limits), "5 code points, 3 code points")
        XCTAssertEqual(code(#"{"body":"Việ😀xy"}"#, limits: limits), "body_too_long")
        XCTAssertEqual(code(#"{"body":"x","title":"Ngaa"}"#, limits: limits), "title_too_long")
    }

    func testTooManyFields() {
        let limits = IngestLimits(maxFields: 3)
        XCTAssertNil(code(#"{"body":"x","a":1,"b":2}"#, limits: limits))
        XCTAssertEqual(code(#"{"body":"x","a":1,"b":2,"c":3}"#, limits: limits), "too_many_fields")
        let many = (0..<65).map { "\"k\($0)\":0" }.joined(separator: ",")
        XCTAssertEqual(code(#"{"body":"x",\#(many)}"#), "too_many_fields", "default limit is 64")
    }

    func testLangMustBeShapedLikeACode() throws {
        for bad in ["", "vietnamese", "v", "en_US", "12", "en-", "vi VN"] {
            XCTAssertEqual(code(#"{"body":"x","lang":"\#(bad)"}"#), "unknown_lang", bad)
        }
        XCTAssertEqual(try decode(#"{"body":"x","lang":"EN"}"#).get().lang, "en")
        XCTAssertEqual(try decode(#"{"body":"x","lang":"pt-BR"}"#).get().lang, "pt-BR")
        XCTAssertEqual(try decode(#"{"body":"x","lang":"tlh"}"#).get().lang, "tlh", "any well-formed code is accepted")
    }

    func testBadDates() {
        for bad in ["2017-02-30", "2017-13-01", "07/12/2017", "2017-12-07T25:00:00Z", "yesterday", "2017-12-07T08:30:00+7", ""] {
            XCTAssertEqual(code(#"{"body":"x","published_at":"\#(bad)"}"#), "bad_date", bad)
        }
        for good in ["2017-12-07", "20171207", "2017-12-07T08:30:00+07:00", "2017-12-07T08:30:00Z", "20171207T083000Z", "2016-02-29"] {
            XCTAssertNil(code(#"{"body":"x","published_at":"\#(good)"}"#), good)
        }
    }

    func testNULInBodyOrTitleIsRefused() {
        XCTAssertEqual(code(#"{"body":"abc\u0000def"}"#), "nul_byte")
        XCTAssertEqual(code(#"{"body":"x","title":"a\u0000"}"#), "nul_byte")
        XCTAssertEqual(code(#"{"id":"a\u0000","body":"x"}"#), "nul_byte")
        XCTAssertEqual(code(bytes: Array(#"{"body":"a"#.utf8) + [0] + Array(#""}"#.utf8)), "bad_json", "a raw NUL is not JSON at all")
    }

    func testHugeNumberIsBadNumber() {
        XCTAssertEqual(code(#"{"body":"x","extra":"# + String(repeating: "1", count: 1_500) + "}"), "bad_number")
        XCTAssertEqual(code(#"{"body":"x","extra":01}"#), "bad_number")
    }

    func testEveryArticleErrorHasAMessage() {
        let inputs = [#"{"body":42}"#, "[", #"{"body":""}"#, "[]", #"{"body":"x","lang":"?"}"#]
        for input in inputs {
            guard case .failure(let e) = decode(input) else { return XCTFail(input) }
            XCTAssertFalse(e.message.isEmpty, input)
            XCTAssertTrue(InputError.allCodes.contains(e.code.rawValue), e.code.rawValue)
        }
    }

    func testArticleEncodingRoundTrips() throws {
        let a = Article(
            id: "x\"1", url: "https://e.com/?q=\"a\"", title: "Tab\there", body: "Line\nnext \u{1}😀", lang: "vi",
            publishedAt: PublicationDate(year: 2017, month: 12, day: 7), source: "s")
        XCTAssertEqual(try ArticleDecoder.decode(ArticleEncoding.json(a)).get(), a)
    }
}

final class FrameCheckTests: XCTestCase {
    let json: [UInt8] = Array(#"{"body":"x"}"#.utf8)

    func code(_ frames: [[UInt8]], topicFrames: Int, limits: IngestLimits = .init()) -> String? {
        switch FrameCheck.article(frames: frames, topicFrames: topicFrames, limits: limits) {
        case .success: return nil
        case .failure(let e): return e.code.rawValue
        }
    }

    func testSubscriberFramesAreTopicThenJSON() throws {
        XCTAssertEqual(try FrameCheck.article(frames: [Array("article".utf8), json], topicFrames: 1).get(), json)
        XCTAssertEqual(code([Array("article".utf8)], topicFrames: 1), "missing_frame")
        XCTAssertEqual(code([Array("article".utf8), json, json], topicFrames: 1), "too_many_frames")
        XCTAssertEqual(code([Array("article".utf8), []], topicFrames: 1), "empty_frame")
    }

    func testPullFramesAreJSONOnly() throws {
        XCTAssertEqual(try FrameCheck.article(frames: [json], topicFrames: 0).get(), json)
        XCTAssertEqual(code([], topicFrames: 0), "missing_frame")
        XCTAssertEqual(code([json, json], topicFrames: 0), "too_many_frames")
        XCTAssertEqual(code([[]], topicFrames: 0), "empty_frame")
        XCTAssertEqual(code([json], topicFrames: 0, limits: IngestLimits(maxMessageBytes: 4)), "too_large")
    }
}
