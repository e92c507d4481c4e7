import Foundation
import GRDB

/// A stored result as SQLite's current row during a streamed replay: its fields are read on demand and
/// its JSON in place, without a copy. Valid only inside the call that receives it; copy what you keep.
public struct ReplayRow {
    let row: Row

    public var seq: Int64 { row[StoredResult.Column.seq] }
    public var articleID: String { row[StoredResult.Column.articleID] }
    public var lang: String { row[StoredResult.Column.lang] }

    /// Calls `body` with the stored result JSON, in SQLite's own buffer.
    public func withJSON<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        try row.withUnsafeData(atIndex: StoredResult.Column.json) { data in
            guard let data else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return try data.withUnsafeBytes(body)
        }
    }
}

/// Where a replay page ends: the seq the next page starts at (nil when this page is the last), the
/// last committed seq overall when the page was read, and, when the replay started in a pruned range,
/// the first seq that may still be stored.
public struct ReplayBounds: Sendable, Equatable {
    public var nextSeq: Int64?
    public var lastSeq: Int64
    public var prunedBefore: Int64?

    public init(nextSeq: Int64?, lastSeq: Int64, prunedBefore: Int64? = nil) {
        self.nextSeq = nextSeq
        self.lastSeq = lastSeq
        self.prunedBefore = prunedBefore
    }
}
