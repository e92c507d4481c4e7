import Foundation
import Logging
import LedeStore

/// Checkpoints the store's write-ahead log from a thread of its own, so that the committer never waits
/// for a checkpoint before it publishes (see `Store.checkpoint()`). Small and often: each checkpoint
/// copies what a fraction of a second of commits wrote, and the WAL starts afresh between them.
final class Checkpointer: @unchecked Sendable {
    let interval: TimeInterval
    let logger: Logger
    /// One checkpoint: `Store.checkpoint` in the service.
    let checkpointOnce: @Sendable () throws -> Void
    private let stopSignal = DispatchSemaphore(value: 0)
    /// Whether the last checkpoint failed: a failure is logged when it starts and when it ends, not 20
    /// times a second.
    private var failing = false

    init(interval: TimeInterval, logger: Logger, checkpoint: @escaping @Sendable () throws -> Void) {
        self.interval = interval
        self.logger = logger
        self.checkpointOnce = checkpoint
    }

    convenience init(store: Store, interval: TimeInterval, logger: Logger) {
        self.init(interval: interval, logger: logger) { try store.checkpoint() }
    }

    /// Checkpoints every `interval` until `stop()`, then once more.
    func run() {
        while stopSignal.wait(timeout: .now() + interval) == .timedOut {
            checkpoint()
        }
        checkpoint()
    }

    func stop() { stopSignal.signal() }

    private func checkpoint() {
        do {
            try checkpointOnce()
            if failing {
                failing = false
                logger.notice("checkpoints work again")
            }
        } catch {
            // The writer's own checkpoint still runs after large commits; the next round tries again.
            if !failing {
                failing = true
                logger.error("checkpoint failed; retrying every round, logged again once it works", metadata: ["error": "\(error)"])
            }
        }
    }
}
