import LedeExtraction

/// Encoders for the messages the service publishes and stores. Shapes are described in
/// `Protocols/README.md` and `Protocols/schemas/*.schema.json`; `SchemaConformanceTests` keeps them in step.
public enum ResultEncoding {
    /// The result object: published on `article.<lang>`, stored in SQLite, returned by `replay` and `get`.
    ///
    /// `{"seq","article_id","lang","extractor","committed_at","article":{…},"mentions":[…],"entities":[…],"events":[…]}`
    public static func result(_ r: ExtractionResult, seq: Int64, article: Article, committedAtMillis: Int64) -> [UInt8] {
        var w = JSONWriter(capacity: 512 + r.mentions.count * 96 + r.events.count * 512)
        w.beginObject()
        w.rawKey("\"seq\":")
        w.int64(seq)
        w.rawKey("\"article_id\":")
        w.string(article.id)
        w.rawKey("\"lang\":")
        w.string(r.lang)
        w.rawKey("\"extractor\":")
        w.string(r.extractorVersion)
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
    /// `{"seq","article_id","lang","index","published_at"?,"event":EVENT}`.
    public static func event(_ e: Event, index: Int, seq: Int64, article: Article, lang: String, entities: [Entity]) -> [UInt8] {
        var w = JSONWriter(capacity: 640)
        w.beginObject()
        w.rawKey("\"seq\":")
        w.int64(seq)
        w.rawKey("\"article_id\":")
        w.string(article.id)
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
    /// Writes a quoted `iso8601(millisSince1970:)` timestamp.
    public mutating func timestamp(millisSince1970 millis: Int64) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Timestamps.appendISO8601(millisSince1970: millis, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `{"id","url"?,"title"?,"source"?,"published_at"?}` (no body).
    mutating func articleHeader(_ a: Article) {
        beginObject()
        rawKey("\"id\":")
        string(a.id)
        if let url = a.url {
            rawKey("\"url\":")
            string(url)
        }
        if let title = a.title {
            rawKey("\"title\":")
            string(title)
        }
        if let source = a.source {
            rawKey("\"source\":")
            string(source)
        }
        if let date = a.publishedAt {
            rawKey("\"published_at\":")
            string(date.iso)
        }
        endObject()
    }

    mutating func spanOffsets(_ s: Span) {
        rawKey("\"field\":")
        string(s.field.rawValue)
        rawKey("\"start\":")
        int(s.start)
        rawKey("\"end\":")
        int(s.end)
    }

    mutating func mention(_ m: Mention) {
        beginObject()
        rawKey("\"entity\":")
        int(m.entity)
        rawKey("\"type\":")
        string(m.type.rawValue)
        rawKey("\"text\":")
        string(m.span.text)
        spanOffsets(m.span)
        if let value = m.value {
            rawKey("\"value\":")
            string(value)
        }
        rawKey("\"source\":")
        string(m.source)
        endObject()
    }

    mutating func entity(_ e: Entity) {
        beginObject()
        rawKey("\"id\":")
        int(e.id)
        rawKey("\"type\":")
        string(e.type.rawValue)
        rawKey("\"name\":")
        string(e.name)
        if let country = e.country {
            rawKey("\"country\":")
            string(country)
        }
        if let geonames = e.geonamesID {
            rawKey("\"geonames_id\":")
            int(geonames)
        }
        if let cameo = e.cameo {
            rawKey("\"cameo\":")
            string(cameo)
        }
        endObject()
    }

    /// ARG: `{"entity","name"?,"text","field","start","end","cameo"?}`; `name` is the entity's canonical name.
    mutating func argument(_ a: EventArgument, entities: [Entity]) {
        beginObject()
        rawKey("\"entity\":")
        int(a.entity)
        if let index = a.entity, entities.indices.contains(index) {
            rawKey("\"name\":")
            string(entities[index].name)
        }
        rawKey("\"text\":")
        string(a.span.text)
        spanOffsets(a.span)
        if let cameo = a.cameo {
            rawKey("\"cameo\":")
            string(cameo)
        }
        endObject()
    }

    mutating func optionalArgument(_ a: EventArgument?, entities: [Entity]) {
        if let a { argument(a, entities: entities) } else { null() }
    }

    mutating func event(_ e: Event, entities: [Entity]) {
        beginObject()
        rawKey("\"type\":")
        string(e.type)
        if let mode = e.mode {
            rawKey("\"mode\":")
            string(mode)
        }
        if let context = e.context {
            rawKey("\"context\":")
            string(context)
        }
        rawKey("\"cameo\":")
        string(e.cameo)
        rawKey("\"quad_class\":")
        int(e.quadClass)
        rawKey("\"goldstein\":")
        double(e.goldstein)
        rawKey("\"trigger\":")
        beginObject()
        rawKey("\"text\":")
        string(e.trigger.text)
        spanOffsets(e.trigger)
        endObject()
        rawKey("\"actors\":")
        beginArray()
        for a in e.actors { argument(a, entities: entities) }
        endArray()
        rawKey("\"recipients\":")
        beginArray()
        for a in e.recipients { argument(a, entities: entities) }
        endArray()
        rawKey("\"location\":")
        optionalArgument(e.location, entities: entities)
        rawKey("\"date\":")
        if let d = e.date {
            beginObject()
            rawKey("\"value\":")
            string(d.value)
            rawKey("\"granularity\":")
            string(d.granularity.rawValue)
            rawKey("\"origin\":")
            string(d.origin.rawValue)
            if let span = d.span {
                rawKey("\"text\":")
                string(span.text)
                spanOffsets(span)
            }
            endObject()
        } else {
            null()
        }
        rawKey("\"counts\":")
        beginArray()
        for c in e.counts {
            beginObject()
            rawKey("\"kind\":")
            string(c.kind)
            rawKey("\"value\":")
            int(c.value)
            rawKey("\"qualifier\":")
            string(c.qualifier.rawValue)
            if let span = c.span {
                rawKey("\"text\":")
                string(span.text)
                spanOffsets(span)
            }
            endObject()
        }
        endArray()
        // One flattened key per count kind ("killed": 550), first count of a kind wins; kinds that would
        // collide with an event key are only in "counts".
        var flattened: [String] = []
        for c in e.counts where !ResultEncoding.reservedEventKeys.contains(c.kind) && !flattened.contains(c.kind) {
            flattened.append(c.kind)
            key(c.kind)
            int(c.value)
        }
        rawKey("\"modality\":")
        string(e.modality.rawValue)
        rawKey("\"attribution\":")
        optionalArgument(e.attribution, entities: entities)
        rawKey("\"confidence\":")
        double(e.confidence)
        rawKey("\"sentence\":")
        beginObject()
        spanOffsets(e.sentence)
        endObject()
        endObject()
    }

    /// The article with its body, as `get` returns it:
    /// `{"id","url"?,"title"?,"body","lang"?,"published_at"?,"source"?}`.
    public mutating func article(_ a: Article) {
        beginObject()
        rawKey("\"id\":")
        string(a.id)
        if let url = a.url {
            rawKey("\"url\":")
            string(url)
        }
        if let title = a.title {
            rawKey("\"title\":")
            string(title)
        }
        rawKey("\"body\":")
        string(a.body)
        if let lang = a.lang {
            rawKey("\"lang\":")
            string(lang)
        }
        if let date = a.publishedAt {
            rawKey("\"published_at\":")
            string(date.iso)
        }
        if let source = a.source {
            rawKey("\"source\":")
            string(source)
        }
        endObject()
    }
}

/// Articles as JSON, for producers (`lede push` wrapping text files) and for `get`.
public enum ArticleEncoding {
    /// The article object with its body; reads back through `ArticleDecoder.decode` to an equal article.
    public static func json(_ a: Article) -> [UInt8] {
        var w = JSONWriter(capacity: a.body.utf8.count + 256)
        w.article(a)
        return w.bytes
    }
}
