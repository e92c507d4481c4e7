import Foundation
import GRDB
import LedeModel

extension Store {
    /// The last committed seq (0 when nothing is stored).
    public func lastSeq() throws -> Int64 {
        try read("read last seq") { db in try Self.lastSeq(db) }
    }

    /// The highest seq pruning removed (0 when nothing was).
    public func prunedThrough() throws -> Int64 {
        try read("read the pruned mark") { db in try Self.prunedThrough(db) }
    }

    /// A stored article with its result JSON, or nil.
    public func article(id: String) throws -> (article: StoredArticle, result: StoredResult?)? {
        try read("get article") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE id = ?", arguments: [id]) else { return nil }
            let stored = StoredArticle(row: row)
            let result = try Row.fetchOne(
                db, sql: "SELECT seq, article_id, lang, json FROM results WHERE article_id = ? ORDER BY revision DESC LIMIT 1", arguments: [id])
                .map(StoredResult.init(row:))
            return (stored, result)
        }
    }

    /// Counts an operator watches: stored articles, results, events, rejects (and per reject code).
    public func counts() throws -> [(String, Int64)] {
        try read("stats") { db in
            var out: [(String, Int64)] = []
            for (name, table) in [("articles", "articles"), ("results", "results"), ("events", "events"), ("rejects", "rejects")] {
                out.append((name, try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0))
            }
            out.append(("last_seq", try Self.lastSeq(db)))
            out.append(("pruned_through", try Self.prunedThrough(db)))
            for row in try Row.fetchAll(db, sql: "SELECT code, count(*) AS n FROM rejects GROUP BY code ORDER BY code") {
                out.append(("rejects." + (row["code"] as String), row["n"]))
            }
            return out
        }
    }

    /// Reject rows, newest last, for operators and tests.
    public func rejects(limit: Int) throws -> [RejectRecord] {
        try read("read rejects") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rejects ORDER BY id LIMIT ?", arguments: [limit]).map { row in
                RejectRecord(
                    receivedAtMillis: row["received_at"], source: row["source"], code: row["code"],
                    message: row["message"], size: row["size"], sha256: row["sha256"],
                    raw: (row["raw"] as Data?).map { [UInt8]($0) }, articleID: row["article_id"])
            }
        }
    }
}
