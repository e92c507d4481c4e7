import Foundation
import GRDB
import LedeModel
import XCTest
@testable import LedeStore

/// An article extracted again gets its next revision under a new seq; replay can ask for the newest
/// revisions only. Pruning removes a prefix of seq, never gives a seq twice, and says where what is
/// left begins. A backup is the database as of one moment, checked.
final class RevisionAndRetentionTests: XCTestCase {
    var directory: URL!
    var path: String { directory.appendingPathComponent("lede.sqlite").path }
    let render: Store.ResultRenderer = StoreFixtures.render

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func revisions(_ store: Store) throws -> [[Int64?]] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, revision, supersedes, superseded_by FROM results ORDER BY seq").map {
                [$0["seq"], $0["revision"], $0["supersedes"], $0["superseded_by"]]
            }
        }
    }

    func testAnArticleExtractedAgainIsItsNextRevisionAndLatestReplaysOnlyTheNewest() throws {
        let store = try Store(path: path)
        _ = try store.commit([StoreFixtures.item("a", eventType: "ASSAULT"), StoreFixtures.item("b")], nowMillis: 10, render: render)
        let first = try store.commit([StoreFixtures.revision("a", eventType: "PROTEST")], nowMillis: 20, render: render)
        let second = try store.commit([StoreFixtures.revision("a")], nowMillis: 30, render: render)
        XCTAssertEqual(first.map(\.seq), [3])
        XCTAssertEqual(second.map(\.seq), [4])
        XCTAssertEqual(try revisions(store), [[1, 1, nil, 3], [2, 1, nil, nil], [3, 2, 1, 4], [4, 3, 3, nil]])
        guard case .stored(_, let rendered) = second[0] else { return XCTFail("\(second)") }
        XCTAssertTrue(String(decoding: rendered.result, as: UTF8.self).contains("\"revision\":3"))

        XCTAssertEqual(try store.replay(ReplayFilter()).items.map(\.seq), [1, 2, 3, 4], "every revision by default")
        XCTAssertEqual(try store.replay(ReplayFilter(latest: true)).items.map(\.seq), [2, 4])
        XCTAssertEqual(try store.replay(ReplayFilter(types: ["PROTEST"], latest: true)).items.map(\.seq), [], "revision 2 was superseded")
        XCTAssertEqual(try store.replay(ReplayFilter(types: ["PROTEST"])).items.map(\.seq), [3])
        // Sending the article again is still a duplicate, answered with its first seq.
        XCTAssertEqual(try store.commit([StoreFixtures.item("a")], nowMillis: 40, render: render), [.duplicate(seq: 1)])
        XCTAssertEqual(try store.article(id: "a")?.result?.seq, 4, "get returns the newest revision")
    }

    func testAReprocessSelectionTakesTheArticlesWhoseNewestResultIsInTheRange() throws {
        let store = try Store(path: path)
        _ = try store.commit(["a", "b", "c"].map { StoreFixtures.item($0) }, nowMillis: 10, render: render)
        _ = try store.commit([StoreFixtures.revision("a")], nowMillis: 20, render: render)  // seq 4 supersedes 1
        let all = try store.reprocessSelection(ReplayFilter())
        XCTAssertEqual(all.count, 3)
        XCTAssertEqual(all.throughSeq, 4)
        XCTAssertEqual(try store.articlesToReprocess(all, after: 0, limit: 10).map(\.article.article.id), ["b", "c", "a"])
        XCTAssertEqual(try store.articlesToReprocess(all, after: 2, limit: 10).map(\.seq), [3, 4])
        let firstTwo = try store.reprocessSelection(ReplayFilter(fromSeq: 1, toSeq: 2))
        XCTAssertEqual(firstTwo.count, 1, "a's newest result (seq 4) is outside 1…2")
        XCTAssertEqual(try store.reprocessSelection(ReplayFilter(since: 15)).count, 1)
    }

    func testAReprocessJobIsRecordedUntilEveryArticleOfItHasItsNewRevision() throws {
        let store = try Store(path: path)
        _ = try store.commit(["a", "b"].map { StoreFixtures.item($0) }, nowMillis: 10, render: render)
        let first = try store.startReprocessJob(ReplayFilter(), nowMillis: 20)
        XCTAssertTrue(first.started)
        XCTAssertEqual(first.selection.count, 2)
        let again = try store.startReprocessJob(ReplayFilter(fromSeq: 2), nowMillis: 21)
        XCTAssertFalse(again.started, "one job at a time, also across processes")
        XCTAssertEqual(again.selection.job, first.selection.job)
        _ = try store.commit([StoreFixtures.revision("a")], nowMillis: 30, render: render)
        XCTAssertEqual(try store.unfinishedReprocessJob()?.count, 1, "what is left: b")
        _ = try store.commit([StoreFixtures.revision("b")], nowMillis: 31, render: render)
        // Done but not yet marked: a new job closes it and starts.
        let next = try store.startReprocessJob(ReplayFilter(), nowMillis: 40)
        XCTAssertTrue(next.started)
        XCTAssertEqual(next.selection.job, first.selection.job + 1)
        XCTAssertEqual(next.selection.count, 2, "the two new revisions")
        try store.finishReprocessJob(next.selection.job, nowMillis: 50)
        XCTAssertNil(try store.unfinishedReprocessJob())
    }

    func testARevisionOfAPrunedArticleIsNotWritten() throws {
        let store = try Store(path: path)
        _ = try store.commit([StoreFixtures.item("a")], nowMillis: 10, render: render)
        _ = try store.prune(before: 11)
        XCTAssertEqual(try store.commit([StoreFixtures.revision("a")], nowMillis: 20, render: render), [.gone])
    }

    func testADatabaseOfTheSecondSchemaMovesForwardWithItsResultsAsFirstRevisions() throws {
        do {
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "v2: mentions and entities are views over results.json")
            try old.write { db in
                try db.execute(sql: "INSERT INTO articles (id, body, received_at, ingest) VALUES ('old', 'x', 1, 'pull')")
                try db.execute(sql: "INSERT INTO results VALUES (7, 'old', 'vi', 'x', 5, CAST(? AS BLOB))", arguments: [#"{"seq":7,"article_id":"old"}"#])
                try db.execute(sql: "INSERT INTO events VALUES (7, 0, 'ASSAULT', '190', 'asserted', 't', NULL, CAST(? AS BLOB))", arguments: [#"{"seq":7}"#])
            }
        }
        let store = try Store(path: path)
        let page = try store.replay(ReplayFilter(latest: true))
        XCTAssertEqual(page.items.map(\.seq), [7])
        let json = try JSONSerialization.jsonObject(with: Data(page.items[0].json)) as? [String: Any]
        XCTAssertEqual(json?["revision"] as? Int, 1)
        let event = try store.pool.read { try String.fetchOne($0, sql: "SELECT CAST(json AS TEXT) FROM events WHERE seq = 7") }
        XCTAssertEqual(event, #"{"seq":7,"revision":1}"#)
        XCTAssertEqual(try store.commit([StoreFixtures.revision("old")], nowMillis: 9, render: render).map(\.seq), [8])
        XCTAssertEqual(try revisions(store), [[7, 1, nil, 8], [8, 2, 7, nil]])
        // The file now holds this release's schema, and opens again.
        XCTAssertNoThrow(try Store(path: path))
    }

    func testPruningRemovesWhatCameBeforeTheTimeAndNeverGivesASeqTwice() throws {
        let store = try Store(path: path)
        _ = try store.commit([StoreFixtures.item("old", entity: "Putin"), StoreFixtures.item("kept", eventType: "ASSAULT")], nowMillis: 10, render: render)
        _ = try store.commit([StoreFixtures.revision("kept", eventType: "ASSAULT")], nowMillis: 20, render: render)  // seq 3
        _ = try store.commit([StoreFixtures.item("new", entity: "Merkel")], nowMillis: 30, render: render)  // seq 4
        _ = try store.commit([.reject(RejectRecord(receivedAtMillis: 5, source: "pull", code: "bad_json", message: "m", size: 1, sha256: "x", raw: nil, articleID: nil))], nowMillis: 5, render: render)

        let outcome = try store.prune(before: 20)
        XCTAssertEqual(outcome.results, 2)
        XCTAssertEqual(outcome.articles, 1, "\"kept\" has a newer revision, so its article stays")
        XCTAssertEqual(outcome.rejects, 1)
        XCTAssertEqual(outcome.prunedThrough, 2)
        XCTAssertEqual(try store.replay(ReplayFilter()).items.map(\.seq), [3, 4])
        XCTAssertEqual(try store.replay(ReplayFilter()).prunedBefore, 3)
        XCTAssertNil(try store.replay(ReplayFilter(fromSeq: 3)).prunedBefore)
        XCTAssertEqual(try store.replay(ReplayFilter(entity: "putin")).items.count, 0)
        XCTAssertEqual(try store.replay(ReplayFilter(entity: "merkel")).items.map(\.seq), [4])
        XCTAssertNil(try store.article(id: "old"))
        XCTAssertEqual(try store.article(id: "kept")?.result?.seq, 3)

        _ = try store.prune(before: 1_000)
        XCTAssertEqual(try store.lastSeq(), 4, "the last seq stays when nothing is left")
        XCTAssertEqual(try store.commit([StoreFixtures.item("next")], nowMillis: 2_000, render: render).map(\.seq), [5])
        XCTAssertEqual(try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entity_names") }, 0)
    }

    func testPrunedSpaceGoesBackToTheFileSystem() throws {
        let store = try Store(path: path)
        XCTAssertTrue(try store.reclaimsSpaceIncrementally())
        let body = String(repeating: "x", count: 20_000)
        for batch in 0..<20 {
            let items: [CommitItem] = (0..<20).map { i in
                .result(StoredArticle(article: Article(id: "\(batch)-\(i)", body: body, lang: "vi"), publishedAtText: nil, receivedAtMillis: 1, ingest: "pull"), ExtractionResult(lang: "vi"))
            }
            _ = try store.commit(items, nowMillis: Int64(batch), render: render)
        }
        try store.checkpoint()
        let outcome = try store.prune(before: 19)
        XCTAssertEqual(outcome.results, 380)
        XCTAssertGreaterThan(outcome.bytesFreed, 380 * 20_000 / 2, "the articles' pages are given back")
    }

    func testABackupIsAConsistentCopyTakenWhileCommitsGoOn() throws {
        let store = try Store(path: path)
        let writing = DispatchSemaphore(value: 0)
        let stop = ManagedAtomicFlag()
        let writer = Thread {
            var n = 0
            while !stop.isSet {
                _ = try? store.commit([StoreFixtures.item("a\(n)", eventType: "ASSAULT")], nowMillis: Int64(n), render: StoreFixtures.render)
                n += 1
                if n == 50 { writing.signal() }
            }
        }
        writer.start()
        XCTAssertEqual(writing.wait(timeout: .now() + 20), .success)
        let copy = directory.appendingPathComponent("copy.sqlite").path
        let outcome = try Store.backup(from: path, to: copy)
        stop.set()
        XCTAssertEqual(outcome.integrity, "ok")
        XCTAssertGreaterThanOrEqual(outcome.results, 50)
        XCTAssertTrue(outcome.isConsistent, "\(outcome)")
        // The copy is a database of its own, one file, that opens and replays.
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy + "-wal"))
        let reopened = try Store(path: copy)
        XCTAssertEqual(try reopened.lastSeq(), outcome.lastSeq)
        XCTAssertThrowsError(try Store.backup(from: path, to: copy), "a backup never writes over a file")
    }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
