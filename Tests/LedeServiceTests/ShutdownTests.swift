import LedeModel
import Foundation
import LedeStore
import LedeWire
import XCTest
import ZeroMQ

/// SIGTERM stops intake, finishes and commits what was accepted, publishes it, answers every
/// submitter, and exits 0.
final class ShutdownTests: XCTestCase {
    func testSigtermLosesNoAcceptedArticle() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-sigterm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("lede.sqlite").path
        let child = try ChildLede(database: database)
        let context = Context()
        let dealer = try Socket(context, .dealer)
        try dealer.connect(try XCTUnwrap(child.ready["api"]))

        let total = 200
        for i in 0..<total {
            let article = articleJSON(id: "term-\(i)", body: exampleArticleBody)
            try dealer.send([[], Array("{\"op\":\"submit\",\"article\":\(article)}".utf8)])
        }
        // Wait for the first acknowledgement, so work is in flight, then ask the service to stop.
        try dealer.setReceiveTimeout(milliseconds: 20_000)
        var replies: [JSONValue] = []
        if let first = try dealer.receive() { replies.append(try JSONReader.parse(first.frames.last!)) }
        child.signal(SIGTERM)
        try dealer.setReceiveTimeout(milliseconds: 15_000)
        while replies.count < total, let reply = try dealer.receive() {
            replies.append(try JSONReader.parse(reply.frames.last!))
        }
        XCTAssertEqual(child.waitForExit(timeout: 30), 0, "a graceful exit")

        let acknowledged = Set(replies.filter { $0["ok"]?.boolValue == true }.compactMap { $0["article_id"]?.stringValue })
        let refused = replies.filter { $0["ok"]?.boolValue == false }.compactMap { $0["error"]?["code"]?.stringValue }
        XCTAssertEqual(acknowledged.count + refused.count, replies.count)
        XCTAssertTrue(Set(refused).isSubset(of: ["shutting_down", "busy"]), "\(Set(refused))")
        XCTAssertEqual(replies.count, total, "every submitter was answered")
        let stored = try Store(path: database).replay(ReplayFilter(limit: 1000)).items.map(\.articleID)
        XCTAssertEqual(Set(stored).count, stored.count, "nothing stored twice")
        XCTAssertTrue(acknowledged.isSubset(of: Set(stored)), "every acknowledged article is stored")
    }
}

/// While a service stops, the API still answers what reaches it; a refused request then is recorded
/// like any other, even after the committer, which records rejects, has finished.
final class StoppingRecordsRefusalsTests: XCTestCase {
    func testEveryRequestRefusedWhileStoppingIsInTheRejectsTable() throws {
        let service = try RunningService()
        defer { service.stop() }
        let dealer = try Socket(service.context, .dealer)
        try dealer.setReceiveTimeout(milliseconds: 1000)
        try dealer.connect(service.endpoints.api)

        let server = service.server
        let stopped = DispatchSemaphore(value: 0)
        var answered: [String] = []
        var k = 0
        // One bad request after another, each different, until the service has stopped and no longer answers.
        while true {
            let body = "not json, request \(k)"
            k += 1
            try dealer.send([[], Array(body.utf8)])
            guard let reply = try dealer.receive() else { break }
            XCTAssertEqual(try JSONReader.parse(reply.frames.last!)["error"]?["code"]?.stringValue, "bad_json")
            answered.append(body)
            if k == 20 { Thread { server.stop(); stopped.signal() }.start() }
        }
        XCTAssertEqual(stopped.wait(timeout: .now() + 30), .success)
        XCTAssertGreaterThan(answered.count, 20, "requests were answered while the service stopped")

        let recorded = Set(try service.store().rejects(limit: 1_000_000).compactMap { $0.raw.map { String(decoding: $0, as: UTF8.self) } })
        let missing = answered.filter { !recorded.contains($0) }
        XCTAssertEqual(missing.count, 0, "answered but not recorded, such as \(missing.prefix(3))")
    }
}

/// The service group bounds a graceful stop: a drain that outlasts `shutdown_timeout` is cut short and
/// the command says so in one line and exits 1 (what was acknowledged is already durable).
final class ShutdownTimeoutTests: XCTestCase {
    func testADrainLongerThanTheTimeoutEndsTheProcessWithOneLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-timeout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("lede.json")
        try Data(#"{"shutdown_timeout": 0.2}"#.utf8).write(to: config)
        let child = try ChildLede(database: directory.appendingPathComponent("lede.sqlite").path,
                                  extraArguments: ["--workers", "1", "--config", config.path])
        let push = try Socket(Context(), .push)
        try push.connect(try XCTUnwrap(child.ready["ingest_pull"]))
        // Long articles on one worker: seconds of extraction queued when the stop comes.
        let long = String(repeating: exampleArticleBody + "\n", count: 30)
        for i in 0..<40 { try push.send(articleJSON(id: "slow-\(i)", body: long)) }
        let dealer = try Socket(Context(), .dealer)
        try dealer.connect(try XCTUnwrap(child.ready["api"]))
        try dealer.setReceiveTimeout(milliseconds: 20_000)
        try dealer.send([[], Array(#"{"op":"submit","article":{"id":"marker","body":"Hà Nội."}}"#.utf8)])
        child.signal(SIGTERM)
        XCTAssertEqual(child.waitForExit(timeout: 30), 1, "cut short")
        let errors = String(decoding: child.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(errors.contains("lede: graceful shutdown took longer than 0.2 s; exiting with work in flight"), errors)
    }
}
