import Logging
import LedeStore

/// What the API loop and the committer share, made once by `LedeServer`: the store, the two queues
/// between the loops, the configuration, the counters, the logger, and the inproc endpoint on which the
/// committer acknowledges `submit`s to the API loop.
struct ServiceParts: Sendable {
    let store: Store
    let work: BoundedQueue<WorkItem>
    let commits: BoundedQueue<CommitRequest>
    let configuration: ServiceConfiguration
    let counters: ServiceCounters
    let logger: Logger
    let acknowledgements: String
}
