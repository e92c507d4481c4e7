import Foundation
import GRDB
import LedeModel
import XCTest
@testable import LedeStore

/// What the store says when it cannot write, and whether the failure can pass: the committer holds
/// input through the first kind and stops the service on the second.
final class StoreFaultTests: XCTestCase {
    var directory: URL!
    var path: String { directory.appendingPathComponent("lede.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-store-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    let render: Store.ResultRenderer = { stored, _, seq, _, _ in
        RenderedResult(result: Array("{\"seq\":\(seq),\"article_id\":\"\(stored.article.id)\"}".utf8))
    }

    /// An article whose body takes `bytes` of the file.
    func item(_ id: String, bytes: Int = 100) -> CommitItem {
        let article = Article(id: id, body: String(repeating: "x", count: bytes), lang: "vi")
        return .result(StoredArticle(article: article, publishedAtText: nil, receivedAtMillis: 1, ingest: "pull"), ExtractionResult(lang: "vi"))
    }

    func fileBytes() throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    func testADatabaseAtItsSizeLimitFailsLikeAFullDiskAndTheFailureCanPass() throws {
        let store = try Store(path: path)
        _ = try store.commit([item("first")], nowMillis: 1, render: render)
        try store.checkpoint()
        try store.limitSize(toBytes: try fileBytes())

        XCTAssertThrowsError(try store.commit((0..<20).map { item("big-\($0)", bytes: 50_000) }, nowMillis: 2, render: render)) { error in
            let error = error as? StoreError
            XCTAssertEqual(error?.code, "SQLITE_FULL")
            XCTAssertEqual(error?.fault, .transient(reopen: false), "a full disk can pass: the committer waits")
        }
        XCTAssertEqual(try store.lastSeq(), 1, "nothing of the failed batch is stored")

        try store.limitSize(toBytes: 0)
        let outcomes = try store.commit((0..<20).map { item("big-\($0)", bytes: 50_000) }, nowMillis: 3, render: render)
        XCTAssertEqual(outcomes.map(\.seq), Array(2...21), "the same batch, retried, takes the next seqs")
    }

    func testAReopenedStoreKeepsItsSizeLimit() throws {
        _ = try Store(path: path)
        let store = try Store(path: path, maxBytes: 1)
        XCTAssertThrowsError(try store.commit([item("a", bytes: 100_000)], nowMillis: 1, render: render))
        try store.reopen()
        XCTAssertThrowsError(try store.commit([item("a", bytes: 100_000)], nowMillis: 1, render: render)) { error in
            XCTAssertEqual((error as? StoreError)?.code, "SQLITE_FULL")
        }
    }

    func testAReopenedStoreSeesWhatWasCommittedAndGoesOn() throws {
        let store = try Store(path: path, separateCheckpoints: true)
        _ = try store.commit([item("a")], nowMillis: 1, render: render)
        try store.reopen()
        XCTAssertEqual(try store.lastSeq(), 1)
        XCTAssertEqual(try store.commit([item("b")], nowMillis: 2, render: render).map(\.seq), [2])
        try store.checkpoint()
    }

    func testADatabaseFromANewerReleaseIsRefusedAndTheRefusalIsFinal() throws {
        _ = try Store(path: path)
        let outside = try DatabaseQueue(path: path)
        try outside.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from a later release')") }
        try outside.close()
        XCTAssertThrowsError(try Store(path: path)) { error in
            let error = error as? StoreError
            XCTAssertEqual(error?.fault, .permanent, "waiting cannot make an older release understand the file")
            XCTAssertTrue(error?.description.contains("newer release") == true, "\(String(describing: error))")
            XCTAssertTrue(error?.description.contains("v99: from a later release") == true, "it names what it does not know")
        }
    }

    func testAFileThatIsNotADatabaseIsRefusedAndTheRefusalIsFinal() throws {
        try Data(repeating: 0x41, count: 64 * 1024).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Store(path: path)) { error in
            let error = error as? StoreError
            XCTAssertEqual(error?.code, "SQLITE_NOTADB")
            XCTAssertEqual(error?.fault, .permanent)
        }
    }

    func testSQLitesResultCodesAreSortedIntoFaultsThatPassAndFaultsThatDoNot() {
        XCTAssertEqual(StoreFault(.SQLITE_FULL), .transient(reopen: false))
        XCTAssertEqual(StoreFault(.SQLITE_BUSY), .transient(reopen: false))
        XCTAssertEqual(StoreFault(.SQLITE_IOERR_WRITE), .transient(reopen: true))
        XCTAssertEqual(StoreFault(.SQLITE_READONLY_DBMOVED), .transient(reopen: true))
        XCTAssertEqual(StoreFault(.SQLITE_CANTOPEN), .transient(reopen: true))
        XCTAssertEqual(StoreFault(.SQLITE_CORRUPT), .permanent)
        XCTAssertEqual(StoreFault(.SQLITE_NOTADB), .permanent)
        XCTAssertEqual(StoreFault(.SQLITE_CONSTRAINT_TRIGGER), .permanent)
        XCTAssertEqual(StoreFault.name(of: .SQLITE_IOERR_WRITE), "SQLITE_IOERR (extended 778)")
    }
}
