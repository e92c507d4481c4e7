import LedeModel

/// A request on the API socket (ROUTER; one JSON frame per request).
public enum APIRequest: Sendable, Hashable {
    /// `{"op":"submit","article":{…}}`: acknowledged once the article and its result are committed.
    case submit(Article)
    /// `{"op":"replay", …}`: one page of stored results in `seq` order.
    case replay(ReplayFilter)
    /// `{"op":"get","article_id"}`: the stored article and its result.
    case get(articleID: String)
    /// `{"op":"stats"}`
    case stats
    /// `{"op":"health"}`
    case health
    /// `{"op":"reprocess","from_seq"?,"to_seq"?,"since"?,"until"?}`: re-extract the articles whose newest
    /// result lies in the range, in the background (only the range fields of the filter are set).
    case reprocess(ReplayFilter)
}
