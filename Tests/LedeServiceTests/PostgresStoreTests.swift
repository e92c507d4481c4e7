import Foundation
import LedeModel
@testable import LedePostgres
import LedeStore
import Synchronization
import XCTest

/// The PostgreSQL store against a real server started for the test: what the SQLite store promises
/// (seq order, paging, filters, idempotence, rejects, outbox, revisions, pruning), and what several
/// nodes on one database add: a re-sent id is a duplicate whichever node it reaches, and a reader
/// never sees a new result below a seq it has already seen.
final class PostgresStoreTests: XCTestCase {
    var server: TestPostgres!
    var url: PostgresURL!

    override func setUpWithError() throws {
        server = try TestPostgres()
        url = try PostgresURL(try server.createDatabase())
    }

    override func tearDown() {
        server?.stop()
    }

    func store(node: String = "node-a") throws -> PostgresStore { try PostgresStore(url: url, node: node) }

    static func render(_ stored: StoredArticle, _ result: ExtractionResult, _ seq: Int64, _ at: Int64, _ revision: Revision) -> RenderedResult {
        RenderedResult(
            result: Array("{\"seq\":\(seq),\"article_id\":\"\(stored.article.id)\",\"revision\":\(revision.number)}".utf8),
            events: result.events.map { Array("{\"seq\":\(seq),\"type\":\"\($0.type)\"}".utf8) })
    }

    static func article(_ id: String, lang: String = "vi") -> StoredArticle {
        StoredArticle(article: Article(id: id, title: nil, body: "Bản tin \(id)", lang: lang), publishedAtText: "2017-12-07", receivedAtMillis: 1, ingest: "api")
    }

    /// A result with, as asked, one event of a type and one person named.
    static func result(lang: String = "vi", event: String? = nil, person: String? = nil) -> ExtractionResult {
        let trigger = Span(field: .body, start: 0, end: 3, text: "Bản")
        return ExtractionResult(
            lang: lang,
            mentions: person.map { [Mention(type: .person, span: Span(field: .body, start: 0, end: $0.unicodeScalars.count, text: $0), entity: 0, source: "test")] } ?? [],
            entities: person.map { [Entity(id: 0, type: .person, name: $0)] } ?? [],
            events: event.map { [Event(type: $0, cameo: "190", quadClass: 4, goldstein: -10, trigger: trigger, confidence: 0.9, sentence: trigger)] } ?? [])
    }

    func commit(_ store: PostgresStore, _ items: [CommitItem], at millis: Int64 = 1000, published: Int64? = nil) throws -> [CommitOutcome] {
        try store.commit(items, nowMillis: millis, publishedThrough: published, render: Self.render)
    }

    func new(_ id: String, lang: String = "vi", event: String? = nil, person: String? = nil) -> CommitItem {
        .result(Self.article(id, lang: lang), Self.result(lang: lang, event: event, person: person))
    }

    func testResultsTakeSeqInCommitOrderAndReplayPagesThroughThemWithoutGaps() throws {
        let store = try store()
        XCTAssertEqual(try store.lastSeq(), 0)
        let outcomes = try commit(store, (1...5).map { new("a\($0)") }) + commit(store, (6...12).map { new("a\($0)") })
        XCTAssertEqual(outcomes.compactMap(\.seq), Array(1...12))
        var seen: [Int64] = []
        var from: Int64? = 1
        while let start = from {
            let page = try store.replay(ReplayFilter(fromSeq: start, limit: 5))
            XCTAssertEqual(page.lastSeq, 12)
            seen += page.items.map(\.seq)
            from = page.nextSeq
        }
        XCTAssertEqual(seen, Array(1...12))
        XCTAssertEqual(try store.replay(ReplayFilter(fromSeq: 3, limit: 1)).items.first?.json, Array("{\"seq\":3,\"article_id\":\"a3\",\"revision\":1}".utf8))
    }

    func testReplayFiltersBySeqTimeTypeLanguageAndEntity() throws {
        let store = try store()
        _ = try commit(store, [new("vi-1", event: "ASSAULT", person: "Vladimir Putin"), new("en-1", lang: "en", event: "CONSULT")], at: 1000)
        _ = try commit(store, [new("vi-2", event: "CONSULT"), new("en-2", lang: "en", person: "Putin")], at: 2000)
        func ids(_ filter: ReplayFilter) throws -> [String] { try store.replay(filter).items.map(\.articleID) }
        XCTAssertEqual(try ids(ReplayFilter(fromSeq: 2, toSeq: 3)), ["en-1", "vi-2"])
        XCTAssertEqual(try ids(ReplayFilter(since: 2000)), ["vi-2", "en-2"])
        XCTAssertEqual(try ids(ReplayFilter(until: 1000)), ["vi-1", "en-1"])
        XCTAssertEqual(try ids(ReplayFilter(types: ["CONSULT"])), ["en-1", "vi-2"])
        XCTAssertEqual(try ids(ReplayFilter(types: ["ASSAULT", "CONSULT"], lang: "vi")), ["vi-1", "vi-2"])
        XCTAssertEqual(try ids(ReplayFilter(entity: "PUTIN")), ["en-2"], "names are matched whole, case-insensitively")
        XCTAssertEqual(try ids(ReplayFilter(entity: "vladimir putin")), ["vi-1"])
        let events = try store.events(EventQuery(types: ["CONSULT"]))
        XCTAssertEqual(events.map(\.seq), [2, 3])
        XCTAssertEqual(events.map(\.lang), ["en", "vi"])
        XCTAssertTrue(try store.positionBeforeNewestEvents(1) == (2, 0), "one event back from the newest")
    }

    func testARe_sentArticleIsADuplicateWhicheverNodeItReaches() throws {
        let a = try store(node: "node-a"), b = try store(node: "node-b")
        XCTAssertEqual(try commit(a, [new("same"), new("same")]), [.stored(seq: 1, Self.render(Self.article("same"), Self.result(), 1, 1000, .first)), .duplicate(seq: 1)])
        XCTAssertEqual(try commit(b, [new("same"), new("other")]).map(\.seq), [1, 2])
        XCTAssertEqual(try commit(b, [new("same")]), [.duplicate(seq: 1)])
        XCTAssertEqual(try a.replay(ReplayFilter()).items.map(\.articleID), ["same", "other"])
    }

    func testRejectsAreRecordedWithTheirReasonAndBytesAndCounted() throws {
        let store = try store()
        let raw: [UInt8] = [0x7B, 0xFF, 0x7D]  // not UTF-8: kept as bytes
        let reject = RejectRecord(receivedAtMillis: 5, source: "pull", code: "bad_utf8", message: "not UTF-8", size: 3, sha256: "abc", raw: raw, articleID: nil)
        let outcomes = try commit(store, [.reject(reject), new("kept")])
        guard case .rejected(let id) = outcomes[0] else { return XCTFail("\(outcomes)") }
        XCTAssertGreaterThan(id, 0)
        XCTAssertEqual(outcomes[1].seq, 1, "a reject takes no seq")
        let stored = try store.rejects()
        XCTAssertEqual(stored.map(\.code), ["bad_utf8"])
        XCTAssertEqual(stored.first?.raw, raw)
        let counts = Dictionary(uniqueKeysWithValues: try store.counts())
        XCTAssertEqual(counts["rejects.bad_utf8"], 1)
        XCTAssertEqual(counts["results"], 1)
        XCTAssertEqual(counts["last_seq"], 1)
    }

    func testEachNodesOutboxHoldsWhatItCommittedAndHasNotPublished() throws {
        let a = try store(node: "node-a"), b = try store(node: "node-b")
        _ = try commit(a, [new("a1"), new("a2")])
        _ = try commit(b, [new("b1")])
        _ = try commit(a, [new("a3")], published: 2)
        XCTAssertEqual(try a.publishedThrough(), 2)
        XCTAssertEqual(try a.unpublished(after: 2, limit: 10).map(\.0.articleID), ["a3"], "node-b's result is node-b's to publish")
        XCTAssertEqual(try b.unpublished(after: try b.publishedThrough(), limit: 10).map(\.0.articleID), ["b1"])
        try b.markPublished(through: 3)
        XCTAssertEqual(try b.unpublished(after: try b.publishedThrough(), limit: 10).count, 0)
    }

    func testAReprocessedArticleIsItsNextRevisionAndAPrunedOneIsGone() throws {
        let store = try store()
        _ = try commit(store, [new("x"), new("y")], at: 1000)
        let job = try store.startReprocessJob(ReplayFilter(), nowMillis: 2000)
        XCTAssertTrue(job.started)
        XCTAssertEqual(job.selection.count, 2)
        XCTAssertEqual(try store.startReprocessJob(ReplayFilter(), nowMillis: 2000).started, false, "one job at a time")
        XCTAssertEqual(try store.articlesToReprocess(job.selection, after: 0, limit: 10).map(\.article.article.id), ["x", "y"])
        let revised = try commit(store, [.revision(Self.article("x"), Self.result())], at: 2000)
        XCTAssertEqual(revised.map(\.seq), [3])
        XCTAssertEqual(try store.replay(ReplayFilter(latest: true)).items.map(\.articleID), ["y", "x"])
        XCTAssertEqual(try store.unfinishedReprocessJob()?.count, 1, "y is left")
        try store.finishReprocessJob(job.selection.job, nowMillis: 3000)
        XCTAssertNil(try store.unfinishedReprocessJob())

        let pruned = try store.prune(before: 1500)
        XCTAssertEqual(pruned.results, 2)
        XCTAssertEqual(pruned.articles, 1, "y has no result left; x keeps its revision")
        XCTAssertEqual(pruned.prunedThrough, 2)
        XCTAssertEqual(try commit(store, [.revision(Self.article("y"), Self.result())]), [.gone])
        let page = try store.replay(ReplayFilter(fromSeq: 1))
        XCTAssertEqual(page.prunedBefore, 3)
        XCTAssertEqual(page.items.map(\.seq), [3])
        XCTAssertEqual(try commit(store, [new("z")]).map(\.seq), [4], "a seq is never given twice")
    }

    func testTwoNodesCommittingAtOnceNeverShowAReaderANewResultBelowOneItSaw() throws {
        let a = try store(node: "node-a"), b = try store(node: "node-b"), reader = try store(node: "reader")
        let done = Atomic<Int>(0)
        let batches = 40
        var writers: [ProducerThread] = []
        for (name, node) in [("a", a), ("b", b)] {
            writers.append(ProducerThread {
                defer { done.add(1, ordering: .releasing) }
                for i in 0..<batches {
                    _ = try node.commit((0..<5).map { j in CommitItem.result(Self.article("\(name)-\(i)-\(j)"), Self.result()) }, nowMillis: 1, publishedThrough: nil, render: Self.render)
                }
            })
        }
        // A reader that polls the newest results: once it has seen seq N, every later look shows
        // every seq up to N, and a replay never ends before a result below its own last seq.
        var highest: Int64 = 0
        var looks = 0
        while done.load(ordering: .acquiring) < 2 || looks == 0 {
            let page = try reader.replay(ReplayFilter(fromSeq: max(1, highest - 20), limit: 1000))
            let seqs = page.items.map(\.seq)
            if let first = seqs.first { XCTAssertEqual(seqs, Array(first...page.lastSeq), "no hole below last_seq \(page.lastSeq)") }
            XCTAssertGreaterThanOrEqual(page.lastSeq, highest, "last_seq never goes back")
            highest = page.lastSeq
            looks += 1
        }
        for writer in writers { XCTAssertNil(writer.failure(timeout: 60)) }
        XCTAssertEqual(try reader.lastSeq(), Int64(2 * batches * 5))
        let all = try reader.replay(ReplayFilter(limit: 1000)).items
        XCTAssertEqual(all.map(\.seq), Array(1...Int64(2 * batches * 5)))
        print("seq order under two committing nodes: \(looks) looks by a reader, none saw a gap")
    }

    func testADatabaseOfANewerReleaseIsRefusedForGood() throws {
        let store = try store()
        try store.withTestLink { try $0.query("INSERT INTO lede_migrations (id) VALUES ('v99: from the future')") }
        XCTAssertThrowsError(try self.store(node: "node-b")) { error in
            XCTAssertEqual((error as? StoreError)?.fault, .permanent, "\(error)")
            XCTAssertTrue("\(error)".contains("newer release of Lede (unknown migrations: v99: from the future)"), "\(error)")
        }
    }

    func testASchemaChangedUnderTheStoreIsAFaultThatCannotPassWithPostgresSReason() throws {
        let store = try store()
        try store.withTestLink { try $0.query("DROP TABLE entity_names") }
        XCTAssertThrowsError(try commit(store, [new("x", person: "Putin")])) { error in
            let error = error as? StoreError
            XCTAssertEqual(error?.fault, .permanent)
            XCTAssertEqual(error?.code, "SQLSTATE 42P01", "undefined table")
            XCTAssertTrue(error?.underlying.contains("entity_names") == true, "\(String(describing: error))")
        }
        XCTAssertEqual(try store.lastSeq(), 0, "the batch was rolled back whole")
    }

    func testSQLStatesAreSortedIntoFaultsThatPassAndFaultsThatDoNot() {
        for state in ["08006", "57P01", "53100", "40001", "40P01", "55P03", "23505"] { XCTAssertTrue(StoreFault(sqlState: state).isTransient, state) }
        for state in ["42P01", "42601", "22001", "28P01", "3D000"] { XCTAssertFalse(StoreFault(sqlState: state).isTransient, state) }
        XCTAssertEqual(StoreFault(sqlState: "57P01"), .transient(reopen: true), "a server shutting down: a new connection is needed")
    }

    func testAMalformedURLIsOneLineNamingWhatIsWrong() {
        for (text, says) in [
            ("postgres://127.0.0.1/lede", "no user"), ("postgres://lede@/lede", "no host"), ("postgres://lede@host:99999/lede", "port"),
            ("postgres://lede@host", "no database name"), ("postgres://lede@host/lede?sslmode=require", "no ?options"),
            ("mysql://lede@host/lede", "is not a PostgreSQL URL"),
        ] {
            XCTAssertThrowsError(try PostgresURL(text), text) { error in XCTAssertTrue("\(error)".contains(says), "\(text): \(error)") }
        }
        XCTAssertEqual(try? PostgresURL("postgres://lede:secret@db.example:6543/news").description, "postgres://lede@db.example:6543/news")
    }

    func testACommitOnADatabaseThatWentAwayFailsAtOnceAndWorksAgainWhenItIsBack() throws {
        let store = try store()
        _ = try commit(store, [new("before")])
        try server.halt()
        let started = Date()
        XCTAssertThrowsError(try commit(store, [new("during")])) { error in
            XCTAssertEqual((error as? StoreError)?.fault, .transient(reopen: true), "\(error)")
            XCTAssertTrue("\(error)".contains("PostgreSQL"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "no waiting on a dead connection")
        XCTAssertThrowsError(try store.reopen())
        try server.start()
        try store.reopen()
        XCTAssertEqual(try commit(store, [new("during")]).map(\.seq), [2], "the first commit was rolled back, and seq goes on")
    }

    func testAnUnreachableDatabaseIsAFaultThatCanPassAndTheStoreOpensOnceItIsBack() throws {
        try server.halt()
        XCTAssertThrowsError(try store()) { error in
            XCTAssertEqual((error as? StoreError)?.fault.isTransient, true, "\(error)")
        }
        let waiting = try PostgresStore(url: url, node: "node-a", waitingOutFaults: true)
        XCTAssertFalse(waiting.isOpen)
        XCTAssertThrowsError(try waiting.lastSeq())
        try server.start()
        try waiting.reopen()
        XCTAssertTrue(waiting.isOpen)
        XCTAssertEqual(try commit(waiting, [new("after")]).map(\.seq), [1])
    }
}

extension PostgresStoreTests {
    func testAReprocessJobRunsOnOneNodeAndAnotherTakesItUpOnlyOnceThatOneIsGone() throws {
        let b = try store(node: "node-b")
        var a: PostgresStore? = try store(node: "node-a")
        _ = try commit(try XCTUnwrap(a), [new("x"), new("y")])
        let job = try XCTUnwrap(a).startReprocessJob(ReplayFilter(), nowMillis: 1).selection.job
        XCTAssertTrue(try XCTUnwrap(a).claimReprocessJob(job))
        XCTAssertTrue(try XCTUnwrap(a).claimReprocessJob(job), "a claim is the process's own: asking again is fine")
        XCTAssertFalse(try b.claimReprocessJob(job), "node-a runs it")
        a = nil  // node-a is gone, and its connections with it
        XCTAssertTrue(try eventually { try b.claimReprocessJob(job) }, "node-b takes it up")
        try b.finishReprocessJob(job, nowMillis: 2)
        XCTAssertNil(try b.unfinishedReprocessJob())
    }
}
