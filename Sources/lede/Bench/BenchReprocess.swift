import ArgumentParser
import Foundation
import LedeClient
import LedeModel
import LedeService
import LedeStore
import LedeWire
import Logging
import Synchronization
import ZeroMQ

/// `lede bench reprocess`: stores N articles, then reprocesses them all while live articles arrive at
/// a fixed rate, and reports both rates, the live articles' latency (from their schedule) and what
/// replay's `latest` returns afterwards.
struct BenchReprocess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Reprocesses N stored articles while live articles arrive at a fixed rate; reports both.",
        discussion: "Runs an in-process service on loopback with a temporary database.")

    @Option(help: "JSON-lines news corpus (id, title, body per line). Not shipped: the team's is vi-news.jsonl.") var corpus: String
    @Option(help: "Articles to store, then reprocess.") var articles: Int = 10_000
    @Option(help: "Live articles per second during the reprocess.") var rate: Double = 500
    @Option(help: "Workers of the in-process service.") var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        guard articles > 0, rate > 0, workers > 0 else { throw ValidationError("--articles, --rate and --workers must be positive") }
        try await offload { try self.measure() }
    }

    func measure() throws {
        let (_, corpusArticles) = try BenchCorpus.load(corpus, limit: nil)
        let bench = try BenchServer(workers: workers)
        defer { bench.stop() }
        let bound = bench.endpoints
        @Sendable func message(_ id: String, _ i: Int) -> [UInt8] {
            BenchCorpus.message(corpusArticles[i % corpusArticles.count], id: id)
        }
        let context = Context()
        let receiver = LatencyReceiver(context: context, publish: bound.publish)
        try receiver.start()
        defer { receiver.stop() }
        let push = try Socket(context, .push)
        try push.setLinger(milliseconds: 60_000)
        try push.connect(bound.ingestPull!)

        // 1. The stored articles, as fast as the service takes them.
        let storeStart = Date()
        for i in 0..<articles {
            let id = "stored-\(i)"
            receiver.sent(id, at: Date(), due: nil)
            try push.send(message(id, i))
        }
        guard receiver.wait(for: articles, timeout: max(120, Double(articles) / 50)) else { throw CLIError("only \(receiver.count) of \(articles) stored") }
        let storeSeconds = Date().timeIntervalSince(storeStart)
        receiver.reset()

        // 2. The reprocess, with live articles at a fixed rate until it ends.
        let requests = RequestClient(context: context, endpoint: bound.api, timeout: 10, retries: 0)
        let live = LiveLoad(context: context, endpoint: bound.ingestPull!, rate: rate, receiver: receiver) { message("live-\($0)", $0 + 7) }
        let reprocessStart = Date()
        let started = try requests.request(Requests.reprocess(ReplayFilter()))
        guard started["ok"]?.boolValue == true else { throw CLIError("reprocess refused: \(started)") }
        while true {
            let stats = try requests.request(Requests.simple("stats"))
            if stats["reprocess.running"]?.intValue == 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let reprocessSeconds = Date().timeIntervalSince(reprocessStart)
        let liveSent = live.stop()
        _ = receiver.wait(for: liveSent, timeout: 60)
        let liveFromSchedule = receiver.latencies().fromSchedule

        // 3. What a consumer asking for the newest revisions gets.
        var latest = 0
        var revisions = 0
        var filter = ReplayFilter(latest: true, limit: ReplayFilter.maxLimit)
        while true {
            let page = try ReplayPageBytes(try requests.requestBytes(Requests.replay(filter)))
            latest += page.items.count
            // The revision sits near the start of each result.
            revisions += page.items.filter { String(decoding: $0.prefix(200), as: UTF8.self).contains("\"revision\":2") }.count
            guard let next = page.nextSeq else { break }
            filter.fromSeq = next
        }

        print("reprocess bench: \(articles) stored articles, \(workers) workers; live input at \(format(rate, 0))/s during the reprocess")
        print("stored in \(format(storeSeconds, 2)) s = \(format(Double(articles) / storeSeconds, 0)) articles/s")
        print("reprocessed \(articles) in \(format(reprocessSeconds, 2)) s = \(format(Double(articles) / reprocessSeconds, 0)) articles/s, while \(liveSent) live articles arrived (\(format(Double(liveSent) / reprocessSeconds, 0))/s)")
        print("live latency push→publish ms, from the schedule: \(BenchService.summary(liveFromSchedule))")
        print("replay latest: \(latest) results, \(revisions) of them second revisions")
    }
}

/// Live articles pushed at a fixed rate from a thread of its own until stopped.
final class LiveLoad: @unchecked Sendable {
    private let stopping = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    private let sent = Atomic<Int>(0)

    init(context: Context, endpoint: String, rate: Double, receiver: LatencyReceiver, message: @escaping @Sendable (Int) -> [UInt8]) {
        Thread { [self] in
            defer { done.signal() }
            guard let push = try? Socket(context, .push), (try? push.connect(endpoint)) != nil else { return }
            let start = Date()
            var i = 0
            while !stopping.load(ordering: .acquiring) {
                let due = start.addingTimeInterval(Double(i) / rate)
                let wait = due.timeIntervalSinceNow
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                receiver.sent("live-\(i)", at: Date(), due: due)
                guard (try? push.send(message(i))) != nil else { break }
                i += 1
                sent.store(i, ordering: .releasing)
            }
            try? push.setLinger(milliseconds: 10_000)
            push.close()
        }.start()
    }

    /// Stops and returns how many were sent.
    func stop() -> Int {
        stopping.store(true, ordering: .releasing)
        done.wait()
        return sent.load(ordering: .acquiring)
    }
}
