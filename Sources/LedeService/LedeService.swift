import Foundation
import Logging
import LedeExtraction
import LedeModel
import ServiceLifecycle

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
        try? await gracefulShutdown()
        // Drain within a bounded time: past it, whatever is still in flight was never acknowledged,
        // and everything acknowledged is already durable, so exiting loses no promise.
        let timeout = server.configuration.shutdownTimeout
        let logger = server.logger
        Thread {
            Thread.sleep(forTimeInterval: timeout)
            logger.critical("graceful shutdown took longer than \(timeout) s; exiting with work in flight")
            exit(1)
        }.start()
        await offload { server.stop() }
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
