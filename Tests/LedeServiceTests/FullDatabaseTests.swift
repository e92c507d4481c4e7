import Foundation
import GRDB
import LedeClient
import LedeWire
import Synchronization
import XCTest
import ZeroMQ

/// A database that cannot grow (SQLite's `max_page_count`, the service's `max_database_mb`) fails
/// commits with `SQLITE_FULL` exactly as a full disk does. The service holds what it accepted, says so,
/// and stores all of it, in order and published once, when there is room again.
final class FullDatabaseTests: XCTestCase {
    func testPullInputIsHeldWhileTheDatabaseIsFullAndAllOfItIsStoredOnceThereIsRoom() throws {
        let service = try RunningService {
            $0.queueDepth = 32
            $0.batchSize = 32
        }
        defer { service.stop() }
        XCTAssertEqual(try service.submit(articleJSON(id: "before", body: "Quân đội Nga không kích IS tại Syria."))["ok"]?.boolValue, true)
        try service.server.limitDatabaseSize(toBytes: try databaseBytes(service) + 256 * 1024)

        let subscriber = try service.subscriber(["article"])
        try subscriber.setReceiveHighWaterMark(0)  // this test reads them all at the end
        let total = 3000
        let badEvery = 100  // some inputs are refused: their reject records are held too
        // `meta` is not extracted nor stored: it makes each message large (30 KB) at no cost, so that the
        // socket and kernel buffers fill and the producer meets its high-water mark.
        let padding = String(repeating: "m", count: 30_000)
        let sent = Atomic<Int>(0)
        let heldBack = Atomic<Int>(0)
        let endpoint = try XCTUnwrap(service.endpoints.ingestPull)
        let producer = ProducerThread {
            let context = Context()
            let push = try Socket(context, .push)
            try push.setSendHighWaterMark(20)
            try push.setSendTimeout(milliseconds: 100)
            try push.setLinger(milliseconds: 30_000)
            try push.connect(endpoint)
            for k in 0..<total {
                let body = k % badEvery == 0
                    ? Array("not an article \(k)".utf8)
                    : Array(articleJSON(id: "held-\(k)", body: "Bản tin số \(k): Bộ trưởng Quốc phòng hội đàm với phái đoàn Lào tại Hà Nội.")
                        .replacingOccurrences(of: "{", with: "{\"meta\":{\"padding\":\"\(padding)\"},", options: .anchored).utf8)
                // A send that times out means the service is not reading: the producer is held back.
                while try push.send(body) == .wouldBlock { heldBack.add(1, ordering: .relaxed) }
                sent.add(1, ordering: .relaxed)
            }
            push.close()
        }

        XCTAssertTrue(try eventually(timeout: 60) { try health(service)["status"]?.stringValue == "store_unavailable" }, "health says the store cannot write")
        let failing = try health(service)
        XCTAssertEqual(failing["store"]?["writable"]?.boolValue, false)
        XCTAssertEqual(failing["store"]?["code"]?.stringValue, "SQLITE_FULL")
        XCTAssertNotNil(failing["store"]?["since"]?.stringValue.flatMap(ISODateTime.parse), "since when, as a date")
        XCTAssertTrue(failing["store"]?["reason"]?.stringValue?.contains("full") == true, "\(failing)")

        XCTAssertTrue(eventually(timeout: 60) { heldBack.load(ordering: .relaxed) > 0 }, "the PUSH producer is held back at its high-water mark")
        XCTAssertLessThan(sent.load(ordering: .relaxed), total, "so it has not sent everything")
        let refused = try service.submit(articleJSON(id: "during-the-fault", body: "Thủ tướng tiếp đại sứ Nhật Bản."))
        XCTAssertEqual(refused["error"]?["code"]?.stringValue, "unavailable", "a submitter hears at once that it should retry")
        let storedDuringFault = try stat(service, "results")

        try service.server.limitDatabaseSize(toBytes: 0)
        XCTAssertNil(producer.failure(timeout: 120))
        let articles = total - total / badEvery
        XCTAssertTrue(try eventually(timeout: 180) { try stat(service, "results") == Int64(1 + articles) }, "every accepted article is stored")
        XCTAssertGreaterThan(Int64(1 + articles), storedDuringFault, "most of them after the fault")
        XCTAssertTrue(try eventually { try stat(service, "rejects") == Int64(total / badEvery) }, "every refused input is recorded")
        let recovered = try health(service)
        XCTAssertEqual(recovered["status"]?.stringValue, "ok")
        XCTAssertEqual(recovered["store"]?["writable"]?.boolValue, true)
        XCTAssertGreaterThan(recovered["store"]?["failures"]?.intValue ?? 0, 0, "the failures stay counted")

        var seqs: [Int64] = []
        var next: Int64? = 1
        while let from = next {
            let page = try service.replay(Requests.replay(fromSeq: from, limit: 1000))
            seqs += page["items"]?.arrayValue?.compactMap { $0["seq"]?.int64Value } ?? []
            next = page["next_seq"]?.int64Value
        }
        XCTAssertEqual(seqs, Array(1...Int64(1 + articles)), "seq is gap-free and in order")
        let published = try receive(subscriber, count: articles + 1, timeout: 30).compactMap { $0.json["seq"]?.int64Value }
        XCTAssertEqual(published.count, articles, "each held result is published once")
        XCTAssertEqual(Set(published).count, published.count, "none twice")
        XCTAssertEqual(published, published.sorted(), "in seq order")
    }

    func testSubmitIsAnsweredUnavailableAtOnceWhileTheDatabaseIsFullAndEveryAcknowledgedArticleIsStored() throws {
        let service = try RunningService()
        defer { service.stop() }
        XCTAssertEqual(try service.submit(articleJSON(id: "before", body: "Quân đội Nga không kích IS tại Syria."))["ok"]?.boolValue, true)
        try service.server.limitDatabaseSize(toBytes: try databaseBytes(service))

        let total = 60
        // Longer than a 16 KB page: each article needs new pages, so the first commit after the limit fails.
        let long = String(repeating: "Chủ tịch nước tiếp Tổng thống Pháp tại Phủ Chủ tịch. ", count: 320)
        let refusals = Mutex<[(code: String, message: String, seconds: TimeInterval)]>([])
        let acknowledged = Mutex<[String: Int64]>([:])
        let endpoint = service.endpoints.api
        let submitter = ProducerThread {
            let requests = RequestClient(context: Context(), endpoint: endpoint, timeout: 10, retries: 1)
            for k in 0..<total {
                let article = articleJSON(id: "acked-\(k)", body: "Bản tin số \(k): " + long)
                var tries = 0
                while true {
                    let started = Date()
                    let reply = try requests.request(Requests.submit(article: Array(article.utf8)))
                    if reply["ok"]?.boolValue == true {
                        acknowledged.withLock { $0["acked-\(k)"] = reply["seq"]?.int64Value ?? -1 }
                        break
                    }
                    let code = reply["error"]?["code"]?.stringValue ?? "?"
                    refusals.withLock { $0.append((code, reply["error"]?["message"]?.stringValue ?? "", Date().timeIntervalSince(started))) }
                    guard ErrorCode(rawValue: code)?.isRetryable == true else { throw TestFailure("refused for good: \(reply)") }
                    tries += 1
                    if tries > 2000 { throw TestFailure("acked-\(k) was never taken") }
                    // The pause a client takes before it retries (bounded by the loop above).
                    _ = DispatchSemaphore(value: 0).wait(timeout: .now() + .milliseconds(20))
                }
            }
        }

        XCTAssertTrue(eventually(timeout: 60) { refusals.withLock { $0.count } >= 10 }, "submits are refused while the store cannot write")
        // Malformed requests meanwhile are answered at once and recorded once the store writes again.
        let badRequests = 3
        for k in 0..<badRequests {
            let reply = try service.requests().request(Array("{\"op\": \"submit\", \"article\": \(k)".utf8))
            XCTAssertEqual(reply["error"]?["code"]?.stringValue, "bad_json")
        }
        try service.server.limitDatabaseSize(toBytes: 0)
        XCTAssertNil(submitter.failure(timeout: 120))

        let answers = refusals.withLock { $0 }
        XCTAssertEqual(Set(answers.map(\.code)), ["unavailable"], "the refusal has a code of its own, not internal")
        XCTAssertTrue(answers.allSatisfy { $0.message.contains("retry") }, "and says what to do")
        XCTAssertLessThan(answers.map(\.seconds).max() ?? 0, 2, "at once, not after the client's time-out")
        let acks = acknowledged.withLock { $0 }
        XCTAssertEqual(acks.count, total)
        let store = try service.store()
        for (id, seq) in acks {
            XCTAssertEqual(try store.article(id: id)?.result?.seq, seq, "\(id) is stored under the seq it was acknowledged with")
        }
        XCTAssertEqual(Set(acks.values).count, total, "no two acknowledgements share a seq")
        XCTAssertEqual(try stat(service, "results"), Int64(1 + total), "nothing is stored twice")
        XCTAssertTrue(try eventually { try stat(service, "rejects") == Int64(badRequests) }, "every refused request is recorded")
    }

    /// The database's size as SQLite counts it (pages, including those still in the WAL).
    private func databaseBytes(_ service: RunningService) throws -> Int {
        let reader = try DatabaseQueue(path: service.databasePath, configuration: { var c = Configuration(); c.readonly = true; return c }())
        return try reader.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) * (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
    }
}

func health(_ service: RunningService) throws -> JSONValue {
    try service.requests().request(Requests.simple("health"))
}

func stat(_ service: RunningService, _ name: String) throws -> Int64 {
    try service.requests().request(Requests.simple("stats"))[name]?.int64Value ?? -1
}
