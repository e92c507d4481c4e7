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

    /// A store that refuses to write (here a trigger that aborts every insert of an article) fails the
    /// commit: the submitter gets `internal`, nothing of the batch is stored, and the service goes on.
    func testSubmitAnswersInternalWhenTheStoreCannotCommitAndNothingIsHalfStored() throws {
        let service = try RunningService()
        defer { service.stop() }
        let outside = try DatabaseQueue(path: service.databasePath)
        try outside.write { try $0.execute(sql: """
            CREATE TRIGGER refuse_articles BEFORE INSERT ON articles
            BEGIN SELECT RAISE(ABORT, 'the disk is failing (test)'); END
            """) }

        let article = articleJSON(id: "kept-after-failure", body: exampleArticleBody)
        let failed = try service.submit(article)
        XCTAssertEqual(failed["ok"]?.boolValue, false)
        XCTAssertEqual(failed["error"]?["code"]?.stringValue, "internal")
        XCTAssertTrue(failed["error"]?["message"]?.stringValue?.contains("the disk is failing") == true, "the store's reason is passed on")
        XCTAssertEqual(try stat(service, "results"), 0, "nothing of the failed batch is stored")
        let health = try service.requests().request(Requests.simple("health"))
        XCTAssertEqual(health["status"]?.stringValue, "ok", "the service keeps running")

        try outside.write { try $0.execute(sql: "DROP TRIGGER refuse_articles") }
        let retried = try service.submit(article)
        XCTAssertEqual(retried["ok"]?.boolValue, true)
        XCTAssertEqual(retried["seq"]?.int64Value, 1, "the failed commit used no seq")
        XCTAssertEqual(try stat(service, "results"), 1)
    }

    private func stat(_ service: RunningService, _ name: String) throws -> Int64 {
        try service.requests().request(Requests.simple("stats"))[name]?.int64Value ?? -1
    }
}
