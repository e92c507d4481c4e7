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
            let article = articleJSON(id: "term-\(i)", body: sampleArticleBody)
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
