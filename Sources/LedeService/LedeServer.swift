import Foundation
import Logging
import LedeExtraction
import LedeModel
import LedeStore
import LedeWire
import ZeroMQ

/// The Lede service, wired: ingest → bounded queue → extraction workers → committer (SQLite, then
/// PUB) → acknowledgements through the API loop. `start()` returns once every socket is bound;
/// `stop()` drains gracefully: stop intake, finish and commit what was accepted, publish, answer.
public final class LedeServer: @unchecked Sendable {
    public let configuration: ServiceConfiguration
    let logger: Logger
    let context = Context()
    /// The database: read-only use from outside the service (replay, events for HTTP).
    public let store: any ResultStore
    /// The store when it is the embedded SQLite file, which needs checkpoints and may be capped.
    private let sqlite: Store?
    /// Keeps a second service off the SQLite file (PostgreSQL takes several nodes).
    private let databaseLock: DatabaseLock?
    public let metrics: ServiceMetrics
    let health = StoreHealth()
    /// Raised by the committer on a store fault that cannot pass; `LedeService` then stops and fails.
    let fault = FaultSignal()
    let work: BoundedQueue<WorkItem>
    let commits: BoundedQueue<CommitRequest>
    /// What the loops share.
    let parts: ServiceParts
    private var threads: (ingest: ServiceThread, workers: [ServiceThread], committer: ServiceThread, api: ServiceThread)?
    private var checkpoints: (loop: Checkpointer, thread: ServiceThread)?
    private var ingest: IngestLoop?
    private var reprocessing: (loop: ReprocessLoop, thread: ServiceThread)?
    private var retention: (loop: RetentionLoop, thread: ServiceThread)?
    private var api: APILoop?
    private var zap: ZAPHandler?
    private let lock = NSLock()
    private var stopped = false

    /// `metrics`: where the service's measurements go (`LedeHTTP` exports them); by default nowhere.
    /// `store`: the database the node commits to; by default the SQLite file `configuration.databasePath`
    /// (the command line makes a `PostgresStore` for a `postgres://` URL, so this module need not link it).
    public init(
        configuration: ServiceConfiguration, logger: Logger = Logger(label: "lede"), metrics: ServiceMetrics = ServiceMetrics(),
        store: (any ResultStore)? = nil
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
        MallocTuning.limitArenas(toWorkers: configuration.workers)
        if let store {
            self.databaseLock = nil
            self.sqlite = store as? Store
            self.store = store
        } else {
            self.databaseLock = try DatabaseLock(databasePath: configuration.databasePath)
            let sqlite = try Store(
                path: configuration.databasePath, durability: configuration.durability, separateCheckpoints: true,
                maxBytes: configuration.maxDatabaseBytes, waitingOutFaults: true)
            self.sqlite = sqlite
            self.store = sqlite
        }
        self.work = BoundedQueue(capacity: configuration.queueDepth)
        self.commits = BoundedQueue(capacity: max(configuration.batchSize * 4, configuration.queueDepth))
        self.parts = ServiceParts(
            store: self.store, health: health, fault: fault, work: work, commits: commits, configuration: configuration,
            metrics: metrics, logger: logger, acknowledgements: "inproc://lede-acknowledgements",
            // Enough in flight that the job does not wait on each commit's round trip (with two, it ran at
            // a fifth of the service's capacity), few enough that a live article waits behind a handful.
            reprocess: ReprocessJob(inFlightLimit: 4 * max(1, configuration.workers)))
    }

    /// Starts every loop and returns the endpoints they bound.
    public func start(extractor: Extractor) throws -> BoundEndpoints {
        if let security = configuration.security {
            let zap = ZAPHandler(allowed: security.allowedClientKeys, logger: logger)
            try zap.start(context: context)
            self.zap = zap
        }
        let parts = self.parts
        let api = APILoop(parts)
        let apiReady = StartupLatch<String>()
        let apiThread = ServiceThread(name: "lede-api") { [context] in api.run(context: context, ready: apiReady) }
        apiThread.start()
        let apiEndpoint = try apiReady.wait()

        let committer = Committer(parts)
        let publishReady = StartupLatch<String>()
        let committerThread = ServiceThread(name: "lede-committer") { [context] in committer.run(context: context, ready: publishReady) }
        committerThread.start()
        let publishEndpoint: String
        do { publishEndpoint = try publishReady.wait() } catch {
            api.finished.store(true, ordering: .releasing); apiThread.join(); throw error
        }

        if let sqlite {
            let checkpointer = Checkpointer(store: sqlite, interval: configuration.checkpointInterval, logger: logger)
            let checkpointThread = ServiceThread(name: "lede-checkpoint") { checkpointer.run() }
            checkpointThread.start()
            lock.withLock { checkpoints = (checkpointer, checkpointThread) }
        }

        let workers = ExtractionWorkers(
            work: work, commits: commits, extractor: extractor, checks: InputChecks(limits: configuration.limits), metrics: metrics, logger: logger)
        let workerThreads = (0..<max(1, configuration.workers)).map { i in ServiceThread(name: "lede-worker-\(i)") { workers.run() } }
        workerThreads.forEach { $0.start() }

        let reprocessLoop = ReprocessLoop(parts, job: parts.reprocess)
        let reprocessThread = ServiceThread(name: "lede-reprocess") { reprocessLoop.run() }
        reprocessThread.start()
        lock.withLock { reprocessing = (reprocessLoop, reprocessThread) }
        resumeReprocessing()
        if configuration.retentionDays > 0 {
            let retentionLoop = RetentionLoop(parts, days: configuration.retentionDays)
            let retentionThread = ServiceThread(name: "lede-retention") { retentionLoop.run() }
            retentionThread.start()
            lock.withLock { retention = (retentionLoop, retentionThread) }
        }

        let ingest = IngestLoop(work: work, configuration: configuration, metrics: metrics, logger: logger)
        let ingestReady = StartupLatch<(sub: String?, pull: String?)>()
        let ingestThread = ServiceThread(name: "lede-ingest") { [context] in ingest.run(context: context, ready: ingestReady) }
        ingestThread.start()
        let ingestEndpoints: (sub: String?, pull: String?)
        do { ingestEndpoints = try ingestReady.wait() } catch {
            threads = (ingestThread, workerThreads, committerThread, apiThread)
            self.ingest = ingest; self.api = api
            stop()
            throw error
        }

        lock.withLock {
            threads = (ingestThread, workerThreads, committerThread, apiThread)
            self.ingest = ingest
            self.api = api
        }
        let bound = BoundEndpoints(ingestSub: ingestEndpoints.sub, ingestPull: ingestEndpoints.pull, publish: publishEndpoint, api: apiEndpoint)
        logger.notice("lede is serving", metadata: [
            "db": "\(configuration.databaseForLogs)", "workers": "\(workerThreads.count)",
            "ingest.sub": "\(bound.ingestSub ?? "-")", "ingest.pull": "\(bound.ingestPull ?? "-")",
            "publish": "\(bound.publish)", "api": "\(bound.api)",
        ])
        return bound
    }

    /// A reprocess job a stopped service left unfinished goes on from where it was: the articles it
    /// already re-extracted have a newer result than the job's last seq, so they are not taken again.
    private func resumeReprocessing() {
        do {
            guard let open = try store.unfinishedReprocessJob() else { return }
            if open.count == 0 {
                try store.finishReprocessJob(open.job, nowMillis: WallClock.millis())
                return
            }
            guard try store.claimReprocessJob(open.job) else {
                logger.notice("an unfinished reprocess job runs on another node", metadata: ["job": "\(open.job)", "articles_left": "\(open.count)"])
                return
            }
            _ = parts.reprocess.start(open, atMillis: WallClock.millis())
            logger.notice("reprocess taken up again", metadata: ["job": "\(open.job)", "articles_left": "\(open.count)"])
        } catch {
            // A store that cannot be read now: the job waits for the next start.
            logger.warning("an unfinished reprocess job could not be read", metadata: ["error": "\(error)"])
        }
    }

    /// Caps the database file at `bytes` from the next commit on (0: no cap): reaching the cap holds
    /// input as a full disk does. `max_database_mb` sets it at start.
    public func limitDatabaseSize(toBytes bytes: Int) throws {
        guard let sqlite else { throw StoreError(operation: "limit the database size", underlying: "only a SQLite file can be capped") }
        try sqlite.limitSize(toBytes: bytes)
    }

    /// What `health` reports of the store: whether it takes writes, and if not why and since when.
    public var storeStatus: StoreStatus { health.status }

    /// Whether every loop runs: started, and not stopping.
    public var isRunning: Bool { lock.withLock { threads != nil && !stopped } }

    /// Whether the service takes input now, and if not, every reason: the store refuses writes, the
    /// service is not started or is stopping, the work queue is full.
    public var readiness: (ready: Bool, reasons: [String]) {
        var reasons: [String] = []
        if !isRunning { reasons.append("the service is not running (starting or stopping)") }
        if let fault = health.status.fault {
            reasons.append("the store cannot write since \(Timestamps.iso8601(millisSince1970: fault.sinceMillis)): \(fault.reason)")
        }
        if work.count >= work.capacity { reasons.append("the work queue is full (\(work.capacity) articles)") }
        return (reasons.isEmpty, reasons)
    }

    /// The counters `stats` answers with (see `ServiceParts.statistics()`).
    public func statistics() throws -> [(String, Int64)] { try parts.statistics() }

    /// Graceful shutdown, in dependency order: intake stops, workers finish what was accepted, the
    /// committer commits and publishes it all, the API loop sends the last acknowledgements.
    ///
    /// After a store fault that cannot pass (`fault` raised), nothing more can be stored: intake stops
    /// and the queued inputs are let go at once instead (none of them was acknowledged).
    public func stop() {
        let running: (ingest: ServiceThread, workers: [ServiceThread], committer: ServiceThread, api: ServiceThread)? = lock.withLock {
            if stopped { return nil }
            stopped = true
            return threads
        }
        let checkpoints = lock.withLock { self.checkpoints }
        let retention = lock.withLock { self.retention }
        defer {
            if let retention { retention.loop.stop(); retention.thread.join() }
            // Last, after the committer's last commit.
            if let checkpoints { checkpoints.loop.stop(); checkpoints.thread.join() }
            databaseLock?.release()
        }
        guard let running else { return }
        api?.intakeClosed.store(true, ordering: .releasing)
        ingest?.stopping.store(true, ordering: .releasing)
        let reprocessing = lock.withLock { self.reprocessing }
        reprocessing?.loop.stopping.store(true, ordering: .releasing)
        if fault.raised != nil {
            // Ingest may be waiting for room in the work queue: closing it lets ingest go.
            work.close()
            _ = work.removeAll()
        }
        running.ingest.join()
        reprocessing?.thread.join()
        work.close()
        running.workers.forEach { $0.join() }
        commits.close()
        running.committer.join()
        api?.finished.store(true, ordering: .releasing)
        running.api.join()
        zap?.stop()
        logger.notice("lede stopped", metadata: ["last_seq": "\((try? store.lastSeq()) ?? -1)"])
    }
}
