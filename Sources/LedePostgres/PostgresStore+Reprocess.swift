import LedeModel
import LedeStore
import PostgresNIO

extension PostgresStore {
    /// As `Store.startReprocessJob`: one job at a time across every node on the database (the job
    /// table is locked for the check and the insert).
    public func startReprocessJob(_ range: ReplayFilter, nowMillis: Int64) throws -> (selection: ReprocessSelection, started: Bool) {
        var finished: Int?
        defer { if let finished { releaseClaim(finished) } }
        return try withLink("start a reprocess job") { link in
            try link.transaction {
                try link.query("LOCK TABLE reprocess_jobs IN SHARE ROW EXCLUSIVE MODE")
                if let open = try Self.unfinishedJob(link) {
                    // Every article of it re-extracted, only not marked yet: it is over.
                    guard open.count == 0 else { return (open, false) }
                    try Self.finish(open.job, nowMillis: nowMillis, link)
                    finished = open.job
                }
                let through = min(range.toSeq ?? .max, try Self.lastSeq(link))
                var selection = ReprocessSelection(range: range, throughSeq: through, count: try Self.countSelected(range, through: through, link))
                var binds = Binds()
                binds.add(range.fromSeq); binds.add(range.toSeq); binds.add(range.since); binds.add(range.until); binds.add(through)
                binds.add(Int64(selection.count)); binds.add(nowMillis); binds.add(selection.count == 0 ? nowMillis : nil)
                let id = try link.query("""
                    INSERT INTO reprocess_jobs (from_seq, to_seq, since, until, through_seq, total, started_at, finished_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
                    """, binds.values).first?.decode(Int64.self) ?? 0
                selection.job = Int(id)
                return (selection, true)
            }
        }
    }

    public func unfinishedReprocessJob() throws -> ReprocessSelection? {
        try read("read reprocess jobs") { try Self.unfinishedJob($0) }
    }

    public func finishReprocessJob(_ job: Int, nowMillis: Int64) throws {
        try withLink("finish reprocess job \(job)") { try Self.finish(job, nowMillis: nowMillis, $0) }
        releaseClaim(job)
    }

    /// A finished job's advisory lock is let go with the connection that holds it, whichever way the job
    /// was finished (by its last article, or found done when the next job starts).
    private func releaseClaim(_ job: Int) {
        claims.withLock { $0.removeValue(forKey: job) }?.close()
    }

    /// The advisory locks' first key, so that Lede's job locks meet no other application's.
    static let jobLockSpace: Int32 = 0x6C65

    /// An advisory lock on the job, held by a connection of its own kept until the job is finished:
    /// while this process lives, no other node takes the job; if it dies, its connection ends and the
    /// lock with it.
    public func claimReprocessJob(_ job: Int) throws -> Bool {
        if claims.withLock({ $0[job] != nil }) { return true }
        let link: PostgresLink
        do {
            link = try PostgresLink.connect(url, id: Int(Int32.max) - job, logger: logger)
        } catch {
            throw StoreError(postgres: "claim reprocess job \(job)", error)
        }
        var binds = Binds()
        binds.add(Self.jobLockSpace)
        binds.add(Int32(truncatingIfNeeded: job))
        let claimed: Bool
        do {
            claimed = try link.query("SELECT pg_try_advisory_lock($1, $2)", binds.values).first?.decode(Bool.self) ?? false
        } catch {
            link.close()
            throw StoreError(postgres: "claim reprocess job \(job)", error)
        }
        if claimed { claims.withLock { $0[job] = link } } else { link.close() }
        return claimed
    }

    private static func finish(_ job: Int, nowMillis: Int64, _ link: PostgresLink) throws {
        var binds = Binds()
        binds.add(nowMillis)
        binds.add(Int64(job))
        try link.query("UPDATE reprocess_jobs SET finished_at = $1 WHERE id = $2", binds.values)
    }

    private static func unfinishedJob(_ link: PostgresLink) throws -> ReprocessSelection? {
        guard let row = try link.query(
            "SELECT id, from_seq, to_seq, since, until, through_seq FROM reprocess_jobs WHERE finished_at IS NULL ORDER BY id LIMIT 1"
        ).first else { return nil }
        let (id, from, to, since, until, through) = try row.decode((Int64, Int64, Int64?, Int64?, Int64?, Int64).self)
        let range = ReplayFilter(fromSeq: from, toSeq: to, since: since, until: until)
        return ReprocessSelection(job: Int(id), range: range, throughSeq: through, count: try countSelected(range, through: through, link))
    }

    private static func countSelected(_ range: ReplayFilter, through: Int64, _ link: PostgresLink) throws -> Int {
        var binds = Binds()
        let conditions = reprocessConditions(range, after: range.fromSeq - 1, through: through, &binds)
        return Int(try link.query("SELECT count(*) FROM results WHERE \(conditions)", binds.values).first?.decode(Int64.self) ?? 0)
    }

    public func articlesToReprocess(_ selection: ReprocessSelection, after seq: Int64, limit: Int) throws -> [(seq: Int64, article: StoredArticle)] {
        try read("read articles to reprocess") { link in
            var binds = Binds()
            let conditions = Self.reprocessConditions(selection.range, after: seq, through: selection.throughSeq, &binds, table: "r.")
            let sql = """
                \(StoredArticle.postgresColumns), r.seq FROM results r JOIN articles a ON a.id = r.article_id
                WHERE \(conditions) ORDER BY r.seq LIMIT \(binds.mark(Int64(limit)))
                """
            return try link.query(sql, binds.values).map { row in
                (try row.decode((String, String?, String?, String, String?, String?, String?, Int64, String, Int64).self).9, try StoredArticle(postgres: row))
            }
        }
    }

    /// The newest results in the selection: not superseded, after `seq`, up to `through`, in its time range.
    private static func reprocessConditions(_ range: ReplayFilter, after seq: Int64, through: Int64, _ binds: inout Binds, table: String = "") -> String {
        var conditions = ["\(table)superseded_by IS NULL", "\(table)seq > \(binds.mark(max(seq, range.fromSeq - 1)))", "\(table)seq <= \(binds.mark(through))"]
        if let since = range.since { conditions.append("\(table)committed_at >= \(binds.mark(since))") }
        if let until = range.until { conditions.append("\(table)committed_at <= \(binds.mark(until))") }
        return conditions.joined(separator: " AND ")
    }
}
