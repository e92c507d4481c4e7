import LedeModel
import LedeWire

/// API request bodies, as clients send them.
public enum Requests {
    public static func submit(article: [UInt8]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("op"); w.string("submit")
        w.key("article"); w.raw(article)
        w.endObject()
        return w.bytes
    }

    public static func replay(fromSeq: Int64?, toSeq: Int64? = nil, since: String? = nil, until: String? = nil, types: [String] = [], lang: String? = nil, entity: String? = nil, limit: Int? = nil) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("op"); w.string("replay")
        if let fromSeq { w.key("from_seq"); w.int64(fromSeq) }
        if let toSeq { w.key("to_seq"); w.int64(toSeq) }
        if let since { w.key("since"); w.string(since) }
        if let until { w.key("until"); w.string(until) }
        if !types.isEmpty {
            w.key("types"); w.beginArray()
            for t in types { w.string(t) }
            w.endArray()
        }
        if let lang { w.key("lang"); w.string(lang) }
        if let entity { w.key("entity"); w.string(entity) }
        if let limit { w.key("limit"); w.int(limit) }
        w.endObject()
        return w.bytes
    }

    /// A `replay` page of `filter` (times as epoch milliseconds).
    public static func replay(_ filter: ReplayFilter) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("op"); w.string("replay")
        range(filter, &w)
        if !filter.types.isEmpty {
            w.key("types"); w.beginArray()
            for t in filter.types { w.string(t) }
            w.endArray()
        }
        if let lang = filter.lang { w.key("lang"); w.string(lang) }
        if let entity = filter.entity { w.key("entity"); w.string(entity) }
        if filter.latest { w.key("latest"); w.bool(true) }
        w.key("limit"); w.int(filter.limit)
        w.endObject()
        return w.bytes
    }

    /// Starts a reprocess of the articles whose newest result is in `filter`'s seq and time range.
    public static func reprocess(_ filter: ReplayFilter) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("op"); w.string("reprocess")
        range(filter, &w)
        w.endObject()
        return w.bytes
    }

    private static func range(_ filter: ReplayFilter, _ w: inout JSONWriter) {
        w.key("from_seq"); w.int64(filter.fromSeq)
        if let to = filter.toSeq { w.key("to_seq"); w.int64(to) }
        if let since = filter.since { w.key("since"); w.int64(since) }
        if let until = filter.until { w.key("until"); w.int64(until) }
    }

    public static func simple(_ op: String) -> [UInt8] { Array("{\"op\":\"\(op)\"}".utf8) }

    public static func get(articleID: String) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("op"); w.string("get")
        w.key("article_id"); w.string(articleID)
        w.endObject()
        return w.bytes
    }
}
