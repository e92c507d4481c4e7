import Foundation
import GRDB
import LedeClient
import LedeWire
import Synchronization
import XCTest
import ZeroMQ

/// Store faults met by a real `lede serve` process: a file it may not write, a kill while the store
/// fails, faults that cannot pass, and (as root) a real file system that fills up.
final class StoreFaultProcessTests: XCTestCase {
    var directory: URL!
    var database: String { directory.appendingPathComponent("lede.sqlite").path }
    let context = Context()

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-store-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Faults that pass

    /// Root writes any file whatever its mode, so the service runs as `nobody` here: the file's mode
    /// then counts as it does for a service run by an unprivileged user.
    func testAReadOnlyDatabaseFileHoldsInputUntilItIsWritableAgain() throws {
        let nobody: (uid: UInt32, gid: UInt32) = (65534, 65534)
        guard getuid() == 0 else { throw XCTSkip("needs root to run the service as another user") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("needs /usr/bin/setpriv (util-linux)") }
        guard chown(directory.path, nobody.uid, nobody.gid) == 0 else { throw XCTSkip("cannot give the test folder to nobody") }

        let first = try ChildLede(database: database, user: nobody)
        XCTAssertEqual(try submit(first, id: "before"), "ok")
        first.signal(SIGTERM)
        XCTAssertEqual(first.waitForExit(timeout: 30), 0)

        XCTAssertEqual(chmod(database, 0o444), 0)
        let child = try ChildLede(database: database, user: nobody)
        defer { child.signal(SIGKILL); _ = child.waitForExit(timeout: 10) }
        let push = try pusher(child)
        for k in 0..<50 { try push.send(Array(articleJSON(id: "pulled-\(k)", body: "Bản tin \(k): Thủ tướng tiếp Đại sứ Lào.").utf8)) }

        XCTAssertTrue(try eventually(timeout: 30) { try health(child)["status"]?.stringValue == "store_unavailable" })
        XCTAssertTrue(try health(child)["store"]?["code"]?.stringValue?.hasPrefix("SQLITE_READONLY") == true, "the reason is SQLite's own")
        XCTAssertEqual(try submit(child, id: "during"), "unavailable")

        // SQLite gives the -wal and -shm files it creates the database file's mode: an operator makes
        // all three writable, as the README says.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
            XCTAssertEqual(chmod(database + suffix, 0o644), 0)
        }
        XCTAssertTrue(try eventually(timeout: 30) { try health(child)["status"]?.stringValue == "ok" }, "the service takes writes again by itself")
        XCTAssertTrue(try eventually(timeout: 30) { try stats(child)["results"]?.intValue == 51 }, "every pulled article is stored")
        XCTAssertEqual(try submit(child, id: "after"), "ok")
        push.close()
    }

    /// Acknowledged articles are committed before they are acknowledged, so a kill while the store
    /// refuses writes loses none of them; the rest, sent again, are stored once.
    func testAKillWhileTheStoreIsFullLosesNothingAcknowledged() throws {
        let config = directory.appendingPathComponent("capped.json")
        try Data(#"{"max_database_mb": 1}"#.utf8).write(to: config)
        let total = 400
        let articles = (0..<total).map { articleJSON(id: "capped-\($0)", body: "Bản tin số \($0): " + String(repeating: "Quân đội hai nước tập trận chung gần biên giới. ", count: 20)) }
        var acknowledged: [String: Int64] = [:]

        let capped = try ChildLede(database: database, extraArguments: ["--config", config.path])
        let dealer = try Socket(context, .dealer)
        try dealer.connect(try XCTUnwrap(capped.ready["api"]))
        try dealer.setReceiveTimeout(milliseconds: 200)
        var unavailable = 0
        var next = 0
        var inFlight = 0
        let deadline = Date(timeIntervalSinceNow: 60)
        while unavailable < 20, Date() < deadline {
            while inFlight < 10 {
                try dealer.send([[], Array("{\"op\":\"submit\",\"article\":\(articles[next % total])}".utf8)])
                next += 1
                inFlight += 1
            }
            guard let reply = try dealer.receive() else { continue }
            inFlight -= 1
            let json = try JSONReader.parse(reply.frames.last!)
            if json["ok"]?.boolValue == true, let id = json["article_id"]?.stringValue {
                acknowledged[id] = json["seq"]?.int64Value
            } else if json["error"]?["code"]?.stringValue == "unavailable" {
                unavailable += 1
            }
        }
        XCTAssertGreaterThanOrEqual(unavailable, 20, "the capped database filled up and submits were refused")
        XCTAssertEqual(try health(capped)["status"]?.stringValue, "store_unavailable")
        capped.signal(SIGKILL)
        _ = capped.waitForExit(timeout: 10)
        dealer.close()

        let child = try ChildLede(database: database)
        defer { child.signal(SIGTERM); _ = child.waitForExit(timeout: 30) }
        let requests = RequestClient(context: context, endpoint: try XCTUnwrap(child.ready["api"]), timeout: 10, retries: 1)
        for (id, seq) in acknowledged {
            let found = try requests.request(Requests.get(articleID: id))
            XCTAssertEqual(found["result"]?["seq"]?.int64Value, seq, "\(id), acknowledged before the kill, is stored")
        }
        for article in articles {
            let reply = try requests.request(Requests.submit(article: Array(article.utf8)))
            XCTAssertEqual(reply["ok"]?.boolValue, true, "\(reply)")
            if let id = reply["article_id"]?.stringValue, let seq = acknowledged[id] {
                XCTAssertEqual(reply["duplicate"]?.boolValue, true, "sent again, an acknowledged article is a duplicate")
                XCTAssertEqual(reply["seq"]?.int64Value, seq)
            }
        }
        XCTAssertEqual(try stats(child)["results"]?.intValue, total, "each article is stored once")
    }

    /// A stop asked for while the store refuses writes cannot drain: it waits `shutdown_timeout` for
    /// the store, then exits 1 saying why and how much was not stored.
    func testAStopWhileTheStoreIsFullWaitsItsTimeoutThenSaysWhatWasNotStored() throws {
        let config = directory.appendingPathComponent("capped.json")
        try Data(#"{"max_database_mb": 1, "shutdown_timeout": 2}"#.utf8).write(to: config)
        let child = try ChildLede(database: database, extraArguments: ["--config", config.path])
        let push = try pusher(child)
        let filler = String(repeating: "Quân đội hai nước tập trận chung gần biên giới. ", count: 40)
        var k = 0
        XCTAssertTrue(try eventually(timeout: 60) {
            for _ in 0..<20 { try push.send(Array(articleJSON(id: "stop-\(k)", body: "\(k). " + filler).utf8)); k += 1 }
            return try health(child)["status"]?.stringValue == "store_unavailable"
        }, "the capped database fills up")
        child.signal(SIGTERM)
        XCTAssertEqual(child.waitForExit(timeout: 30), 1, "a drain that cannot finish is a failure")
        let lastLine = child.errorOutput.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(lastLine.contains("the store has refused writes since"), lastLine)
        XCTAssertTrue(lastLine.contains("accepted inputs were not stored"), lastLine)
        push.close()
    }

    // MARK: Faults that do not pass

    func testAFaultThatCannotPassStopsTheServiceWithOneLineAndExitOne() throws {
        let child = try ChildLede(database: database)
        XCTAssertEqual(try submit(child, id: "before"), "ok")
        // Someone changes the schema under the service: no retry can make this insert work.
        let outside = try DatabaseQueue(path: database)
        try outside.write { try $0.execute(sql: "DROP TABLE entity_names") }
        try outside.close()

        let reply = try submit(child, id: "after")
        XCTAssertEqual(reply, "shutting_down", "the submitter is told the service is going")
        XCTAssertEqual(child.waitForExit(timeout: 30), 1)
        let lastLine = child.errorOutput.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(lastLine.hasPrefix("lede: stopped: the store has a fault that will not pass"), lastLine)
        XCTAssertTrue(lastLine.contains("no such table"), "with SQLite's reason: \(lastLine)")
    }

    func testADatabaseFromANewerReleaseIsRefusedAtStart() throws {
        let child = try ChildLede(database: database)
        child.signal(SIGTERM)
        XCTAssertEqual(child.waitForExit(timeout: 30), 0)
        let outside = try DatabaseQueue(path: database)
        try outside.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: a later release')") }
        try outside.close()

        let run = try runLedeCommand(["serve", "--db", database, "--ingest-sub", "none", "--ingest-pull", "none",
                                     "--publish", "tcp://127.0.0.1:*", "--api", "tcp://127.0.0.1:*", "--http", "none"])
        XCTAssertEqual(run.status, 1)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("newer release"), run.stderr)
    }

    // MARK: A real file system that fills up

    /// The product's scenario: the database on a 40 MB tmpfs, 2,500 articles pushed on PULL, then the
    /// tmpfs grown to 300 MB. Mounting needs root; elsewhere the test skips.
    func testAFullTmpfsHoldsPushedArticlesAndStoresAllOfThemOnceItGrows() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to mount a tmpfs") }
        let mountPoint = directory.appendingPathComponent("tmpfs").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard try runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=40m", "tmpfs", mountPoint]).status == 0 else {
            throw XCTSkip("cannot mount a tmpfs here")
        }
        defer { _ = try? runProgram("/bin/umount", ["-l", mountPoint]) }

        let child = try ChildLede(database: mountPoint + "/lede.sqlite")
        defer { child.signal(SIGKILL); _ = child.waitForExit(timeout: 10) }
        let total = 2500
        let body = exampleArticleBody
        // When the producer's sends first and last waited for the service (a send times out after 100 ms).
        let held = Mutex<(first: Date?, last: Date?)>((nil, nil))
        let sent = Atomic<Int>(0)
        let endpoint = try XCTUnwrap(child.ready["ingest_pull"])
        let producerStarted = Date()
        let producer = ProducerThread {
            let push = try Socket(Context(), .push)
            try push.setSendTimeout(milliseconds: 100)
            try push.setLinger(milliseconds: 60_000)
            try push.connect(endpoint)
            for k in 0..<total {
                let message = Array(articleJSON(id: "tmpfs-\(k)", body: "\(k). " + body).utf8)
                while try push.send(message) == .wouldBlock {
                    held.withLock { $0 = ($0.first ?? Date(), Date()) }
                }
                sent.add(1, ordering: .relaxed)
            }
            push.close()
        }
        XCTAssertTrue(try eventually(timeout: 300) { try health(child)["status"]?.stringValue == "store_unavailable" }, "the tmpfs fills up")
        let fullAt = Date()
        let storedWhenFull = try stats(child)["results"]?.intValue ?? 0
        XCTAssertLessThan(storedWhenFull, total, "40 MB holds only part of the articles")
        // The tmpfs grows once the producer has sent everything or is held back: the queues and socket
        // buffers (a few thousand messages) may take in the rest without holding it.
        XCTAssertTrue(eventually(timeout: 120) { sent.load(ordering: .relaxed) == total || held.withLock { $0.first } != nil })

        XCTAssertEqual(try runProgram("/bin/mount", ["-o", "remount,size=300m", mountPoint]).status, 0)
        let grownAt = Date()
        XCTAssertTrue(try eventually(timeout: 300) { try health(child)["status"]?.stringValue == "ok" })
        let writableAgain = Date().timeIntervalSince(grownAt)
        XCTAssertNil(producer.failure(timeout: 300))
        XCTAssertTrue(try eventually(timeout: 600) { try stats(child)["results"]?.intValue == total }, "all \(total) articles are stored")
        let allStored = Date().timeIntervalSince(grownAt)
        let heldFor = held.withLock { h in h.first.flatMap { first in h.last.map { $0.timeIntervalSince(first) } } } ?? 0
        func seconds(_ t: TimeInterval) -> String { String(format: "%.1f s", t) }
        print("""
            tmpfs: \(storedWhenFull) of \(total) stored when 40 MB was full (\(seconds(fullAt.timeIntervalSince(producerStarted))) in); \
            the producer was held \(seconds(heldFor)); the store wrote again \(seconds(writableAgain)) after the tmpfs grew and \
            all \(total) were stored \(seconds(allStored)) after; 0 lost
            """)
    }

    // MARK: Helpers

    private func requests(_ child: ChildLede) throws -> RequestClient {
        RequestClient(context: context, endpoint: try XCTUnwrap(child.ready["api"]), timeout: 10, retries: 1)
    }

    /// Submits a short article; returns "ok" or the error code.
    private func submit(_ child: ChildLede, id: String) throws -> String {
        let reply = try requests(child).request(Requests.submit(article: Array(articleJSON(id: id, body: "Bộ trưởng Ngoại giao gặp Đại sứ Nhật Bản.").utf8)))
        return reply["ok"]?.boolValue == true ? "ok" : reply["error"]?["code"]?.stringValue ?? "?"
    }

    private func health(_ child: ChildLede) throws -> JSONValue { try requests(child).request(Requests.simple("health")) }
    private func stats(_ child: ChildLede) throws -> JSONValue { try requests(child).request(Requests.simple("stats")) }

    private func pusher(_ child: ChildLede) throws -> Socket {
        let push = try Socket(context, .push)
        try push.setLinger(milliseconds: 10_000)
        try push.connect(try XCTUnwrap(child.ready["ingest_pull"]))
        return push
    }
}
