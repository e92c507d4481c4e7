import XCTest
import LedeModel
@testable import LedeWire

final class ResultEncodingTests: XCTestCase {
    func parsed(_ bytes: [UInt8]) throws -> JSONValue { try JSONReader.parse(bytes) }

    /// Python's `field[start:end]` on the decoded JSON.
    func cut(_ v: JSONValue, from message: JSONValue) -> String {
        let field = message["article"]?[v["field"]!.stringValue!]?.stringValue ?? ""
        let scalars = Array(field.unicodeScalars)
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[v["start"]!.intValue!..<v["end"]!.intValue!])
        return s
    }

    func testResultRoundTripsThroughTheReader() throws {
        let bytes = ResultEncoding.result(Fixtures.result, seq: 42, article: Fixtures.article, committedAtMillis: 1_512_610_200_250)
        let v = try parsed(bytes)
        XCTAssertEqual(v.keys, ["seq", "article_id", "revision", "lang", "extractor", "topic", "committed_at", "article", "mentions", "entities", "events"])
        XCTAssertEqual(v["revision"]?.intValue, 1, "a first extraction")
        XCTAssertEqual(v["seq"]?.int64Value, 42)
        XCTAssertEqual(v["article_id"]?.stringValue, "vn-1")
        XCTAssertEqual(v["lang"]?.stringValue, "vi")
        XCTAssertEqual(v["extractor"]?.stringValue, "test-1")
        XCTAssertEqual(v["committed_at"]?.stringValue, "2017-12-07T01:30:00.250Z")
        XCTAssertEqual(v["article"]?.keys, ["id", "url", "title", "source", "published_at"])
        XCTAssertEqual(v["article"]?["url"]?.stringValue, "https://example.vn/a?x=\"1\"")
        XCTAssertEqual(v["article"]?["title"]?.stringValue, "Nga: IS\n")
        XCTAssertEqual(v["article"]?["published_at"]?.stringValue, "2017-12-07")
        XCTAssertNil(v["article"]?["body"], "the result does not repeat the body")

        let mentions = try XCTUnwrap(v["mentions"]?.arrayValue)
        XCTAssertEqual(mentions.count, 3)
        XCTAssertEqual(mentions[0]["entity"]?.intValue, 0)
        XCTAssertEqual(mentions[0]["type"]?.stringValue, "LOC")
        XCTAssertEqual(mentions[0]["source"]?.stringValue, "gazetteer")
        XCTAssertEqual(mentions[1]["entity"], .null)
        XCTAssertEqual(mentions[1]["value"]?.stringValue, "550")
        XCTAssertEqual(mentions[1]["text"]?.stringValue, "550")
        XCTAssertEqual(mentions[2]["field"]?.stringValue, "title")
        XCTAssertEqual(mentions[2]["text"]?.stringValue, "IS")

        let entities = try XCTUnwrap(v["entities"]?.arrayValue)
        XCTAssertEqual(entities[0], try parsed(Array(#"{"id":0,"type":"LOC","name":"Nga","country":"RU","geonames_id":2017370,"cameo":"RUS"}"#.utf8)))
        XCTAssertEqual(entities[2].keys, ["id", "type", "name", "country"])
        XCTAssertEqual(v["events"]?.arrayValue?.count, 1)
    }

    func testOffsetsCutTheSameTextFromTheFieldAsReceived() throws {
        // Python: body[start:end] == text, with an emoji (outside the BMP) before some spans.
        let article = try JSONReader.parse(ArticleEncoding.json(Fixtures.article))
        let v = try parsed(ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0))
        let doc = JSONValue.object([JSONMember("article", article)])
        for m in v["mentions"]!.arrayValue! { XCTAssertEqual(cut(m, from: doc), m["text"]?.stringValue) }
        let e = v["events"]![0]!
        XCTAssertEqual(e["mentions"]?[0], e["trigger"], "the trigger is the event's first mention")
        for arg in [e["trigger"]!, e["mentions"]![0]!, e["actors"]![0]!, e["recipients"]![0]!, e["location"]!, e["date"]!, e["attribution"]!, e["counts"]![0]!] {
            XCTAssertEqual(cut(arg, from: doc), arg["text"]?.stringValue)
        }
        XCTAssertEqual(e["location"]?["text"]?.stringValue, "Deir ez-Zor")
        XCTAssertEqual(e["trigger"]?["text"]?.stringValue, "tiêu diệt")
    }

    func testEventShape() throws {
        let v = try parsed(ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0))
        let e = try XCTUnwrap(v["events"]?[0])
        XCTAssertEqual(e.keys, [
            "type", "mode", "cameo", "quad_class", "goldstein", "trigger", "mentions", "actors", "recipients", "location",
            "date", "counts", "killed", "modality", "attribution", "confidence", "sentence",
        ])
        XCTAssertEqual(e["type"]?.stringValue, "ASSAULT")
        XCTAssertEqual(e["mode"]?.stringValue, "aerial")
        XCTAssertEqual(e["cameo"]?.stringValue, "190")
        XCTAssertEqual(e["quad_class"]?.intValue, 4)
        XCTAssertEqual(e["goldstein"]?.doubleValue, -10)
        XCTAssertEqual(e["confidence"]?.doubleValue, 0.85)
        XCTAssertEqual(e["killed"]?.intValue, 550, "flattened count, first of its kind")
        XCTAssertEqual(e["counts"]?.arrayValue?.count, 3)
        XCTAssertEqual(e["counts"]?[0]?["qualifier"]?.stringValue, "at_least")
        XCTAssertEqual(e["counts"]?[1]?.keys, ["kind", "value", "qualifier"], "no span, no offsets")
        XCTAssertEqual(e["actors"]?[0]?["name"]?.stringValue, "Nga")
        XCTAssertEqual(e["actors"]?[0]?["cameo"]?.stringValue, "RUSMIL")
        XCTAssertEqual(e["recipients"]?[0]?["name"]?.stringValue, "Nhà nước Hồi giáo")
        XCTAssertEqual(e["location"]?["entity"], .null)
        XCTAssertNil(e["location"]?["name"], "no entity, no canonical name")
        XCTAssertEqual(e["attribution"]?["name"]?.stringValue, "Vladimir Putin")
        XCTAssertEqual(e["date"]?.keys, ["value", "granularity", "origin", "text", "field", "start", "end"])
        XCTAssertEqual(e["date"]?["origin"]?.stringValue, "text")
        XCTAssertEqual(e["modality"]?.stringValue, "asserted")
        XCTAssertEqual(e["sentence"]?.keys, ["field", "start", "end"])
    }

    func testEmptyOptionalEventPartsAreNull() throws {
        let e = Event(type: "CONSULT", cameo: "040", quadClass: 1, goldstein: 1, trigger: Fixtures.span(0, 3), confidence: 0.5, sentence: Fixtures.span(0, 10))
        let v = try parsed(ResultEncoding.event(e, index: 0, seq: 1, article: Fixtures.article, lang: "vi", entities: []))["event"]!
        XCTAssertEqual(v["location"], .null)
        XCTAssertEqual(v["date"], .null)
        XCTAssertEqual(v["attribution"], .null)
        XCTAssertEqual(v["actors"], .array([]))
        XCTAssertEqual(v["counts"], .array([]))
        XCTAssertNil(v["mode"])
        XCTAssertEqual(v["goldstein"]?.numberLiteral, "1.0")
    }

    func testARevisionSaysWhichResultItSupersedes() throws {
        let revision = Revision(number: 3, supersedes: 17)
        let result = try parsed(ResultEncoding.result(Fixtures.result, seq: 42, article: Fixtures.article, committedAtMillis: 0, revision: revision))
        XCTAssertEqual(result["revision"]?.intValue, 3)
        XCTAssertEqual(result["supersedes"]?.int64Value, 17)
        let r = Fixtures.result
        let message = try parsed(ResultEncoding.event(r.events[0], index: 0, seq: 42, article: Fixtures.article, lang: "vi", entities: r.entities, revision: revision))
        XCTAssertEqual(message["supersedes"]?.int64Value, 17)
    }

    func testEventMessageCarriesSeqAndTheSameEventAsTheResult() throws {
        let r = Fixtures.result
        let message = try parsed(ResultEncoding.event(r.events[0], index: 0, seq: 7, article: Fixtures.article, lang: "vi", entities: r.entities))
        XCTAssertEqual(message.keys, ["seq", "article_id", "revision", "lang", "index", "published_at", "event"])
        XCTAssertEqual(message["seq"]?.int64Value, 7)
        XCTAssertEqual(message["published_at"]?.stringValue, "2017-12-07")
        let result = try parsed(ResultEncoding.result(r, seq: 7, article: Fixtures.article, committedAtMillis: 0))
        XCTAssertEqual(message["event"], result["events"]?[0])
        XCTAssertEqual(ResultEncoding.eventTopic(type: "ASSAULT", lang: "vi"), "event.ASSAULT.vi")
        XCTAssertEqual(ResultEncoding.resultTopic(lang: "vi"), "article.vi")
    }

    func testRejectAndHeartbeat() throws {
        let r = try parsed(ResultEncoding.reject(
            id: 3, code: "bad_json", message: "unexpected '}' at byte 12\n\"quoted\"", source: "pull", size: 13,
            sha256: Digest.sha256Hex([UInt8]()), articleID: nil, receivedAtMillis: 86_400_000))
        XCTAssertEqual(r.keys, ["reject_id", "received_at", "source", "code", "message", "size", "sha256"])
        XCTAssertEqual(r["message"]?.stringValue, "unexpected '}' at byte 12\n\"quoted\"")
        XCTAssertEqual(r["received_at"]?.stringValue, "1970-01-02T00:00:00.000Z")
        let withID = try parsed(ResultEncoding.reject(
            id: 4, code: "unknown_lang", message: "m", source: "api", size: 1, sha256: "x", articleID: "a1", receivedAtMillis: 0))
        XCTAssertEqual(withID["article_id"]?.stringValue, "a1")

        let h = try parsed(ResultEncoding.heartbeat(lastSeq: 99, timeMillis: 1_795_608_000_123))
        XCTAssertEqual(h, .object([JSONMember("last_seq", 99), JSONMember("time", "2026-11-25T12:00:00.123Z")]))
    }
}

final class APIReplyEncodingTests: XCTestCase {
    func parsed(_ bytes: [UInt8]) throws -> JSONValue { try JSONReader.parse(bytes) }

    func testSubmittedAndError() throws {
        XCTAssertEqual(
            String(decoding: APIReplyEncoding.submitted(articleID: "a\"1", seq: 5, duplicate: true), as: UTF8.self),
            #"{"ok":true,"article_id":"a\"1","seq":5,"duplicate":true}"#)
        let e = try parsed(APIReplyEncoding.error(InputError(code: .badJSON, message: "x\ty")))
        XCTAssertEqual(e["ok"]?.boolValue, false)
        XCTAssertEqual(e["error"]?["code"]?.stringValue, "bad_json")
        XCTAssertEqual(e["error"]?["message"]?.stringValue, "x\ty")
    }

    func testReplayPageEmbedsStoredResults() throws {
        let stored = ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0)
        let page = try parsed(APIReplyEncoding.replayPage(items: [stored, stored], nextSeq: 2, lastSeq: 10))
        XCTAssertEqual(page["items"]?.arrayValue?.count, 2)
        XCTAssertEqual(page["items"]?[1], try parsed(stored))
        XCTAssertEqual(page["next_seq"]?.int64Value, 2)
        XCTAssertEqual(page["last_seq"]?.int64Value, 10)
        let last = try parsed(APIReplyEncoding.replayPage(items: [], nextSeq: nil, lastSeq: 10))
        XCTAssertEqual(last["next_seq"], .null)
        XCTAssertEqual(last["items"], .array([]))
    }

    func testGetStatsHealth() throws {
        let stored = ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0)
        let got = try parsed(APIReplyEncoding.article(Fixtures.article, result: stored))
        XCTAssertEqual(got["article"]?["body"]?.stringValue, Fixtures.body)
        XCTAssertEqual(got["article"]?["lang"]?.stringValue, "vi")
        XCTAssertEqual(got["result"]?["seq"]?.intValue, 1)
        XCTAssertEqual(try parsed(APIReplyEncoding.article(Fixtures.article, result: nil))["result"], .null)

        let stats = try parsed(APIReplyEncoding.stats([("articles", 10), ("rejects", 2), ("ok", 5)]))
        XCTAssertEqual(stats.keys, ["ok", "articles", "rejects"], "a stat named ok cannot shadow the flag")
        XCTAssertEqual(stats["ok"]?.boolValue, true)

        let health = try parsed(APIReplyEncoding.health(status: "ok", lastSeq: 3, uptimeSeconds: 12.5, store: StoreStatus()))
        XCTAssertEqual(health["uptime_seconds"]?.doubleValue, 12.5)
        XCTAssertEqual(health["last_seq"]?.intValue, 3)
        XCTAssertEqual(health["store"]?["writable"]?.boolValue, true)
        XCTAssertNil(health["store"]?["reason"], "a writable store has no fault to describe")

        let fault = StoreStatus.Fault(reason: "commit 3 items: database or disk is full", code: "SQLITE_FULL", sinceMillis: 1_764_936_000_000, held: 40)
        let failing = try parsed(APIReplyEncoding.health(
            status: "store_unavailable", lastSeq: 3, uptimeSeconds: 1, store: StoreStatus(fault: fault, failures: 7)))
        XCTAssertEqual(failing["store"]?["writable"]?.boolValue, false)
        XCTAssertEqual(failing["store"]?["code"]?.stringValue, "SQLITE_FULL")
        XCTAssertEqual(failing["store"]?["since"]?.stringValue, "2025-12-05T12:00:00.000Z")
        XCTAssertEqual(failing["store"]?["held"]?.intValue, 40)
        XCTAssertEqual(failing["store"]?["failures"]?.intValue, 7)
    }
}
