import Foundation
import LedeClient
import LedeModel
import LedePostgres
import LedeService
import LedeStore
import LedeWire
import XCTest
import ZeroMQ

/// The service's essentials on the PostgreSQL store, against a server started for the test: a result
/// is published only once committed, replay pages and filters, a re-sent id is a duplicate on any node,
/// bad input is refused and recorded, and a node whose database is gone is not ready, refuses
/// `submit`, and recovers by itself.
final class PostgresServiceTests: XCTestCase {
    var postgres: TestPostgres!
    var url: PostgresURL!
    var services: [RunningService] = []

    override func setUpWithError() throws {
        postgres = try TestPostgres()
        url = try PostgresURL(try postgres.createDatabase())
    }

    override func tearDown() {
        for service in services { service.stop() }
        postgres?.stop()
    }

    /// A node on the test's database, named as `lede serve` would name it apart from the others.
    func node(waitingOutFaults: Bool = false) throws -> RunningService {
        let store = try PostgresStore(url: url, node: "node-\(services.count)", waitingOutFaults: waitingOutFaults)
        let service = try RunningService(store: store) { $0.databasePath = self.url.description }
        services.append(service)
        return service
    }

    func testASubmittedArticleIsPublishedOnlyAfterItIsCommitted() throws {
        let service = try node()
        let sub = try service.subscriber(["article."])
        let reply = try service.submit(articleJSON(id: "pg-1", body: exampleArticleBody))
        XCTAssertEqual(reply["ok"]?.boolValue, true, "\(reply)")
        XCTAssertEqual(reply["seq"]?.int64Value, 1)
        let published = try receive(sub, count: 1)
        XCTAssertEqual(published.first?.json["article_id"]?.stringValue, "pg-1")
        // Whoever saw it published can replay it: it was committed first.
        let stored = try service.server.store.replay(ReplayFilter())
        XCTAssertEqual(stored.items.map(\.articleID), ["pg-1"])
        XCTAssertEqual(try JSONReader.parse(stored.items[0].json), published.first?.json, "the stored JSON is the published JSON")
    }

    func testReplayThroughTheAPIPagesAndFilters() throws {
        let service = try node()
        for i in 0..<6 {
            let lang = i % 2 == 0 ? "vi" : "en"
            XCTAssertEqual(try service.submit(articleJSON(id: "page-\(i)", body: "Bản tin \(i) từ Hà Nội.", lang: lang))["ok"]?.boolValue, true)
        }
        var seqs: [Int64] = []
        var from: Int64? = 1
        while let start = from {
            let page = try service.replay(Requests.replay(fromSeq: start, limit: 4))
            seqs += (page["items"]?.arrayValue ?? []).compactMap { $0["seq"]?.int64Value }
            XCTAssertEqual(page["last_seq"]?.int64Value, 6)
            from = page["next_seq"]?.int64Value
        }
        XCTAssertEqual(seqs, Array(1...6))
        let english = try service.replay(Array("{\"op\":\"replay\",\"from_seq\":2,\"lang\":\"en\"}".utf8))
        XCTAssertEqual((english["items"]?.arrayValue ?? []).compactMap { $0["article_id"]?.stringValue }, ["page-1", "page-3", "page-5"])
    }

    func testAReSentIdIsADuplicateOnAnotherNodeOfTheSameDatabase() throws {
        let first = try node(), second = try node()
        let original = try first.submit(articleJSON(id: "twice", body: "Hà Nội tiếp đoàn đại biểu."))
        XCTAssertEqual(original["seq"]?.int64Value, 1)
        let again = try second.submit(articleJSON(id: "twice", body: "Hà Nội tiếp đoàn đại biểu."))
        XCTAssertEqual(again["ok"]?.boolValue, true)
        XCTAssertEqual(again["duplicate"]?.boolValue, true)
        XCTAssertEqual(again["seq"]?.int64Value, 1, "the original seq, from the other node")
        XCTAssertEqual(try second.submit(articleJSON(id: "new-on-second", body: "Bản tin mới."))["seq"]?.int64Value, 2, "one seq for both nodes")
        XCTAssertEqual(try first.server.store.replay(ReplayFilter()).items.map(\.articleID), ["twice", "new-on-second"])
    }

    func testBadInputIsRefusedRecordedAndPublished() throws {
        let service = try node()
        let rejects = try service.subscriber(["reject"])
        let reply = try service.requests().request(Array("{\"op\":\"submit\",\"article\":{\"body\":42}}".utf8))
        XCTAssertEqual(reply["error"]?["code"]?.stringValue, "bad_field_type")
        XCTAssertEqual(try receive(rejects, count: 1).first?.json["code"]?.stringValue, "bad_field_type")
        XCTAssertEqual(try service.server.store.rejects().map(\.code), ["bad_field_type"])
    }

    func testANodeWithoutItsDatabaseIsNotReadyRefusesSubmitAndRecovers() throws {
        try postgres.halt()
        let service = try node(waitingOutFaults: true)
        let refused = try service.submit(articleJSON(id: "while-down", body: "Bản tin."))
        XCTAssertEqual(refused["error"]?["code"]?.stringValue, "unavailable", "\(refused)")
        XCTAssertTrue((refused["error"]?["message"]?.stringValue ?? "").contains("PostgreSQL"), "\(refused)")
        XCTAssertTrue(try eventually { !service.server.readiness.ready })
        XCTAssertTrue(service.server.readiness.reasons.contains { $0.contains("the store cannot write") }, "\(service.server.readiness.reasons)")

        try postgres.start()
        XCTAssertTrue(try eventually(timeout: 20) { service.server.readiness.ready }, "ready again by itself")
        XCTAssertEqual(try service.submit(articleJSON(id: "after", body: "Bản tin."))["seq"]?.int64Value, 1)

        // Down again while the node is idle: it notices without a commit (it asks at each heartbeat),
        // refuses what comes meanwhile, keeps what was acknowledged, and is ready again once it is back.
        try postgres.halt()
        XCTAssertTrue(try eventually(timeout: 20) { !service.server.readiness.ready }, "not ready without a commit to fail")
        XCTAssertEqual(try service.submit(articleJSON(id: "down-again", body: "Tin."))["error"]?["code"]?.stringValue, "unavailable")
        try postgres.start()
        XCTAssertTrue(try eventually(timeout: 20) { service.server.readiness.ready }, "ready again without a submit")
        XCTAssertEqual(try service.submit(articleJSON(id: "back", body: "Tin."))["ok"]?.boolValue, true)
        let ids = try service.server.store.replay(ReplayFilter()).items.map(\.articleID)
        XCTAssertEqual(Array(ids.prefix(1)), ["after"], "nothing acknowledged was lost")
        XCTAssertTrue(ids.contains("back"))
    }

    func testASubscriberThroughTheProxyGetsBothNodesResultsOnceReplayingFromEither() throws {
        let first = try node(), second = try node()
        for i in 0..<3 { XCTAssertEqual(try first.submit(articleJSON(id: "early-\(i)", body: "Tin sớm \(i)."))["ok"]?.boolValue, true) }
        let proxy = try ChildLede(arguments: ["proxy", "--frontend", first.endpoints.publish, "--frontend", second.endpoints.publish,
                                              "--backend", "tcp://127.0.0.1:*"])
        defer {
            proxy.signal(SIGTERM)
            XCTAssertEqual(proxy.waitForExit(timeout: 10), 0)
        }
        // Replays go to the second node, which committed none of the first results: it has them all.
        let subscription = GapFreeSubscription(
            context: first.context, publishEndpoint: try XCTUnwrap(proxy.readyLists["backend"]?.first), api: second.requests(), topics: ["article."])
        let apis = [first.endpoints.api, second.endpoints.api]
        let producer = ProducerThread {
            let clients = apis.map { RequestClient(context: Context(), endpoint: $0, timeout: 10, retries: 1) }
            for i in 0..<10 {
                let reply = try clients[i % 2].request(Requests.submit(article: Array(articleJSON(id: "both-\(i)", body: "Tin \(i).").utf8)))
                guard reply["ok"]?.boolValue == true else { throw TestFailure("both-\(i): \(reply)") }
            }
        }
        var seqs: [Int64] = []
        let deadline = Date(timeIntervalSinceNow: 30)
        try subscription.run(fromSeq: 1, shouldStop: { seqs.count >= 13 || Date() > deadline }) { seqs.append($0.seq ?? -1) }
        XCTAssertNil(producer.failure())
        XCTAssertEqual(seqs.sorted(), Array(1...13), "every result of both nodes")
        XCTAssertEqual(Set(seqs).count, seqs.count, "none twice")
        // The store's order is commit order, whichever node committed.
        XCTAssertEqual(try second.server.store.replay(ReplayFilter()).items.map(\.seq), Array(1...13))
    }

    func testLogsShowTheDatabaseWithoutItsPassword() {
        var configuration = ServiceConfiguration()
        configuration.databasePath = "postgres://lede:secret@db.example:6543/news"
        XCTAssertEqual(configuration.databaseForLogs, "postgres://lede@db.example:6543/news")
        configuration.databasePath = "/var/lib/lede/lede.sqlite"
        XCTAssertEqual(configuration.databaseForLogs, "/var/lib/lede/lede.sqlite")
    }

    func testLedeServeTakesAPostgresURLAndRefusesAMalformedOne() throws {
        let child = try ChildLede(database: url.description.replacingOccurrences(of: "postgres://", with: "postgresql://"))
        let requests = RequestClient(context: Context(), endpoint: try XCTUnwrap(child.ready["api"]), timeout: 10, retries: 1)
        let reply = try requests.request(Requests.submit(article: Array(articleJSON(id: "from-serve", body: "Bản tin.").utf8)))
        XCTAssertEqual(reply["seq"]?.int64Value, 1, "\(reply)")
        child.signal(SIGTERM)
        XCTAssertEqual(child.waitForExit(timeout: 30), 0, child.errorOutput)

        let run = try runLedeCommand(["serve", "--db", "postgres://127.0.0.1/lede"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("db: postgres://127.0.0.1/lede: no user"), run.stderr)
    }
}
