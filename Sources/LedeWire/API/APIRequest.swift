import LedeModel

/// A request on the API socket (ROUTER; one JSON frame per request).
public enum APIRequest: Sendable, Hashable {
    /// `{"op":"submit","article":{…}}`: acknowledged once the article and its result are committed.
    case submit(Article)
    /// `{"op":"replay", …}`: one page of stored results in `seq` order.
    case replay(ReplayQuery)
    /// `{"op":"get","article_id"}`: the stored article and its result.
    case get(articleID: String)
    /// `{"op":"stats"}`
    case stats
    /// `{"op":"health"}`
    case health
}

/// Which stored results a `replay` returns. All filters combine with AND.
public struct ReplayQuery: Sendable, Hashable {
    /// First `seq` to return (inclusive); nil means from the start.
    public var fromSeq: Int64?
    /// Last `seq` to return (inclusive); nil means up to the last committed.
    public var toSeq: Int64?
    /// Results committed at or after this instant (milliseconds since 1970).
    public var since: Int64?
    /// Results committed at or before this instant (inclusive; milliseconds since 1970).
    public var until: Int64?
    /// Only results with at least one event of one of these PLOVER types; empty means any.
    public var types: [String]
    /// Only results in this language.
    public var lang: String?
    /// Only results with an entity of this canonical name.
    public var entity: String?
    /// Page size, 1…`maxLimit`.
    public var limit: Int

    public static let defaultLimit = 100
    public static let maxLimit = 1000

    public init(
        fromSeq: Int64? = nil, toSeq: Int64? = nil, since: Int64? = nil, until: Int64? = nil, types: [String] = [],
        lang: String? = nil, entity: String? = nil, limit: Int = ReplayQuery.defaultLimit
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
