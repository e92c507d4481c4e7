import LedeStore
import LedeWire
import Synchronization

/// Whether the store takes writes, as the committer last found it. The committer writes it; `health`,
/// `stats` and `submit` read it, so that while the store refuses writes a submitter is answered at
/// once and an operator sees why and since when.
final class StoreHealth: Sendable {
    private let state = Mutex(StoreStatus())
    /// `state.fault == nil`, readable without the lock: `recovered()` runs after every commit and each
    /// `submit` asks `isWritable`.
    private let writable = Atomic<Bool>(true)

    var status: StoreStatus { state.withLock { $0 } }
    /// Whether the last commit worked, without the lock or a copy of the fault: `submit` asks this first.
    var isWritable: Bool { writable.load(ordering: .acquiring) }

    /// Records a failed commit. Returns true when it starts a fault (the store was writable before).
    @discardableResult
    func failed(_ error: StoreError, held: Int, atMillis now: Int64) -> Bool {
        let started = state.withLock { s -> Bool in
            s.failures += 1
            if s.fault != nil {
                s.fault?.held = held
                s.fault?.reason = error.description
                s.fault?.code = error.code
                return false
            }
            s.fault = StoreStatus.Fault(reason: error.description, code: error.code, sinceMillis: now, held: held)
            return true
        }
        writable.store(false, ordering: .releasing)
        return started
    }

    /// Records a commit that worked. Returns the fault it ends, if there was one.
    func recovered() -> StoreStatus.Fault? {
        guard !writable.load(ordering: .acquiring) else { return nil }
        let ended = state.withLock { s -> StoreStatus.Fault? in
            defer { s.fault = nil }
            return s.fault
        }
        writable.store(true, ordering: .releasing)
        return ended
    }
}
