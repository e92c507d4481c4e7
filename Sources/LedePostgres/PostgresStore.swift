import Foundation
import LedeModel
import LedeStore
import Logging
import PostgresNIO
import Synchronization

/// Lede's `ResultStore` on PostgreSQL, for several nodes sharing one database.
///
/// **A global seq committed in order.** One row (`seq_counter`) holds the last seq given. Every
/// committing transaction first locks it (`SELECT … FOR UPDATE`), numbers its results after it, writes
/// them, moves it, and commits, which releases the lock. So batches commit one at a time, in seq order,
/// whichever node runs them: when a consumer sees seq N, every result below N was committed before it,
/// and none can appear later. The price is that the database's commits do not overlap: the
/// throughput of all nodes together is one batch per lock hold (the batch's statements and one commit,
/// a disk flush) — measured in the README's "How it works". Reads never take the lock.
///
/// **Idempotence.** Under the lock, a batch looks up its articles' ids among all stored results, so an
/// id any node committed is answered as a duplicate; `UNIQUE (article_id, revision)` backs it.
///
/// Each node has a name (`node`): its results carry it, and its outbox mark is its own, so after a
/// crash a node re-publishes only what it committed.
public final class PostgresStore: ResultStore {
    public let url: PostgresURL
    public let node: String
    let logger: Logger
    private let idle = Mutex<[PostgresLink]>([])
    private let nextConnectionID = Atomic<Int>(0)
    private let opened = Atomic<Bool>(false)
    /// The reprocess jobs this process runs, each with the connection that holds its advisory lock:
    /// the lock goes with the connection, so a node that dies lets go of its job.
    let claims = Mutex<[Int: PostgresLink]>([:])

    /// `waitingOutFaults`: when the database cannot be reached (or is starting, or full), the store is
    /// made unopened instead of failing; every operation throws that reason until `reopen()` works. A
    /// database that refuses for good (a wrong password, a schema of a newer release) still fails here.
    public init(url: PostgresURL, node: String, logger: Logger = Logger(label: "lede.postgres"), waitingOutFaults: Bool = false) throws {
        self.url = url
        self.node = node
        self.logger = logger
        do {
            try reopen()
        } catch let error as StoreError where waitingOutFaults && error.fault.isTransient {
            logger.warning("PostgreSQL cannot be reached yet; retrying", metadata: ["db": "\(url)", "error": "\(error)"])
        }
    }

    deinit {
        for link in idle.withLock({ $0 }) { link.close() }
        for link in claims.withLock({ $0.values }) { link.close() }
    }

    public var isOpen: Bool { opened.load(ordering: .acquiring) }

    /// Drops the idle connections (after a fault they may be dead) and migrates the schema on a fresh
    /// one.
    public func reopen() throws {
        let stale = idle.withLock { links -> [PostgresLink] in
            defer { links = [] }
            return links
        }
        for link in stale { link.close() }
        try withLink("open \(url)") { link in try migrate(link) }
        opened.store(true, ordering: .releasing)
    }

    /// Applies the migrations not yet applied, one node at a time.
    private func migrate(_ link: PostgresLink) throws {
        try link.transaction {
            var lock = Binds()
            lock.add(PostgresSchema.migrationLock)
            try link.query("SELECT pg_advisory_xact_lock($1)", lock.values)
            try link.query("CREATE TABLE IF NOT EXISTS lede_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = Set(try link.query("SELECT id FROM lede_migrations").map { try $0.decode(String.self) })
            let known = Set(PostgresSchema.migrations.map(\.id))
            let unknown = applied.subtracting(known)
            guard unknown.isEmpty else {
                throw StoreError(
                    operation: "open", underlying: "the database was written by a newer release of Lede (unknown migrations: \(unknown.sorted().joined(separator: ", "))); run that release or a newer one",
                    code: nil, fault: .permanent)
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.id) {
                // The extended protocol takes one statement at a time.
                for statement in migration.sql.components(separatedBy: ";\n") {
                    let sql = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !sql.isEmpty { try link.query(sql) }
                }
                var id = Binds()
                id.add(migration.id)
                try link.query("INSERT INTO lede_migrations (id) VALUES ($1)", id.values)
            }
        }
    }

    // MARK: Connections

    /// Runs `body` on an idle connection, or a new one. A connection that failed below SQL is closed
    /// rather than kept; every failure becomes a `StoreError` named after `operation`.
    func withLink<T>(_ operation: String, _ body: (PostgresLink) throws -> T) throws -> T {
        let link: PostgresLink
        do {
            // A connection the server closed while it was idle is dropped, not tried.
            if let reused = idle.withLock({ links -> PostgresLink? in
                links.removeAll { $0.isClosed }
                return links.popLast()
            }) {
                link = reused
            } else {
                link = try PostgresLink.connect(url, id: nextConnectionID.add(1, ordering: .relaxed).newValue, logger: logger)
            }
        } catch {
            throw StoreError(postgres: operation, error)
        }
        do {
            let value = try body(link)
            giveBack(link)
            return value
        } catch {
            let failure = StoreError(postgres: operation, error)
            if case .transient(reopen: true) = failure.fault { link.close() } else { giveBack(link) }
            throw failure
        }
    }

    private func giveBack(_ link: PostgresLink) {
        if link.isClosed { return }
        idle.withLock { $0.append(link) }
    }

    /// A read: one statement's snapshot, or a read-only transaction's when `body` runs several.
    func read<T>(_ operation: String, _ body: (PostgresLink) throws -> T) throws -> T {
        try withLink(operation, body)
    }

    public func probe() throws {
        try read("probe") { link in try link.query("SELECT 1") }
    }

    // MARK: Sequence and outbox

    public func lastSeq() throws -> Int64 {
        try read("read last seq") { try Self.lastSeq($0) }
    }

    static func lastSeq(_ link: PostgresLink) throws -> Int64 {
        try link.query("SELECT last_seq FROM seq_counter WHERE id = 1").first?.decode(Int64.self) ?? 0
    }

    public func prunedThrough() throws -> Int64 {
        try read("read the pruned mark") { try Self.prunedThrough($0) }
    }

    static func prunedThrough(_ link: PostgresLink) throws -> Int64 {
        try link.query("SELECT pruned_through FROM prune_mark WHERE id = 1").first?.decode(Int64.self) ?? 0
    }

    public func publishedThrough() throws -> Int64 {
        try read("read outbox") { link in
            var binds = Binds()
            binds.add(node)
            return try link.query("SELECT published_through FROM outbox WHERE node = $1", binds.values).first?.decode(Int64.self) ?? 0
        }
    }

    public func markPublished(through seq: Int64) throws {
        try withLink("mark published through \(seq)") { link in try markPublished(through: seq, link) }
    }

    func markPublished(through seq: Int64, _ link: PostgresLink) throws {
        var binds = Binds()
        binds.add(node)
        binds.add(seq)
        try link.query("""
            INSERT INTO outbox (node, published_through) VALUES ($1, $2)
            ON CONFLICT (node) DO UPDATE SET published_through = greatest(outbox.published_through, excluded.published_through)
            """, binds.values)
    }

    public func unpublished(after seq: Int64, limit: Int) throws -> [(StoredResult, [(type: String, json: [UInt8])])] {
        try read("read unpublished results") { link in
            var binds = Binds()
            binds.add(node)
            binds.add(seq)
            binds.add(limit)
            let results = try link.query(
                "SELECT seq, article_id, lang, json FROM results WHERE node = $1 AND seq > $2 ORDER BY seq LIMIT $3", binds.values
            ).map(StoredResult.init(postgres:))
            return try results.map { result in
                var seq = Binds()
                seq.add(result.seq)
                let events = try link.query("SELECT type, json FROM events WHERE seq = $1 ORDER BY idx", seq.values).map { row in
                    let (type, json) = try row.decode((String, String).self)
                    return (type: type, json: Array(json.utf8))
                }
                return (result, events)
            }
        }
    }
}

extension StoredResult {
    /// From a row of `SELECT seq, article_id, lang, json …`.
    init(postgres row: PostgresRow) throws {
        let (seq, articleID, lang, json) = try row.decode((Int64, String, String, String).self)
        self.init(seq: seq, articleID: articleID, lang: lang, json: Array(json.utf8))
    }
}

extension PostgresStore {
    /// Runs `body` on one of the store's connections, outside any transaction: for tests that change
    /// the database under the store.
    func withTestLink(_ body: (PostgresLink) throws -> Void) throws {
        try withLink("test") { try body($0) }
    }
}
