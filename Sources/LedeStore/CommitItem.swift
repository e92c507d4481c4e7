import LedeModel

/// One thing the writer commits: an article with its extraction result, a stored article's new
/// extraction (its next revision), or a refused input.
public enum CommitItem: Sendable {
    case result(StoredArticle, ExtractionResult)
    case revision(StoredArticle, ExtractionResult)
    case reject(RejectRecord)
}

/// An article as stored: the decoded article, when and how it arrived.
public struct StoredArticle: Sendable {
    public var article: Article
    /// `published_at` as the producer wrote it (ISO 8601), kept verbatim.
    public var publishedAtText: String?
    public var receivedAtMillis: Int64
    /// "sub", "pull" or "api".
    public var ingest: String

    public init(article: Article, publishedAtText: String?, receivedAtMillis: Int64, ingest: String) {
        self.article = article
        self.publishedAtText = publishedAtText
        self.receivedAtMillis = receivedAtMillis
        self.ingest = ingest
    }
}

/// A refused input, kept with its reason; `raw` is nil when it was over the size limit.
public struct RejectRecord: Sendable {
    public var receivedAtMillis: Int64
    public var source: String
    public var code: String
    public var message: String
    public var size: Int
    public var sha256: String
    public var raw: [UInt8]?
    public var articleID: String?

    public init(
        receivedAtMillis: Int64, source: String, code: String, message: String, size: Int, sha256: String,
        raw: [UInt8]?, articleID: String?
    ) {
        self.receivedAtMillis = receivedAtMillis
        self.source = source
        self.code = code
        self.message = message
        self.size = size
        self.sha256 = sha256
        self.raw = raw
        self.articleID = articleID
    }
}

/// What committing an item did.
public enum CommitOutcome: Sendable, Equatable {
    /// A new result, with its seq and its JSON as stored (to publish).
    case stored(seq: Int64, RenderedResult)
    /// The article id was already stored: nothing was written; this is the original seq.
    case duplicate(seq: Int64)
    /// A reject row was written.
    case rejected(id: Int64)
    /// A revision of an article that is no longer stored (pruned meanwhile): nothing was written.
    case gone
}

extension CommitOutcome {
    /// The seq a stored result has, or a duplicate's original one.
    public var seq: Int64? {
        switch self {
        case .stored(let seq, _), .duplicate(let seq): seq
        case .rejected, .gone: nil
        }
    }
}

/// A result's JSON and its event messages' JSON, as stored and published.
public struct RenderedResult: Sendable, Equatable {
    public var result: [UInt8]
    public var events: [[UInt8]]

    public init(result: [UInt8], events: [[UInt8]] = []) {
        self.result = result
        self.events = events
    }
}
