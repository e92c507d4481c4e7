import Foundation
import GRDB
import LedeModel

extension Store {
    /// Streams one page of stored results, in seq order, to `item`, reading each result's JSON in place:
    /// the row handed over is SQLite's current row, valid only during the call. Returns where the next
    /// page starts and the last committed seq, both read in the same snapshot as the page.
    /// Only bound parameters reach SQL.
    public func replay(_ filter: ReplayFilter, item: (ReplayRow) throws -> Void) throws -> ReplayBounds {
        let query = ReplayQuerySQL(filter)
        return try read("replay") { db in
            let rows = try Row.fetchCursor(db.cachedStatement(sql: query.sql), arguments: query.arguments)
            var count = 0
            var next: Int64? = nil
            while let row = try rows.next() {
                let stored = ReplayRow(row: row)
                // The row past the page only tells where the next page starts.
                if count == query.limit {
                    next = stored.seq
                    break
                }
                try item(stored)
                count += 1
            }
            let prunedThrough = try Self.prunedThrough(db)
            return ReplayBounds(
                nextSeq: next, lastSeq: try Self.lastSeq(db), prunedBefore: filter.fromSeq <= prunedThrough ? prunedThrough + 1 : nil)
        }
    }
}

/// The SQL of a replay page and its bound arguments. Its text depends only on which conditions are
/// present (and how many types), so SQLite's prepared statements are cached and reused across pages.
struct ReplayQuerySQL {
    var sql: String
    var arguments: StatementArguments
    /// The page size; one row more is read to learn the next page's first seq.
    var limit: Int

    init(_ filter: ReplayFilter) {
        var conditions = ["seq >= ?"]
        var arguments: StatementArguments = [filter.fromSeq]
        if let to = filter.toSeq { conditions.append("seq <= ?"); arguments += [to] }
        if let since = filter.since { conditions.append("committed_at >= ?"); arguments += [since] }
        if let until = filter.until { conditions.append("committed_at <= ?"); arguments += [until] }
        if let lang = filter.lang { conditions.append("lang = ?"); arguments += [lang] }
        if filter.latest { conditions.append("superseded_by IS NULL") }
        if !filter.types.isEmpty {
            let marks = Array(repeating: "?", count: filter.types.count).joined(separator: ", ")
            conditions.append("seq IN (SELECT seq FROM events WHERE type IN (\(marks)))")
            for t in filter.types { arguments += [t] }
        }
        if let entity = filter.entity {
            conditions.append("seq IN (SELECT seq FROM entity_names WHERE name_key = ?)")
            arguments += [entity.lowercased()]
        }
        limit = max(1, filter.limit)
        arguments += [limit + 1]
        // Columns in the order `StoredResult.Column` names them.
        sql = "SELECT seq, article_id, lang, json FROM results WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?"
        self.arguments = arguments
    }
}
