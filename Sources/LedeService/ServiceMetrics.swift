import CoreMetrics
import Foundation
import LedeWire
import Synchronization

/// What the service counts and measures, in one place: the counters `stats` answers with, and the same
/// counts with their labels plus timings and gauges for an operator's monitoring (swift-metrics;
/// `LedeHTTP` exports them in Prometheus form at `/metrics`). Each event is counted by one call here. Names and labels are the product's: `lede_articles_received_total
/// {ingest}`, `lede_articles_stored_total`, `lede_rejects_total{code}`, `lede_events_published_total{type,
/// lang}`, `lede_queue_depth{queue}`, `lede_last_seq`, and the `lede_extract_duration_seconds` and
/// `lede_commit_duration_seconds` histograms; with store health and refusals besides.
public final class ServiceMetrics: Sendable {
    let factory: any MetricsFactory
    private let receivedBySource: [IngestSource: Counter]
    private let stored: Counter
    private let duplicates: Counter
    private let reprocessed: Counter
    /// `submit`s refused because the work queue stayed full (`busy`) or the store could not write.
    private let busy: Counter
    let unavailable: Counter
    let storeFailures: Counter
    let storeWritable: Gauge
    let extractDuration: CoreMetrics.Timer
    let commitDuration: CoreMetrics.Timer
    let lastSeq: Gauge
    let workQueue: Gauge
    let commitQueue: Gauge
    /// The `service.*` counters of `stats` (swift-metrics counters cannot be read back).
    enum Count: String, CaseIterable, Sendable {
        case received, rejected, stored, duplicates, published, busy, reprocessed
    }
    private let counts = Mutex<[Int]>(Array(repeating: 0, count: Count.allCases.count))
    private let rejectsByCode = Mutex<[String: Counter]>([:])
    private let eventsByTypeAndLanguage = Mutex<[String: Counter]>([:])

    /// `factory`: where the metrics go; the default discards them.
    public init(factory: any MetricsFactory = NOOPMetricsHandler.instance) {
        self.factory = factory
        var received: [IngestSource: Counter] = [:]
        for source in [IngestSource.sub, .pull, .api] {
            received[source] = Counter(label: "lede_articles_received_total", dimensions: [("ingest", source.rawValue)], factory: factory)
        }
        receivedBySource = received
        stored = Counter(label: "lede_articles_stored_total", factory: factory)
        duplicates = Counter(label: "lede_articles_duplicate_total", factory: factory)
        reprocessed = Counter(label: "lede_articles_reprocessed_total", factory: factory)
        busy = Counter(label: "lede_submits_refused_total", dimensions: [("code", "busy")], factory: factory)
        unavailable = Counter(label: "lede_submits_refused_total", dimensions: [("code", "unavailable")], factory: factory)
        storeFailures = Counter(label: "lede_store_failures_total", factory: factory)
        storeWritable = Gauge(label: "lede_store_writable", factory: factory)
        extractDuration = CoreMetrics.Timer(label: "lede_extract_duration_seconds", factory: factory)
        commitDuration = CoreMetrics.Timer(label: "lede_commit_duration_seconds", factory: factory)
        lastSeq = Gauge(label: "lede_last_seq", factory: factory)
        workQueue = Gauge(label: "lede_queue_depth", dimensions: [("queue", "work")], factory: factory)
        commitQueue = Gauge(label: "lede_queue_depth", dimensions: [("queue", "commit")], factory: factory)
        storeWritable.record(1)
        // Every refusal code is exported from the start at 0, so a rate over it exists before the
        // first bad input (and a dashboard shows which codes can occur).
        for code in ErrorCode.allCases where !code.isRetryable && code != .notFound {
            _ = rejectCounter(code.rawValue)
        }
    }

    /// `stats`' counters, named `service.<count>`.
    var snapshot: [(String, Int64)] {
        let values = counts.withLock { $0 }
        return zip(Count.allCases, values).map { ("service.\($0.rawValue)", Int64($1)) }
    }

    private func count(_ c: Count) {
        let i = Count.allCases.firstIndex(of: c)!
        counts.withLock { $0[i] += 1 }
    }

    func received(_ source: IngestSource) {
        count(.received)
        receivedBySource[source]?.increment()
    }

    func rejected(code: String) {
        count(.rejected)
        rejectCounter(code).increment()
    }

    func storedOne() {
        count(.stored)
        stored.increment()
    }

    /// A stored article's new revision committed.
    func reprocessedOne() {
        count(.reprocessed)
        reprocessed.increment()
    }

    func duplicate() {
        count(.duplicates)
        duplicates.increment()
    }

    func refusedBusy() {
        count(.busy)
        busy.increment()
    }

    func published() { count(.published) }

    private func rejectCounter(_ code: String) -> Counter {
        rejectsByCode.withLock { counters in
            if counters[code] == nil {
                counters[code] = Counter(label: "lede_rejects_total", dimensions: [("code", code)], factory: factory)
            }
            return counters[code]!
        }
    }

    func eventPublished(type: String, lang: String) {
        eventsByTypeAndLanguage.withLock { counters in
            let key = type + "\u{1F}" + lang
            if counters[key] == nil {
                counters[key] = Counter(label: "lede_events_published_total", dimensions: [("type", type), ("lang", lang)], factory: factory)
            }
            return counters[key]!
        }.increment()
    }

    /// Records the time since `start` on a timer.
    static func record(_ timer: CoreMetrics.Timer, since start: ContinuousClock.Instant) {
        let d = (ContinuousClock.now - start).components
        timer.recordNanoseconds(d.seconds * 1_000_000_000 + d.attoseconds / 1_000_000_000)
    }
}
