import GRDB

/// How far a checkpoint got: frames in the WAL and frames of it now copied into the database file.
public struct CheckpointProgress: Sendable, Equatable {
    public var walFrames: Int
    public var checkpointedFrames: Int
}

extension Store {
    /// Copies committed pages from the write-ahead log into the database file and syncs it. SQLite's
    /// PASSIVE mode never waits for, nor blocks, the writer or the readers: commits go on appending to
    /// the WAL meanwhile.
    ///
    /// Left to the writer alone (SQLite's default), the checkpoint runs inside the commit that takes
    /// the WAL past 1,000 pages (16 MB here), and copies and syncs all of it before that commit returns:
    /// every result of the batch waits for it before it is published. Called often from another
    /// thread on the connection opened by `separateCheckpoints`, it leaves the writer's own checkpoint
    /// only the last few pages. The WAL itself starts again from its beginning only when a commit
    /// finds every frame copied, which, under a steady stream of commits, the writer's checkpoint is
    /// there to make happen: a background checkpoint alone let the WAL grow to 270 MB in 6 seconds.
    ///
    /// On a store opened without `separateCheckpoints`, this checkpoints on the writer's connection,
    /// between its transactions.
    @discardableResult
    public func checkpoint() throws -> CheckpointProgress {
        let sql = "PRAGMA wal_checkpoint(PASSIVE)"
        do {
            let row: Row?
            if let checkpointer = try checkpointer {
                row = try checkpointer.inDatabase { db in try Row.fetchOne(db, sql: sql) }
            } else {
                row = try pool.writeWithoutTransaction { db in try Row.fetchOne(db, sql: sql) }
            }
            // (busy, log, checkpointed): busy is 0 for PASSIVE, which does not wait for locks.
            return CheckpointProgress(walFrames: row?[1] ?? 0, checkpointedFrames: row?[2] ?? 0)
        } catch {
            throw StoreError(operation: "checkpoint", error)
        }
    }

    /// A plain connection to the file for checkpoints: it syncs the database file as the writer would.
    static func openCheckpointer(path: String, durability: Durability) throws -> DatabaseQueue {
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: durability.synchronousPragma)
        }
        return try DatabaseQueue(path: path, configuration: config)
    }
}
