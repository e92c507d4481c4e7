import LedeStore
import PostgresNIO

extension PostgresStore {
    /// Results removed per transaction: short enough that nodes committing meanwhile are not held up.
    static let pruneBatch: Int64 = 500

    /// As `Store.prune`: a prefix of seq, in short transactions, `prune_mark` saying what is gone. The
    /// mark is its own row, so pruning never takes the seq lock that commits hold.
    public func prune(before millis: Int64, continuing: () -> Bool) throws -> PruneOutcome {
        var outcome = PruneOutcome()
        var cutoffBinds = Binds()
        cutoffBinds.add(millis)
        let cutoff = try read("prune") { link in
            try link.query("SELECT max(seq) FROM results WHERE committed_at < $1", cutoffBinds.values).first?.decode(Int64?.self)
        }
        while let cutoff {
            let batch = try withLink("prune") { link in
                try link.transaction { () -> (results: Int, done: Bool) in
                    let from = try link.query("SELECT pruned_through FROM prune_mark WHERE id = 1 FOR UPDATE").first?.decode(Int64.self) ?? 0
                    guard from < cutoff else { return (0, true) }
                    let through = min(cutoff, from + Self.pruneBatch)
                    var range = Binds()
                    range.add(from)
                    range.add(through)
                    let ids = try link.query("SELECT DISTINCT article_id FROM results WHERE seq > $1 AND seq <= $2", range.values).map { try $0.decode(String.self) }
                    try link.query("DELETE FROM entity_names WHERE seq > $1 AND seq <= $2", range.values)
                    outcome.events += try Self.deleted(link.query("DELETE FROM events WHERE seq > $1 AND seq <= $2 RETURNING 1", range.values))
                    let results = try Self.deleted(link.query("DELETE FROM results WHERE seq > $1 AND seq <= $2 RETURNING 1", range.values))
                    var orphans = Binds()
                    orphans.add(ids)
                    outcome.articles += try Self.deleted(link.query(
                        "DELETE FROM articles a WHERE a.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM results r WHERE r.article_id = a.id) RETURNING 1",
                        orphans.values))
                    var mark = Binds()
                    mark.add(through)
                    try link.query("UPDATE prune_mark SET pruned_through = $1 WHERE id = 1", mark.values)
                    return (results, through >= cutoff)
                }
            }
            outcome.results += batch.results
            if batch.done || !continuing() { break }
        }
        while true {
            var binds = Binds()
            binds.add(millis)
            binds.add(Self.pruneBatch)
            let removed = try withLink("prune rejects") { link in
                try Self.deleted(link.query(
                    "DELETE FROM rejects WHERE id IN (SELECT id FROM rejects WHERE received_at < $1 ORDER BY id LIMIT $2) RETURNING 1", binds.values))
            }
            outcome.rejects += removed
            if removed == 0 { break }
        }
        outcome.prunedThrough = try prunedThrough()
        return outcome
    }

    private static func deleted(_ rows: [PostgresRow]) -> Int { rows.count }
}
