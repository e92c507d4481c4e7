import Foundation
import GRDB
import LedeModel
import Synchronization
import XCTest
@testable import LedeStore

final class StoreTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    var path: String { directory.appendingPathComponent("lede.sqlite").path }

    let render: Store.ResultRenderer = StoreFixtures.render

    func item(_ id: String, lang: String = "vi", eventType: String? = nil, entity: String? = nil) -> CommitItem {
        StoreFixtures.item(id, lang: lang, eventType: eventType, entity: entity)
    }

    func testADatabaseOfTheFirstSchemaIsMigratedAndKeepsItsResults() throws {
        // A file written before migration v2 had mention and entity tables.
        do {
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "v1: articles, results, mentions, entities, events, rejects, outbox")
            try old.write { db in
                try db.execute(sql: "INSERT INTO articles (id, body, received_at, ingest) VALUES ('old', 'Putin', 1, 'pull')")
                try db.execute(sql: "INSERT INTO results VALUES (1, 'old', 'vi', 'x', 5, CAST(? AS BLOB))", arguments: [
                    #"{"seq":1,"mentions":[{"type":"PER","text":"Putin","field":"body","start":0,"end":5,"entity":0}],"entities":[{"id":0,"type":"PER","name":"Putin"}]}"#
                ])
                try db.execute(sql: "INSERT INTO mentions VALUES (1, 0, 'PER', 'Putin', 'body', 0, 5, NULL, 0)")
            }
        }
        let store = try Store(path: path)
        let kinds = try store.pool.read {
            try Row.fetchAll($0, sql: "SELECT name, type FROM sqlite_schema WHERE name IN ('mentions', 'entities') ORDER BY name")
                .map { "\($0["name"] as String) \($0["type"] as String)" }
        }
        XCTAssertEqual(kinds, ["entities view", "mentions view"])
        let mention = try store.pool.read { try Row.fetchOne($0, sql: "SELECT type, text, start, \"end\", entity FROM mentions WHERE seq = 1") }
        XCTAssertEqual(mention?["text"] as String?, "Putin")
        XCTAssertEqual(mention?["end"] as Int?, 5)
        XCTAssertEqual(try store.pool.read { try String.fetchOne($0, sql: "SELECT name FROM entities WHERE seq = 1 AND idx = 0") }, "Putin")
        XCTAssertEqual(try store.commit([item("new", entity: "Merkel")], nowMillis: 10, render: render).map(\.seq), [2])
    }

    func testACheckpointMovesTheWALIntoTheFileAndTheNextCommitStartsTheWALAgain() throws {
        let store = try Store(path: path, separateCheckpoints: true)
        for i in 0..<20 { _ = try store.commit([item("a\(i)", entity: "Putin \(i)")], nowMillis: Int64(i), render: render) }
        let fileBefore = try fileSize(path)
        let first = try store.checkpoint()
        XCTAssertGreaterThan(first.walFrames, 0)
        XCTAssertEqual(first.checkpointedFrames, first.walFrames, "with no commit under way, every frame is copied")
        XCTAssertGreaterThan(try fileSize(path), fileBefore, "the committed pages are in the database file now")
        _ = try store.commit([item("b")], nowMillis: 30, render: render)
        XCTAssertLessThan(try store.checkpoint().walFrames, first.walFrames, "the commit wrote from the WAL's start")
        XCTAssertEqual(try store.replay(ReplayFilter()).items.count, 21)
        // The checkpointing connection syncs the database file as the writer does.
        XCTAssertEqual(try store.checkpointer?.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }, 2, "FULL")
    }

    func testCommitsGoOnWhileAnotherThreadCheckpoints() throws {
        let store = try Store(path: path, separateCheckpoints: true)
        let done = Atomic<Bool>(false)
        let checkpoints = Atomic<Int>(0)
        let checkpointing = Thread {
            while !done.load(ordering: .acquiring) {
                if (try? store.checkpoint()) != nil { checkpoints.add(1, ordering: .relaxed) }
            }
        }
        checkpointing.start()
        for i in 0..<200 { _ = try store.commit([item("c\(i)", entity: "Name \(i % 7)")], nowMillis: Int64(i), render: render) }
        done.store(true, ordering: .releasing)
        XCTAssertEqual(try store.replay(ReplayFilter(limit: 1000)).items.map(\.articleID), (0..<200).map { "c\($0)" })
        XCTAssertGreaterThan(checkpoints.load(ordering: .relaxed), 0)
        XCTAssertEqual(try store.lastSeq(), 200)
    }

    func testAStoreWithoutASeparateConnectionCheckpointsOnTheWriter() throws {
        let store = try Store(path: path)
        _ = try store.commit([item("a")], nowMillis: 10, render: render)
        let progress = try store.checkpoint()
        XCTAssertGreaterThan(progress.walFrames, 0)
        XCTAssertEqual(progress.checkpointedFrames, progress.walFrames)
    }

    private func fileSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    func testSeqFollowsCommitOrderAcrossBatches() throws {
        let store = try Store(path: path)
        let first = try store.commit([item("a"), item("b")], nowMillis: 10, render: render)
        let second = try store.commit([item("c")], nowMillis: 20, render: render)
        XCTAssertEqual(first.map(\.seq), [1, 2])
        XCTAssertEqual(second.map(\.seq), [3])
        XCTAssertEqual(try store.lastSeq(), 3)
    }

    func testAResentArticleIdIsNotStoredTwice() throws {
        let store = try Store(path: path)
        _ = try store.commit([item("a")], nowMillis: 10, render: render)
        let again = try store.commit([item("a"), item("a")], nowMillis: 20, render: render)
        XCTAssertEqual(again, [.duplicate(seq: 1), .duplicate(seq: 1)])
        XCTAssertEqual(try store.replay(ReplayFilter()).items.count, 1)
    }

    func testEverythingSurvivesReopening() throws {
        do {
            let store = try Store(path: path)
            _ = try store.commit([item("a"), item("b")], nowMillis: 10, render: render)
        }
        let reopened = try Store(path: path)
        XCTAssertEqual(try reopened.replay(ReplayFilter()).items.map(\.articleID), ["a", "b"])
        XCTAssertEqual(try reopened.commit([item("c")], nowMillis: 30, render: render).map(\.seq), [3])
    }

    func testReplayPagesAreGapFreeAndInSeqOrder() throws {
        let store = try Store(path: path)
        _ = try store.commit((0..<25).map { item("a\($0)") }, nowMillis: 10, render: render)
        var seqs: [Int64] = []
        var from: Int64? = 1
        while let start = from {
            let page = try store.replay(ReplayFilter(fromSeq: start, limit: 10))
            seqs += page.items.map(\.seq)
            XCTAssertEqual(page.lastSeq, 25)
            from = page.nextSeq
        }
        XCTAssertEqual(seqs, Array(1...25))
    }

    func testAStreamedPageHandsOverEachStoredResultInPlaceWithTheSameBounds() throws {
        let store = try Store(path: path)
        _ = try store.commit((0..<12).map { item("a\($0)") }, nowMillis: 10, render: render)
        let filter = ReplayFilter(fromSeq: 3, limit: 5)
        var streamed: [(seq: Int64, id: String, json: [UInt8])] = []
        let bounds = try store.replay(filter) { row in
            streamed.append((row.seq, row.articleID, try row.withJSON { [UInt8]($0) }))
        }
        let copied = try store.replay(filter)
        XCTAssertEqual(bounds, ReplayBounds(nextSeq: 8, lastSeq: 12))
        XCTAssertEqual(streamed.map(\.seq), [3, 4, 5, 6, 7])
        XCTAssertEqual(streamed.map(\.id), copied.items.map(\.articleID))
        XCTAssertEqual(streamed.map(\.json), copied.items.map(\.json))
        XCTAssertEqual(String(decoding: streamed[0].json, as: UTF8.self), #"{"seq":3,"article_id":"a2","revision":1,"at":10}"#)
        XCTAssertNil(try store.replay(ReplayFilter(fromSeq: 8, limit: 5)) { _ in }.nextSeq, "the last page says so")
    }

    func testAnEntityIsFoundByItsNameAndByEveryMentionOfIt() throws {
        let store = try Store(path: path)
        // "Putin" and "PUTIN" mention the entity "Vladimir Putin"; "Vladimir Putin" reads as its name.
        let article = Article(id: "p1", body: "Vladimir Putin ... Putin ... PUTIN", lang: "vi")
        var result = ExtractionResult(lang: "vi")
        result.mentions = [("Vladimir Putin", 0), ("Putin", 19), ("PUTIN", 29)].map { text, start in
            Mention(type: .person, span: Span(field: .body, start: start, end: start + text.count, text: text), entity: 0, source: "test")
        }
        result.entities = [Entity(id: 0, type: .person, name: "Vladimir Putin")]
        let stored = StoredArticle(article: article, publishedAtText: nil, receivedAtMillis: 1, ingest: "pull")
        _ = try store.commit([.result(stored, result)], nowMillis: 10, render: render)
        for name in ["vladimir putin", "Vladimir Putin", "putin", "PUTIN"] {
            XCTAssertEqual(try store.replay(ReplayFilter(entity: name)).items.map(\.articleID), ["p1"], name)
        }
        XCTAssertEqual(try store.replay(ReplayFilter(entity: "vladimir")).items.count, 0, "whole names only")
    }

    func testReplayFiltersBySeqTimeTypeLanguageAndEntity() throws {
        let store = try Store(path: path)
        _ = try store.commit([item("v1", eventType: "ASSAULT", entity: "Vladimir Putin"), item("e1", lang: "en", eventType: "CONSULT")], nowMillis: 100, render: render)
        _ = try store.commit([item("v2", eventType: "CONSULT")], nowMillis: 200, render: render)
        func ids(_ f: ReplayFilter) throws -> [String] { try store.replay(f).items.map(\.articleID) }
        XCTAssertEqual(try ids(ReplayFilter(fromSeq: 2, toSeq: 2)), ["e1"])
        XCTAssertEqual(try ids(ReplayFilter(since: 150)), ["v2"])
        XCTAssertEqual(try ids(ReplayFilter(until: 150)), ["v1", "e1"])
        XCTAssertEqual(try ids(ReplayFilter(types: ["CONSULT"])), ["e1", "v2"])
        XCTAssertEqual(try ids(ReplayFilter(types: ["CONSULT"], lang: "vi")), ["v2"])
        XCTAssertEqual(try ids(ReplayFilter(entity: "vladimir putin")), ["v1"])
        XCTAssertEqual(try ids(ReplayFilter(entity: "'; DROP TABLE results; --")), [], "filters are bound parameters")
        XCTAssertEqual(try store.lastSeq(), 3)
    }

    func testRejectsAreRecordedWithTheirReasonAndBytes() throws {
        let store = try Store(path: path)
        let reject = RejectRecord(receivedAtMillis: 5, source: "pull", code: "bad_json", message: "not JSON", size: 3, sha256: "abc", raw: [1, 2, 3], articleID: nil)
        let outcome = try store.commit([.reject(reject), item("a")], nowMillis: 10, render: render)
        XCTAssertEqual(outcome.first, .rejected(id: 1))
        let rows = try store.rejects()
        XCTAssertEqual(rows.map(\.code), ["bad_json"])
        XCTAssertEqual(rows.first?.raw, [1, 2, 3])
        XCTAssertTrue(try store.counts().contains { $0.0 == "rejects.bad_json" && $0.1 == 1 })
    }

    func testTheOutboxKnowsWhatWasNotYetPublished() throws {
        let store = try Store(path: path)
        _ = try store.commit([item("a"), item("b"), item("c")], nowMillis: 10, render: render)
        try store.markPublished(through: 1)
        XCTAssertEqual(try store.publishedThrough(), 1)
        XCTAssertEqual(try store.unpublished(after: store.publishedThrough(), limit: 100).map(\.0.seq), [2, 3])
        _ = try store.commit([item("d", eventType: "ASSAULT")], nowMillis: 20, publishedThrough: 3, render: render)
        let outbox = try store.unpublished(after: store.publishedThrough(), limit: 100)
        XCTAssertEqual(outbox.map(\.0.seq), [4], "a commit can carry the outbox mark")
        XCTAssertEqual(outbox.first?.1.map(\.type), ["ASSAULT"], "event messages are kept for re-publishing")
        try store.markPublished(through: 0)
        XCTAssertEqual(try store.publishedThrough(), 3, "the mark never moves back")
    }
}
