import Foundation
import GRDB

/// A stored result during a streamed replay. From SQLite, it is the current row: its fields are read
/// on demand and its JSON in place, without a copy, valid only inside the call that receives it (copy
/// what you keep). From a store that has already copied the row (PostgreSQL's arrive whole), the copy.
public struct ReplayRow {
    private enum Source {
        case sqlite(Row)
        case copied(StoredResult)
    }
    private let source: Source

    init(row: Row) { source = .sqlite(row) }

    public init(_ result: StoredResult) { source = .copied(result) }

    public var seq: Int64 {
        switch source {
        case .sqlite(let row): row[StoredResult.Column.seq]
        case .copied(let result): result.seq
        }
    }

    public var articleID: String {
        switch source {
        case .sqlite(let row): row[StoredResult.Column.articleID]
        case .copied(let result): result.articleID
        }
    }

    public var lang: String {
        switch source {
        case .sqlite(let row): row[StoredResult.Column.lang]
        case .copied(let result): result.lang
        }
    }

    /// Calls `body` with the stored result JSON (from SQLite, in SQLite's own buffer).
    public func withJSON<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        switch source {
        case .sqlite(let row):
            try row.withUnsafeData(atIndex: StoredResult.Column.json) { data in
                guard let data else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
                return try data.withUnsafeBytes(body)
            }
        case .copied(let result):
            try result.json.withUnsafeBytes(body)
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
