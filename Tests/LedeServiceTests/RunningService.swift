import Foundation
import LedeClient
import LedeExtraction
import LedeModel
import LedeService
import LedeStore
import LedeWire
import Logging
import XCTest
import ZeroMQ

/// A real Lede service for a test: a SQLite file in a fresh temporary folder and every socket bound
/// to `tcp://127.0.0.1:*`, with the real ports read back.
final class RunningService {
    static let extractor: Extractor = {
        do { return try Extractor() } catch { preconditionFailure("the shipped models load: \(error)") }
    }()

    let directory: URL
    var server: LedeServer
    var endpoints: BoundEndpoints
    let context = Context()

    var databasePath: String { directory.appendingPathComponent("lede.sqlite").path }

    /// The database when it is not the folder's SQLite file (a PostgreSQL store several nodes share).
    let sharedStore: (any ResultStore)?

    init(
        directory: URL? = nil, metrics: ServiceMetrics = ServiceMetrics(), store: (any ResultStore)? = nil,
        configure: (inout ServiceConfiguration) -> Void = { _ in }
    ) throws {
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("lede-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        sharedStore = store
        var configuration = ServiceConfiguration()
        configuration.databasePath = directory.appendingPathComponent("lede.sqlite").path
        configuration.ingestSub = "tcp://127.0.0.1:*"
        configuration.ingestPull = "tcp://127.0.0.1:*"
        configuration.publish = "tcp://127.0.0.1:*"
        configuration.api = "tcp://127.0.0.1:*"
        configuration.workers = 2
        configuration.heartbeatInterval = 0.2
        configure(&configuration)
        var logger = Logger(label: "lede-test")
        logger.logLevel = .warning
        server = try LedeServer(configuration: configuration, logger: logger, metrics: metrics, store: store)
        endpoints = try server.start(extractor: Self.extractor)
    }

    /// Stops gracefully and starts a new server on the same database (ports change).
    func restart() throws {
        server.stop()
        var logger = Logger(label: "lede-test")
        logger.logLevel = .warning
        server = try LedeServer(configuration: server.configuration, logger: logger, store: sharedStore)
        endpoints = try server.start(extractor: Self.extractor)
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Clients

    func requests(timeout: TimeInterval = 10) -> RequestClient {
        RequestClient(context: context, endpoint: endpoints.api, timeout: timeout, retries: 1)
    }

    func submit(_ article: String) throws -> JSONValue {
        try requests().request(Requests.submit(article: Array(article.utf8)))
    }

    func replay(_ body: [UInt8] = Requests.replay(fromSeq: 1)) throws -> JSONValue {
        try requests().request(body)
    }

    /// A SUB socket connected to the PUB socket, subscribed to `topics`, and proven connected: it has
    /// received a heartbeat (PUB drops messages for subscribers that are not yet connected).
    func subscriber(_ topics: [String]) throws -> Socket {
        let sub = try Socket(context, .sub)
        for t in topics { try sub.subscribe(t) }
        try sub.subscribe("heartbeat")
        try sub.connect(endpoints.publish)
        try sub.setReceiveTimeout(milliseconds: 5000)
        while let m = try sub.receive() {
            if m.frames.first == Array("heartbeat".utf8) { return sub }
        }
        throw RequestClient.Failure(description: "no heartbeat from \(endpoints.publish)")
    }

    func pusher() throws -> Socket {
        let push = try Socket(context, .push)
        try push.setLinger(milliseconds: 5000)  // deliver queued messages even if the socket is dropped
        try push.connect(endpoints.ingestPull!)
        return push
    }

    func store() throws -> Store { try Store(path: databasePath) }
}

/// Receives messages, skipping heartbeats, until `count` arrived or the timeout passed.
func receive(_ socket: Socket, count: Int, timeout: TimeInterval = 10) throws -> [(topic: String, json: JSONValue)] {
    var out: [(String, JSONValue)] = []
    let deadline = Date(timeIntervalSinceNow: timeout)
    try socket.setReceiveTimeout(milliseconds: 200)
    while out.count < count, Date() < deadline {
        guard let m = try socket.receive(), m.frames.count == 2 else { continue }
        let topic = String(decoding: m.frames[0], as: UTF8.self)
        if topic == "heartbeat" { continue }
        out.append((topic, try JSONReader.parse(m.frames[1])))
    }
    return out
}

/// A failure a helper thread reports in words.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` on a thread of its own (a producer beside the test); an error it throws fails the test
/// through `failure()` instead of crashing the runner.
final class ProducerThread: @unchecked Sendable {
    // Written by the thread before `done` is signalled, read after: the semaphore orders the two.
    private var error: Error?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> Void) {
        Thread { [self] in
            do { try body() } catch { self.error = error }
            done.signal()
        }.start()
    }

    /// Waits for the thread (at most `timeout`) and returns what went wrong, if anything.
    func failure(timeout: TimeInterval = 30) -> String? {
        guard done.wait(timeout: .now() + timeout) == .success else { return "the producer did not finish in \(timeout) s" }
        return error.map { "\($0)" }
    }
}

/// Polls `condition` until it holds or the timeout passes: the one way tests wait for something the
/// service does on its own threads. Between polls it waits 20 ms on a semaphore nobody signals (the poll
/// interval, not a guess at how long the service takes).
func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    let interval = DispatchSemaphore(value: 0)
    while Date() < deadline {
        if try condition() { return true }
        _ = interval.wait(timeout: .now() + .milliseconds(20))
    }
    return try condition()
}

/// The repository's own Vietnamese example article (`Examples/`): a meeting, arrests, a prosecution, a
/// strike and a planned signing.
let exampleArticlePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Examples/vi-hoi-dam-bien-gioi.json").standardized.path

let exampleArticleBody: String = {
    guard let data = FileManager.default.contents(atPath: exampleArticlePath),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let body = object["body"] as? String
    else { preconditionFailure("\(exampleArticlePath) is part of the repository and holds an article with a body") }
    return body
}()

/// The article the product was specified with, from the team's data beside the checkout; nil in a
/// clone without it (the tests that need it skip and say so).
let specifiedSampleBody: String? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/samples/vi-syria-2017-12-07.txt").standardized
    return try? String(contentsOf: url, encoding: .utf8)
}()

let specifiedSampleMissing = "needs ../shared/samples/vi-syria-2017-12-07.txt (the team's data beside the checkout, not in the repository)"

func articleJSON(id: String?, body: String, lang: String? = "vi", publishedAt: String? = "2017-12-07") -> String {
    var w = JSONWriter()
    w.beginObject()
    if let id { w.key("id"); w.string(id) }
    w.key("body"); w.string(body)
    if let lang { w.key("lang"); w.string(lang) }
    if let publishedAt { w.key("published_at"); w.string(publishedAt) }
    w.endObject()
    return String(decoding: w.bytes, as: UTF8.self)
}
