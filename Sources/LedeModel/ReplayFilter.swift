/// Which stored results a replay returns, as the API's `replay` request gives it and the store runs
/// it. Every condition given must hold.
public struct ReplayFilter: Sendable, Hashable {
    /// First `seq` to return (inclusive); 1 when the request gives none.
    public var fromSeq: Int64
    /// Last `seq` to return (inclusive); nil means up to the last committed.
    public var toSeq: Int64?
    /// Commit time bounds, milliseconds since 1970, inclusive.
    public var since: Int64?
    public var until: Int64?
    /// Only results with at least one event of one of these PLOVER types; empty means any.
    public var types: [String]
    /// Only results in this language.
    public var lang: String?
    /// Only results naming this entity: its canonical name or the text of one of its mentions,
    /// case-insensitive.
    public var entity: String?
    /// Only each article's newest revision (results a reprocess superseded are left out).
    public var latest: Bool
    /// Page size, 1…`maxLimit`.
    public var limit: Int

    public static let defaultLimit = 100
    public static let maxLimit = 1000

    public init(
        fromSeq: Int64 = 1, toSeq: Int64? = nil, since: Int64? = nil, until: Int64? = nil, types: [String] = [],
        lang: String? = nil, entity: String? = nil, latest: Bool = false, limit: Int = ReplayFilter.defaultLimit
    ) {
        self.fromSeq = fromSeq
        self.toSeq = toSeq
        self.since = since
        self.until = until
        self.types = types
        self.lang = lang
        self.entity = entity
        self.latest = latest
        self.limit = limit
    }
}
