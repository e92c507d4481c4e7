import LedeModel
import Foundation
import GRDB
import LedeClient
import LedeService
import LedeStore
import LedeWire
import XCTest
import ZeroMQ

/// The spine of the product: ingest, extraction, commit, publish, replay, over real sockets and a real
/// SQLite file.
final class ServiceFlowTests: XCTestCase {
    var service: RunningService!

    override func setUpWithError() throws { service = try RunningService() }
    override func tearDown() { service.stop() }

    func testAPushedArticleIsPublishedOnlyAfterItIsCommitted() throws {
        let sub = try service.subscriber(["article."])
        try service.pusher().send(articleJSON(id: "a-1", body: exampleArticleBody))
        let messages = try receive(sub, count: 1)
        XCTAssertEqual(messages.first?.topic, "article.vi")
        let seq = try XCTUnwrap(messages.first?.json["seq"]?.int64Value)
        // The moment a subscriber sees it, replay can return it.
        let page = try service.replay(Requests.replay(fromSeq: seq, toSeq: seq))
        XCTAssertEqual(page["items"]?.arrayValue?.first?["article_id"]?.stringValue, "a-1")
    }

    func testSeqFollowsCommitOrderAndEveryMessageCarriesIt() throws {
        let sub = try service.subscriber(["article."])
        let push = try service.pusher()
        for i in 0..<20 { try push.send(articleJSON(id: "order-\(i)", body: "Bài số \(i) về Hà Nội.")) }
        let messages = try receive(sub, count: 20)
        let seqs = messages.compactMap { $0.json["seq"]?.int64Value }
        XCTAssertEqual(seqs, Array(1...20), "published in commit order, no gaps")
        let stored = try service.replay(Requests.replay(fromSeq: 1, limit: 100))["items"]?.arrayValue ?? []
        XCTAssertEqual(stored.compactMap { $0["seq"]?.int64Value }, Array(1...20))
    }

    func testSubmitIsAcknowledgedOnlyOnceCommitted() throws {
        let reply = try service.submit(articleJSON(id: "ack-1", body: exampleArticleBody))
        XCTAssertEqual(reply["ok"]?.boolValue, true)
        XCTAssertEqual(reply["article_id"]?.stringValue, "ack-1")
        let seq = try XCTUnwrap(reply["seq"]?.int64Value)
        // Read straight from the SQLite file, as a restarted service would.
        let page = try service.store().replay(ReplayFilter(fromSeq: seq, toSeq: seq))
        XCTAssertEqual(page.items.map(\.articleID), ["ack-1"])
    }

    func testResendingAnIdNeverDuplicatesItsResult() throws {
        let first = try service.submit(articleJSON(id: "same", body: "Hà Nội hôm nay mưa."))
        let second = try service.submit(articleJSON(id: "same", body: "Hà Nội hôm nay mưa."))
        XCTAssertEqual(second["seq"]?.int64Value, first["seq"]?.int64Value)
        XCTAssertEqual(second["duplicate"]?.boolValue, true)
        try service.pusher().send(articleJSON(id: "same", body: "Hà Nội hôm nay mưa."))
        XCTAssertTrue(eventually { (try? self.service.store().counts().first { $0.0 == "articles" }?.1) == 1 })
        XCTAssertEqual(try service.store().lastSeq(), 1)
    }

    func testAnArticleWithoutIdGetsOneFromItsContent() throws {
        let body = articleJSON(id: nil, body: "Nội dung không có mã.")
        let first = try service.submit(body)
        let again = try service.submit(body)
        let id = try XCTUnwrap(first["article_id"]?.stringValue)
        XCTAssertTrue(id.hasPrefix("sha256:"))
        XCTAssertEqual(again["article_id"]?.stringValue, id, "a re-sent article is recognised")
        XCTAssertEqual(again["duplicate"]?.boolValue, true)
    }

    func testReplayPagesThroughEverythingInSeqOrder() throws {
        for i in 0..<25 { _ = try service.submit(articleJSON(id: "page-\(i)", body: "Tin số \(i).")) }
        var seqs: [Int64] = []
        var from: Int64? = 1
        while let start = from {
            let page = try service.replay(Requests.replay(fromSeq: start, limit: 10))
            XCTAssertEqual(page["last_seq"]?.int64Value, 25)
            seqs += page["items"]?.arrayValue?.compactMap { $0["seq"]?.int64Value } ?? []
            from = page["next_seq"]?.int64Value
        }
        XCTAssertEqual(seqs, Array(1...25))
    }

    func testReplayFiltersBySeqRangeLanguageTimeAndEntity() throws {
        _ = try service.submit(articleJSON(id: "vi-1", body: "Ông Nguyễn Văn An đến Hà Nội.", lang: "vi"))
        _ = try service.submit(articleJSON(id: "en-1", body: "Mr John Smith went to London.", lang: "en"))
        _ = try service.submit(articleJSON(id: "vi-2", body: "Hải Phòng đón bão.", lang: "vi"))
        func ids(_ body: [UInt8]) throws -> [String] {
            try service.replay(body)["items"]?.arrayValue?.compactMap { $0["article_id"]?.stringValue } ?? []
        }
        XCTAssertEqual(try ids(Requests.replay(fromSeq: 2, toSeq: 3)), ["en-1", "vi-2"])
        XCTAssertEqual(try ids(Requests.replay(fromSeq: 1, lang: "en")), ["en-1"])
        XCTAssertEqual(try ids(Requests.replay(fromSeq: 1, since: "2000-01-01T00:00:00Z")).count, 3)
        XCTAssertEqual(try ids(Requests.replay(fromSeq: 1, until: "2000-01-01T00:00:00Z")), [])
        XCTAssertEqual(try ids(Requests.replay(fromSeq: 1, types: ["ASSAULT"])).count, 0, "no article here has an assault")
        // The entity filter matches stored names (whatever the tagger found) case-insensitively.
        let stored = try service.store()
        let name = try XCTUnwrap(try stored.replay(ReplayFilter(fromSeq: 1, toSeq: 1)).items.first.flatMap {
            try JSONReader.parse($0.json)["entities"]?.arrayValue?.first?["name"]?.stringValue
        }, "the first article names an entity")
        XCTAssertEqual(try ids(Requests.replay(fromSeq: 1, entity: name.uppercased())), ["vi-1"])
        XCTAssertEqual(try ids(Requests.replay(fromSeq: 1, entity: "nobody at all")), [])
    }

    func testRestartKeepsEveryResultExactlyOnce() throws {
        for i in 0..<10 { _ = try service.submit(articleJSON(id: "keep-\(i)", body: "Tin \(i) từ Đà Nẵng.")) }
        try service.restart()
        for i in 5..<15 { _ = try service.submit(articleJSON(id: "keep-\(i)", body: "Tin \(i) từ Đà Nẵng.")) }
        let items = try service.replay(Requests.replay(fromSeq: 1, limit: 1000))["items"]?.arrayValue ?? []
        XCTAssertEqual(items.compactMap { $0["article_id"]?.stringValue }, (0..<15).map { "keep-\($0)" })
        XCTAssertEqual(items.compactMap { $0["seq"]?.int64Value }, Array(1...15))
    }

    func testGetStatsAndHealthAnswer() throws {
        _ = try service.submit(articleJSON(id: "g-1", body: "Hà Nội."))
        let got = try service.replay(Requests.get(articleID: "g-1"))
        XCTAssertEqual(got["article"]?["body"]?.stringValue, "Hà Nội.")
        XCTAssertEqual(got["result"]?["seq"]?.int64Value, 1)
        XCTAssertEqual(try service.replay(Requests.get(articleID: "missing"))["error"]?["code"]?.stringValue, "not_found")
        let stats = try service.replay(Requests.simple("stats"))
        XCTAssertEqual(stats["results"]?.int64Value, 1)
        let health = try service.replay(Requests.simple("health"))
        XCTAssertEqual(health["status"]?.stringValue, "ok")
        XCTAssertEqual(health["last_seq"]?.int64Value, 1)
    }

    func testMentionsAndEntitiesAreQueryableAsTablesOfTheStoredJSON() throws {
        _ = try service.submit(articleJSON(id: "views-1", body: exampleArticleBody))
        let result = try XCTUnwrap(service.replay(Requests.get(articleID: "views-1"))["result"])
        let mentions = try XCTUnwrap(result["mentions"]?.arrayValue)
        let entities = try XCTUnwrap(result["entities"]?.arrayValue)
        XCTAssertGreaterThan(mentions.count, 10, "the sample article has many mentions")

        // An operator at the sqlite3 shell: the `mentions` and `entities` views read the results' JSON.
        var readOnly = Configuration()
        readOnly.readonly = true
        let db = try DatabaseQueue(path: service.databasePath, configuration: readOnly)
        let rows = try db.read { try Row.fetchAll($0, sql: "SELECT * FROM mentions WHERE seq = 1 ORDER BY idx") }
        XCTAssertEqual(rows.count, mentions.count)
        for (row, m) in zip(rows, mentions) {
            XCTAssertEqual(row["type"] as String?, m["type"]?.stringValue)
            XCTAssertEqual(row["text"] as String?, m["text"]?.stringValue)
            XCTAssertEqual(row["field"] as String?, m["field"]?.stringValue)
            XCTAssertEqual(row["start"] as Int64?, m["start"]?.int64Value)
            XCTAssertEqual(row["end"] as Int64?, m["end"]?.int64Value)
            XCTAssertEqual(row["value"] as String?, m["value"]?.stringValue)
            XCTAssertEqual(row["entity"] as Int64?, m["entity"]?.int64Value)
        }
        let named = try db.read {
            try Row.fetchAll($0, sql: "SELECT idx, type, name, country, geonames_id, cameo FROM entities WHERE seq = 1 ORDER BY idx")
        }
        XCTAssertEqual(named.map { $0["idx"] as Int64 }, entities.compactMap { $0["id"]?.int64Value })
        XCTAssertEqual(named.map { $0["name"] as String }, entities.compactMap { $0["name"]?.stringValue })
        XCTAssertEqual(named.map { $0["country"] as String? }, entities.map { $0["country"]?.stringValue })
        XCTAssertEqual(named.map { $0["geonames_id"] as Int64? }, entities.map { $0["geonames_id"]?.int64Value })
        XCTAssertTrue(named.contains { $0["country"] as String? == "KH" }, "Phnom Penh is placed in Cambodia by its country code")
    }

    func testEveryLoopRunsOnAThreadNamedAfterIt() throws {
        #if os(Linux)
        // What `top -H` and `ps -L` show an operator: the kernel's name of each thread of this process.
        // A loop names its thread when it starts, which may come just after the service reports ready.
        func names() throws -> Set<String> {
            let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
            return Set(tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8) }
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }
        let expected: Set = ["lede-ingest", "lede-worker-0", "lede-worker-1", "lede-committer", "lede-checkpoint", "lede-api"]
        _ = try eventually { try expected.isSubset(of: names()) }
        let seen = try names()
        for name in expected.sorted() {
            XCTAssertTrue(seen.contains(name), "no thread named \(name) among \(seen.sorted())")
        }
        #endif
    }

    func testADealerClientWithADelimiterIsAnswered() throws {
        let dealer = try Socket(service.context, .dealer)
        try dealer.connect(service.endpoints.api)
        try dealer.send([[], Array("{\"op\":\"health\"}".utf8)])
        try dealer.setReceiveTimeout(milliseconds: 5000)
        let reply = try XCTUnwrap(try dealer.receive())
        XCTAssertEqual(reply.frames.count, 2)
        XCTAssertEqual(reply.frames[0], [], "the delimiter comes back")
        XCTAssertEqual(try JSONReader.parse(reply.frames[1])["ok"]?.boolValue, true)
    }

    func testSubscribeFromSeqReplaysThenContinuesLiveWithoutGapOrDuplicate() throws {
        for i in 0..<5 { _ = try service.submit(articleJSON(id: "before-\(i)", body: "Tin cũ \(i).")) }
        let subscription = GapFreeSubscription(context: service.context, publishEndpoint: service.endpoints.publish, api: service.requests(), topics: ["article."])
        let pull = service.endpoints.ingestPull!
        // Whether the new results arrive live or are replayed, each must come once: the producer starts
        // at once, and its context's linger delivers everything before it closes.
        let producer = ProducerThread {
            let push = try Socket(Context(), .push)
            try push.setLinger(milliseconds: 5000)
            try push.connect(pull)
            for i in 0..<10 { try push.send(articleJSON(id: "after-\(i)", body: "Tin mới \(i).")) }
        }
        var seqs: [Int64] = []
        let deadline = Date(timeIntervalSinceNow: 30)
        try subscription.run(fromSeq: 2, shouldStop: { seqs.count >= 14 || Date() > deadline }) { seqs.append($0.seq ?? -1) }
        XCTAssertNil(producer.failure(), "the producer sent everything")
        XCTAssertEqual(seqs.sorted(), Array(2...15))
        XCTAssertEqual(Set(seqs).count, seqs.count, "no duplicates")
    }
}

/// One database, one service: a second `LedeServer` on the same file is refused with a clear error.
final class DatabaseLockTests: XCTestCase {
    func testASecondServiceOnTheSameDatabaseIsRefused() throws {
        let service = try RunningService()
        defer { service.stop() }
        var configuration = service.server.configuration
        configuration.api = "tcp://127.0.0.1:*"
        XCTAssertThrowsError(try LedeServer(configuration: configuration)) { error in
            XCTAssertTrue("\(error)".contains("in use by another lede serve"), "\(error)")
        }
        // After a graceful stop the database is free again (restart keeps working).
        try service.restart()
        XCTAssertEqual(try service.submit(articleJSON(id: "after-restart", body: "Hà Nội."))["ok"]?.boolValue, true)
    }
}
