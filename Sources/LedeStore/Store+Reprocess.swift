import Foundation
import GRDB
import LedeModel

/// Which stored articles a reprocess takes: those whose newest result lies in the range (seq and commit
/// time, as replay reads them), among the results committed when the job starts.
public struct ReprocessSelection: Sendable, Equatable {
    /// The job's number, kept in the database (0 until it is recorded).
    public var job: Int = 0
    public var range: ReplayFilter
    /// The last seq when the job started: revisions it commits come after it and are not taken again.
    public var throughSeq: Int64
    public var count: Int

    public init(job: Int = 0, range: ReplayFilter, throughSeq: Int64, count: Int) {
        self.job = job
        self.range = range
        self.throughSeq = throughSeq
        self.count = count
    }
}

extension Store {
    /// What a reprocess of `range` will take, counted now.
    public func reprocessSelection(_ range: ReplayFilter) throws -> ReprocessSelection {
        try read("select articles to reprocess") { db in
            let through = min(range.toSeq ?? .max, try Self.lastSeq(db))
            return ReprocessSelection(range: range, throughSeq: through, count: try Self.countSelected(range, through: through, db))
        }
    }

    /// What a reprocess of `range` takes, recorded as a new job that a restarted service takes up again;
    /// when a job is unfinished, that one instead, and `started` false.
    public func startReprocessJob(_ range: ReplayFilter, nowMillis: Int64) throws -> (selection: ReprocessSelection, started: Bool) {
        do {
            return try pool.write { db in
                if let open = try Self.unfinishedJob(db) {
                    // Every article of it re-extracted, only not marked yet: it is over.
                    guard open.count == 0 else { return (open, false) }
                    try db.execute(sql: "UPDATE reprocess_jobs SET finished_at = ? WHERE id = ?", arguments: [nowMillis, open.job])
                }
                let through = min(range.toSeq ?? .max, try Self.lastSeq(db))
                var selection = ReprocessSelection(range: range, throughSeq: through, count: try Self.countSelected(range, through: through, db))
                try db.execute(
                    sql: "INSERT INTO reprocess_jobs (from_seq, to_seq, since, until, through_seq, total, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [range.fromSeq, range.toSeq, range.since, range.until, through, selection.count, nowMillis,
                                selection.count == 0 ? nowMillis : nil])
                selection.job = Int(db.lastInsertedRowID)
                return (selection, true)
            }
        } catch {
            throw StoreError(operation: "start a reprocess job", error)
        }
    }

    /// The unfinished job, with what is left of it counted now, or nil.
    public func unfinishedReprocessJob() throws -> ReprocessSelection? {
        try read("read reprocess jobs") { db in try Self.unfinishedJob(db) }
    }

    public func finishReprocessJob(_ job: Int, nowMillis: Int64) throws {
        do {
            try pool.write { db in
                try db.execute(sql: "UPDATE reprocess_jobs SET finished_at = ? WHERE id = ?", arguments: [nowMillis, job])
            }
        } catch {
            throw StoreError(operation: "finish reprocess job \(job)", error)
        }
    }

    private static func unfinishedJob(_ db: Database) throws -> ReprocessSelection? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM reprocess_jobs WHERE finished_at IS NULL ORDER BY id LIMIT 1") else { return nil }
        let range = ReplayFilter(fromSeq: row["from_seq"], toSeq: row["to_seq"], since: row["since"], until: row["until"])
        let through: Int64 = row["through_seq"]
        return ReprocessSelection(job: row["id"], range: range, throughSeq: through, count: try countSelected(range, through: through, db))
    }

    private static func countSelected(_ range: ReplayFilter, through: Int64, _ db: Database) throws -> Int {
        let (conditions, arguments) = reprocessConditions(range, after: range.fromSeq - 1, through: through)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM results WHERE \(conditions)", arguments: arguments) ?? 0
    }

    /// The next articles of a selection after `seq`, in seq order of their newest result, as stored.
    public func articlesToReprocess(_ selection: ReprocessSelection, after seq: Int64, limit: Int) throws -> [(seq: Int64, article: StoredArticle)] {
        try read("read articles to reprocess") { db in
            let (conditions, arguments) = Self.reprocessConditions(selection.range, after: seq, through: selection.throughSeq)
            let sql = """
                SELECT r.seq, a.* FROM results r JOIN articles a ON a.id = r.article_id
                WHERE \(conditions) ORDER BY r.seq LIMIT ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: arguments + [limit]).map { row in
                (row["seq"], StoredArticle(row: row))
            }
        }
    }

    private static func reprocessConditions(_ range: ReplayFilter, after seq: Int64, through: Int64) -> (String, StatementArguments) {
        var conditions = ["superseded_by IS NULL", "seq > ?", "seq <= ?"]
        var arguments: StatementArguments = [max(seq, range.fromSeq - 1), through]
        if let since = range.since { conditions.append("committed_at >= ?"); arguments += [since] }
        if let until = range.until { conditions.append("committed_at <= ?"); arguments += [until] }
        return (conditions.joined(separator: " AND "), arguments)
    }
}

extension StoredArticle {
    /// From a row of `articles`. `publishedAt` stays unread: the text is kept verbatim in
    /// `publishedAtText`, and the wire module parses it.
    init(row: Row) {
        let article = Article(
            id: row["id"], url: row["url"], title: row["title"], body: row["body"], lang: row["lang"],
            publishedAt: nil, source: row["source"])
        self.init(article: article, publishedAtText: row["published_at"], receivedAtMillis: row["received_at"], ingest: row["ingest"])
    }
}
