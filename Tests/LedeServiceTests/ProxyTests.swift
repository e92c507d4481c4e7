import Foundation
import LedeClient
import LedeWire
import XCTest
import ZeroMQ

/// `lede proxy`: real `lede serve` nodes behind a real proxy process, clients on the proxy's one
/// endpoint; subscribers see every node's results, producers reach the nodes, and SIGTERM ends it.
final class ProxyTests: XCTestCase {
    let context = Context()
    var directories: [URL] = []

    override func tearDown() {
        for directory in directories { try? FileManager.default.removeItem(at: directory) }
    }

    /// A node on a database of its own, heartbeating often so subscribers learn of it quickly.
    func node() throws -> ChildLede {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        directories.append(directory)
        return try ChildLede(database: directory.appendingPathComponent("lede.sqlite").path, extraArguments: ["--heartbeat-interval", "0.1"])
    }

    func proxy(_ arguments: [String]) throws -> ChildLede {
        try ChildLede(arguments: ["proxy"] + arguments)
    }

    func submit(_ node: ChildLede, id: String) throws -> JSONValue {
        let requests = RequestClient(context: context, endpoint: try XCTUnwrap(node.ready["api"]), timeout: 10, retries: 1)
        return try requests.request(Requests.submit(article: Array(articleJSON(id: id, body: "Hà Nội tiếp đoàn đại biểu \(id).").utf8)))
    }

    func stop(_ child: ChildLede, file: StaticString = #filePath, line: UInt = #line) {
        child.signal(SIGTERM)
        XCTAssertEqual(child.waitForExit(timeout: 10), 0, "a clean stop on SIGTERM: \(child.errorOutput)", file: file, line: line)
    }

    func testASubscriberOnTheProxySeesEveryNodesResultsOnce() throws {
        let first = try node(), second = try node()
        defer { stop(first); stop(second) }
        // The second node's heartbeats carry last_seq 3, the first's 0: a subscriber that has heard
        // both knows that its subscription reached both nodes through the proxy.
        for i in 0..<3 { XCTAssertEqual(try submit(second, id: "early-\(i)")["ok"]?.boolValue, true) }
        let proxy = try proxy(["--frontend", try XCTUnwrap(first.ready["publish"]), "--frontend", try XCTUnwrap(second.ready["publish"]),
                               "--backend", "tcp://127.0.0.1:*"])
        let backend = try XCTUnwrap(proxy.readyLists["backend"]?.first)
        XCTAssertTrue(backend.hasPrefix("tcp://127.0.0.1:") && !backend.hasSuffix(":*"), "the real port is read back: \(backend)")
        let sub = try Socket(context, .sub)
        try sub.subscribe("article.")
        try sub.subscribe("heartbeat")
        try sub.connect(backend)
        try sub.setReceiveTimeout(milliseconds: 200)
        var heardFrom = Set<Int64>()
        XCTAssertTrue(try eventually {
            if let m = try sub.receive(), m.frames.first == Array("heartbeat".utf8), let seq = try JSONReader.parse(m.frames[1])["last_seq"]?.int64Value {
                heardFrom.insert(seq)
            }
            return heardFrom.isSuperset(of: [0, 3])
        }, "heartbeats of both nodes arrive through the proxy: \(heardFrom)")

        for i in 0..<5 {
            XCTAssertEqual(try submit(first, id: "first-\(i)")["ok"]?.boolValue, true)
            XCTAssertEqual(try submit(second, id: "second-\(i)")["ok"]?.boolValue, true)
        }
        let received = try receive(sub, count: 10).compactMap { $0.json["article_id"]?.stringValue }
        XCTAssertEqual(received.sorted(), ((0..<5).map { "first-\($0)" } + (0..<5).map { "second-\($0)" }).sorted())
        stop(proxy)
    }

    func testAGapFreeSubscriptionThroughTheProxyReplaysFromTheNode() throws {
        let node = try node()
        defer { stop(node) }
        for i in 0..<5 { XCTAssertEqual(try submit(node, id: "stored-\(i)")["ok"]?.boolValue, true) }
        let proxy = try proxy(["--frontend", try XCTUnwrap(node.ready["publish"]), "--backend", "tcp://127.0.0.1:*"])
        defer { stop(proxy) }
        let api = RequestClient(context: context, endpoint: try XCTUnwrap(node.ready["api"]), timeout: 10, retries: 1)
        let subscription = GapFreeSubscription(
            context: context, publishEndpoint: try XCTUnwrap(proxy.readyLists["backend"]?.first), api: api, topics: ["article."])
        // Submitted while the subscription catches up: each arrives live through the proxy or is
        // replayed from the node, and only once.
        let nodeAPI = try XCTUnwrap(node.ready["api"])
        let producer = ProducerThread {
            let requests = RequestClient(context: Context(), endpoint: nodeAPI, timeout: 10, retries: 1)
            for i in 0..<5 {
                let reply = try requests.request(Requests.submit(article: Array(articleJSON(id: "live-\(i)", body: "Tin mới \(i).").utf8)))
                guard reply["ok"]?.boolValue == true else { throw TestFailure("live-\(i) refused: \(reply)") }
            }
        }
        var seqs: [Int64] = []
        let deadline = Date(timeIntervalSinceNow: 30)
        try subscription.run(fromSeq: 1, shouldStop: { seqs.count >= 10 || Date() > deadline }) { seqs.append($0.seq ?? -1) }
        XCTAssertNil(producer.failure())
        XCTAssertEqual(seqs.sorted(), Array(1...10), "replayed or live, every result")
        XCTAssertEqual(Set(seqs).count, seqs.count, "none twice")
    }

    func testThePipelineModeCarriesProducersArticlesToTheNodes() throws {
        let first = try node(), second = try node()
        defer { stop(first); stop(second) }
        let proxy = try proxy(["--pipeline", "--frontend", "tcp://127.0.0.1:*",
                               "--backend", try XCTUnwrap(first.ready["ingest_pull"]), "--backend", try XCTUnwrap(second.ready["ingest_pull"])])
        defer { stop(proxy) }
        XCTAssertEqual(proxy.ready["pattern"], "pipeline")
        let push = try Socket(context, .push)
        try push.setLinger(milliseconds: 5000)
        try push.connect(try XCTUnwrap(proxy.readyLists["frontend"]?.first))
        for i in 0..<20 { try push.send(articleJSON(id: "pushed-\(i)", body: "Bản tin \(i).")) }
        var stored: [String] = []
        XCTAssertTrue(try eventually(timeout: 20) {
            stored = []
            for node in [first, second] {
                let requests = RequestClient(context: context, endpoint: try XCTUnwrap(node.ready["api"]), timeout: 10, retries: 1)
                let page = try requests.request(Requests.replay(fromSeq: 1))
                stored += (page["items"]?.arrayValue ?? []).compactMap { $0["article_id"]?.stringValue }
            }
            return stored.count >= 20
        }, "every pushed article is stored on one node: \(stored.count)")
        XCTAssertEqual(Set(stored), Set((0..<20).map { "pushed-\($0)" }))
        XCTAssertEqual(stored.count, 20, "none stored twice")
    }

    func testBadFlagsAreOneLineAndExitTwo() throws {
        for (arguments, says) in [
            (["proxy", "--backend", "tcp://127.0.0.1:*"], "--frontend: give at least one endpoint"),
            (["proxy", "--frontend", "tcp://127.0.0.1:1"], "--backend: give at least one endpoint"),
            (["proxy", "--frontend", "localhost:5558", "--backend", "tcp://127.0.0.1:*"], "--frontend: \"localhost:5558\" is not an endpoint"),
            (["proxy", "--frontend", "tcp://127.0.0.1:1", "--backend", "@tcp://nowhere"], "--backend: tcp://nowhere is not an endpoint libzmq takes"),
            (["proxy", "--frontend", "tcp://127.0.0.1:1", "--backend", "tcp://127.0.0.1:*", "--hwm=-1"], "--hwm must be 0"),
        ] {
            let run = try runLedeCommand(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(says), "\(arguments): \(run.stderr)")
        }
    }

    func testAPortAlreadyInUseIsARuntimeFailureInOneLine() throws {
        let taken = try Socket(context, .pub)
        try taken.bind("tcp://127.0.0.1:*")
        let run = try runLedeCommand(["proxy", "--frontend", "tcp://127.0.0.1:1", "--backend", try taken.lastEndpoint])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("--backend: cannot bind"), run.stderr)
    }
}
