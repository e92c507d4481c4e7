import Foundation
import GRDB

/// What a prune removed.
public struct PruneOutcome: Sendable, Equatable {
    public var results = 0
    public var articles = 0
    public var events = 0
    public var rejects = 0
    /// The highest seq removed so far (by this prune or an earlier one); replays from below it are told.
    public var prunedThrough: Int64 = 0
    /// Bytes given back to the file system (0 when the file was created without incremental vacuum).
    public var bytesFreed: Int64 = 0

    public init() {}
}

extension Store {
    /// Results to remove per write transaction: small enough that the committer, waiting for the
    /// writer, is held for milliseconds, not for the whole prune.
    static let pruneBatch = 500

    /// Removes the results committed before `millis` (with their events and entity names), the articles
    /// left without a result, and the rejects received before it. Results are removed as a prefix of
    /// seq, so `pruned_through` says exactly what is gone; a seq is never given again. Each batch is a
    /// transaction of its own, so a running service keeps committing in between. Freed pages go back to
    /// the file system when the file was created with incremental vacuum (every file this release makes).
    ///
    /// `continuing` is asked between batches; when it says no, the prune ends there (what it removed
    /// stays removed and consistent; a later prune goes on).
    public func prune(before millis: Int64, continuing: () -> Bool) throws -> PruneOutcome {
        var outcome = PruneOutcome()
        do {
            let cutoff = try pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT max(seq) FROM results WHERE committed_at < ?", arguments: [millis])
            }
            // Entity names refer to their result (a foreign key): they go first.
            if let cutoff { try pruneEntityNames(through: cutoff) }
            while let cutoff {
                let batch = try pool.write { db -> (results: Int, done: Bool) in
                    let from = try Self.prunedThrough(db)
                    guard from < cutoff else { return (0, true) }
                    let through = min(cutoff, from + Int64(Self.pruneBatch))
                    let ids = try String.fetchAll(db, sql: "SELECT DISTINCT article_id FROM results WHERE seq > ? AND seq <= ?", arguments: [from, through])
                    try db.execute(sql: "DELETE FROM events WHERE seq > ? AND seq <= ?", arguments: [from, through])
                    outcome.events += db.changesCount
                    try db.execute(sql: "DELETE FROM results WHERE seq > ? AND seq <= ?", arguments: [from, through])
                    let results = db.changesCount
                    for id in ids {
                        try db.execute(
                            sql: "DELETE FROM articles WHERE id = ? AND NOT EXISTS (SELECT 1 FROM results WHERE article_id = ?)", arguments: [id, id])
                        outcome.articles += db.changesCount
                    }
                    try db.execute(sql: "UPDATE outbox SET pruned_through = ? WHERE id = 1", arguments: [through])
                    return (results, through >= cutoff)
                }
                outcome.results += batch.results
                if batch.done || !continuing() { break }
            }
            while true {
                let removed = try pool.write { db -> Int in
                    try db.execute(
                        sql: "DELETE FROM rejects WHERE id IN (SELECT id FROM rejects WHERE received_at < ? ORDER BY id LIMIT ?)",
                        arguments: [millis, Self.pruneBatch])
                    return db.changesCount
                }
                outcome.rejects += removed
                if removed == 0 { break }
            }
            outcome.bytesFreed = try giveBackFreePages()
            outcome.prunedThrough = try pool.read { try Self.prunedThrough($0) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(operation: "prune", error)
        }
        return outcome
    }

    /// Entity names point at results by seq, and only their name is indexed: they are removed in one
    /// pass over the names in key order, a batch per transaction.
    private func pruneEntityNames(through: Int64) throws {
        var after = ""
        while true {
            let last = try pool.write { db -> String? in
                let rows = try Row.fetchAll(
                    db, sql: "SELECT name_key, seq FROM entity_names WHERE name_key > ? ORDER BY name_key LIMIT ?",
                    arguments: [after, Self.pruneBatch * 8])
                let delete = try db.cachedStatement(sql: "DELETE FROM entity_names WHERE name_key = ? AND seq <= ?")
                var previous: String?
                for row in rows {
                    let key: String = row["name_key"]
                    if key != previous { try delete.execute(arguments: [key, through]) }
                    previous = key
                }
                return rows.count < Self.pruneBatch * 8 ? nil : previous
            }
            guard let last else { return }
            // The last key's rows may continue past the batch: the next batch starts after it, and its
            // rows were all deleted above.
            after = last
        }
    }

    /// Gives free pages back to the file system a few at a time, each step a short transaction.
    private func giveBackFreePages() throws -> Int64 {
        let (mode, pageSize) = try pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") ?? 0, Int64(try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0))
        }
        guard mode == 2 else { return 0 }
        var freed: Int64 = 0
        var before = Int64.max
        while true {
            let pages = try pool.read { try Int64.fetchOne($0, sql: "PRAGMA freelist_count") ?? 0 }
            if pages == 0 || pages >= before { break }
            before = pages
            let step = min(pages, 256)
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA incremental_vacuum(\(step))") }
            freed += step * pageSize
        }
        return freed
    }

    /// Whether freed pages can be given back without a full VACUUM (files made by this release can).
    public func reclaimsSpaceIncrementally() throws -> Bool {
        try read("read auto_vacuum") { try Int.fetchOne($0, sql: "PRAGMA auto_vacuum") == 2 }
    }

    /// A full VACUUM that also turns incremental vacuum on, for files made before it was the default:
    /// it rewrites the whole file and holds every writer for as long.
    public func vacuumAndReclaimIncrementally() throws {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                try db.execute(sql: "VACUUM")
            }
        } catch {
            throw StoreError(operation: "vacuum", error)
        }
    }
}
