import LedeModel
import Foundation
import LedeStore
import LedeWire
import XCTest
import ZeroMQ

/// A producer that retries until acknowledged loses nothing and doubles nothing, even when the service
/// is killed with SIGKILL mid-stream, at several points.
final class CrashSafetyTests: XCTestCase {
    func testSigkillMidStreamLosesAndDuplicatesNothingAcknowledged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("lede.sqlite").path

        let total = 300
        let killPoints = [5, 40, 90]  // acknowledgements in a round before SIGKILL
        let articles = (0..<total).map { articleJSON(id: "crash-\($0)", body: "Bản tin số \($0): Quân đội Nga không kích IS tại Syria ngày 7/12.") }
        var acknowledged = Set<String>()
        var kills = 0
        let context = Context()

        for round in 0...killPoints.count {
            let child = try ChildLede(database: database)
            let dealer = try Socket(context, .dealer)
            try dealer.connect(try XCTUnwrap(child.ready["api"]))
            try dealer.setReceiveTimeout(milliseconds: 200)
            var roundAcks = 0
            var pending = (0..<total).filter { !acknowledged.contains("crash-\($0)") }
            var inFlight = Set<Int>()
            var lastProgress = Date()
            roundLoop: while acknowledged.count < total, Date().timeIntervalSince(lastProgress) < 15 {
                // Keep a window of 20 unacknowledged submits in flight.
                while inFlight.count < 20, let next = pending.first {
                    pending.removeFirst()
                    inFlight.insert(next)
                    try dealer.send([[], Array("{\"op\":\"submit\",\"article\":\(articles[next])}".utf8)])
                }
                guard let reply = try dealer.receive() else { continue }
                let json = try JSONReader.parse(reply.frames.last!)
                guard json["ok"]?.boolValue == true, let id = json["article_id"]?.stringValue, let n = Int(id.dropFirst("crash-".count)) else { continue }
                acknowledged.insert(id)
                inFlight.remove(n)
                roundAcks += 1
                lastProgress = Date()
                if round < killPoints.count, roundAcks >= killPoints[round] {
                    child.signal(SIGKILL)
                    _ = child.waitForExit(timeout: 10)
                    kills += 1
                    break roundLoop
                }
            }
            dealer.close()
            if round == killPoints.count {
                child.signal(SIGTERM)
                XCTAssertEqual(child.waitForExit(timeout: 30), 0)
            }
        }

        let stored = try Store(path: database).replay(ReplayFilter(limit: 10_000)).items
        let ids = stored.map(\.articleID)
        let lost = acknowledged.subtracting(ids).count
        let duplicated = ids.count - Set(ids).count
        print("crash test: \(acknowledged.count) acknowledged of \(total), \(kills) kills, \(lost) lost, \(duplicated) duplicated, \(stored.count) stored")
        XCTAssertEqual(kills, killPoints.count)
        XCTAssertEqual(acknowledged.count, total, "every article was eventually acknowledged")
        XCTAssertEqual(lost, 0)
        XCTAssertEqual(duplicated, 0)
        XCTAssertEqual(stored.map(\.seq), Array(1...Int64(stored.count)), "seq stays gap-free across crashes")
    }
}
