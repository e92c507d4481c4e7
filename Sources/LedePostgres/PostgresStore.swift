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
    private let idle = Mutex<[PostgresSession]>([])
    private let nextConnectionID = Atomic<Int>(0)
    private let opened = Atomic<Bool>(false)
    /// The reprocess jobs this process runs, each with the connection that holds its advisory lock:
    /// the lock goes with the connection, so a node that dies lets go of its job.
    let claims = Mutex<[Int: PostgresSession]>([:])

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
        for session in idle.withLock({ $0 }) { session.close() }
        for session in claims.withLock({ $0.values }) { session.close() }
    }

    public var isOpen: Bool { opened.load(ordering: .acquiring) }

    /// Drops the idle connections (after a fault they may be dead) and migrates the schema on a fresh
    /// one.
    public func reopen() throws {
        let stale = idle.withLock { sessions -> [PostgresSession] in
            defer { sessions = [] }
            return sessions
        }
        for session in stale { session.close() }
        try withSession("open \(url)") { session in try migrate(session) }
        opened.store(true, ordering: .releasing)
    }

    /// Applies the migrations not yet applied, one node at a time.
    private func migrate(_ session: PostgresSession) throws {
        try session.transaction {
            var lock = Binds()
            lock.add(PostgresSchema.migrationLock)
            try session.query("SELECT pg_advisory_xact_lock($1)", lock.values)
            try session.query("CREATE TABLE IF NOT EXISTS lede_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = Set(try session.query("SELECT id FROM lede_migrations").map { try $0.decode(String.self) })
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
                    if !sql.isEmpty { try session.query(sql) }
                }
                var id = Binds()
                id.add(migration.id)
                try session.query("INSERT INTO lede_migrations (id) VALUES ($1)", id.values)
            }
        }
    }

    // MARK: Connections

    /// Runs `body` on an idle connection, or a new one. A connection that failed below SQL is closed
    /// rather than kept; every failure becomes a `StoreError` named after `operation`.
    func withSession<T>(_ operation: String, _ body: (PostgresSession) throws -> T) throws -> T {
        let session: PostgresSession
        do {
            // A connection the server closed while it was idle is dropped, not tried.
            if let reused = idle.withLock({ sessions -> PostgresSession? in
                sessions.removeAll { $0.isClosed }
                return sessions.popLast()
            }) {
                session = reused
            } else {
                session = try PostgresSession.connect(url, id: nextConnectionID.add(1, ordering: .relaxed).newValue, logger: logger)
            }
        } catch {
            throw StoreError(postgres: operation, error)
        }
        do {
            let value = try body(session)
            giveBack(session)
            return value
        } catch {
            let failure = StoreError(postgres: operation, error)
            if case .transient(reopen: true) = failure.fault { session.close() } else { giveBack(session) }
            throw failure
        }
    }

    private func giveBack(_ session: PostgresSession) {
        if session.isClosed { return }
        idle.withLock { $0.append(session) }
    }

    /// A read: one statement's snapshot, or a read-only transaction's when `body` runs several.
    func read<T>(_ operation: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try withSession(operation, body)
    }

    public func probe() throws {
        try read("probe") { session in try session.query("SELECT 1") }
    }

    // MARK: Sequence and outbox

    public func lastSeq() throws -> Int64 {
        try read("read last seq") { try Self.lastSeq($0) }
    }

    static func lastSeq(_ session: PostgresSession) throws -> Int64 {
        try session.query("SELECT last_seq FROM seq_counter WHERE id = 1").first?.decode(Int64.self) ?? 0
    }

    public func prunedThrough() throws -> Int64 {
        try read("read the pruned mark") { try Self.prunedThrough($0) }
    }

    static func prunedThrough(_ session: PostgresSession) throws -> Int64 {
        try session.query("SELECT pruned_through FROM prune_mark WHERE id = 1").first?.decode(Int64.self) ?? 0
    }

    public func publishedThrough() throws -> Int64 {
        try read("read outbox") { session in
            var binds = Binds()
            binds.add(node)
            return try session.query("SELECT published_through FROM outbox WHERE node = $1", binds.values).first?.decode(Int64.self) ?? 0
        }
    }

    public func markPublished(through seq: Int64) throws {
        try withSession("mark published through \(seq)") { session in try markPublished(through: seq, session) }
    }

    func markPublished(through seq: Int64, _ session: PostgresSession) throws {
        var binds = Binds()
        binds.add(node)
        binds.add(seq)
        try session.query("""
            INSERT INTO outbox (node, published_through) VALUES ($1, $2)
            ON CONFLICT (node) DO UPDATE SET published_through = greatest(outbox.published_through, excluded.published_through)
            """, binds.values)
    }

    public func unpublished(after seq: Int64, limit: Int) throws -> [(StoredResult, [(type: String, json: [UInt8])])] {
        try read("read unpublished results") { session in
            var binds = Binds()
            binds.add(node)
            binds.add(seq)
            binds.add(limit)
            let results = try session.query(
                "SELECT seq, article_id, lang, json FROM results WHERE node = $1 AND seq > $2 ORDER BY seq LIMIT $3", binds.values
            ).map(StoredResult.init(postgres:))
            return try results.map { result in
                var seq = Binds()
                seq.add(result.seq)
                let events = try session.query("SELECT type, json FROM events WHERE seq = $1 ORDER BY idx", seq.values).map { row in
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
    func withTestSession(_ body: (PostgresSession) throws -> Void) throws {
        try withSession("test") { try body($0) }
    }
}
