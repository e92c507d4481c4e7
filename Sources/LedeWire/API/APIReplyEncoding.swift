import LedeModel

/// Replies on the API socket, one JSON frame each. Every reply has `"ok"`.
public enum APIReplyEncoding {
    /// `{"ok":true,"article_id","seq","duplicate"}`; `duplicate` is true when the id was already stored
    /// and `seq` is the original one.
    public static func submitted(articleID: String, seq: Int64, duplicate: Bool) -> [UInt8] {
        var w = JSONWriter(capacity: 96 + articleID.utf8.count)
        w.beginObject()
        w.rawKey("\"ok\":")
        w.bool(true)
        w.rawKey("\"article_id\":")
        w.string(articleID)
        w.rawKey("\"seq\":")
        w.int64(seq)
        w.rawKey("\"duplicate\":")
        w.bool(duplicate)
        w.endObject()
        return w.bytes
    }

    /// `{"ok":false,"error":{"code","message"}}`
    public static func error(_ e: InputError) -> [UInt8] {
        error(code: e.code.rawValue, message: e.message)
    }

    /// `{"ok":false,"error":{"code","message"}}` for failures that are not input errors (e.g. `internal`,
    /// `unavailable`, `not_found`).
    public static func error(code: String, message: String) -> [UInt8] {
        var w = JSONWriter(capacity: 64 + message.utf8.count)
        w.beginObject()
        w.rawKey("\"ok\":")
        w.bool(false)
        w.rawKey("\"error\":")
        w.beginObject()
        w.rawKey("\"code\":")
        w.string(code)
        w.rawKey("\"message\":")
        w.string(message)
        w.endObject()
        w.endObject()
        return w.bytes
    }

    /// `{"ok":true,"items":[…],"next_seq","last_seq"}`; `items` are stored result JSON, embedded as is;
    /// `next_seq` is null when there is nothing more to page through.
    public static func replayPage(items: [[UInt8]], nextSeq: Int64?, lastSeq: Int64) -> [UInt8] {
        var page = ReplayPageWriter(capacity: 64 + items.reduce(0) { $0 + $1.count + 1 })
        for item in items { item.withUnsafeBytes { page.append(item: $0) } }
        return page.finish(nextSeq: nextSeq, lastSeq: lastSeq)
    }

    /// `{"ok":true,"article":{…,"body"},"result":{…}|null}` for `get`.
    public static func article(_ a: Article, result: [UInt8]?) -> [UInt8] {
        var w = JSONWriter(capacity: a.body.utf8.count + (result?.count ?? 0) + 256)
        w.beginObject()
        w.rawKey("\"ok\":")
        w.bool(true)
        w.rawKey("\"article\":")
        w.article(a)
        w.rawKey("\"result\":")
        if let result { w.raw(result) } else { w.null() }
        w.endObject()
        return w.bytes
    }

    /// `{"ok":true, "<name>": value, …}` in the given order.
    public static func stats(_ pairs: [(String, Int64)]) -> [UInt8] {
        var w = JSONWriter(capacity: 32 + pairs.count * 32)
        w.beginObject()
        w.rawKey("\"ok\":")
        w.bool(true)
        for (name, value) in pairs where name != "ok" {
            w.key(name)
            w.int64(value)
        }
        w.endObject()
        return w.bytes
    }

    /// `{"ok":true,"job","articles","through_seq"}`: a reprocess job started over `articles` stored
    /// articles, those whose newest result is in the range up to `through_seq`.
    public static func reprocessStarted(job: Int, articles: Int, throughSeq: Int64) -> [UInt8] {
        var w = JSONWriter(capacity: 96)
        w.beginObject()
        w.rawKey("\"ok\":")
        w.bool(true)
        w.rawKey("\"job\":")
        w.int(job)
        w.rawKey("\"articles\":")
        w.int(articles)
        w.rawKey("\"through_seq\":")
        w.int64(throughSeq)
        w.endObject()
        return w.bytes
    }

    /// `{"ok":true,"status","last_seq","uptime_seconds","store":{"writable", …}}`: `store` says since
    /// when and why the store has refused writes, when it does.
    public static func health(status: String, lastSeq: Int64, uptimeSeconds: Double, store: StoreStatus) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.rawKey("\"ok\":")
        w.bool(true)
        w.rawKey("\"status\":")
        w.string(status)
        w.rawKey("\"last_seq\":")
        w.int64(lastSeq)
        w.rawKey("\"uptime_seconds\":")
        w.double(uptimeSeconds)
        w.rawKey("\"store\":")
        w.beginObject()
        w.rawKey("\"writable\":")
        w.bool(store.fault == nil)
        w.rawKey("\"failures\":")
        w.int64(Int64(store.failures))
        if let fault = store.fault {
            w.rawKey("\"since\":")
            w.string(Timestamps.iso8601(millisSince1970: fault.sinceMillis))
            w.rawKey("\"reason\":")
            w.string(fault.reason)
            w.rawKey("\"code\":")
            if let code = fault.code { w.string(code) } else { w.null() }
            w.rawKey("\"held\":")
            w.int64(Int64(fault.held))
        }
        w.endObject()
        w.endObject()
        return w.bytes
    }
}

/// The store as `health` reports it.
public struct StoreStatus: Sendable, Equatable {
    /// Why the store refuses writes, since when; nil while it takes them.
    public struct Fault: Sendable, Equatable {
        public var reason: String
        /// SQLite's name for the failure (`SQLITE_FULL`, …), when it gave one.
        public var code: String?
        public var sinceMillis: Int64
        /// Inputs accepted and waiting for the store: the batch being retried and the queues.
        public var held: Int

        public init(reason: String, code: String?, sinceMillis: Int64, held: Int) {
            self.reason = reason
            self.code = code
            self.sinceMillis = sinceMillis
            self.held = held
        }
    }

    public var fault: Fault?
    /// Commits that failed since the service started.
    public var failures: Int

    public init(fault: Fault? = nil, failures: Int = 0) {
        self.fault = fault
        self.failures = failures
    }

    /// `health`'s `status`: `stopping` while the service stops, else `store_unavailable` while the
    /// store refuses writes, else `ok`.
    public func label(stopping: Bool) -> String {
        stopping ? "stopping" : fault == nil ? "ok" : "store_unavailable"
    }
}
