import Foundation
import LedeClient
import LedeModel
import LedeService
import LedeStore
import LedeWire
import Synchronization
import XCTest
import ZeroMQ

/// The data lifecycle against a running service on real sockets and real SQLite files: reprocess
/// makes new revisions while live input goes on, export writes one row per event, backup copies a
/// database that is being written, prune removes what is old and says so to whoever replays it.
final class DataLifecycleTests: XCTestCase {
    var service: RunningService!

    override func tearDown() { service?.stop() }

    func stats(_ service: RunningService) throws -> JSONValue { try service.requests().request(Requests.simple("stats")) }

    func submitExamples(_ service: RunningService, count: Int, prefix: String = "a") throws {
        for i in 0..<count {
            let reply = try service.submit(articleJSON(id: "\(prefix)\(i)", body: exampleArticleBody))
            XCTAssertEqual(reply["ok"]?.boolValue, true, "\(reply)")
        }
    }

    func testReprocessMakesEachStoredArticlesNextRevisionWhileLiveInputIsStored() throws {
        service = try RunningService()
        try submitExamples(service, count: 20)
        let sub = try service.subscriber(["article."])

        let started = try service.requests().request(Requests.reprocess(ReplayFilter()))
        XCTAssertEqual(started["ok"]?.boolValue, true, "\(started)")
        XCTAssertEqual(started["articles"]?.intValue, 20)
        XCTAssertEqual(started["through_seq"]?.intValue, 20)
        // Live articles go in while the job runs, and are stored as first revisions.
        try submitExamples(service, count: 5, prefix: "live")
        XCTAssertTrue(try eventually(timeout: 30) { try self.stats(self.service)["reprocess.running"]?.intValue == 0 })
        let counts = try stats(service)
        XCTAssertEqual(counts["reprocess.done"]?.intValue, 20)
        XCTAssertEqual(counts["service.reprocessed"]?.intValue, 20)

        let latest = try service.replay(Requests.replay(ReplayFilter(latest: true)))["items"]?.arrayValue ?? []
        XCTAssertEqual(latest.count, 25, "one result per article")
        let revisions = latest.filter { $0["article_id"]?.stringValue?.hasPrefix("a") == true }
        XCTAssertEqual(revisions.count, 20)
        for r in revisions {
            XCTAssertEqual(r["revision"]?.intValue, 2)
            XCTAssertNotNil(r["supersedes"]?.int64Value)
            XCTAssertGreaterThan(r["seq"]!.int64Value!, 20)
        }
        XCTAssertEqual(try service.replay(Requests.replay(ReplayFilter()))["items"]?.arrayValue?.count, 45, "every revision by default")
        // Each new revision was published like any result, with its revision.
        let published = try receive(sub, count: 25, timeout: 20).filter { $0.json["revision"]?.intValue == 2 }
        XCTAssertEqual(published.count, 20)
    }

    func testAReprocessStoppedWithTheServiceGoesOnAfterARestartWithoutDoingAnyArticleTwice() throws {
        service = try RunningService { $0.workers = 1 }
        let articles = 300
        try submitExamples(service, count: articles)
        let started = try service.requests().request(Requests.reprocess(ReplayFilter()))
        let job = try XCTUnwrap(started["job"]?.intValue, "\(started)")
        XCTAssertTrue(try eventually { (try self.stats(self.service)["reprocess.done"]?.intValue ?? 0) >= 10 })
        service.server.stop()
        let left = try service.store().unfinishedReprocessJob()
        XCTAssertEqual(left?.job, job, "stopped halfway, the job is still open in the database")
        XCTAssertLessThan(left?.count ?? 0, articles)

        try service.restart()
        XCTAssertTrue(try eventually(timeout: 60) {
            let s = try self.stats(self.service)
            return s["reprocess.job"]?.intValue == job && s["reprocess.running"]?.intValue == 0
        })
        XCTAssertTrue(try eventually { try self.service.store().unfinishedReprocessJob() == nil })
        let every = try service.store().replay(ReplayFilter(limit: 1000)).items
        XCTAssertEqual(every.count, 2 * articles, "one new revision per article, none twice")
        let latest = try service.store().replay(ReplayFilter(latest: true, limit: 1000)).items
        XCTAssertEqual(latest.count, articles)
        XCTAssertTrue(latest.allSatisfy { String(decoding: $0.json.prefix(200), as: UTF8.self).contains("\"revision\":2") })
    }

    func testASecondReprocessWhileOneRunsIsBusyAndAnEmptyRangeEndsAtOnce() throws {
        service = try RunningService { $0.workers = 1 }
        try submitExamples(service, count: 30)
        let first = try service.requests().request(Requests.reprocess(ReplayFilter()))
        XCTAssertEqual(first["ok"]?.boolValue, true)
        let second = try service.requests().request(Requests.reprocess(ReplayFilter()))
        if second["ok"]?.boolValue == false {
            XCTAssertEqual(second["error"]?["code"]?.stringValue, "busy")
        } else {
            // The first job finished in between (a fast machine): the second one is job 2.
            XCTAssertEqual(second["job"]?.intValue, 2)
        }
        XCTAssertTrue(try eventually(timeout: 30) { try self.stats(self.service)["reprocess.running"]?.intValue == 0 })
        let empty = try service.requests().request(Requests.reprocess(ReplayFilter(fromSeq: 10_000)))
        XCTAssertEqual(empty["articles"]?.intValue, 0)
        XCTAssertEqual(try stats(service)["reprocess.running"]?.intValue, 0)
    }

    func testTheReprocessCommandShowsProgressAndEndsWithOneJSONLine() throws {
        service = try RunningService()
        try submitExamples(service, count: 12)
        let run = try runLedeCommand(["reprocess", "--api", service.endpoints.api, "--interval", "0.05"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = try JSONReader.parse(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(summary["articles"]?.intValue, 12)
        let replay = try runLedeCommand(["replay", "--api", service.endpoints.api, "--latest"])
        let lines = replay.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 12)
        XCTAssertTrue(lines.allSatisfy { $0.contains("\"revision\":2") })
        for bad in [["--from-seq", "0"], ["--since", "yesterday"], ["--interval", "0"]] {
            let refused = try runLedeCommand(["reprocess", "--api", service.endpoints.api] + bad)
            XCTAssertEqual(refused.status, 2, "\(bad): \(refused.stderr)")
            XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        }
    }

    func testExportWritesOneRowPerEventFromTheServiceAndFromTheFileAlike() throws {
        service = try RunningService()
        try submitExamples(service, count: 3)
        let events = try service.replay()["items"]!.arrayValue!.reduce(0) { $0 + ($1["events"]?.arrayValue?.count ?? 0) }
        XCTAssertGreaterThan(events, 0)
        let fromAPI = try runLedeCommand(["export", "--api", service.endpoints.api])
        XCTAssertEqual(fromAPI.status, 0, fromAPI.stderr)
        let lines = fromAPI.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, EventTable.columns.joined(separator: ","))
        XCTAssertEqual(lines.count, events + 1, "a header and one row per event")
        XCTAssertTrue(fromAPI.stdout.contains("Bình Dương"), "Vietnamese text as it is")
        let fromFile = try runLedeCommand(["export", "--db", service.databasePath])
        XCTAssertEqual(fromFile.stdout, fromAPI.stdout)

        let out = service.directory.appendingPathComponent("events.jsonl").path
        let jsonl = try runLedeCommand(["export", "--db", service.databasePath, "--format", "jsonl", "--type", "COERCE", "--out", out])
        XCTAssertEqual(jsonl.status, 0, jsonl.stderr)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { try JSONReader.parse(String($0)) }
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.contains { $0["type"]?.stringValue == "COERCE" && $0["arrested"]?.intValue == 12 })

        // GeoJSON for a map: the events with a place, each a point (longitude first) with its row.
        let geo = try runLedeCommand(["export", "--db", service.databasePath, "--format", "geojson", "--latest"])
        XCTAssertEqual(geo.status, 0, geo.stderr)
        let collection = try JSONReader.parse(geo.stdout)
        XCTAssertEqual(collection["type"]?.stringValue, "FeatureCollection")
        let features = try XCTUnwrap(collection["features"]?.arrayValue)
        XCTAssertFalse(features.isEmpty)
        for feature in features {
            let point = feature["geometry"]?["coordinates"]?.arrayValue?.compactMap(\.doubleValue) ?? []
            XCTAssertEqual(point.count, 2)
            XCTAssertEqual(point.first, feature["properties"]?["longitude"]?.doubleValue)
            XCTAssertEqual(point.last, feature["properties"]?["latitude"]?.doubleValue)
        }
        XCTAssertTrue(features.contains { $0["properties"]?["location"]?.stringValue == "Hà Nội" })

        let unwritable = try runLedeCommand(["export", "--db", service.databasePath, "--out", "/nonexistent/dir/events.csv"])
        XCTAssertEqual(unwritable.status, 1)
        XCTAssertTrue(unwritable.stderr.contains("cannot write /nonexistent/dir/events.csv"), unwritable.stderr)

        for (bad, code) in [(["--format", "xml"], 2), (["--api", "tcp://127.0.0.1:1", "--db", "x"], 2), (["--db", "/nonexistent.sqlite"], 1), (["--type", "BATTLE"], 2)] {
            let refused = try runLedeCommand(["export"] + bad)
            XCTAssertEqual(refused.status, Int32(code), "\(bad): \(refused.stderr)")
            XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        }
    }

    func testABackupTakenUnderLoadIsConsistent() throws {
        service = try RunningService()
        let producer = try SteadyProducer(service, prefix: "load")
        defer { producer.stop() }
        XCTAssertTrue(try eventually(timeout: 20) { (try self.service.store().lastSeq()) >= 100 })
        let copy = service.directory.appendingPathComponent("copy.sqlite").path
        let run = try runLedeCommand(["backup", "--db", service.databasePath, "--out", copy])
        XCTAssertEqual(run.status, 0, run.stderr)
        let outcome = try JSONReader.parse(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(outcome["integrity"]?.stringValue, "ok")
        XCTAssertEqual(outcome["consistent"]?.boolValue, true)
        XCTAssertGreaterThanOrEqual(outcome["results"]?.intValue ?? 0, 100)
        XCTAssertEqual(outcome["results"]?.intValue, outcome["last_seq"]?.intValue, "every seq up to the one it saw")

        let again = try runLedeCommand(["backup", "--db", service.databasePath, "--out", copy])
        XCTAssertEqual(again.status, 1, "never over an existing file")
        XCTAssertEqual(try runLedeCommand(["backup", "--db", "/nonexistent.sqlite", "--out", copy + "2"]).status, 1)
    }

    func testPruneUnderLoadKeepsWhatIsNewerAndASubscriberFromAPrunedSeqIsTold() throws {
        service = try RunningService()
        try submitExamples(service, count: 10, prefix: "old")
        let cutoff = Date()
        XCTAssertTrue(try eventually { Date().timeIntervalSince(cutoff) > 0.01 })
        try submitExamples(service, count: 5, prefix: "new")
        let producer = try SteadyProducer(service, prefix: "live")
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let run = try runLedeCommand(["prune", "--db", service.databasePath, "--before", stamp.string(from: cutoff)])
        producer.stop()
        XCTAssertEqual(run.status, 0, run.stderr)
        let outcome = try JSONReader.parse(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(outcome["results"]?.intValue, 10)
        XCTAssertEqual(outcome["pruned_through"]?.intValue, 10)

        let page = try service.replay()
        XCTAssertEqual(page["pruned_before"]?.intValue, 11)
        let ids = (page["items"]?.arrayValue ?? []).compactMap { $0["article_id"]?.stringValue }
        XCTAssertEqual(Array(ids.prefix(5)), (0..<5).map { "new\($0)" }, "nothing newer than the time is lost")
        XCTAssertFalse(ids.contains { $0.hasPrefix("old") })
        // Stored live articles went on being committed during the prune, seq after seq.
        let seqs = (page["items"]?.arrayValue ?? []).compactMap { $0["seq"]?.int64Value }
        XCTAssertEqual(seqs, Array(11..<(11 + Int64(seqs.count))))

        // Once what was pushed is stored, nothing live comes before the replay's first line.
        XCTAssertTrue(try eventually {
            let s = try self.stats(self.service)
            return s["queue.work"]?.intValue == 0 && s["queue.commit"]?.intValue == 0
        })
        let subscribe = try runLedeCommand([
            "subscribe", "--endpoint", service.endpoints.publish, "--api", service.endpoints.api, "--from-seq", "1", "--topic", "article.", "--count", "1",
        ])
        XCTAssertEqual(subscribe.status, 0, subscribe.stderr)
        let first = try JSONReader.parse(String(subscribe.stdout.split(separator: "\n")[0]))
        XCTAssertEqual(first["topic"]?.stringValue, "pruned")
        XCTAssertEqual(first["message"]?["pruned_before"]?.intValue, 11)

        XCTAssertEqual(try runLedeCommand(["prune", "--db", service.databasePath, "--before", "soon"]).status, 2)
        XCTAssertEqual(try runLedeCommand(["prune", "--db", "/nonexistent.sqlite", "--before", "2020-01-01"]).status, 1)
    }

    func testARetentionPeriodPrunesWhatIsOlderWhenTheServiceStarts() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            let store = try Store(path: directory.appendingPathComponent("lede.sqlite").path)
            let tenDaysAgo = Int64(Date().timeIntervalSince1970 * 1000) - 10 * 86_400_000
            let article = StoredArticle(article: Article(id: "old", body: "x", lang: "vi"), publishedAtText: nil, receivedAtMillis: tenDaysAgo, ingest: "pull")
            _ = try store.commit([.result(article, ExtractionResult(lang: "vi"))], nowMillis: tenDaysAgo) { _, _, seq, _, _ in
                RenderedResult(result: Array(#"{"seq":\#(seq)}"#.utf8))
            }
        }
        service = try RunningService(directory: directory) { $0.retentionDays = 7 }
        try submitExamples(service, count: 1, prefix: "today")
        XCTAssertTrue(try eventually { try self.service.store().prunedThrough() == 1 })
        let ids = try service.replay()["items"]?.arrayValue?.compactMap { $0["article_id"]?.stringValue }
        XCTAssertEqual(ids, ["today0"])
    }
}

/// Pushes articles over PULL from a thread of its own, one every 2 ms, until stopped: load that goes
/// on while a test does something else.
final class SteadyProducer: @unchecked Sendable {
    private let stopping = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)

    init(_ service: RunningService, prefix: String) throws {
        let context = service.context
        let endpoint = service.endpoints.ingestPull!
        let pace = DispatchSemaphore(value: 0)
        Thread { [self] in
            // The socket lives on the thread that uses it.
            guard let push = try? Socket(context, .push), (try? push.connect(endpoint)) != nil else {
                done.signal()
                return
            }
            var i = 0
            while !stopping.load(ordering: .acquiring) {
                try? push.send(Array(articleJSON(id: "\(prefix)-\(i)", body: "Quân đội tấn công thị trấn \(i). " + exampleArticleBody).utf8))
                i += 1
                _ = pace.wait(timeout: .now() + .milliseconds(2))
            }
            push.close()
            done.signal()
        }.start()
    }

    func stop() {
        stopping.store(true, ordering: .releasing)
        done.wait()
        done.signal()
    }
}
