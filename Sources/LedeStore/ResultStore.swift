import LedeModel

/// Renders the JSON of a result and of each of its event messages once its seq and commit time are
/// known (the wire format is not the store's business).
public typealias ResultRenderer = (
    _ item: StoredArticle, _ result: ExtractionResult, _ seq: Int64, _ committedAtMillis: Int64, _ revision: Revision
) -> RenderedResult

/// Where a node commits results in seq order and reads them back: what the service needs of a
/// database, whichever it is. `Store` keeps them in an embedded SQLite file (one node);
/// `PostgresStore` (module `LedePostgres`) in a PostgreSQL database that several nodes share, with a
/// global seq committed in order. Every operation blocks its calling thread; every failure is a
/// `StoreError` saying whether it can pass.
public protocol ResultStore: AnyObject, Sendable {
    /// Whether the database could be reached and its schema is current. A store made to wait out
    /// faults may not be, until `reopen()` works.
    var isOpen: Bool { get }
    /// Opens the connections afresh, after a fault that may have left them stale or broken.
    func reopen() throws
    /// Asks the database whether it answers, for a node with nothing to commit: a database server can
    /// go away between commits, and the node should say so before the next one fails.
    func probe() throws

    // MARK: Writing

    /// Commits a batch in one transaction and returns one outcome per item, in order. An article whose
    /// id is already stored (before, by any node, or earlier in the batch) is not written again.
    /// `publishedThrough`, when given, moves this node's outbox mark in the same transaction.
    func commit(_ items: [CommitItem], nowMillis: Int64, publishedThrough: Int64?, render: ResultRenderer) throws -> [CommitOutcome]

    // MARK: Sequence and outbox

    /// The last seq given (0 when nothing was committed); pruning never lowers it.
    func lastSeq() throws -> Int64
    /// The highest seq pruning removed (0 when nothing was).
    func prunedThrough() throws -> Int64
    /// The highest seq this node knows to have published.
    func publishedThrough() throws -> Int64
    func markPublished(through seq: Int64) throws
    /// Results this node committed after `seq`, in order, with their event messages: what its outbox
    /// re-publishes after a crash.
    func unpublished(after seq: Int64, limit: Int) throws -> [(StoredResult, [(type: String, json: [UInt8])])]

    // MARK: Reading

    /// Streams one page of stored results, in seq order, to `item`; returns where the next page starts
    /// and the last committed seq, consistent with the page (no result at or below it is missing).
    func replay(_ filter: ReplayFilter, item: (ReplayRow) throws -> Void) throws -> ReplayBounds
    /// A stored article with its newest result JSON, or nil.
    func article(id: String) throws -> (article: StoredArticle, result: StoredResult?)?
    /// Counts an operator watches: stored articles, results, events, rejects (and per reject code).
    func counts() throws -> [(String, Int64)]
    /// Reject rows, oldest first.
    func rejects(limit: Int) throws -> [RejectRecord]
    /// Events in stream order (seq, then index), found exactly once by paging with `after`.
    func events(_ query: EventQuery) throws -> [StoredEvent]
    /// The position just before the newest `count` events that match `types` and `lang`.
    func positionBeforeNewestEvents(_ count: Int, types: [String], lang: String?) throws -> (seq: Int64, index: Int)

    // MARK: Reprocess and retention

    /// What a reprocess of `range` takes, recorded as a new job; when a job is unfinished, that one
    /// instead, and `started` false.
    func startReprocessJob(_ range: ReplayFilter, nowMillis: Int64) throws -> (selection: ReprocessSelection, started: Bool)
    /// The unfinished job, with what is left of it counted now, or nil.
    func unfinishedReprocessJob() throws -> ReprocessSelection?
    /// Takes the right to run a job: false while another live process runs it. Held until the job is
    /// finished or the process ends, so that of several nodes sharing a database, one runs a job, and
    /// another takes it up only once that one is gone.
    func claimReprocessJob(_ job: Int) throws -> Bool
    func finishReprocessJob(_ job: Int, nowMillis: Int64) throws
    /// The next articles of a selection after `seq`, in seq order of their newest result.
    func articlesToReprocess(_ selection: ReprocessSelection, after seq: Int64, limit: Int) throws -> [(seq: Int64, article: StoredArticle)]
    /// Removes, as a prefix of seq, the results committed before `millis`, the articles left without
    /// one and the rejects received before it, in short transactions; asks `continuing` between them.
    func prune(before millis: Int64, continuing: () -> Bool) throws -> PruneOutcome
}

extension ResultStore {
    /// An embedded file does not go away between writes: only a write can tell that it fails.
    public func probe() throws {}

    /// An embedded file has one service (`<db>.lock`): its jobs are its own.
    public func claimReprocessJob(_ job: Int) throws -> Bool { true }

    /// A page of stored results in seq order, copied out.
    public func replay(_ filter: ReplayFilter) throws -> ReplayPage {
        var items: [StoredResult] = []
        let bounds = try replay(filter) { items.append(try StoredResult($0)) }
        return ReplayPage(items: items, nextSeq: bounds.nextSeq, lastSeq: bounds.lastSeq, prunedBefore: bounds.prunedBefore)
    }

    public func rejects() throws -> [RejectRecord] { try rejects(limit: 100) }

    public func positionBeforeNewestEvents(_ count: Int) throws -> (seq: Int64, index: Int) {
        try positionBeforeNewestEvents(count, types: [], lang: nil)
    }

    public func prune(before millis: Int64) throws -> PruneOutcome { try prune(before: millis, continuing: { true }) }
}

extension ResultStore {
    /// A commit that leaves the outbox mark where it is.
    public func commit(_ items: [CommitItem], nowMillis: Int64, render: ResultRenderer) throws -> [CommitOutcome] {
        try commit(items, nowMillis: nowMillis, publishedThrough: nil, render: render)
    }
}
