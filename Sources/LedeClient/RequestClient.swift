import Foundation
import LedeWire
import ZeroMQ

/// A REQ client for Lede's API with the Lazy Pirate retry of the ZeroMQ guide: when no reply comes
/// within the timeout, the socket is closed and reopened (a REQ socket is stuck after a lost reply)
/// and the request is sent again. Safe for `submit`, which is idempotent by article id.
public final class RequestClient {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    let context: Context
    let endpoint: String
    public var timeout: TimeInterval
    public var retries: Int
    public var curve: ClientCurve?
    private var socket: Socket?

    public init(context: Context, endpoint: String, timeout: TimeInterval = 5, retries: Int = 3, curve: ClientCurve? = nil) {
        self.context = context
        self.endpoint = endpoint
        self.timeout = timeout
        self.retries = retries
        self.curve = curve
    }

    /// Sends a request and returns the parsed reply. Throws after `retries` silent timeouts.
    public func request(_ body: [UInt8]) throws -> JSONValue {
        let frame = try requestBytes(body)
        do { return try JSONReader.parse(frame) } catch { throw Failure(description: "unreadable reply from \(endpoint): \(error)") }
    }

    /// Sends a request and returns the reply frame as received (for callers that pass JSON through).
    public func requestBytes(_ body: [UInt8]) throws -> [UInt8] {
        var attempt = 0
        while true {
            let socket = try connected()
            try socket.send(body)
            var poller = Poller()
            poller.add(socket)
            if try poller.poll(timeout: Int(timeout * 1000)).first == true, let reply = try socket.receive(dontWait: true) {
                guard let frame = reply.frames.last else { throw Failure(description: "empty reply from \(endpoint)") }
                return frame
            }
            // No reply: abandon this socket (its REQ state machine expects a reply that may never come).
            socket.close()
            self.socket = nil
            attempt += 1
            if attempt > retries {
                throw Failure(description: "no reply from \(endpoint) after \(attempt) attempts of \(Int(timeout))s")
            }
        }
    }

    private func connected() throws -> Socket {
        if let socket { return socket }
        let socket = try Socket(context, .req)
        if let curve { try socket.makeCurveClient(serverKey: curve.serverKey, publicKey: curve.publicKey, secretKey: curve.secretKey) }
        try socket.connect(endpoint)
        self.socket = socket
        return socket
    }
}

/// A client's CURVE keys and the server's public key.
public struct ClientCurve: Sendable {
    public var serverKey: String
    public var publicKey: String
    public var secretKey: String

    public init(serverKey: String, publicKey: String, secretKey: String) {
        self.serverKey = serverKey
        self.publicKey = publicKey
        self.secretKey = secretKey
    }
}
