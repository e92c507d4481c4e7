import Foundation
import Logging
import LedeExtraction
import LedeModel
import LedeStore
import LedeWire
import ServiceLifecycle
import Synchronization

/// `LedeServer` as a swift-service-lifecycle `Service`: runs until graceful shutdown (SIGTERM or
/// SIGINT through a `ServiceGroup`), then drains. The blocking work happens on the server's own
/// threads, never on the cooperative pool.
public struct LedeService: Service {
    let server: LedeServer
    let extractor: Extractor
    let onStart: @Sendable (BoundEndpoints) -> Void

    public init(server: LedeServer, extractor: Extractor, onStart: @escaping @Sendable (BoundEndpoints) -> Void = { _ in }) {
        self.server = server
        self.extractor = extractor
        self.onStart = onStart
    }

    public func run() async throws {
        let server = self.server, extractor = self.extractor
        let endpoints = try await offload { try server.start(extractor: extractor) }
        onStart(endpoints)
        // Runs until graceful shutdown, or until the store meets a fault that cannot pass.
        let fault = await cancelWhenGracefulShutdown { await server.fault.wait() }
        // The ServiceGroup bounds the drain (`maximumGracefulShutdownDuration`, the configured
        // `shutdown_timeout`) and then cancels this task: whatever is still in flight was never
        // acknowledged, and everything acknowledged is already durable, so giving up loses no promise.
        guard await offloadUnlessCancelled({ server.stop() }) else {
            throw ShutdownCutShort(seconds: server.configuration.shutdownTimeout, store: server.storeStatus)
        }
        if let fault { throw StoreFaultStop(error: fault) }
    }
}

/// The drain did not finish within the shutdown timeout; the process should exit non-zero.
public struct ShutdownCutShort: Error, CustomStringConvertible {
    public var seconds: TimeInterval
    /// The store's state then: a store that refuses writes is the usual reason a drain cannot finish.
    public var store: StoreStatus

    public var description: String {
        let reason = store.fault.map { "; the store has refused writes since \(Timestamps.iso8601(millisSince1970: $0.sinceMillis)) (\($0.reason)), so \($0.held) accepted inputs were not stored" } ?? ""
        return "graceful shutdown took longer than \(seconds) s; exiting with work in flight\(reason)"
    }
}

/// The service stopped because its store met a fault that cannot pass (a corrupt file, a schema from a
/// newer release): the process should exit non-zero with this as its last line.
public struct StoreFaultStop: Error, CustomStringConvertible {
    public var error: StoreError
    public var description: String { "stopped: the store has a fault that will not pass: \(error)" }
}

/// Runs blocking work on a fresh thread and returns true when it finishes, or false as soon as the
/// calling task is cancelled (the thread is left to finish or to die with the process).
func offloadUnlessCancelled(_ body: @escaping @Sendable () -> Void) async -> Bool {
    let once = ResumeOnce()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            once.arm(continuation)
            if Task.isCancelled { once.resume(false); return }
            Thread {
                body()
                once.resume(true)
            }.start()
        }
    } onCancel: {
        once.resume(false)
    }
}

/// A continuation resumed by whichever comes first: the work finishing or the task being cancelled.
private final class ResumeOnce: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Bool, Never>?, early: Bool?)>((nil, nil))

    func arm(_ continuation: CheckedContinuation<Bool, Never>) {
        let early = state.withLock { s -> Bool? in
            if let early = s.early { return early }
            s.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func resume(_ value: Bool) {
        let continuation = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            if s.continuation == nil, s.early == nil { s.early = value }
            defer { s.continuation = nil }
            return s.continuation
        }
        continuation?.resume(returning: value)
    }
}

/// Runs blocking work on a fresh thread and awaits it, keeping the cooperative pool free.
public func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

public func offload(_ body: @escaping @Sendable () -> Void) async {
    await withCheckedContinuation { continuation in
        Thread { body(); continuation.resume() }.start()
    }
}

extension LedeService: CustomStringConvertible {
    /// Short: service-lifecycle logs its services at debug, and the extractor's models are megabytes.
    public var description: String { "LedeService(db: \(server.configuration.databaseForLogs))" }
}
