import Foundation
import GRDB

/// A checked copy of a database.
public struct BackupOutcome: Sendable, Equatable {
    public var bytes: Int64
    public var results: Int64
    public var lastSeq: Int64
    public var prunedThrough: Int64
    /// `PRAGMA integrity_check` on the copy: "ok", or SQLite's first complaint.
    public var integrity: String

    /// Every seq from the first kept to the last is there once: nothing torn, nothing missing.
    public var isConsistent: Bool { integrity == "ok" && (results == lastSeq - prunedThrough || results == 0) }
}

extension Store {
    /// Copies the database at `path` to `destination` with SQLite's online backup API, in one step: the
    /// copy is the database as of one moment, while a service goes on writing to it (WAL readers do not
    /// block the writer). The copy is a single file (rollback journal), checked with `integrity_check`,
    /// and its results are counted against its seq range.
    public static func backup(from path: String, to destination: String) throws -> BackupOutcome {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(operation: "backup", underlying: "no database at \(path)", code: nil, fault: .permanent)
        }
        if FileManager.default.fileExists(atPath: destination) {
            throw StoreError(operation: "backup", underlying: "\(destination) exists; a backup never writes over a file", code: nil, fault: .permanent)
        }
        do {
            // Not opened read-only: SQLite opens a WAL file read-only only while another connection
            // keeps its shared-memory file; nothing is written to the source.
            let source = try DatabaseQueue(path: path)
            let copy = try DatabaseQueue(path: destination)
            try source.backup(to: copy)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let outcome = try copy.read { db in
                BackupOutcome(
                    bytes: 0,
                    results: try Int64.fetchOne(db, sql: "SELECT count(*) FROM results") ?? 0,
                    lastSeq: try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM results") ?? 0,
                    // A file of a release before pruning has no mark, and nothing pruned.
                    prunedThrough: try db.columns(in: "outbox").contains { $0.name == "pruned_through" } ? try prunedThrough(db) : 0,
                    integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "))
            }
            try copy.close()
            let size = (try FileManager.default.attributesOfItem(atPath: destination)[.size] as? NSNumber)?.int64Value ?? 0
            return BackupOutcome(
                bytes: size, results: outcome.results, lastSeq: outcome.lastSeq, prunedThrough: outcome.prunedThrough, integrity: outcome.integrity)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(operation: "backup to \(destination)", error)
        }
    }
}
