import LedeModel

/// How the model types are written: shared by results, event messages and `get` replies.
extension JSONWriter {
    /// Writes a quoted `iso8601(millisSince1970:)` timestamp.
    public mutating func timestamp(millisSince1970 millis: Int64) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Timestamps.appendISO8601(millisSince1970: millis, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `"key":value` when there is a value, nothing when there is none: the optional members of the
    /// schemas are left out rather than written as null.
    mutating func optionalMember(_ quotedKeyWithColon: StaticString, _ value: String?) {
        guard let value else { return }
        rawKey(quotedKeyWithColon)
        string(value)
    }

    mutating func optionalMember(_ quotedKeyWithColon: StaticString, _ value: Int?) {
        guard let value else { return }
        rawKey(quotedKeyWithColon)
        int(value)
    }

    /// `{"id","url"?,"title"?,"source"?,"published_at"?}` (no body).
    mutating func articleHeader(_ a: Article) {
        beginObject()
        rawKey("\"id\":")
        string(a.id)
        optionalMember("\"url\":", a.url)
        optionalMember("\"title\":", a.title)
        optionalMember("\"source\":", a.source)
        optionalMember("\"published_at\":", a.publishedAt?.iso)
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
        optionalMember("\"value\":", m.value)
        optionalMember("\"unit\":", m.unit)
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
        optionalMember("\"country\":", e.country)
        optionalMember("\"geonames_id\":", e.geonamesID)
        optionalMember("\"cameo\":", e.cameo)
        if let place = e.place { coordinates(place) }
        endObject()
    }

    /// `"latitude","longitude","admin1"?,"precision"` of a place; its country and GeoNames id are
    /// written by the caller (an entity has them as fields of its own).
    mutating func coordinates(_ p: Place) {
        rawKey("\"latitude\":")
        double(p.latitude)
        rawKey("\"longitude\":")
        double(p.longitude)
        optionalMember("\"admin1\":", p.admin1)
        rawKey("\"precision\":")
        string(p.precision.rawValue)
    }

    /// ARG: `{"entity","name"?,"text","field","start","end","cameo"?}`; `name` is the entity's canonical name.
    /// A location with a place adds `"country"?,"geonames_id"?,"latitude","longitude","admin1"?,"precision"`.
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
        optionalMember("\"cameo\":", a.cameo)
        if let place = a.place {
            optionalMember("\"country\":", place.country)
            optionalMember("\"geonames_id\":", place.geonamesID)
            coordinates(place)
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
        optionalMember("\"mode\":", e.mode)
        optionalMember("\"context\":", e.context)
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
        rawKey("\"mentions\":")
        beginArray()
        for m in e.mentions {
            beginObject()
            rawKey("\"text\":")
            string(m.text)
            spanOffsets(m)
            endObject()
        }
        endArray()
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
        optionalMember("\"url\":", a.url)
        optionalMember("\"title\":", a.title)
        rawKey("\"body\":")
        string(a.body)
        optionalMember("\"lang\":", a.lang)
        optionalMember("\"published_at\":", a.publishedAt?.iso)
        optionalMember("\"source\":", a.source)
        endObject()
    }
}
