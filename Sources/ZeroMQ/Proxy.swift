import CZeroMQ
import Synchronization

/// libzmq's own proxy (`zmq_proxy_steerable`): forwards every message from the frontend to the backend
/// and back, until its control socket is told to stop. All three sockets belong to the calling thread;
/// another thread stops the proxy through a `ProxyControl` socket of its own, never through these.
public enum Proxy {
    /// Forwards until a `ProxyControl.terminate()` (returns normally) or until the context is shut
    /// down (throws `ZMQError` with `isTerminated`).
    public static func run(frontend: Socket, backend: Socket, control: Socket) throws(ZMQError) {
        _ = try zmqCall("zmq_proxy_steerable") { zmq_proxy_steerable(frontend.raw, backend.raw, nil, control.raw) }
    }
}

/// The endpoint on which a running proxy takes its commands (`inproc`, so only this process can stop
/// it). The proxy's thread binds `makeSocket()`; any thread may call `terminate()`, which uses a socket
/// of its own for the one message.
public struct ProxyControl: Sendable {
    public let context: Context
    public let endpoint: String

    /// Each control endpoint of the process is a name of its own.
    private static let made = Atomic<Int>(0)

    public init(context: Context) {
        self.context = context
        endpoint = "inproc://proxy-control-\(Self.made.add(1, ordering: .relaxed).newValue)"
    }

    /// The socket the proxy reads its commands from, bound; for the proxy's thread.
    public func makeSocket() throws(ZMQError) -> Socket {
        let control = try Socket(context, .pull)
        try control.bind(endpoint)
        return control
    }

    /// Tells the proxy to return. Safe from any thread and before the proxy runs: inproc queues the
    /// command until the proxy reads it.
    public func terminate() throws(ZMQError) {
        let command = try Socket(context, .push)
        // A linger, or closing right after the send could drop the command before the proxy takes it.
        try command.setLinger(milliseconds: 1000)
        try command.connect(endpoint)
        try command.send("TERMINATE")
        command.close()
    }
}
