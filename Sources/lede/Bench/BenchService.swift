import ArgumentParser
import Foundation
import Histogram
import LedeClient
import LedeExtraction
import LedeModel
import LedeService
import LedeStore
import LedeWire
import Logging
import Synchronization
import ZeroMQ

struct BenchService: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Pushes articles over PULL, subscribes to the results, and reports throughput, push→publish latency, memory and replay speed.",
        discussion: "Starts a service in this process on loopback with a temporary database, unless --pull/--publish/--api name a running one.")

    @Option(help: "JSON-lines news corpus (id, title, body per line; articles are re-sent with fresh ids). Not shipped: the team's is vi-news.jsonl.") var corpus: String
    @Option(help: "Articles to push.") var articles: Int = 5000
    @Option(help: "Articles per second (0: as fast as possible).") var rate: Double = 0
    @Option(help: "Workers of the in-process service.") var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Run at --rate for this many minutes, sampling memory (a soak).") var soak: Double?
    @Option(help: "PULL endpoint of a running service.") var pull: String?
    @Option(help: "PUB endpoint of a running service.") var publish: String?
    @Option(help: "API endpoint of a running service (for the replay measurement; optional).") var api: String?
    @Option(help: "durability of the in-process service: full or normal.") var durability: String = "full"
    @Option(name: .customLong("replay-passes"), help: "Times to replay everything stored (the figure is over all passes).") var replayPasses: Int = 1

    func run() async throws {
        try await offload { try self.measure() }
    }

    func measure() throws {
        let (_, corpusArticles) = try BenchCorpus.load(corpus, limit: nil)
        var server: BenchServer?
        let endpoints: (pull: String, publish: String, api: String?)
        if let pull, let publish {
            endpoints = (pull, publish, api)
        } else {
            let s = try BenchServer(workers: workers, durability: durability)
            server = s
            endpoints = (s.endpoints.ingestPull!, s.endpoints.publish, s.endpoints.api)
        }
        defer { server?.stop() }
        let run = UUID().uuidString.prefix(8)
        func message(_ i: Int) -> (id: String, bytes: [UInt8], size: Int) {
            let a = corpusArticles[i % corpusArticles.count]
            let id = "bench-\(run)-\(i)"
            return (id, BenchCorpus.message(a, id: id), BenchCorpus.textBytes(a))
        }

        let context = Context()
        let receiver = LatencyReceiver(context: context, publish: endpoints.publish)
        try receiver.start()

        if let soak {
            try runSoak(minutes: soak, endpoints: endpoints, context: context, receiver: receiver, message: message)
            receiver.stop()
            return
        }

        let batch = (0..<articles).map(message)
        let totalBytes = batch.map(\.size).reduce(0, +)
        let push = try Socket(context, .push)
        try push.setLinger(milliseconds: 60_000)
        try push.connect(endpoints.pull)
        let start = Date()
        for (i, m) in batch.enumerated() {
            var due: Date?
            if rate > 0 {
                due = start.addingTimeInterval(Double(i) / rate)
                let wait = due!.timeIntervalSinceNow
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            }
            receiver.sent(m.id, at: Date(), due: due)
            try push.send(m.bytes)
        }
        let sendSeconds = Date().timeIntervalSince(start)
        let complete = receiver.wait(for: articles, timeout: max(60, Double(articles) / 50))
        let latencies = receiver.latencies()
        let elapsed = (receiver.lastReceived ?? Date()).timeIntervalSince(start)
        receiver.stop()

        let target = server == nil ? "external service at \(endpoints.pull)" : "in-process service, \(workers) workers, durability \(durability)"
        print("service bench: \(articles) articles (\(format(Double(totalBytes) / Double(articles) / 1000, 1)) kB of text each), \(target), rate \(rate > 0 ? format(rate, 0) + "/s" : "max")")
        print("pushed in \(format(sendSeconds, 2)) s; published \(receiver.count) of \(articles)\(complete ? "" : " (INCOMPLETE)") in \(format(elapsed, 2)) s")
        print("throughput: \(format(Double(receiver.count) / elapsed, 0)) articles/s, \(format(Double(totalBytes) / elapsed / 1e6, 2)) MB/s")
        if rate > 0 {
            // The figure to quote at a fixed rate: an article held back by a blocked push still counts
            // from when the schedule meant it to leave (coordinated omission corrected, as wrk2 does).
            print("latency push→publish ms, from the schedule: \(Self.summary(latencies.fromSchedule))")
        }
        print("latency push→publish ms, from the send\(rate > 0 ? " (uncorrected)" : ""): \(Self.summary(latencies.fromSend))")
        print("memory (this process, service and load generator): peak \(format(ProcessMemory.peakMB)) MB, now \(format(ProcessMemory.residentMB)) MB")

        // Replay everything stored, as a consumer catching up would.
        guard let apiEndpoint = endpoints.api else { return }
        let requests = RequestClient(context: context, endpoint: apiEndpoint, timeout: 30, retries: 0)
        let catchUp = ReplayCatchUp(requests: requests)
        let replayStart = Date()
        var replayed = 0
        for _ in 0..<max(1, replayPasses) { replayed += try catchUp.run() }
        let replaySeconds = Date().timeIntervalSince(replayStart)
        print("replay: \(replayed) results in \(format(replaySeconds, 2)) s = \(format(Double(replayed) / replaySeconds, 0)) results/s (pages of 1000 split into whole items, the next fetched during the split; items not parsed)")
    }

    /// Percentiles of a histogram of microseconds, in milliseconds.
    static func summary(_ h: Histogram<UInt64>) -> String {
        func ms(_ us: UInt64) -> String { format(Double(us) / 1000) }
        guard h.totalCount > 0 else { return "none received" }
        return "p50 \(ms(h.valueAtPercentile(50))) p90 \(ms(h.valueAtPercentile(90))) p99 \(ms(h.valueAtPercentile(99))) p99.9 \(ms(h.valueAtPercentile(99.9))) max \(ms(h.max)) (\(h.totalCount) articles)"
    }

    private func runSoak(minutes: Double, endpoints: (pull: String, publish: String, api: String?), context: Context, receiver: LatencyReceiver, message: (Int) -> (id: String, bytes: [UInt8], size: Int)) throws {
        let rate = self.rate > 0 ? self.rate : 500
        let push = try Socket(context, .push)
        try push.connect(endpoints.pull)
        let start = Date()
        let end = start.addingTimeInterval(minutes * 60)
        var i = 0
        var nextSample = start
        var samples: [(Double, Double)] = []
        while Date() < end {
            let due = start.addingTimeInterval(Double(i) / rate)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { Thread.sleep(forTimeInterval: min(wait, 0.5)) ; continue }
            let m = message(i)
            receiver.sent(m.id, at: Date(), due: due)
            try push.send(m.bytes)
            i += 1
            if Date() >= nextSample {
                let s = (Date().timeIntervalSince(start) / 60, ProcessMemory.residentMB)
                samples.append(s)
                print("soak t=\(format(s.0, 2)) min  rss=\(format(s.1)) MB  sent=\(i) published=\(receiver.count)")
                nextSample = nextSample.addingTimeInterval(30)
            }
        }
        _ = receiver.wait(for: i, timeout: 60)
        // Growth is judged after the first minute (caches, SQLite page cache and pools warm up).
        let settled = samples.filter { $0.0 >= 1 }
        if let first = settled.first, let last = settled.last {
            print("soak: \(i) articles at \(format(rate, 0))/s over \(format(minutes, 1)) min; rss \(format(first.1)) → \(format(last.1)) MB (\(format((last.1 - first.1) / first.1 * 100, 1)) %)")
        }
    }
}

/// Subscribes to `article.` and notes when each article's result is published.
final class LatencyReceiver: @unchecked Sendable {
    let context: Context
    let publish: String
    private let lock = NSLock()
    private var sentAt: [String: (sent: Date, due: Date)] = [:]
    /// Microseconds from the send, and from when a fixed-rate schedule meant the article to leave,
    /// to the publication of its result (HdrHistogram, 3 significant digits, up to an hour).
    private var fromSend = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    private var fromSchedule = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    private(set) var lastReceived: Date?
    private let stopping = Atomic<Bool>(false)
    private var thread: Thread?

    init(context: Context, publish: String) {
        self.context = context
        self.publish = publish
    }

    var count: Int { lock.withLock { Int(fromSend.totalCount) } }

    /// `due`: when the schedule meant it to leave (nil: as fast as possible, the same as `date`).
    func sent(_ id: String, at date: Date, due: Date?) { lock.withLock { sentAt[id] = (date, due ?? date) } }

    func latencies() -> (fromSend: Histogram<UInt64>, fromSchedule: Histogram<UInt64>) { lock.withLock { (fromSend, fromSchedule) } }

    func start() throws {
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            let sub = try! Socket(context, .sub)
            try! sub.setReceiveHighWaterMark(0)
            try! sub.subscribe("article.")
            try! sub.subscribe("heartbeat")
            try! sub.connect(publish)
            try! sub.setReceiveTimeout(milliseconds: 100)
            var signalled = false
            while !stopping.load(ordering: .relaxed) {
                guard let m = try? sub.receive(), m.frames.count == 2 else { continue }
                if m.frames[0] == Array("heartbeat".utf8) {
                    if !signalled { signalled = true; ready.signal() }
                    continue
                }
                let now = Date()
                guard let id = Self.articleID(m.frames[1]) else { continue }
                lock.withLock {
                    if let t = sentAt.removeValue(forKey: id) {
                        fromSend.record(Self.micros(now.timeIntervalSince(t.sent)))
                        fromSchedule.record(Self.micros(now.timeIntervalSince(t.due)))
                        lastReceived = now
                    }
                }
            }
            sub.close()
        }
        thread.start()
        self.thread = thread
        _ = ready.wait(timeout: .now() + 5)
    }

    func wait(for n: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if count >= n { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return count >= n
    }

    func stop() { stopping.store(true, ordering: .relaxed) }

    /// Forgets what was measured so far (articles still on their way are still matched).
    func reset() {
        lock.withLock {
            fromSend.reset()
            fromSchedule.reset()
        }
    }

    static func micros(_ seconds: TimeInterval) -> UInt64 { UInt64(max(0, min(seconds, 3600)) * 1_000_000) }

    /// The value of `"article_id":"…"` without parsing the whole message.
    static func articleID(_ json: [UInt8]) -> String? {
        let key = Array("\"article_id\":\"".utf8)
        guard json.count > key.count else { return nil }
        var i = 0
        while i + key.count < json.count {
            if json[i] == key[0], Array(json[i..<i + key.count]) == key {
                let start = i + key.count
                guard let end = json[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: json[start..<end], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }
}
