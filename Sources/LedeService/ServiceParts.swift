import Logging
import LedeStore

/// What the API loop and the committer share, made once by `LedeServer`: the store and what is known
/// of its health, the two queues between the loops, the configuration, the counters, the logger, the
/// signal for a fault the service cannot go on with, and the inproc endpoint on which the committer
/// acknowledges `submit`s to the API loop.
struct ServiceParts: Sendable {
    let store: Store
    let health: StoreHealth
    let fault: FaultSignal
    let work: BoundedQueue<WorkItem>
    let commits: BoundedQueue<CommitRequest>
    let configuration: ServiceConfiguration
    let counters: ServiceCounters
    let logger: Logger
    let acknowledgements: String
}
