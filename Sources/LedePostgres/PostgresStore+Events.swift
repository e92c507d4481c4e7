import LedeStore
import PostgresNIO

extension PostgresStore {
    public func events(_ query: EventQuery) throws -> [StoredEvent] {
        try read("read events") { link in
            var binds = Binds()
            let after = binds.mark(query.after.seq)
            var sql = """
                SELECT e.seq, e.idx, e.type, r.lang, e.json, a.title, a.body FROM events e
                JOIN results r ON r.seq = e.seq JOIN articles a ON a.id = r.article_id
                WHERE (e.seq > \(after) OR (e.seq = \(after) AND e.idx > \(binds.mark(Int64(query.after.index)))))
                """
            if !query.types.isEmpty { sql += " AND e.type = ANY(\(binds.mark(query.types)))" }
            if let lang = query.lang { sql += " AND r.lang = \(binds.mark(lang))" }
            sql += " ORDER BY e.seq, e.idx LIMIT \(binds.mark(Int64(query.limit)))"
            return try link.query(sql, binds.values).map { row in
                let (seq, index, type, lang, json, title, body) = try row.decode((Int64, Int32, String, String, String, String?, String).self)
                return StoredEvent(seq: seq, index: Int(index), type: type, lang: lang, json: Array(json.utf8), title: title, body: body)
            }
        }
    }

    public func positionBeforeNewestEvents(_ count: Int, types: [String], lang: String?) throws -> (seq: Int64, index: Int) {
        try read("read newest events") { link in
            var binds = Binds()
            var sql = "SELECT e.seq, e.idx FROM events e JOIN results r ON r.seq = e.seq WHERE true"
            if !types.isEmpty { sql += " AND e.type = ANY(\(binds.mark(types)))" }
            if let lang { sql += " AND r.lang = \(binds.mark(lang))" }
            sql += " ORDER BY e.seq DESC, e.idx DESC LIMIT 1 OFFSET \(binds.mark(Int64(max(0, count))))"
            guard let row = try link.query(sql, binds.values).first else { return (0, -1) }
            let (seq, index) = try row.decode((Int64, Int32).self)
            return (seq, Int(index))
        }
    }
}
