import Foundation
import LedeStore
import Logging
import Synchronization

/// The `lede-retention` thread, when `retention_days` is set: at start and then every hour it prunes
/// what was committed more than that many days ago, in the store's short transactions, so the
/// committer goes on between them.
final class RetentionLoop: Sendable {
    let parts: ServiceParts
    let days: Int
    let interval: TimeInterval
    private let wake = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)

    init(_ parts: ServiceParts, days: Int, interval: TimeInterval = 3600) {
        self.parts = parts
        self.days = days
        self.interval = interval
    }

    func run() {
        while !stopping.load(ordering: .acquiring) {
            pruneOnce()
            _ = wake.wait(timeout: .now() + interval)
        }
    }

    func stop() {
        stopping.store(true, ordering: .releasing)
        wake.signal()
    }

    private func pruneOnce() {
        let cutoff = WallClock.millis() - Int64(days) * 86_400_000
        do {
            let outcome = try parts.store.prune(before: cutoff) { !stopping.load(ordering: .acquiring) }
            guard outcome.results + outcome.rejects > 0 else { return }
            parts.logger.notice("pruned what is older than the retention period", metadata: [
                "retention_days": "\(days)", "results": "\(outcome.results)", "articles": "\(outcome.articles)",
                "rejects": "\(outcome.rejects)", "pruned_through": "\(outcome.prunedThrough)", "bytes_freed": "\(outcome.bytesFreed)",
            ])
        } catch {
            // A store fault: the committer reports it; the next hour tries again.
            parts.logger.warning("pruning failed; trying again in an hour", metadata: ["error": "\(error)"])
        }
    }
}
