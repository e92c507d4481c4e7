/// Which stored results a replay returns. Every condition given must hold.
public struct ReplayFilter: Sendable, Hashable {
    public var fromSeq: Int64
    public var toSeq: Int64?
    /// Commit time bounds, epoch milliseconds, inclusive.
    public var since: Int64?
    public var until: Int64?
    /// Results with at least one event of one of these PLOVER types.
    public var types: [String]
    public var lang: String?
    /// Results naming this entity (canonical name or mention text, case-insensitive).
    public var entity: String?
    public var limit: Int

    public init(
        fromSeq: Int64 = 1, toSeq: Int64? = nil, since: Int64? = nil, until: Int64? = nil, types: [String] = [],
        lang: String? = nil, entity: String? = nil, limit: Int = 100
    ) {
        self.fromSeq = fromSeq
        self.toSeq = toSeq
        self.since = since
        self.until = until
        self.types = types
        self.lang = lang
        self.entity = entity
        self.limit = limit
    }
}

/// One page of a replay: the results, where the next page starts (nil when this is the last), and the
/// last committed seq overall.
public struct ReplayPage: Sendable, Equatable {
    public var items: [StoredResult]
    public var nextSeq: Int64?
    public var lastSeq: Int64
}
