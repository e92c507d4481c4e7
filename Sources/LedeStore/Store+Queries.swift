import Foundation
import GRDB
import LedeExtraction

extension Store {
    /// A page of stored results in seq order. Only bound parameters reach SQL.
    public func replay(_ filter: ReplayFilter) throws -> ReplayPage {
        var conditions = ["seq >= ?"]
        var arguments: StatementArguments = [filter.fromSeq]
        if let to = filter.toSeq { conditions.append("seq <= ?"); arguments += [to] }
        if let since = filter.since { conditions.append("committed_at >= ?"); arguments += [since] }
        if let until = filter.until { conditions.append("committed_at <= ?"); arguments += [until] }
        if let lang = filter.lang { conditions.append("lang = ?"); arguments += [lang] }
        if !filter.types.isEmpty {
            let marks = Array(repeating: "?", count: filter.types.count).joined(separator: ", ")
            conditions.append("seq IN (SELECT seq FROM events WHERE type IN (\(marks)))")
            for t in filter.types { arguments += [t] }
        }
        if let entity = filter.entity {
            conditions.append("seq IN (SELECT seq FROM entity_names WHERE name_key = ?)")
            arguments += [entity.lowercased()]
        }
        let limit = max(1, filter.limit)
        arguments += [limit + 1]
        let sql = "SELECT seq, article_id, lang, json FROM results WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?"
        return try read("replay") { db in
            var rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map(StoredResult.init(row:))
            let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM results") ?? 0
            var next: Int64? = nil
            if rows.count > limit {
                next = rows[limit].seq
                rows.removeLast(rows.count - limit)
            }
            return ReplayPage(items: rows, nextSeq: next, lastSeq: last)
        }
    }

    /// The last committed seq (0 when nothing is stored).
    public func lastSeq() throws -> Int64 {
        try read("read last seq") { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM results") ?? 0 }
    }

    /// A stored article with its result JSON, or nil.
    public func article(id: String) throws -> (article: StoredArticle, result: StoredResult?)? {
        try read("get article") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE id = ?", arguments: [id]) else { return nil }
            let publishedText: String? = row["published_at"]
            let article = Article(
                id: row["id"], url: row["url"], title: row["title"], body: row["body"], lang: row["lang"],
                publishedAt: nil, source: row["source"])
            let stored = StoredArticle(article: article, publishedAtText: publishedText, receivedAtMillis: row["received_at"], ingest: row["ingest"])
            let result = try Row.fetchOne(db, sql: "SELECT seq, article_id, lang, json FROM results WHERE article_id = ?", arguments: [id])
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
            out.append(("last_seq", try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM results") ?? 0))
            for row in try Row.fetchAll(db, sql: "SELECT code, count(*) AS n FROM rejects GROUP BY code ORDER BY code") {
                out.append(("rejects." + (row["code"] as String), row["n"]))
            }
            return out
        }
    }

    /// Reject rows, newest last, for operators and tests.
    public func rejects(limit: Int = 100) throws -> [RejectRecord] {
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
