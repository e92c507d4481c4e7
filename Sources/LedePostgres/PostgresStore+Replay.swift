import LedeModel
import LedeStore
import PostgresNIO

extension PostgresStore {
    /// One page of stored results in seq order. The last seq is read first and bounds the page: seq is
    /// committed in order, so every result up to it is visible to the page's statement, and a page
    /// never ends below a `last_seq` that hides a result it did not return.
    public func replay(_ filter: ReplayFilter, item: (ReplayRow) throws -> Void) throws -> ReplayBounds {
        try read("replay") { link in
            let last = try Self.lastSeq(link)
            let prunedThrough = try Self.prunedThrough(link)
            var binds = Binds()
            var conditions = ["seq >= \(binds.mark(filter.fromSeq))", "seq <= \(binds.mark(min(filter.toSeq ?? last, last)))"]
            if let since = filter.since { conditions.append("committed_at >= \(binds.mark(since))") }
            if let until = filter.until { conditions.append("committed_at <= \(binds.mark(until))") }
            if let lang = filter.lang { conditions.append("lang = \(binds.mark(lang))") }
            if filter.latest { conditions.append("superseded_by IS NULL") }
            if !filter.types.isEmpty { conditions.append("seq IN (SELECT seq FROM events WHERE type = ANY(\(binds.mark(filter.types))))") }
            if let entity = filter.entity { conditions.append("seq IN (SELECT seq FROM entity_names WHERE name_key = \(binds.mark(entity.lowercased())))") }
            let limit = max(1, filter.limit)
            // One row more than the page tells where the next page starts.
            let sql = "SELECT seq, article_id, lang, json FROM results WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT \(binds.mark(Int64(limit + 1)))"
            let rows = try link.query(sql, binds.values)
            var next: Int64?
            for (i, row) in rows.enumerated() {
                let result = try StoredResult(postgres: row)
                if i == limit {
                    next = result.seq
                    break
                }
                try item(ReplayRow(result))
            }
            return ReplayBounds(nextSeq: next, lastSeq: last, prunedBefore: filter.fromSeq <= prunedThrough ? prunedThrough + 1 : nil)
        }
    }

    public func article(id: String) throws -> (article: StoredArticle, result: StoredResult?)? {
        try read("get article") { link in
            var binds = Binds()
            binds.add(id)
            guard let row = try link.query("\(StoredArticle.postgresColumns) FROM articles a WHERE a.id = $1", binds.values).first else { return nil }
            let result = try link.query(
                "SELECT seq, article_id, lang, json FROM results WHERE article_id = $1 ORDER BY revision DESC LIMIT 1", binds.values
            ).first.map(StoredResult.init(postgres:))
            return (try StoredArticle(postgres: row), result)
        }
    }

    public func counts() throws -> [(String, Int64)] {
        try read("stats") { link in
            var out: [(String, Int64)] = []
            for table in ["articles", "results", "events", "rejects"] {
                out.append((table, try link.query("SELECT count(*) FROM \(table)").first?.decode(Int64.self) ?? 0))
            }
            out.append(("last_seq", try Self.lastSeq(link)))
            out.append(("pruned_through", try Self.prunedThrough(link)))
            for row in try link.query("SELECT code, count(*) FROM rejects GROUP BY code ORDER BY code") {
                let (code, n) = try row.decode((String, Int64).self)
                out.append(("rejects." + code, n))
            }
            return out
        }
    }

    public func rejects(limit: Int) throws -> [RejectRecord] {
        try read("read rejects") { link in
            var binds = Binds()
            binds.add(Int64(limit))
            return try link.query(
                "SELECT received_at, source, code, message, size, sha256, raw, article_id FROM rejects ORDER BY id LIMIT $1", binds.values
            ).map { row in
                let (received, source, code, message, size, sha256, raw, articleID) = try row.decode(
                    (Int64, String, String, String, Int64, String, ByteBuffer?, String?).self)
                return RejectRecord(
                    receivedAtMillis: received, source: source, code: code, message: message, size: Int(size), sha256: sha256,
                    raw: raw.map { Array($0.readableBytesView) }, articleID: articleID)
            }
        }
    }
}

extension StoredArticle {
    /// The columns `init(postgres:)` reads, in its order, from `articles a`.
    static let postgresColumns = "SELECT a.id, a.url, a.title, a.body, a.lang, a.published_at, a.source, a.received_at, a.ingest"

    init(postgres row: PostgresRow) throws {
        let (id, url, title, body, lang, publishedAt, source, received, ingest) = try row.decode(
            (String, String?, String?, String, String?, String?, String?, Int64, String).self)
        let article = Article(id: id, url: url, title: title, body: body, lang: lang, publishedAt: nil, source: source)
        self.init(article: article, publishedAtText: publishedAt, receivedAtMillis: received, ingest: ingest)
    }
}
