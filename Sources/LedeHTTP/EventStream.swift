import Foundation
import HTTPTypes
import Hummingbird
import LedeModel
import LedeStore
import LedeWire
import NIOCore
import ServiceLifecycle

/// `/v1/events?types=&lang=&from_seq=`: stored events as Server-Sent Events, read from the store in
/// stream order, so a reader misses none and sees none twice, however slow it is. Each event's `id` is
/// `seq.index`: a browser that reconnects sends it back as `Last-Event-ID` and resumes after it.
/// Without `from_seq` or `Last-Event-ID` the stream starts with the newest `newest` events.
struct EventStream: Sendable {
    let store: any ResultStore
    var query: EventQuery
    /// How often the store is asked for new events while there are none.
    static let pollInterval: Duration = .milliseconds(200)
    /// A comment line this often keeps proxies from closing a quiet stream and finds a gone reader.
    static let keepAliveInterval: Duration = .seconds(5)
    static let newest = 20

    static func parse(_ request: Request, store: any ResultStore) -> Result<EventStream, InputError> {
        let parameters = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
        if let unknown = parameters.first(where: { !["types", "type", "lang", "from_seq"].contains($0.name) }) {
            return .failure(InputError(code: .badRequest, message: "unknown parameter \"\(unknown.name)\"; known: types, lang, from_seq"))
        }
        // The same names, checks and errors as replay's.
        let filter: ReplayFilter
        switch APIRequestDecoder.replayFilter(query: parameters) {
        case .success(let f): filter = f
        case .failure(let error): return .failure(error)
        }
        let types = filter.types, lang = filter.lang
        let fromSeq = parameters.contains { $0.name == "from_seq" } ? filter.fromSeq : nil
        var query = EventQuery(types: types, lang: lang)
        if let last = request.headers[HTTPField.Name("Last-Event-ID")!], let position = position(last) {
            query.after = position
        } else if let fromSeq {
            query.after = (fromSeq, -1)
        } else {
            do {
                query.after = try store.positionBeforeNewestEvents(newest, types: types, lang: lang)
            } catch {
                return .failure(InputError(code: .unavailable, message: "the store cannot be read now: \(error)"))
            }
        }
        return .success(EventStream(store: store, query: query))
    }

    /// `seq.index` → position.
    static func position(_ id: String) -> (seq: Int64, index: Int)? {
        let parts = id.split(separator: ".")
        guard parts.count == 2, let seq = Int64(parts[0]), let index = Int(parts[1]) else { return nil }
        return (seq, index)
    }

    /// Writes events as they are committed until the reader goes away or `running` turns false.
    func write(to writer: inout any ResponseBodyWriter, while running: @Sendable () -> Bool) async throws {
        var query = self.query
        var quietSince = ContinuousClock.now
        try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
        // A graceful shutdown ends the stream (the browser reconnects elsewhere or later, resuming with
        // Last-Event-ID); so does the service stopping.
        while running(), !Task.isCancelled, !Task.isShuttingDownGracefully {
            let events = try store.events(query)
            if events.isEmpty {
                if ContinuousClock.now - quietSince >= Self.keepAliveInterval {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    quietSince = ContinuousClock.now
                }
                try await Task.sleep(for: Self.pollInterval)
                continue
            }
            var buffer = ByteBuffer()
            // An article's events come together: its field is cut into code points once for all of them.
            var fields = FieldScalars()
            for event in events {
                buffer.writeString("id: \(event.seq).\(event.index)\nevent: event\ndata: ")
                buffer.writeBytes(Self.payload(event, &fields))
                buffer.writeString("\n\n")
                query.after = (event.seq, event.index)
            }
            try await writer.write(buffer)
            quietSince = ContinuousClock.now
        }
        try await writer.finish(nil)
    }

    /// `{"seq","index","type","lang","title","sentence","trigger":[start,end],"message":{…}}`: the event
    /// message as published, with its sentence's text and the trigger's place in it (code points), so
    /// a page can show the trigger in its sentence without the article.
    static func payload(_ event: StoredEvent, _ fields: inout FieldScalars) -> [UInt8] {
        let message = (try? JSONReader.parse(event.json)) ?? .null
        let e = message["event"] ?? .null
        let scalars = fields.scalars(of: event, title: e["sentence"]?["field"]?.stringValue == "title")
        func offset(_ v: JSONValue?) -> Int? { v?.intValue.map { min(max(0, $0), scalars.count) } }
        var w = JSONWriter()
        w.beginObject()
        w.key("seq"); w.int64(event.seq)
        w.key("index"); w.int(event.index)
        w.key("type"); w.string(event.type)
        w.key("lang"); w.string(event.lang)
        w.key("title"); w.string(event.title)
        if let start = offset(e["sentence"]?["start"]), let end = offset(e["sentence"]?["end"]), start <= end {
            var sentence = String.UnicodeScalarView()
            sentence.append(contentsOf: scalars[start..<end])
            w.key("sentence"); w.string(String(sentence))
            if let ts = offset(e["trigger"]?["start"]), let te = offset(e["trigger"]?["end"]), ts >= start, te <= end, ts <= te {
                w.key("trigger"); w.beginArray(); w.int(ts - start); w.int(te - start); w.endArray()
            }
        }
        w.key("message"); w.raw(event.json)
        w.endObject()
        return w.bytes
    }
}

/// The code points of the article field events point into, kept while consecutive events are of the
/// same result.
struct FieldScalars {
    private var key: (seq: Int64, title: Bool)?
    private var cached: [Unicode.Scalar] = []

    mutating func scalars(of event: StoredEvent, title: Bool) -> [Unicode.Scalar] {
        if let key, key.seq == event.seq, key.title == title { return cached }
        cached = Array((title ? (event.title ?? "") : event.body).unicodeScalars)
        key = (event.seq, title)
        return cached
    }
}
