import Foundation
import LedeClient
import LedeWire
import XCTest
import ZeroMQ

/// Three `lede serve` nodes on three hosts sharing one PostgreSQL: each node in a network namespace of
/// its own, joined to the others by a private bridge, so that every byte between a node, the database,
/// the producers, the consumer and the proxy crosses a network link, as between machines. Producers
/// submit 3,000 articles with acknowledgement across the nodes; halfway one node is killed with SIGKILL
/// and its producer fails over to another node. Nothing acknowledged may be lost, nothing stored twice,
/// and the global seq must read gap-free and in commit order to a consumer replaying during the run and
/// to a subscriber on `lede proxy`.
///
/// Needs root (network namespaces), `ip` (iproute2) and PostgreSQL's server binaries; skips otherwise.
final class ThreeHostTests: XCTestCase {
    static let articles = 3_000
    static let nodeCount = 3

    var network: TestNetwork?
    var postgres: TestPostgres?
    var children: [ChildLede] = []

    override func tearDown() {
        // Whatever happened, nothing of the test outlives it: processes first (a node holds database
        // connections and sockets in its namespace), then the server, then the network.
        for child in children where child.process.isRunning {
            child.signal(SIGTERM)
            _ = child.waitForExit(timeout: 10)
        }
        postgres?.stop()
        network?.remove()
    }

    func testThreeNodesOnThreeHostsLoseAndDuplicateNothingWhenOneIsKilledMidStream() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root: it makes network namespaces, a bridge and veth pairs") }
        guard FileManager.default.isExecutableFile(atPath: TestNetwork.ip) else { throw XCTSkip("needs \(TestNetwork.ip) (iproute2)") }
        guard TestPostgres.serverBinaries() != nil else {
            throw XCTSkip("needs PostgreSQL's server binaries (initdb, pg_ctl, postgres: Debian's postgresql package, which .ci/run installs)")
        }
        let network = try TestNetwork(hosts: Self.nodeCount)
        self.network = network
        // The database is the root namespace's: it listens on the bridge, where every host reaches it.
        let postgres = try TestPostgres(alsoListeningOn: (network.bridgeAddress, network.subnet))
        self.postgres = postgres
        let database = try postgres.createDatabase(host: network.bridgeAddress)

        let nodes = try network.hosts.map { host in
            let address = host.address
            let child = try ChildLede(arguments: [
                "serve", "--db", database, "--ingest-sub", "none", "--ingest-pull", "tcp://\(address):*",
                "--publish", "tcp://\(address):*", "--api", "tcp://\(address):*", "--http", "\(address):0",
                "--workers", "2", "--heartbeat-interval", "0.1",
            ], namespace: host.namespace)
            children.append(child)
            return child
        }
        let apis = try nodes.map { try XCTUnwrap($0.ready["api"]) }
        for (api, host) in zip(apis, network.hosts) {
            XCTAssertTrue(api.hasPrefix("tcp://\(host.address):") && !api.hasSuffix(":*"), "each node is bound on its host's address: \(api)")
        }
        // The proxy runs on the root namespace's side of the bridge and reaches every node's PUB socket over it.
        let proxy = try ChildLede(arguments: ["proxy", "--backend", "tcp://127.0.0.1:*"]
            + nodes.flatMap { ["--frontend", $0.ready["publish"] ?? ""] })
        children.append(proxy)
        let proxyBackend = try XCTUnwrap(proxy.readyLists["backend"]?.first)

        // Node 1 is the one killed; the subscriber and the consumer start on node 0, which stays up.
        let victim = 1
        let ledger = Ledger()
        let subscriberLog = Deliveries()
        let consumerLog = Deliveries()
        let subscriber = ProducerThread {
            let subscription = GapFreeSubscription(
                context: Context(), publishEndpoint: proxyBackend,
                api: RequestClient(context: Context(), endpoint: apis[0], timeout: 10, retries: 1), topics: ["article."])
            let deadline = Date(timeIntervalSinceNow: 120)
            try subscription.run(fromSeq: 1, shouldStop: { subscriberLog.count >= Self.articles || Date() > deadline }) { delivery in
                subscriberLog.add(seq: delivery.seq ?? -1, id: (try? JSONReader.parse(delivery.json))?["article_id"]?.stringValue ?? "?")
            }
            subscriberLog.recoveries = subscription.recoveries
        }
        let consumer = ProducerThread { try Self.replayWhileRunning(apis: apis, into: consumerLog, until: { ledger.finished && consumerLog.count >= Self.articles }) }

        let started = Date()
        let producers = (0..<Self.nodeCount).map { producer in
            ProducerThread { try Self.produce(producer, of: Self.nodeCount, apis: apis, ledger: ledger) }
        }
        XCTAssertTrue(eventually(timeout: 60) { ledger.acknowledgedCount >= Self.articles / 2 }, "half the articles acknowledged before the kill")
        nodes[victim].signal(SIGKILL)
        let killedAt = Date()
        for (index, producer) in producers.enumerated() {
            XCTAssertNil(producer.failure(timeout: 120), "producer \(index)")
        }
        let produced = Date()
        ledger.finish()
        XCTAssertNil(consumer.failure(timeout: 60), "the consumer replaying during the run")
        XCTAssertNil(subscriber.failure(timeout: 60), "the subscriber on the proxy")

        // Acknowledged: every article, each once.
        let submitted = Set((0..<Self.nodeCount).flatMap { p in (0..<Self.share(p, of: Self.nodeCount)).map { Self.articleID(p, $0) } })
        XCTAssertEqual(submitted.count, Self.articles)
        XCTAssertEqual(ledger.acknowledged.count, Self.articles, "every article acknowledged")
        XCTAssertEqual(Set(ledger.acknowledged.keys), submitted)

        // Stored: every submitted id (none lost), each once (none duplicated), seq 1…N without a gap.
        let stored = try Self.storedResults(api: apis[0])
        XCTAssertEqual(stored.map(\.seq), Array(1...Int64(Self.articles)), "seq gap-free from 1 to N, N being the number of articles")
        XCTAssertEqual(Set(stored.map(\.id)), submitted, "no acknowledged article lost")
        XCTAssertEqual(Set(stored.map(\.id)).count, stored.count, "no article stored twice")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.seq) }), ledger.acknowledged, "each acknowledgement names its result's seq")

        // The consumer replayed during the run and never met a new result below a seq it had seen.
        XCTAssertEqual(consumerLog.violations, [], "the consumer never saw a new result below a seq it had seen")
        XCTAssertEqual(consumerLog.entries.map(\.seq), stored.map(\.seq), "the consumer saw 1…N in order")
        XCTAssertEqual(consumerLog.entries.map(\.id), stored.map(\.id), "as the store holds them")

        // The subscriber on the proxy, live or replayed, received each result exactly once.
        XCTAssertEqual(subscriberLog.entries.map(\.seq).sorted(), stored.map(\.seq), "every result reached the subscriber, once")
        XCTAssertEqual(Set(subscriberLog.entries.map(\.id)), submitted)

        // The figures: throughput of the whole run, and how long the victim's producer was without an
        // acknowledgement after the kill (its request timed out, it re-sent to the next node).
        let seconds = produced.timeIntervalSince(started)
        let failover = ledger.firstAcknowledgement(by: victim, after: killedAt).map { $0.timeIntervalSince(killedAt) }
        print(String(format: "three hosts: %d articles acknowledged in %.2f s (%.0f articles/s) on %d nodes, one killed at %.2f s; "
                     + "its producer's next acknowledgement %.2f s after the kill; %d re-sends found already committed; "
                     + "the subscriber caught up by replay %d times",
                     Self.articles, seconds, Double(Self.articles) / seconds, Self.nodeCount, killedAt.timeIntervalSince(started),
                     failover ?? -1, ledger.duplicateAcknowledgements, subscriberLog.recoveries))
        XCTAssertNotNil(failover, "the victim's producer was acknowledged by another node after the kill")

        for index in nodes.indices where index != victim {
            nodes[index].signal(SIGTERM)
            XCTAssertEqual(nodes[index].waitForExit(timeout: 30), 0, "node \(index) stops cleanly")
        }
        proxy.signal(SIGTERM)
        XCTAssertEqual(proxy.waitForExit(timeout: 10), 0, "the proxy stops cleanly")
    }

    // MARK: The clients

    /// Producer `p` of `count` submits its share one article at a time, waiting for each acknowledgement.
    /// It starts on node `p`; a node that does not answer within the timeout (killed) or refuses is left
    /// for the next one, and the same article is sent again there: the id makes a re-send of an article
    /// the dead node had committed a duplicate, acknowledged with its original seq.
    static func produce(_ p: Int, of count: Int, apis: [String], ledger: Ledger) throws {
        let context = Context()
        var node = p
        var client = RequestClient(context: context, endpoint: apis[node], timeout: 2, retries: 0)
        for k in 0..<share(p, of: count) {
            let id = articleID(p, k)
            let article = Requests.submit(article: Array(articleJSON(id: id, body: "Bản tin \(k) của nguồn \(p) từ Hà Nội.").utf8))
            var attempts = 0
            while true {
                attempts += 1
                if let reply = try? client.request(article), reply["ok"]?.boolValue == true, let seq = reply["seq"]?.int64Value {
                    ledger.acknowledge(id: id, seq: seq, producer: p, node: node, duplicate: reply["duplicate"]?.boolValue == true)
                    break
                }
                guard attempts < 3 * apis.count else { throw TestFailure("\(id): no node acknowledged it") }
                node = (node + 1) % apis.count
                client = RequestClient(context: context, endpoint: apis[node], timeout: 2, retries: 0)
            }
        }
    }

    /// Replays by seq from whichever node answers, from the seq after the last it has seen, until
    /// `until` holds; records every item and each one whose seq is not above all it had seen before.
    static func replayWhileRunning(apis: [String], into log: Deliveries, until: () -> Bool) throws {
        let context = Context()
        var node = 0
        var client = RequestClient(context: context, endpoint: apis[node], timeout: 2, retries: 0)
        let deadline = Date(timeIntervalSinceNow: 150)
        let pause = DispatchSemaphore(value: 0)
        while !until() {
            guard Date() < deadline else { throw TestFailure("the consumer saw \(log.count) results before its deadline") }
            guard let page = try? client.request(Requests.replay(fromSeq: log.lastSeq + 1, limit: 500)), page["ok"]?.boolValue == true else {
                node = (node + 1) % apis.count
                client = RequestClient(context: context, endpoint: apis[node], timeout: 2, retries: 0)
                continue
            }
            let items = page["items"]?.arrayValue ?? []
            for item in items {
                log.add(seq: item["seq"]?.int64Value ?? -1, id: item["article_id"]?.stringValue ?? "?")
            }
            // Caught up with the store: ask again shortly (the poll interval, not a guess at a duration).
            if items.isEmpty { _ = pause.wait(timeout: .now() + .milliseconds(20)) }
        }
    }

    /// Every stored result, by replay pages, in seq order.
    static func storedResults(api: String) throws -> [(seq: Int64, id: String)] {
        let client = RequestClient(context: Context(), endpoint: api, timeout: 10, retries: 1)
        var results: [(seq: Int64, id: String)] = []
        var from: Int64? = 1
        while let start = from {
            let page = try client.request(Requests.replay(fromSeq: start, limit: 1000))
            guard page["ok"]?.boolValue == true else { throw TestFailure("replay refused: \(page)") }
            results += (page["items"]?.arrayValue ?? []).map { ($0["seq"]?.int64Value ?? -1, $0["article_id"]?.stringValue ?? "?") }
            from = page["next_seq"]?.int64Value
        }
        return results
    }

    static func share(_ p: Int, of count: Int) -> Int { articles / count + (p < articles % count ? 1 : 0) }
    static func articleID(_ p: Int, _ k: Int) -> String { "host-\(p)-\(k)" }

    // MARK: What the threads record

    /// The producers' acknowledgements, shared between their threads.
    final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        private var seqs: [String: Int64] = [:]
        private var times: [(producer: Int, node: Int, at: Date)] = []
        private var done = false

        private var duplicates = 0

        func acknowledge(id: String, seq: Int64, producer: Int, node: Int, duplicate: Bool) {
            lock.withLock {
                seqs[id] = seq
                if duplicate { duplicates += 1 }
                times.append((producer, node, Date()))
            }
        }
        var acknowledged: [String: Int64] { lock.withLock { seqs } }
        var acknowledgedCount: Int { lock.withLock { seqs.count } }
        /// Re-sends acknowledged as duplicates: articles the killed node had committed without answering.
        var duplicateAcknowledgements: Int { lock.withLock { duplicates } }
        func finish() { lock.withLock { done = true } }
        var finished: Bool { lock.withLock { done } }
        func firstAcknowledgement(by producer: Int, after date: Date) -> Date? {
            lock.withLock { times.first { $0.producer == producer && $0.at > date }?.at }
        }
    }

    /// What a consumer received, in order, and each new result whose seq was not above every seq before it.
    final class Deliveries: @unchecked Sendable {
        private let lock = NSLock()
        private var received: [(seq: Int64, id: String)] = []
        private var highest: Int64 = 0
        private var belowSeen: [Int64] = []
        /// How many times the subscription caught up by replay (set once, when it ends).
        var recoveries = 0

        func add(seq: Int64, id: String) {
            lock.withLock {
                if seq <= highest { belowSeen.append(seq) }
                highest = max(highest, seq)
                received.append((seq, id))
            }
        }
        var entries: [(seq: Int64, id: String)] { lock.withLock { received } }
        var count: Int { lock.withLock { received.count } }
        var lastSeq: Int64 { lock.withLock { highest } }
        var violations: [Int64] { lock.withLock { belowSeen } }
    }
}

/// A private network of hosts for a test: a Linux bridge in the root namespace with an address of a
/// 10.231.X.0/24 subnet (X random, and unused on this machine), and per host a network namespace joined
/// to the bridge by a veth pair, with the next address and its loopback up. `remove()` deletes it all.
final class TestNetwork {
    static let ip = "/usr/sbin/ip"

    struct Host {
        var namespace: String
        var address: String
    }

    let bridge: String
    let bridgeAddress: String
    let subnet: String
    private(set) var hosts: [Host] = []
    private var removed = false

    init(hosts count: Int) throws {
        let used = try Self.ip(["-o", "addr"]).stdout
        guard let x = (1...254).shuffled().first(where: { !used.contains("10.231.\($0).") }) else {
            throw TestFailure("no free 10.231.X.0/24 subnet")
        }
        // Names are at most 15 characters (IFNAMSIZ); X makes them the test's own.
        bridge = "ledebr\(x)"
        bridgeAddress = "10.231.\(x).1"
        subnet = "10.231.\(x).0/24"
        try Self.ip(["link", "add", bridge, "type", "bridge"])
        do {
            try Self.ip(["addr", "add", "\(bridgeAddress)/24", "dev", bridge])
            try Self.ip(["link", "set", bridge, "up"])
            for i in 0..<count {
                let host = Host(namespace: "lede-\(x)-\(i)", address: "10.231.\(x).\(i + 2)")
                try Self.ip(["netns", "add", host.namespace])
                hosts.append(host)
                let outside = "lede\(x)v\(i)"
                try Self.ip(["link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", host.namespace])
                try Self.ip(["link", "set", outside, "master", bridge])
                try Self.ip(["link", "set", outside, "up"])
                try Self.ip(["-n", host.namespace, "addr", "add", "\(host.address)/24", "dev", "eth0"])
                try Self.ip(["-n", host.namespace, "link", "set", "eth0", "up"])
                try Self.ip(["-n", host.namespace, "link", "set", "lo", "up"])
            }
        } catch {
            remove()
            throw error
        }
    }

    deinit { remove() }

    /// Deletes the namespaces (which takes their veth pairs along) and the bridge.
    func remove() {
        guard !removed else { return }
        removed = true
        for host in hosts { _ = try? Self.ip(["netns", "delete", host.namespace]) }
        _ = try? Self.ip(["link", "delete", bridge])
    }

    @discardableResult
    static func ip(_ arguments: [String]) throws -> LedeRun {
        let run = try runProgram(ip, arguments)
        guard run.status == 0 else { throw TestFailure("ip \(arguments.joined(separator: " ")): \(run.stderr)") }
        return run
    }
}
