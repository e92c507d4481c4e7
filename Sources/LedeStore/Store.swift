import Foundation
import GRDB
import LedeModel
import Synchronization

/// Lede's SQLite database: one writer (the service's committer) and concurrent readers (replay, get,
/// stats), in WAL mode. The embedded `ResultStore`, for one node.
public final class Store: ResultStore {
    /// How hard SQLite works to make a commit survive. See README "Durability".
    public enum Durability: String, Sendable, CaseIterable {
        /// `synchronous=FULL`: a commit survives a process kill and a power loss.
        case full
        /// `synchronous=NORMAL`: a commit survives a process kill; a power loss may lose the last ones.
        case normal

        /// The statement that sets it on a connection: the writer and the checkpointing connection,
        /// which syncs the database file.
        var synchronousPragma: String { "PRAGMA synchronous = \(self == .full ? "FULL" : "NORMAL")" }
    }

    public typealias ResultRenderer = LedeStore.ResultRenderer

    /// The connections to the file. `reopen()` replaces them together; an operation in flight keeps
    /// the ones it started with, which close when it ends.
    private let connections: Mutex<Connections?>
    /// Why the connections could not be opened, while they are not.
    private let openFailure = Mutex<StoreError?>(nil)
    public let path: String
    static let busyTimeout: TimeInterval = 5
    let durability: Durability
    let separateCheckpoints: Bool
    /// Whether readers map the file (see `open`): yes for the service; a one-pass reader of the whole
    /// file (`lede export --db`) does not, or its resident memory would grow to the file's size.
    let mapsReads: Bool
    /// The writer's size limit in bytes, 0 for none: kept here so that a reopened writer keeps it.
    private let sizeLimit = Atomic<Int>(0)

    var pool: DatabasePool {
        get throws(StoreError) { try opened().pool }
    }
    /// A connection for `checkpoint()` alone, when checkpoints are taken off the writer.
    var checkpointer: DatabaseQueue? {
        get throws(StoreError) { try opened().checkpointer }
    }

    private func opened() throws(StoreError) -> Connections {
        if let connections = connections.withLock({ $0 }) { return connections }
        throw openFailure.withLock { $0 } ?? StoreError(operation: "open \(path)", underlying: "not open", fault: .transient(reopen: true))
    }

    /// Whether the file is open. A store made with `waitingOutFaults` may not be, until `reopen()` works.
    public var isOpen: Bool { connections.withLock { $0 != nil } }

    /// How much of the database file each connection maps into memory (address space, not memory).
    static let mappedBytes = 1 << 30
    /// The writer's page cache (SQLite's unit for a negative `cache_size`).
    static let writerCacheKiB = 8 * 1024
    /// The page size of a new database file.
    static let pageSize = 16 * 1024

    /// `separateCheckpoints`: a second connection is opened for `checkpoint()`, which whoever opens the
    /// store calls from a thread of its own, often. The writer keeps SQLite's own checkpoint after a
    /// commit that takes the WAL past 1,000 pages: then it finds nearly everything copied already, and
    /// it is what lets the WAL start again from its beginning (see `checkpoint()`).
    ///
    /// `maxBytes`: the database file may not grow past this many bytes (0: no limit); past it, commits
    /// fail with `SQLITE_FULL` exactly as on a full disk.
    ///
    /// `waitingOutFaults`: when the file cannot be opened for a reason that can pass (it is read-only,
    /// the disk is full, it is locked), the store is made unopened instead of failing: every operation
    /// throws that reason until `reopen()` works. A file that cannot be opened at all (a wrong folder)
    /// or never will be (not a database, a newer schema) still fails here.
    public init(
        path: String, durability: Durability = .full, separateCheckpoints: Bool = false, maxBytes: Int = 0,
        waitingOutFaults: Bool = false, mapsReads: Bool = true
    ) throws {
        self.path = path
        self.durability = durability
        self.separateCheckpoints = separateCheckpoints
        self.mapsReads = mapsReads
        sizeLimit.store(maxBytes, ordering: .relaxed)
        do {
            connections = Mutex(try Store.open(
                path: path, durability: durability, separateCheckpoints: separateCheckpoints, maxBytes: maxBytes, mapsReads: mapsReads))
        } catch let error as StoreError where waitingOutFaults && error.fault.isTransient && !(error.code ?? "").hasPrefix("SQLITE_CANTOPEN") {
            connections = Mutex(nil)
            openFailure.withLock { $0 = error }
        }
    }

    /// Opens the connections afresh: after a fault that may have left the old ones seeing a stale or
    /// read-only file, or when they could not be opened at all. Throws as `init` does, and keeps the
    /// old connections then.
    public func reopen() throws {
        do {
            let fresh = try Store.open(
                path: path, durability: durability, separateCheckpoints: separateCheckpoints, maxBytes: sizeLimit.load(ordering: .relaxed),
                mapsReads: mapsReads)
            connections.withLock { $0 = fresh }
            openFailure.withLock { $0 = nil }
        } catch let error as StoreError {
            if !isOpen { openFailure.withLock { $0 = error } }
            throw error
        }
    }

    /// Limits the size of the database file from the next write on (0: no limit beyond SQLite's own).
    /// A limit below the file's present size holds it at its present size.
    public func limitSize(toBytes maxBytes: Int) throws {
        sizeLimit.store(maxBytes, ordering: .relaxed)
        do {
            try pool.writeWithoutTransaction { db in try Store.applySizeLimit(maxBytes, db) }
        } catch {
            throw StoreError(operation: "limit the database size", error)
        }
    }

    /// SQLite's `max_page_count` for a byte limit, on the writer's connection (the setting is per
    /// connection, not stored in the file).
    static func applySizeLimit(_ maxBytes: Int, _ db: Database) throws {
        let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? Store.pageSize
        // SQLite's default ceiling (about 4 billion pages) stands for "no limit".
        let pages = maxBytes > 0 ? max(1, maxBytes / pageSize) : 0xFFFF_FFFE
        _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
    }

    private static func open(path: String, durability: Durability, separateCheckpoints: Bool, maxBytes: Int, mapsReads: Bool) throws -> Connections {
        var config = Configuration()
        config.prepareDatabase { db in
            // Readers map the file instead of copying each page out of the OS cache with a system
            // call: replay reads megabytes a page. The writer does not, so the pages it touches are
            // not counted as the service's resident memory as the file grows.
            if db.configuration.readonly {
                if mapsReads { try db.execute(sql: "PRAGMA mmap_size = \(Store.mappedBytes)") }
            } else {
                // Takes effect only when the file is created. A result's ~9 KB of JSON then sits on one
                // page instead of a chain of three, and a commit writes fewer, larger WAL frames: a third
                // of the write calls and less kernel time per result than with SQLite's 4 KB default.
                try db.execute(sql: "PRAGMA page_size = \(Store.pageSize)")
                // Also only at creation: pages freed by pruning can then be given back to the file
                // system a few at a time (`PRAGMA incremental_vacuum`) instead of by a whole VACUUM.
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                // A batch of results touches more pages than SQLite's default 2 MB cache holds; past it,
                // the writer spills dirty pages to the WAL mid-transaction and reads evicted ones back.
                try db.execute(sql: "PRAGMA cache_size = -\(Store.writerCacheKiB)")
                if maxBytes > 0 { try Store.applySizeLimit(maxBytes, db) }
            }
        }
        config.maximumReaderCount = 4
        // Another process may write for a moment (`lede prune` between batches, a migration): wait for
        // it rather than count it as a store fault.
        config.busyMode = .timeout(Store.busyTimeout)
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            // Here, not in `prepareDatabase`: opening the pool switches the writer to WAL and, with it,
            // to `synchronous=NORMAL`, after `prepareDatabase` has run.
            try pool.barrierWriteWithoutTransaction { db in
                try db.execute(sql: durability.synchronousPragma)
            }
            try refuseNewerSchema(pool)
            try Schema.migrator.migrate(pool)
            let checkpointer = separateCheckpoints ? try Store.openCheckpointer(path: path, durability: durability) : nil
            return Connections(pool: pool, checkpointer: checkpointer)
        } catch {
            throw StoreError(operation: "open \(path)", error)
        }
    }

    /// A database that a newer release has migrated holds tables this release does not know how to
    /// keep consistent: opening it is refused rather than writing half of what it expects.
    private static func refuseNewerSchema(_ pool: DatabasePool) throws {
        let applied = try pool.read { db in try Schema.migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(Schema.migrator.migrations)
        if !unknown.isEmpty {
            throw StoreError(
                operation: "open", underlying: "the database was written by a newer release of Lede (unknown migrations: \(unknown.sorted().joined(separator: ", "))); run that release or a newer one",
                code: nil, fault: .permanent)
        }
    }

    // MARK: Writing

    /// Commits a batch in one transaction and returns one outcome per item, in order. An article
    /// whose id is already stored (before or earlier in the batch) is not written again.
    /// `publishedThrough`, when given, moves the outbox mark in the same transaction.
    public func commit(
        _ items: [CommitItem], nowMillis: Int64, publishedThrough: Int64? = nil, render: ResultRenderer
    ) throws -> [CommitOutcome] {
        do {
            return try pool.write { db in
                if let publishedThrough {
                    try db.cachedStatement(sql: "UPDATE outbox SET published_through = max(published_through, ?) WHERE id = 1")
                        .execute(arguments: [publishedThrough])
                }
                var seq = try Self.lastSeq(db)
                var outcomes: [CommitOutcome] = []
                outcomes.reserveCapacity(items.count)
                for item in items {
                    switch item {
                    case .reject(let r):
                        try db.cachedStatement(sql: """
                            INSERT INTO rejects (received_at, source, code, message, size, sha256, raw, article_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """).execute(arguments: [
                                r.receivedAtMillis, r.source, r.code, r.message, r.size, r.sha256,
                                r.raw.map { Data($0) }, r.articleID,
                            ])
                        outcomes.append(.rejected(id: db.lastInsertedRowID))
                    case .result(let stored, let result):
                        if let existing = try Int64.fetchOne(
                            db.cachedStatement(sql: "SELECT min(seq) FROM results WHERE article_id = ?"), arguments: [stored.article.id])
                        {
                            outcomes.append(.duplicate(seq: existing))
                            continue
                        }
                        seq += 1
                        let rendered = render(stored, result, seq, nowMillis, .first)
                        try insertArticle(stored, db)
                        try insert(stored, result, seq: seq, revision: .first, rendered: rendered, committedAt: nowMillis, db)
                        outcomes.append(.stored(seq: seq, rendered))
                    case .revision(let stored, let result):
                        // The article's newest result, which this one supersedes. A pruned article has
                        // none left: its new extraction is its next revision all the same.
                        let latest = try Row.fetchOne(
                            db.cachedStatement(sql: "SELECT seq, revision FROM results WHERE article_id = ? ORDER BY revision DESC LIMIT 1"),
                            arguments: [stored.article.id])
                        guard let latest else {
                            outcomes.append(.gone)
                            continue
                        }
                        seq += 1
                        let revision = Revision(number: (latest["revision"] as Int) + 1, supersedes: latest["seq"])
                        let rendered = render(stored, result, seq, nowMillis, revision)
                        try insert(stored, result, seq: seq, revision: revision, rendered: rendered, committedAt: nowMillis, db)
                        try db.cachedStatement(sql: "UPDATE results SET superseded_by = ? WHERE seq = ?").execute(arguments: [seq, latest["seq"] as Int64])
                        outcomes.append(.stored(seq: seq, rendered))
                    }
                }
                return outcomes
            }
        } catch {
            throw StoreError(operation: "commit \(items.count) items", error)
        }
    }

    private func insertArticle(_ stored: StoredArticle, _ db: Database) throws {
        let a = stored.article
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO articles (id, url, title, body, lang, published_at, source, received_at, ingest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).insert(
                a.id, a.url, a.title, a.body, a.lang, stored.publishedAtText, a.source, stored.receivedAtMillis,
                stored.ingest)
    }

    private func insert(
        _ stored: StoredArticle, _ result: ExtractionResult, seq: Int64, revision: Revision, rendered: RenderedResult,
        committedAt: Int64, _ db: Database
    ) throws {
        try db.cachedStatement(sql: """
            INSERT INTO results (seq, article_id, revision, supersedes, lang, extractor, committed_at, json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).insert(
                seq, stored.article.id, revision.number, revision.supersedes, result.lang, result.extractorVersion, committedAt,
                Data(rendered.result))
        // Mentions and entities are in the result's JSON (the `mentions` and `entities` views read them
        // there); their lower-cased names index it for replay's entity filter.
        let name = try db.cachedStatement(sql: "INSERT INTO entity_names (name_key, seq) VALUES (?, ?)")
        for key in result.entityNameKeys { try name.insert(key, seq) }
        let event = try db.cachedStatement(sql: """
            INSERT INTO events (seq, idx, type, cameo, modality, trigger, date, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, e) in result.events.enumerated() {
            let json = i < rendered.events.count ? rendered.events[i] : []
            try event.insert(seq, i, e.type, e.cameo, e.modality.rawValue, e.trigger.text, e.date?.value, Data(json))
        }
    }

    /// The last seq given: the newest result's, or the highest pruned one when pruning left none newer
    /// (a seq is never given twice).
    static func lastSeq(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT max(coalesce((SELECT max(seq) FROM results), 0), (SELECT pruned_through FROM outbox WHERE id = 1))")
        ) ?? 0
    }

    /// The highest seq pruning removed (0 when nothing was pruned).
    static func prunedThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT pruned_through FROM outbox WHERE id = 1")) ?? 0
    }

    // MARK: Outbox

    /// The highest seq known to have been published.
    public func publishedThrough() throws -> Int64 {
        try read("read outbox") { db in
            try Int64.fetchOne(db, sql: "SELECT published_through FROM outbox WHERE id = 1") ?? 0
        }
    }

    public func markPublished(through seq: Int64) throws {
        do {
            try pool.write { db in
                try db.execute(sql: "UPDATE outbox SET published_through = max(published_through, ?) WHERE id = 1", arguments: [seq])
            }
        } catch {
            throw StoreError(operation: "mark published through \(seq)", error)
        }
    }

    /// Stored results after `seq`, in order, with their event messages: what the outbox re-publishes.
    public func unpublished(after seq: Int64, limit: Int) throws -> [(StoredResult, [(type: String, json: [UInt8])])] {
        try read("read unpublished results") { db in
            try Row.fetchAll(db, sql: "SELECT seq, article_id, lang, json FROM results WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit])
                .map(StoredResult.init(row:))
                .map { result in
                    let events = try Row.fetchAll(db, sql: "SELECT type, json FROM events WHERE seq = ? ORDER BY idx", arguments: [result.seq])
                        .map { (type: $0["type"] as String, json: [UInt8](($0["json"] as Data?) ?? Data())) }
                    return (result, events)
                }
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(operation: operation, error)
        }
    }
}

/// A stored result: its seq, article, language and JSON (as published).
public struct StoredResult: Sendable, Equatable {
    public var seq: Int64
    public var articleID: String
    public var lang: String
    public var json: [UInt8]

    /// Column positions in every query that reads results (`SELECT seq, article_id, lang, json …`):
    /// by index, because looking a column up by name costs a lower-cased string per row.
    enum Column {
        static let seq = 0, articleID = 1, lang = 2, json = 3
    }

    public init(seq: Int64, articleID: String, lang: String, json: [UInt8]) {
        self.seq = seq
        self.articleID = articleID
        self.lang = lang
        self.json = json
    }

    init(row: Row) {
        seq = row[Column.seq]
        articleID = row[Column.articleID]
        lang = row[Column.lang]
        json = [UInt8]((row[Column.json] as Data?) ?? Data())
    }

    init(_ row: ReplayRow) throws {
        seq = row.seq
        articleID = row.articleID
        lang = row.lang
        json = try row.withJSON { [UInt8]($0) }
    }
}

/// A store's connections to its file: the pool (one writer, several readers) and, when checkpoints are
/// taken off the writer, the checkpointing connection.
struct Connections: Sendable {
    let pool: DatabasePool
    let checkpointer: DatabaseQueue?
}
