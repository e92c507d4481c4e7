import Logging
import Synchronization
import ZeroMQ

/// Receives articles on the SUB and PULL sockets and queues them for the workers. When the queue is
/// full it stops reading, so PUSH producers block (back-pressure) while SUB drops at its high-water
/// mark, as PUB/SUB does by design. Owns both sockets.
final class IngestLoop: Sendable {
    let work: BoundedQueue<WorkItem>
    let configuration: ServiceConfiguration
    let metrics: ServiceMetrics
    let logger: Logger
    let stopping = Atomic<Bool>(false)

    init(work: BoundedQueue<WorkItem>, configuration: ServiceConfiguration, metrics: ServiceMetrics, logger: Logger) {
        self.work = work
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    func run(context: Context, ready: StartupLatch<(sub: String?, pull: String?)>) {
        var sockets: [(Socket, IngestSource)] = []
        var bound: (sub: String?, pull: String?) = (nil, nil)
        do {
            // libzmq disconnects a peer sending past this ceiling; below it, oversized messages are
            // received, refused and recorded (too_large).
            let ceiling = Int64(configuration.limits.maxMessageBytes) * 16
            // SUB and PULL take the same limits and, with CURVE, the same server role.
            func socket(_ type: SocketType) throws -> Socket {
                let socket = try Socket(context, type)
                try socket.setMaxMessageSize(ceiling)
                socket.maxFrames = 4
                if let security = configuration.security {
                    try socket.makeCurveServer(secretKey: security.serverSecretKey)
                    try socket.setZAPDomain("lede")
                }
                return socket
            }
            if let endpoint = configuration.ingestSub {
                let sub = try socket(.sub)
                for topic in configuration.ingestTopics { try sub.subscribe(topic) }
                try sub.bind(endpoint)
                for upstream in configuration.ingestSubConnect { try sub.connect(upstream) }
                bound.sub = try sub.lastEndpoint
                sockets.append((sub, .sub))
            }
            if let endpoint = configuration.ingestPull {
                let pull = try socket(.pull)
                try pull.bind(endpoint)
                bound.pull = try pull.lastEndpoint
                sockets.append((pull, .pull))
            }
            ready.succeed(bound)
        } catch {
            ready.fail(error)
            return
        }
        guard !sockets.isEmpty else { return }
        var poller = Poller()
        for (socket, _) in sockets { poller.add(socket) }
        reading: while !stopping.load(ordering: .acquiring) {
            let readable: [Bool]
            do { readable = try poller.poll(timeout: 100) } catch { logger.error("ingest poll failed", metadata: ["error": "\(error)"]); break }
            for (i, (socket, source)) in sockets.enumerated() where readable[i] {
                // A bounded burst per socket keeps SUB and PULL fair to each other.
                let open = ReceiveBurst.take(from: socket, limit: 256, logger: logger, loop: "ingest") { message in
                    metrics.received(source)
                    work.put(WorkItem(source: source, payload: .frames(message), receivedAtMillis: WallClock.millis(), envelope: nil))
                }
                if !open { break reading }
            }
        }
        for (socket, _) in sockets { socket.close() }
    }
}
