import ArgumentParser
import Foundation
import ZeroMQ

/// `lede proxy`: libzmq's own proxy in front of several nodes, so that a subscriber (XSUB → XPUB) or a
/// producer (`--pipeline`: PULL → PUSH) needs one endpoint. Nodes bind every socket, so the side that
/// faces them connects and the side that faces clients binds, unless an endpoint says otherwise
/// (`@` binds, `>` connects: CZMQ's convention).
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Joins several nodes' sockets into one endpoint: XSUB→XPUB, or PULL→PUSH with --pipeline.",
        discussion: """
            Without --pipeline, --frontend is connected to each node's PUB and --backend is bound for subscribers. \
            With --pipeline, --frontend is bound for producers' PUSH sockets and --backend is connected to each node's PULL \
            (articles are spread over them). Prefix an endpoint with @ to bind it or > to connect it instead. \
            Prints one JSON line with the endpoints once ready; SIGINT or SIGTERM stops it.
            """)

    @Option(name: .customLong("frontend"), help: "Endpoint messages come from (repeatable).") var frontends: [String] = []
    @Option(name: .customLong("backend"), help: "Endpoint messages go to (repeatable).") var backends: [String] = []
    @Flag(help: "PULL → PUSH for producers, instead of XSUB → XPUB for subscribers.") var pipeline = false
    @Option(help: "Messages queued per peer before XPUB drops them or PUSH waits (0: no limit).") var hwm: Int32 = 100_000

    func validate() throws {
        guard !frontends.isEmpty else { throw ValidationError("--frontend: give at least one endpoint") }
        guard !backends.isEmpty else { throw ValidationError("--backend: give at least one endpoint") }
        guard hwm >= 0 else { throw ValidationError("--hwm must be 0 (no limit) or more") }
        for (flag, endpoints) in [("--frontend", frontends), ("--backend", backends)] {
            for endpoint in endpoints { _ = try ProxyEndpoint(endpoint, flag: flag, bindsByDefault: false) }
        }
    }

    func run() async throws {
        let context = Context()
        let control = ProxyControl(context: context)
        // Nodes bind: the proxy connects to them, and binds for its clients.
        let frontendBinds = pipeline, backendBinds = !pipeline
        let frontend = try Socket(context, pipeline ? .pull : .xsub)
        let backend = try Socket(context, pipeline ? .push : .xpub)
        for socket in [frontend, backend] {
            try socket.setSendHighWaterMark(hwm)
            try socket.setReceiveHighWaterMark(hwm)
        }
        let frontendEndpoints = try attach(frontend, frontends, flag: "--frontend", bindsByDefault: frontendBinds)
        let backendEndpoints = try attach(backend, backends, flag: "--backend", bindsByDefault: backendBinds)
        let controlSocket = try control.makeSocket()
        _ = SignalFlag.install {
            // A signal that arrives as the proxy returns finds the context still open (it is closed
            // when this command returns): the command is queued and nobody reads it, which is fine.
            do { try control.terminate() } catch { FileHandleOutput.stderr("lede: cannot stop the proxy: \(error)") }
        }
        FileHandle.standardOutput.write(Data((Self.readyLine(frontend: frontendEndpoints, backend: backendEndpoints, pipeline: pipeline) + "\n").utf8))
        do {
            try Proxy.run(frontend: frontend, backend: backend, control: controlSocket)
        } catch {
            throw CLIError("the proxy stopped: \(error)")
        }
        frontend.close()
        backend.close()
        controlSocket.close()
    }

    /// Binds or connects each endpoint; returns them as peers reach them (bound ones with the real port).
    private func attach(_ socket: Socket, _ endpoints: [String], flag: String, bindsByDefault: Bool) throws -> [String] {
        try endpoints.map { text in
            let endpoint = try ProxyEndpoint(text, flag: flag, bindsByDefault: bindsByDefault)
            do throws(ZMQError) {
                if endpoint.binds {
                    try socket.bind(endpoint.address)
                    return try socket.lastEndpoint
                }
                try socket.connect(endpoint.address)
                return endpoint.address
            } catch {
                // libzmq's "invalid argument" or "protocol not supported" is the endpoint's fault.
                if error.code == EINVAL || error.code == EPROTONOSUPPORT {
                    throw ValidationError("\(flag): \(endpoint.address) is not an endpoint libzmq takes (\(error.message))")
                }
                throw CLIError("\(flag): cannot \(endpoint.binds ? "bind" : "connect") \(endpoint.address): \(error.message)")
            }
        }
    }

    static func readyLine(frontend: [String], backend: [String], pipeline: Bool) -> String {
        func list(_ endpoints: [String]) -> String { "[" + endpoints.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        return "{\"ready\":true,\"pattern\":\"\(pipeline ? "pipeline" : "pubsub")\",\"frontend\":\(list(frontend)),\"backend\":\(list(backend))}"
    }
}

/// An endpoint as `lede proxy` takes it: `@` binds, `>` connects, neither takes the side's default.
struct ProxyEndpoint {
    var address: String
    var binds: Bool

    init(_ text: String, flag: String, bindsByDefault: Bool) throws {
        switch text.first {
        case "@": address = String(text.dropFirst()); binds = true
        case ">": address = String(text.dropFirst()); binds = false
        default: address = text; binds = bindsByDefault
        }
        guard let scheme = address.range(of: "://"), !address[scheme.upperBound...].isEmpty,
            ["tcp", "ipc", "inproc", "ws", "wss"].contains(String(address[..<scheme.lowerBound]))
        else {
            throw ValidationError("\(flag): \"\(text)\" is not an endpoint (tcp://HOST:PORT, ipc://PATH; @ to bind, > to connect)")
        }
    }
}
