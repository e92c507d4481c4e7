import Foundation
import LedeClient
import LedeStore
import LedeWire
import XCTest
import ZeroMQ

/// Every kind of bad input gets a clear error, is recorded with its reason and reported on `reject`,
/// and the service keeps running.
final class BadInputTests: XCTestCase {
    var service: RunningService!
    var rejects: Socket!

    override func setUpWithError() throws {
        service = try RunningService { $0.limits.maxMessageBytes = 64 * 1024 }
        rejects = try service.subscriber(["reject"])
    }

    override func tearDown() { service.stop() }

    /// Sends raw frames on PULL, then checks the reject message, the reject row and the service's health.
    func assertRefusedOnPull(_ frames: [[UInt8]], code: String, keepsBytes: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let push = try service.pusher()
        try push.send(frames)
        try assertReported(code: code, source: "pull", keepsBytes: keepsBytes, file: file, line: line)
    }

    func assertRefusedOnSubmit(_ article: String, code: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let reply = try service.requests().request(Array("{\"op\":\"submit\",\"article\":\(article)}".utf8))
        XCTAssertEqual(reply["ok"]?.boolValue, false, file: file, line: line)
        XCTAssertEqual(reply["error"]?["code"]?.stringValue, code, file: file, line: line)
        XCTAssertFalse((reply["error"]?["message"]?.stringValue ?? "").isEmpty, "a clear message", file: file, line: line)
        try assertReported(code: code, source: "api", keepsBytes: true, file: file, line: line)
    }

    func assertReported(code: String, source: String, keepsBytes: Bool, file: StaticString, line: UInt) throws {
        let published = try receive(rejects, count: 1)
        XCTAssertEqual(published.first?.topic, "reject", file: file, line: line)
        XCTAssertEqual(published.first?.json["code"]?.stringValue, code, file: file, line: line)
        XCTAssertEqual(published.first?.json["source"]?.stringValue, source, file: file, line: line)
        let rows = try service.store().rejects()
        XCTAssertEqual(rows.last?.code, code, file: file, line: line)
        XCTAssertEqual(rows.last?.sha256.count, 64, "the input's hash is kept", file: file, line: line)
        XCTAssertEqual(rows.last?.raw != nil, keepsBytes, file: file, line: line)
        let health = try service.requests().request(Requests.simple("health"))
        XCTAssertEqual(health["status"]?.stringValue, "ok", "the service keeps running", file: file, line: line)
    }

    func testNotJSON() throws {
        try assertRefusedOnPull([Array("this is not json".utf8)], code: "bad_json")
    }

    func testInvalidUTF8() throws {
        try assertRefusedOnPull([[0x7B, 0x22, 0x62, 0x6F, 0x64, 0x79, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]], code: "bad_utf8")
    }

    func testMissingBody() throws {
        try assertRefusedOnPull([Array("{\"title\":\"no body\"}".utf8)], code: "missing_body")
    }

    func testEmptyBody() throws {
        try assertRefusedOnPull([Array("{\"body\":\"   \"}".utf8)], code: "empty_body")
    }

    func testWrongFieldType() throws {
        try assertRefusedOnSubmit("{\"body\":\"Hà Nội\",\"title\":42}", code: "bad_field_type")
    }

    func testUnknownLanguage() throws {
        try assertRefusedOnSubmit("{\"body\":\"Bonjour à tous\",\"lang\":\"fr\"}", code: "unknown_lang")
    }

    func testMalformedLanguageCode() throws {
        try assertRefusedOnPull([Array("{\"body\":\"x\",\"lang\":\"Vietnamese!\"}".utf8)], code: "unknown_lang")
    }

    func testUnparseableDate() throws {
        try assertRefusedOnSubmit("{\"body\":\"Hà Nội\",\"published_at\":\"7 tháng 12\"}", code: "bad_date")
    }

    func testOversizedMessageKeepsOnlyItsHash() throws {
        let body = String(repeating: "a", count: 70 * 1024)
        try assertRefusedOnPull([Array("{\"body\":\"\(body)\"}".utf8)], code: "too_large", keepsBytes: false)
    }

    func testTooManyFrames() throws {
        try assertRefusedOnPull([Array("{\"body\":\"a\"}".utf8), Array("extra".utf8)], code: "too_many_frames")
    }

    func testEmptyFrame() throws {
        try assertRefusedOnPull([[]], code: "empty_frame")
    }

    func testSubscriptionMessagesNeedATopicFrame() throws {
        let pub = try Socket(service.context, .pub)
        try pub.connect(service.endpoints.ingestSub!)
        // PUB drops messages until the subscription is known: resend until the reject shows up.
        let deadline = Date(timeIntervalSinceNow: 10)
        try rejects.setReceiveTimeout(milliseconds: 100)
        var seen: JSONValue?
        while seen == nil, Date() < deadline {
            try pub.send(["article"].map { Array($0.utf8) })
            if let m = try rejects.receive(), m.frames.count == 2, m.frames[0] == Array("reject".utf8) {
                seen = try JSONReader.parse(m.frames[1])
            }
        }
        XCTAssertEqual(seen?["code"]?.stringValue, "missing_frame")
        XCTAssertEqual(seen?["source"]?.stringValue, "sub")
    }

    func testAnUnknownAPIOperation() throws {
        let reply = try service.requests().request(Array("{\"op\":\"delete_everything\"}".utf8))
        XCTAssertEqual(reply["error"]?["code"]?.stringValue, "unknown_op")
        try assertReported(code: "unknown_op", source: "api", keepsBytes: true, file: #filePath, line: #line)
    }

    func testGoodInputStillFlowsAfterBadInput() throws {
        try assertRefusedOnPull([Array("{{{{".utf8)], code: "bad_json")
        let reply = try service.submit(articleJSON(id: "fine", body: "Hà Nội hôm nay nắng."))
        XCTAssertEqual(reply["ok"]?.boolValue, true)
    }
}
