import Foundation
import LedeClient
import LedeStore
import LedeWire
import XCTest
import ZeroMQ

/// A corpus of hostile and broken messages, sent on every ingest path: each is refused with its own
/// reason, recorded, reported, and the service stays healthy.
final class HostileInputTests: XCTestCase {
    static let limit = 64 * 1024

    /// (what it is, the article JSON bytes, the code it must be refused with)
    static let corpus: [(String, [UInt8], String)] = {
        func b(_ s: String) -> [UInt8] { Array(s.utf8) }
        return [
            ("far over the size limit", b("{\"body\":\"" + String(repeating: "x", count: 4 * limit) + "\"}"), "too_large"),
            ("invalid UTF-8", [0x7B, 0x22, 0x62, 0x6F, 0x64, 0x79, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "bad_utf8"),
            ("a lone surrogate escape", b("{\"body\":\"\\ud800 alone\"}"), "bad_utf8"),
            ("an escaped NUL in the body", b("{\"body\":\"a\\u0000b\"}"), "nul_byte"),
            ("a raw NUL byte", [0x7B, 0x00, 0x7D], "bad_json"),
            ("10,000-deep nesting", b(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)), "too_deep"),
            ("a huge number", b("{\"body\":\"x\",\"meta\":{\"n\":" + String(repeating: "9", count: 5000) + "}}"), "bad_number"),
            ("duplicate keys", b("{\"body\":\"a\",\"body\":\"b\"}"), "duplicate_key"),
            ("not JSON", b("<html>nope</html>"), "bad_json"),
            ("trailing garbage", b("{\"body\":\"a\"} trailing"), "bad_json"),
            ("an array, not an object", b("[\"body\"]"), "not_object"),
            ("no body", b("{\"title\":\"t\"}"), "missing_body"),
            ("an empty body", b("{\"body\":\"\"}"), "empty_body"),
            ("a body of the wrong type", b("{\"body\":[1,2]}"), "bad_field_type"),
            ("an unsupported language", b("{\"body\":\"Guten Tag\",\"lang\":\"de\"}"), "unknown_lang"),
            ("an impossible date", b("{\"body\":\"x\",\"published_at\":\"2017-02-30\"}"), "bad_date"),
            ("too many fields", b("{\"body\":\"x\"," + (0..<100).map { "\"k\($0)\":1" }.joined(separator: ",") + "}"), "too_many_fields"),
        ]
    }()

    var service: RunningService!

    override func setUpWithError() throws {
        service = try RunningService { $0.limits.maxMessageBytes = Self.limit }
    }

    override func tearDown() { service.stop() }

    func assertAllRecorded(_ expected: [String], source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let store = try service.store()
        XCTAssertTrue(eventually(timeout: 20) { ((try? store.rejects(limit: 10_000).count) ?? 0) >= expected.count }, file: file, line: line)
        let rows = try store.rejects(limit: 10_000)
        XCTAssertEqual(rows.map(\.code).sorted(), expected.sorted(), file: file, line: line)
        XCTAssertTrue(rows.allSatisfy { $0.source == source && $0.sha256.count == 64 && !$0.message.isEmpty }, file: file, line: line)
        XCTAssertEqual(try service.requests().request(Requests.simple("health"))["status"]?.stringValue, "ok", file: file, line: line)
    }

    func testEveryKindIsRefusedOnPull() throws {
        let push = try service.pusher()
        for (_, bytes, _) in Self.corpus { try push.send(bytes) }
        try push.send([Array("{\"body\":\"a\"}".utf8), Array("extra".utf8)])
        try push.send([[]])
        try assertAllRecorded(Self.corpus.map(\.2) + ["too_many_frames", "empty_frame"], source: "pull")
    }

    func testEveryKindIsRefusedOnSub() throws {
        let pub = try Socket(service.context, .pub)
        try pub.setSendHighWaterMark(0)
        try pub.connect(service.endpoints.ingestSub!)
        // PUB drops until the subscription has arrived: send a probe until one is stored.
        let store = try service.store()
        XCTAssertTrue(eventually { (try? pub.send("article", articleJSON(id: "probe", body: "probe"))) != nil && ((try? store.lastSeq()) ?? 0) > 0 })
        for (_, bytes, _) in Self.corpus { try pub.send([Array("article".utf8), bytes]) }
        try pub.send(["article", "{\"body\":\"a\"}", "extra"].map { Array($0.utf8) })
        try pub.send([Array("article".utf8)])
        try pub.send([Array("article".utf8), []])
        try pub.send([Array("ignored-topic".utf8), Array("not json".utf8)])  // not subscribed: never seen
        try assertAllRecorded(Self.corpus.map(\.2) + ["too_many_frames", "missing_frame", "empty_frame"], source: "sub")
    }

    func testEveryKindIsRefusedOnSubmitWithAClearError() throws {
        let client = service.requests()
        var codes: [String] = []
        for (what, bytes, code) in Self.corpus {
            let request = Array("{\"op\":\"submit\",\"article\":".utf8) + bytes + Array("}".utf8)
            let reply = try client.request(request)
            XCTAssertEqual(reply["ok"]?.boolValue, false, what)
            XCTAssertEqual(reply["error"]?["code"]?.stringValue, code, what)
            codes.append(code)
        }
        try assertAllRecorded(codes, source: "api")
    }

    func testAFloodOfTinyMessagesIsRecordedAndTheServiceStaysHealthy() throws {
        let push = try service.pusher()
        let flood = 2000
        for i in 0..<flood { try push.send(Array("\(i)".utf8)) }
        _ = try service.submit(articleJSON(id: "after-flood", body: "Hà Nội vẫn ổn."))
        try assertAllRecorded(Array(repeating: "not_object", count: flood), source: "pull")
    }
}
