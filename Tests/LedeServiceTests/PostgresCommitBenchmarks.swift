import Foundation
import LedeModel
import LedePostgres
import LedeStore
import XCTest

/// What the PostgreSQL store sustains and what the global seq costs: batches of results committed by
/// 1, 2 and 3 nodes at once, on a test-started server that syncs its log as a real one does (fsync on,
/// `synchronous_commit` on). Each node commits on a thread of its own; the figures are printed, not
/// asserted. Run with `LEDE_BENCHMARKS=1 swift test --filter PostgresCommitBenchmarks`.
final class PostgresCommitBenchmarks: XCTestCase {
    func testCommitRateOfOneTwoAndThreeNodesOnOneDatabase() throws {
        guard ProcessInfo.processInfo.environment["LEDE_BENCHMARKS"] == "1" else { throw XCTSkip("a measurement: LEDE_BENCHMARKS=1 runs it") }
        let postgres = try TestPostgres(fsync: true)
        defer { postgres.stop() }
        let batchSize = 256, batchesPerNode = 40
        // A result as large as a 4 kB article's (its JSON ~9 kB), with a dozen names and two events.
        let json = Array(String(repeating: "x", count: 9000).utf8)
        let trigger = Span(field: .body, start: 0, end: 3, text: "Bản")
        let result = ExtractionResult(
            lang: "vi", entities: (0..<12).map { Entity(id: $0, type: .person, name: "Nhân vật \($0)") },
            events: ["ASSAULT", "CONSULT"].map { Event(type: $0, cameo: "190", quadClass: 4, goldstein: -10, trigger: trigger, confidence: 0.9, sentence: trigger) })
        let body = String(repeating: "Bản tin thời sự. ", count: 240)
        let render: @Sendable (StoredArticle, ExtractionResult, Int64, Int64, Revision) -> RenderedResult = { _, result, _, _, _ in RenderedResult(result: json, events: result.events.map { _ in Array(json.prefix(600)) }) }

        for nodes in 1...3 {
            let url = try PostgresURL(try postgres.createDatabase())
            let stores = try (0..<nodes).map { try PostgresStore(url: url, node: "bench-\($0)") }
            let started = Date()
            let committers = stores.enumerated().map { n, store in
                ProducerThread {
                    for b in 0..<batchesPerNode {
                        let items = (0..<batchSize).map { i in
                            CommitItem.result(StoredArticle(
                                article: Article(id: "\(n)-\(b)-\(i)", body: body, lang: "vi"), publishedAtText: nil, receivedAtMillis: 1, ingest: "pull"), result)
                        }
                        _ = try store.commit(items, nowMillis: 1, publishedThrough: nil, render: render)
                    }
                }
            }
            for committer in committers { XCTAssertNil(committer.failure(timeout: 600)) }
            let seconds = Date().timeIntervalSince(started)
            let batches = nodes * batchesPerNode
            print(String(format: "postgres commits, %d node(s): %d batches of %d in %.2f s: %.0f results/s, %.1f ms per batch (the seq row is held for all of it)",
                         nodes, batches, batchSize, seconds, Double(batches * batchSize) / seconds, seconds * 1000 / Double(batches)))
            XCTAssertEqual(try stores[0].lastSeq(), Int64(batches * batchSize))
        }
    }
}
