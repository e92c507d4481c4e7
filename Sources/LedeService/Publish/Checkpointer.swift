import Foundation
import Logging
import LedeStore

/// Checkpoints the store's write-ahead log from a thread of its own, so that the committer never waits
/// for a checkpoint before it publishes (see `Store.checkpoint()`). Small and often: each checkpoint
/// copies what a fraction of a second of commits wrote, and the WAL starts afresh between them.
final class Checkpointer: @unchecked Sendable {
    let store: Store
    let interval: TimeInterval
    let logger: Logger
    private let stopSignal = DispatchSemaphore(value: 0)

    init(store: Store, interval: TimeInterval, logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
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
            try store.checkpoint()
        } catch {
            // The writer's own threshold stays as a safety net; the next round tries again.
            logger.error("checkpoint failed", metadata: ["error": "\(error)"])
        }
    }
}
