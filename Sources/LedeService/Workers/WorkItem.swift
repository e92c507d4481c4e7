import LedeExtraction
import LedeModel
import LedeStore
import LedeWire
import ZeroMQ

/// Where an input came in.
enum IngestSource: String, Sendable {
    case sub, pull, api
    /// Not an ingest: the service's own reprocess job, re-reading stored articles.
    case reprocess
}

/// An input on its way to a worker.
struct WorkItem: Sendable {
    enum Payload: Sendable {
        /// Raw frames from SUB or PULL, decoded and checked by the worker.
        case frames(Socket.Message)
        /// An article from `submit`, already decoded by the API loop.
        case article(Article)
        /// A stored article to extract again (reprocess): its result is the article's next revision.
        case stored(StoredArticle)
    }

    var source: IngestSource
    var payload: Payload
    var receivedAtMillis: Int64
    /// The ROUTER envelope of a `submit`, to answer once the article is committed.
    var envelope: [[UInt8]]?
}

/// A worker's output on its way to the committer.
struct CommitRequest: Sendable {
    var item: CommitItem
    var envelope: [[UInt8]]?
    /// For a reject: the error to answer a `submit` with.
    var error: InputError?
}
