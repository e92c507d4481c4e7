import LedeStore
import Synchronization

/// Raised once, by the loop that meets a fault the service cannot go on with (a store that will never
/// write again); awaited by `LedeService`, which then stops the service and fails.
final class FaultSignal: Sendable {
    private struct State {
        var error: StoreError?
        var waiters: [UInt64: CheckedContinuation<StoreError?, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }
    private let state = Mutex(State())

    var raised: StoreError? { state.withLock { $0.error } }

    /// The first call wins; later ones are ignored.
    func raise(_ error: StoreError) {
        let waiters = state.withLock { s -> [CheckedContinuation<StoreError?, Never>] in
            guard s.error == nil else { return [] }
            s.error = error
            defer { s.waiters = [:] }
            return Array(s.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: error) }
    }

    /// The fault once it is raised, or nil as soon as the calling task is cancelled.
    func wait() async -> StoreError? {
        let id = state.withLock { s -> UInt64 in
            s.nextWaiter += 1
            return s.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { s -> StoreError?? in
                    if let error = s.error { return .some(error) }
                    if Task.isCancelled { return .some(nil) }
                    s.waiters[id] = continuation
                    return .none
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(returning: nil)
        }
    }
}
