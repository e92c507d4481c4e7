import Foundation
import GRDB
import LedeModel

/// Which stored articles a reprocess takes: those whose newest result lies in the range (seq and commit
/// time, as replay reads them), among the results committed when the job starts.
public struct ReprocessSelection: Sendable, Equatable {
    public var range: ReplayFilter
    /// The last seq when the job started: revisions it commits come after it and are not taken again.
    public var throughSeq: Int64
    public var count: Int
}

extension Store {
    /// What a reprocess of `range` will take, counted now.
    public func reprocessSelection(_ range: ReplayFilter) throws -> ReprocessSelection {
        try read("select articles to reprocess") { db in
            let through = min(range.toSeq ?? .max, try Self.lastSeq(db))
            let (conditions, arguments) = Self.reprocessConditions(range, after: range.fromSeq - 1, through: through)
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM results WHERE \(conditions)", arguments: arguments) ?? 0
            return ReprocessSelection(range: range, throughSeq: through, count: count)
        }
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
