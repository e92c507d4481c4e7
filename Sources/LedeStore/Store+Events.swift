import Foundation
import GRDB

/// A stored event message with what a reader needs to show it: its place in the stream (`seq`,
/// `index`), its type and language, its JSON as published, and the text of the article field its
/// sentence is in.
public struct StoredEvent: Sendable, Equatable {
    public var seq: Int64
    public var index: Int
    public var type: String
    public var lang: String
    public var json: [UInt8]
    public var title: String?
    public var body: String

    public init(seq: Int64, index: Int, type: String, lang: String, json: [UInt8], title: String?, body: String) {
        self.seq = seq
        self.index = index
        self.type = type
        self.lang = lang
        self.json = json
        self.title = title
        self.body = body
    }
}

/// Which events to read: after a position in the stream, of some types, in one language.
public struct EventQuery: Sendable, Equatable {
    /// Events after this `(seq, index)`; `(n, -1)` starts at seq `n` itself.
    public var after: (seq: Int64, index: Int)
    public var types: [String]
    public var lang: String?
    public var limit: Int

    public init(after: (seq: Int64, index: Int) = (0, -1), types: [String] = [], lang: String? = nil, limit: Int = 200) {
        self.after = after
        self.types = types
        self.lang = lang
        self.limit = limit
    }

    public static func == (a: EventQuery, b: EventQuery) -> Bool {
        a.after == b.after && a.types == b.types && a.lang == b.lang && a.limit == b.limit
    }
}

extension Store {
    /// Events in stream order (seq, then index), from the `events` table with their result's language
    /// and article text. Every committed event is found exactly once by paging with `after`.
    public func events(_ query: EventQuery) throws -> [StoredEvent] {
        try read("read events") { db in
            var sql = """
                SELECT e.seq, e.idx, e.type, r.lang, e.json, a.title, a.body FROM events e
                JOIN results r ON r.seq = e.seq JOIN articles a ON a.id = r.article_id
                WHERE (e.seq > ? OR (e.seq = ? AND e.idx > ?))
                """
            var arguments: StatementArguments = [query.after.seq, query.after.seq, query.after.index]
            if !query.types.isEmpty {
                sql += " AND e.type IN (\(Array(repeating: "?", count: query.types.count).joined(separator: ",")))"
                for t in query.types { arguments += [t] }
            }
            if let lang = query.lang {
                sql += " AND r.lang = ?"
                arguments += [lang]
            }
            sql += " ORDER BY e.seq, e.idx LIMIT ?"
            arguments += [query.limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(StoredEvent.init(row:))
        }
    }

    /// The position just before the newest `count` events that match `types` and `lang`: where a reader
    /// that wants to see the latest few starts.
    public func positionBeforeNewestEvents(_ count: Int, types: [String], lang: String?) throws -> (seq: Int64, index: Int) {
        try read("read newest events") { db in
            var sql = "SELECT e.seq, e.idx FROM events e JOIN results r ON r.seq = e.seq WHERE 1"
            var arguments: StatementArguments = []
            if !types.isEmpty {
                sql += " AND e.type IN (\(Array(repeating: "?", count: types.count).joined(separator: ",")))"
                for t in types { arguments += [t] }
            }
            if let lang {
                sql += " AND r.lang = ?"
                arguments += [lang]
            }
            sql += " ORDER BY e.seq DESC, e.idx DESC LIMIT 1 OFFSET ?"
            arguments += [max(0, count)]
            guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return (0, -1) }
            return (row[0], row[1])
        }
    }
}

extension StoredEvent {
    init(row: Row) {
        seq = row[0]
        index = row[1]
        type = row[2]
        lang = row[3]
        json = [UInt8]((row[4] as Data?) ?? Data())
        title = row[5]
        body = row[6]
    }
}
