import Foundation
import LedeModel
import LedeWire
import ZeroMQ

/// A subscriber that ends with every matching message exactly once, although ZeroMQ's PUB drops
/// messages for slow and late subscribers: it subscribes first, replays stored results up to the live
/// stream, de-duplicates by seq, and when a heartbeat announces a seq it has not accounted for, it
/// replays the difference with the same filter (the Clone pattern of the ZeroMQ guide).
public final class GapFreeSubscription {
    /// A message as delivered: its topic, its seq (nil for rejects and heartbeats) and its JSON.
    public struct Delivery: Sendable {
        public var topic: String
        public var seq: Int64?
        public var json: [UInt8]
    }

    let context: Context
    let publishEndpoint: String
    let api: RequestClient
    public let topics: [String]
    let showHeartbeats: Bool
    private var checked: Int64?
    private var emitted = Set<Key>()
    private var contiguous: Int64 = 0
    /// Replays this subscription has made to fill gaps (after the first catch-up).
    public private(set) var recoveries = 0
    public var receiveHighWaterMark: Int32?
    /// Called after each live message is handled; a test uses it to play a slow consumer.
    public var afterLiveMessage: (() -> Void)?
    public var curve: ClientCurve?

    struct Key: Hashable {
        var seq: Int64
        var index: Int
    }

    /// `topics` are prefixes as on the PUB socket; empty means articles, events and rejects.
    public init(context: Context, publishEndpoint: String, api: RequestClient, topics: [String]) {
        self.context = context
        self.publishEndpoint = publishEndpoint
        self.api = api
        let topics = topics.isEmpty ? ["article", "event", "reject"] : topics
        self.topics = topics
        self.showHeartbeats = topics.contains { "heartbeat".hasPrefix($0) }
    }

    /// Runs until `shouldStop` returns true (checked at least every 100 ms). With `fromSeq`, stored
    /// results from that seq are delivered first; without it, delivery is gap-free from the start.
    public func run(fromSeq: Int64?, shouldStop: () -> Bool, deliver: (Delivery) -> Void) throws {
        let sub = try Socket(context, .sub)
        if let hwm = receiveHighWaterMark { try sub.setReceiveHighWaterMark(hwm) }
        if let curve { try sub.makeCurveClient(serverKey: curve.serverKey, publicKey: curve.publicKey, secretKey: curve.secretKey) }
        for topic in topics { try sub.subscribe(topic) }
        if !showHeartbeats { try sub.subscribe("heartbeat") }
        try sub.connect(publishEndpoint)
        var poller = Poller()
        poller.add(sub)

        if let fromSeq {
            // Subscribed first, so nothing committed from now on is missed; the heartbeat proves the
            // connection is up before the replay starts.
            let deadline = Date(timeIntervalSinceNow: 3)
            while Date() < deadline, !shouldStop() {
                guard try poller.poll(timeout: 100).first == true, let m = try sub.receive(dontWait: true) else { continue }
                if handleLive(m, deliver: deliver, catchUpOnHeartbeat: false) { break }
            }
            try catchUp(from: fromSeq, deliver: deliver)
        }
        while !shouldStop() {
            guard try poller.poll(timeout: 100).first == true else { continue }
            while let m = try sub.receive(dontWait: true) {
                _ = handleLive(m, deliver: deliver, catchUpOnHeartbeat: true)
                afterLiveMessage?()
                if shouldStop() { break }
            }
        }
        sub.close()
    }

    /// Returns whether the message was a heartbeat.
    private func handleLive(_ message: Socket.Message, deliver: (Delivery) -> Void, catchUpOnHeartbeat: Bool) -> Bool {
        guard message.frames.count == 2 else { return false }
        let topic = String(decoding: message.frames[0], as: UTF8.self)
        let json = message.frames[1]
        guard let value = try? JSONReader.parse(json) else { return false }
        if topic == "heartbeat" {
            if showHeartbeats { deliver(Delivery(topic: topic, seq: nil, json: json)) }
            guard let last = value["last_seq"]?.int64Value else { return true }
            if checked == nil && catchUpOnHeartbeat {
                // Live only: gap-free from the first heartbeat on.
                checked = last
                contiguous = last
            } else if let c = checked, last > c, catchUpOnHeartbeat {
                if coversAllArticles && contiguous >= last {
                    checked = last
                } else {
                    recoveries += 1
                    try? catchUp(from: c + 1, deliver: deliver)
                }
            }
            return true
        }
        guard matches(topic) else { return false }
        let seq = value["seq"]?.int64Value
        if topic.hasPrefix("article."), let seq {
            if seq == contiguous + 1 { contiguous = seq }
            deliverOnce(Key(seq: seq, index: -1), Delivery(topic: topic, seq: seq, json: json), deliver)
        } else if topic.hasPrefix("event."), let seq, let index = value["index"]?.intValue {
            deliverOnce(Key(seq: seq, index: index), Delivery(topic: topic, seq: seq, json: json), deliver)
        } else {
            deliver(Delivery(topic: topic, seq: seq, json: json))
        }
        return false
    }

    private var coversAllArticles: Bool { topics.contains { "article.".hasPrefix($0) } }

    private func matches(_ topic: String) -> Bool { topics.contains { topic.hasPrefix($0) } }

    private func deliverOnce(_ key: Key, _ delivery: Delivery, _ deliver: (Delivery) -> Void) {
        if let c = checked, emitted.count > 200_000 { emitted = emitted.filter { $0.seq > c - 50_000 } }
        if emitted.insert(key).inserted { deliver(delivery) }
    }

    /// Replays stored results from `seq` to the end, delivering the messages that match the topics.
    func catchUp(from seq: Int64, deliver: (Delivery) -> Void) throws {
        let filter = serverFilter
        var from: Int64? = seq
        while let start = from {
            let reply = try api.request(Requests.replay(fromSeq: start, types: filter.types, lang: filter.lang, limit: 1000))
            guard reply["ok"]?.boolValue == true, let items = reply["items"]?.arrayValue else {
                throw RequestClient.Failure(description: "replay refused: \(reply["error"]?["message"]?.stringValue ?? "unknown error")")
            }
            // The service no longer has what came before: said once, in the stream, so a consumer
            // knows what it cannot get back instead of waiting for it.
            if start == seq, let pruned = reply["pruned_before"]?.int64Value {
                deliver(Delivery(topic: "pruned", seq: pruned, json: Array(#"{"pruned_before":\#(pruned)}"#.utf8)))
            }
            for item in items { deliverReplayed(item, deliver) }
            from = reply["next_seq"]?.int64Value
            if from == nil, let last = reply["last_seq"]?.int64Value {
                checked = max(checked ?? 0, last)
                if coversAllArticles && filter.lang == nil { contiguous = max(contiguous, last) }
            }
        }
    }

    /// The narrowest replay filter that still returns every result whose messages match the topics.
    public var serverFilter: (types: [String], lang: String?) {
        var types = Set<String>(), langs = Set<String?>()
        for topic in topics {
            let parts = topic.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, parts[0] == "event", !parts[1].isEmpty, parts[1] == parts[1].uppercased(),
                topic.hasSuffix(".") || parts.count >= 3 || isKnownType(parts[1])
            else { return ([], nil) }
            types.insert(parts[1])
            langs.insert(parts.count >= 3 && !parts[2].isEmpty ? parts[2] : nil)
        }
        let lang = langs.count == 1 ? langs.first! : nil
        return (types.sorted(), lang)
    }

    private func isKnownType(_ t: String) -> Bool { PloverTypes.all.contains(t) }

    /// A replayed result becomes the messages it was published as: its article message and one
    /// message per event.
    private func deliverReplayed(_ item: JSONValue, _ deliver: (Delivery) -> Void) {
        guard let seq = item["seq"]?.int64Value, let lang = item["lang"]?.stringValue else { return }
        let articleTopic = "article.\(lang)"
        if matches(articleTopic) {
            var w = JSONWriter()
            w.value(item)
            deliverOnce(Key(seq: seq, index: -1), Delivery(topic: articleTopic, seq: seq, json: w.bytes), deliver)
        }
        for (index, event) in (item["events"]?.arrayValue ?? []).enumerated() {
            guard let type = event["type"]?.stringValue else { continue }
            let topic = "event.\(type).\(lang)"
            guard matches(topic) else { continue }
            var w = JSONWriter()
            w.beginObject()
            w.key("seq"); w.int64(seq)
            w.key("article_id"); w.string(item["article_id"]?.stringValue ?? "")
            w.key("revision"); w.int(item["revision"]?.intValue ?? 1)
            if let supersedes = item["supersedes"]?.int64Value { w.key("supersedes"); w.int64(supersedes) }
            w.key("lang"); w.string(lang)
            w.key("index"); w.int(index)
            if let published = item["article"]?["published_at"]?.stringValue { w.key("published_at"); w.string(published) }
            w.key("event"); w.value(event)
            w.endObject()
            deliverOnce(Key(seq: seq, index: index), Delivery(topic: topic, seq: seq, json: w.bytes), deliver)
        }
    }
}
