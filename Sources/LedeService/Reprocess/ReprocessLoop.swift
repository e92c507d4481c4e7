import Foundation
import LedeStore
import LedeWire
import Logging
import Synchronization

/// The `lede-reprocess` thread: reads the job's stored articles page by page and hands them to the
/// workers through the same queue as live input, never more than `ReprocessJob.inFlightLimit` at a
/// time, so live articles keep flowing while a job runs and the job takes the capacity they leave.
final class ReprocessLoop: Sendable {
    let parts: ServiceParts
    let job: ReprocessJob
    let stopping = Atomic<Bool>(false)
    static let pageSize = 64

    init(_ parts: ServiceParts, job: ReprocessJob) {
        self.parts = parts
        self.job = job
    }

    func run() {
        while !stopping.load(ordering: .acquiring) {
            guard job.started.wait(timeout: .now() + 0.25) == .success, let progress = job.progress, progress.running else { continue }
            feed(progress)
        }
    }

    private func feed(_ progress: ReprocessJob.Progress) {
        let selection = progress.selection
        parts.logger.notice("reprocess started", metadata: [
            "job": "\(progress.job)", "articles": "\(selection.count)", "through_seq": "\(selection.throughSeq)",
        ])
        var after = selection.range.fromSeq - 1
        while !stopping.load(ordering: .acquiring) {
            let page: [(seq: Int64, article: StoredArticle)]
            do {
                page = try parts.store.articlesToReprocess(selection, after: after, limit: Self.pageSize)
            } catch {
                // The store cannot be read now (a fault that passes): try again shortly.
                parts.logger.debug("reprocess cannot read the store", metadata: ["error": "\(error)"])
                _ = job.started.wait(timeout: .now() + 0.5)
                continue
            }
            if page.isEmpty {
                job.exhausted(atMillis: WallClock.millis())
                finish(progress.job)
                return
            }
            for (seq, stored) in page {
                guard waitForRoom() else { return }
                var stored = stored
                stored.article.publishedAt = stored.publishedAtText.flatMap { ISODateTime.parse($0)?.date }
                let item = WorkItem(source: .reprocess, payload: .stored(stored), receivedAtMillis: WallClock.millis(), envelope: nil)
                while !parts.work.put(item, timeout: 0.25) {
                    if stopping.load(ordering: .acquiring) { job.inFlight.signal(); return }
                }
                job.handedOver(seq: seq)
                after = seq
            }
        }
    }

    /// Once every article handed over is committed, the job is marked finished in the store; a service
    /// stopped before that takes the job up again when it starts.
    private func finish(_ id: Int) {
        while job.progress?.running == true {
            if stopping.load(ordering: .acquiring) { return }
            _ = job.started.wait(timeout: .now() + 0.05)
        }
        do {
            try parts.store.finishReprocessJob(id, nowMillis: WallClock.millis())
            parts.logger.notice("reprocess finished", metadata: ["job": "\(id)", "articles": "\(job.progress?.done ?? 0)"])
        } catch {
            parts.logger.warning("reprocess job not marked finished; it is taken up again at the next start", metadata: ["error": "\(error)"])
        }
    }

    /// Waits until fewer than the limit are in flight; false when the service stops meanwhile.
    private func waitForRoom() -> Bool {
        while job.inFlight.wait(timeout: .now() + 0.25) != .success {
            if stopping.load(ordering: .acquiring) { return false }
        }
        return true
    }
}
