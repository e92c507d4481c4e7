import Foundation
import LedeModel
import LedeStore
import Synchronization

/// The service's reprocess job, shared by the API loop (which starts it and reports it), the reprocess
/// loop (which feeds the workers) and the committer (which counts what it committed). One job runs at
/// a time; the last one's figures stay readable until the next starts.
final class ReprocessJob: Sendable {
    struct Progress: Sendable, Equatable {
        var job: Int
        var selection: ReprocessSelection
        /// Articles handed to the workers, and committed as new revisions (or found pruned).
        var queued = 0
        var done = 0
        /// The seq of the newest result (in the selection) whose article was handed over.
        var handedThrough: Int64 = 0
        var startedMillis: Int64
        var finishedMillis: Int64?

        var running: Bool { finishedMillis == nil }
    }

    private let state = Mutex<Progress?>(nil)
    /// Articles of the job in the work queue or in a worker: a live article waits behind at most this
    /// many of them, whatever the size of the job.
    let inFlight: DispatchSemaphore
    let inFlightLimit: Int
    /// Signalled when a job starts, so the loop need not poll.
    let started = DispatchSemaphore(value: 0)

    init(inFlightLimit: Int) {
        self.inFlightLimit = inFlightLimit
        inFlight = DispatchSemaphore(value: inFlightLimit)
    }

    var progress: Progress? { state.withLock { $0 } }

    /// Starts the job the store recorded (`selection.job`), or takes up an unfinished one after a
    /// restart, unless one runs; returns it, or the running one as the error.
    func start(_ selection: ReprocessSelection, atMillis now: Int64) -> Result<Progress, RunningJob> {
        let outcome: Result<Progress, RunningJob> = state.withLock { s in
            if let current = s, current.running { return .failure(RunningJob(progress: current)) }
            var p = Progress(job: selection.job, selection: selection, startedMillis: now)
            if selection.count == 0 { p.finishedMillis = now }
            s = p
            return .success(p)
        }
        if case .success(let p) = outcome, p.running { started.signal() }
        return outcome
    }

    struct RunningJob: Error { var progress: Progress }

    func handedOver(seq: Int64) {
        state.withLock { s in
            s?.queued += 1
            s?.handedThrough = seq
        }
    }

    /// The committer committed (or found gone) one article of the job.
    func committedOne(atMillis now: Int64) {
        inFlight.signal()
        state.withLock { s in
            guard var p = s else { return }
            p.done += 1
            if p.done >= p.selection.count { p.finishedMillis = now }
            s = p
        }
    }

    /// The loop found fewer articles than counted (pruned meanwhile): the job ends with what it did.
    func exhausted(atMillis now: Int64) {
        state.withLock { s in
            guard var p = s, p.running else { return }
            p.selection.count = p.queued
            if p.done >= p.queued { p.finishedMillis = now }
            s = p
        }
    }

    /// `stats`' view: `reprocess.job`, `.total`, `.queued`, `.done`, `.running`, `.through_seq`.
    var statistics: [(String, Int64)] {
        guard let p = progress else { return [] }
        return [
            ("reprocess.job", Int64(p.job)), ("reprocess.total", Int64(p.selection.count)), ("reprocess.queued", Int64(p.queued)),
            ("reprocess.done", Int64(p.done)), ("reprocess.running", p.running ? 1 : 0), ("reprocess.through_seq", p.handedThrough),
        ]
    }
}
