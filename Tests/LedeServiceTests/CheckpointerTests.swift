import Foundation
import LedeStore
import Logging
import Synchronization
import XCTest
@testable import LedeService

/// The checkpoint thread's failure path: a checkpoint that fails is reported once, the loop keeps
/// going, and it says so when checkpoints work again.
final class CheckpointerTests: XCTestCase {
    func testAFailingCheckpointIsReportedOnceAndTheLoopGoesOn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-checkpointer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(path: directory.appendingPathComponent("lede.sqlite").path, separateCheckpoints: true)
        let records = LogRecords()
        let logger = Logger(label: "checkpointer-test") { _ in records }
        // The first three rounds fail with SQLite's own error (a database in a folder that is not
        // there), the rest checkpoint the real store.
        let rounds = Atomic<Int>(0)
        let checkpointer = Checkpointer(interval: 0.005, logger: logger) {
            if rounds.add(1, ordering: .relaxed).newValue <= 3 {
                _ = try Store(path: directory.appendingPathComponent("missing/lede.sqlite").path)
            }
            try store.checkpoint()
        }
        let thread = Thread { checkpointer.run() }
        thread.start()
        XCTAssertTrue(eventually { rounds.load(ordering: .relaxed) > 6 }, "the loop goes on after failures")
        checkpointer.stop()
        XCTAssertTrue(eventually { records.all.contains { $0.level == .notice } })
        let errors = records.all.filter { $0.level == .error }
        XCTAssertEqual(errors.count, 1, "three failures in a row, reported once: \(records.all)")
        XCTAssertTrue(errors.first?.message.contains("checkpoint failed") == true)
        XCTAssertTrue(errors.first?.error.contains("missing/lede.sqlite") == true, "SQLite's reason is in the report")
        XCTAssertEqual(records.all.filter { $0.message.contains("work again") }.count, 1)
    }
}

/// Log records kept for a test to read.
final class LogRecords: LogHandler, @unchecked Sendable {
    struct Record { var level: Logger.Level; var message: String; var error: String }
    private let lock = NSLock()
    private var records: [Record] = []
    var all: [Record] { lock.withLock { records } }
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let error = event.metadata?["error"].map { "\($0)" } ?? ""
        lock.withLock { records.append(Record(level: event.level, message: "\(event.message)", error: error)) }
    }
}
