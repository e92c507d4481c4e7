import Logging
import LedeStore

/// What the API loop and the committer share, made once by `LedeServer`: the store and what is known
/// of its health, the two queues between the loops, the configuration, the counters and metrics, the logger, the
/// signal for a fault the service cannot go on with, and the inproc endpoint on which the committer
/// acknowledges `submit`s to the API loop.
struct ServiceParts: Sendable {
    let store: any ResultStore
    let health: StoreHealth
    let fault: FaultSignal
    let work: BoundedQueue<WorkItem>
    let commits: BoundedQueue<CommitRequest>
    let configuration: ServiceConfiguration
    let metrics: ServiceMetrics
    let logger: Logger
    let acknowledgements: String
    let reprocess: ReprocessJob
}

extension ServiceParts {
    /// The counters `stats` answers with: the store's counts, the service's counters, queue depths and
    /// store health. Also sets the queue-depth gauges, so a scrape sees them as of now.
    func statistics() throws -> [(String, Int64)] {
        metrics.workQueue.record(work.count)
        metrics.commitQueue.record(commits.count)
        let status = health.status
        let live: [(String, Int64)] = [
            ("queue.work", Int64(work.count)), ("queue.commit", Int64(commits.count)),
            ("store.writable", status.fault == nil ? 1 : 0), ("store.failures", Int64(status.failures)),
        ]
        return try store.counts() + metrics.snapshot + live + reprocess.statistics
    }
}
