import Foundation
import HTTPTypes
import Hummingbird
import LedeService
import LedeModel
import LedeStore
import LedeWire
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// The HTTP side port for people and orchestrators (Hummingbird): `/healthz`, `/readyz`, `/metrics`,
/// `/v1/status`, `/v1/replay`, `/v1/events` (Server-Sent Events) and the live page at `/`. It reads the
/// service's state and its database; it never writes.
public struct HTTPSide: Service {
    let server: LedeServer
    let registry: PrometheusCollectorRegistry
    let host: String
    let port: Int
    let logger: Logger
    let onStart: @Sendable (String) -> Void

    /// `registry`: the one `ServiceMetrics` were made with (`HTTPSide.metrics(registry:)`).
    /// `onStart` gets the bound `host:port` (a port of 0 binds a free one).
    public init(
        server: LedeServer, registry: PrometheusCollectorRegistry, host: String, port: Int, logger: Logger,
        onStart: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.server = server
        self.registry = registry
        self.host = host
        self.port = port
        self.logger = logger
        self.onStart = onStart
    }

    /// Service metrics that `/metrics` exports: pass them to `LedeServer`.
    public static func metrics(registry: PrometheusCollectorRegistry) -> ServiceMetrics {
        ServiceMetrics(factory: PrometheusMetricsFactory(registry: registry))
    }

    public func run() async throws {
        let onStart = self.onStart, host = self.host
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: "lede"),
            onServerRunning: { channel in onStart("\(host):\(channel.localAddress?.port ?? 0)") },
            logger: logger)
        try await app.run()
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let server = self.server, registry = self.registry
        let router = Router()
        router.get("/healthz") { _, _ -> Response in
            server.isRunning ? text(.ok, "ok\n") : text(.serviceUnavailable, "not running\n")
        }
        router.get("/readyz") { _, _ -> Response in
            let readiness = server.readiness
            var w = JSONWriter()
            w.beginObject()
            w.key("ready"); w.bool(readiness.ready)
            w.key("reasons"); w.beginArray(); for r in readiness.reasons { w.string(r) }; w.endArray()
            w.endObject()
            return json(readiness.ready ? .ok : .serviceUnavailable, w.bytes)
        }
        router.get("/metrics") { _, _ -> Response in
            _ = try? server.statistics()  // sets the queue-depth gauges as of now
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get("/v1/status") { _, _ -> Response in
            let status = server.storeStatus
            var w = JSONWriter()
            w.beginObject()
            w.key("status"); w.string(status.label(stopping: !server.isRunning))
            w.key("ready"); w.bool(server.readiness.ready)
            if let fault = status.fault { w.key("store_fault"); w.string(fault.reason) }
            w.key("stats"); w.beginObject()
            for (name, value) in (try? server.statistics()) ?? [] { w.key(name); w.int64(value) }
            w.endObject()
            w.endObject()
            return json(.ok, w.bytes)
        }
        router.get("/v1/replay") { request, _ -> Response in
            let query = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
            let filter: ReplayFilter
            switch APIRequestDecoder.replayFilter(query: query) {
            case .success(let f): filter = f
            case .failure(let error): return json(.badRequest, APIReplyEncoding.error(error))
            }
            var headers: HTTPFields = [.contentType: "application/x-ndjson; charset=utf-8"]
            // A replay that starts where results were pruned is told, as the API's `pruned_before` does.
            if let pruned = try? server.store.prunedThrough(), filter.fromSeq <= pruned, let name = HTTPField.Name("Lede-Pruned-Before") {
                headers[name] = String(pruned + 1)
            }
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    let total = query.contains { $0.name == "limit" } ? filter.limit : nil
                    try await ReplayLines.write(server.store, filter, total: total, to: &writer)
                })
        }
        router.get("/v1/events") { request, _ -> Response in
            let stream: EventStream
            switch EventStream.parse(request, store: server.store) {
            case .success(let s): stream = s
            case .failure(let error): return json(.badRequest, APIReplyEncoding.error(error))
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody { writer in try await stream.write(to: &writer, while: { server.isRunning }) })
        }
        router.get("/") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: LivePage.html)))
        }
        return router
    }
}

func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
    Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
}

func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
    Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
}

extension HTTPSide: CustomStringConvertible {
    public var description: String { "HTTPSide(\(host):\(port))" }
}
