import LedeModel

/// Encoders for the messages the service publishes and stores. Shapes are described in
/// `Protocols/README.md` and `Protocols/schemas/*.schema.json`; `SchemaConformanceTests` keeps them in step.
public enum ResultEncoding {
    /// The result object: published on `article.<lang>`, stored in SQLite, returned by `replay` and `get`.
    ///
    /// `{"seq","article_id","revision","supersedes"?,"lang","extractor","topic","committed_at","article":{…},"mentions":[…],"entities":[…],"events":[…]}`
    public static func result(
        _ r: ExtractionResult, seq: Int64, article: Article, committedAtMillis: Int64, revision: Revision = .first
    ) -> [UInt8] {
        var w = JSONWriter(capacity: 512 + r.mentions.count * 96 + r.events.count * 512)
        w.beginObject()
        w.rawKey("\"seq\":")
        w.int64(seq)
        w.rawKey("\"article_id\":")
        w.string(article.id)
        w.revision(revision)
        w.rawKey("\"lang\":")
        w.string(r.lang)
        w.rawKey("\"extractor\":")
        w.string(r.extractorVersion)
        w.rawKey("\"topic\":")
        if let topic = r.topic {
            w.beginObject()
            w.rawKey("\"label\":")
            w.string(topic.label)
            w.rawKey("\"score\":")
            w.double(topic.score)
            w.endObject()
        } else {
            w.null()
        }
        w.rawKey("\"committed_at\":")
        w.timestamp(millisSince1970: committedAtMillis)
        w.rawKey("\"article\":")
        w.articleHeader(article)
        w.rawKey("\"mentions\":")
        w.beginArray()
        for m in r.mentions { w.mention(m) }
        w.endArray()
        w.rawKey("\"entities\":")
        w.beginArray()
        for e in r.entities { w.entity(e) }
        w.endArray()
        w.rawKey("\"events\":")
        w.beginArray()
        for e in r.events { w.event(e, entities: r.entities) }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// One event message, published on `event.<TYPE>.<lang>`:
    /// `{"seq","article_id","revision","supersedes"?,"lang","index","published_at"?,"event":EVENT}`.
    public static func event(
        _ e: Event, index: Int, seq: Int64, article: Article, lang: String, entities: [Entity], revision: Revision = .first
    ) -> [UInt8] {
        var w = JSONWriter(capacity: 640)
        w.beginObject()
        w.rawKey("\"seq\":")
        w.int64(seq)
        w.rawKey("\"article_id\":")
        w.string(article.id)
        w.revision(revision)
        w.rawKey("\"lang\":")
        w.string(lang)
        w.rawKey("\"index\":")
        w.int(index)
        if let date = article.publishedAt {
            w.rawKey("\"published_at\":")
            w.string(date.iso)
        }
        w.rawKey("\"event\":")
        w.event(e, entities: entities)
        w.endObject()
        return w.bytes
    }

    /// A refused input, published on `reject`:
    /// `{"reject_id","received_at","source","code","message","size","sha256","article_id"?}`.
    public static func reject(
        id: Int64, code: String, message: String, source: String, size: Int, sha256: String, articleID: String?,
        receivedAtMillis: Int64
    ) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + message.utf8.count)
        w.beginObject()
        w.rawKey("\"reject_id\":")
        w.int64(id)
        w.rawKey("\"received_at\":")
        w.timestamp(millisSince1970: receivedAtMillis)
        w.rawKey("\"source\":")
        w.string(source)
        w.rawKey("\"code\":")
        w.string(code)
        w.rawKey("\"message\":")
        w.string(message)
        w.rawKey("\"size\":")
        w.int(size)
        w.rawKey("\"sha256\":")
        w.string(sha256)
        if let articleID {
            w.rawKey("\"article_id\":")
            w.string(articleID)
        }
        w.endObject()
        return w.bytes
    }

    /// `{"last_seq","time"}`, published on `heartbeat` every second.
    public static func heartbeat(lastSeq: Int64, timeMillis: Int64) -> [UInt8] {
        var w = JSONWriter(capacity: 64)
        w.beginObject()
        w.rawKey("\"last_seq\":")
        w.int64(lastSeq)
        w.rawKey("\"time\":")
        w.timestamp(millisSince1970: timeMillis)
        w.endObject()
        return w.bytes
    }

    /// The topic an event message is published on: `event.<TYPE>.<lang>`.
    public static func eventTopic(type: String, lang: String) -> String { "event.\(type).\(lang)" }

    /// The topic a result is published on: `article.<lang>`.
    public static func resultTopic(lang: String) -> String { "article.\(lang)" }

    /// Keys of an event object that a count kind may not take over as its flattened key.
    static let reservedEventKeys: Set<String> = [
        "type", "mode", "context", "cameo", "quad_class", "goldstein", "trigger", "actors", "recipients",
        "location", "date", "counts", "modality", "attribution", "confidence", "sentence",
    ]
}

extension JSONWriter {
    /// `"revision":N` and, from revision 2 on, `"supersedes":SEQ`.
    mutating func revision(_ r: Revision) {
        rawKey("\"revision\":")
        int(r.number)
        if let supersedes = r.supersedes {
            rawKey("\"supersedes\":")
            int64(supersedes)
        }
    }
}
