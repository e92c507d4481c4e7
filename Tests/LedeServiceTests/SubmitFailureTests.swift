import Foundation
import GRDB
import LedeClient
import LedeWire
import XCTest
import ZeroMQ

/// A submitter is told when the service cannot take its article now, and nothing half-done is kept:
/// the same submit, sent again later, is stored once.
final class SubmitFailureTests: XCTestCase {
    /// One worker and room for one waiting article: a few long articles over PULL keep both busy.
    func testSubmitAnswersBusyWhileTheWorkQueueIsFullAndSucceedsLater() throws {
        let service = try RunningService {
            $0.workers = 1
            $0.queueDepth = 1
        }
        defer { service.stop() }
        // About 50,000 code points each: a second or more of extraction in a debug build.
        let long = articleJSON(id: nil, body: String(repeating: exampleArticleBody + "\n", count: 60))
        let push = try service.pusher()
        for k in 0..<4 { try push.send([Array(long.replacingOccurrences(of: "\"body\":\"", with: "\"body\":\"\(k) ").utf8)]) }
        XCTAssertTrue(try eventually { try stat(service, "service.received") >= 2 }, "the worker and the queue are taken")

        let article = articleJSON(id: "waits-its-turn", body: "Tổng thống Nga Vladimir Putin đến Sochi ngày 7/12.")
        var reply = try service.submit(article)
        var tries = 1
        // A worker may free the slot in the moment the submit waits; it is refused within a few tries.
        while reply["ok"]?.boolValue == true, tries < 5 {
            reply = try service.submit(articleJSON(id: "waits-its-turn-\(tries)", body: "Putin đến Sochi."))
            tries += 1
        }
        XCTAssertEqual(reply["ok"]?.boolValue, false)
        XCTAssertEqual(reply["error"]?["code"]?.stringValue, "busy")
        XCTAssertTrue(reply["error"]?["message"]?.stringValue?.contains("retry") == true, "the message says what to do")
        XCTAssertGreaterThanOrEqual(try stat(service, "service.busy"), 1, "operators see refusals in stats")

        // Once the long articles are done, the same submit is taken and stored.
        XCTAssertTrue(try eventually(timeout: 120) { try stat(service, "results") >= 4 }, "the long articles are stored")
        let retried = try service.submit(article)
        XCTAssertEqual(retried["ok"]?.boolValue, true)
        XCTAssertEqual(retried["duplicate"]?.boolValue, false, "the refused submit had not been stored")
    }
}
