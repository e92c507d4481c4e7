import Logging
import Synchronization
import ZeroMQ

/// A ZeroMQ authentication (ZAP, RFC 27) handler: libzmq asks it about every CURVE handshake on the
/// sockets in the "lede" domain, and it admits only the allow-listed client public keys.
final class ZAPHandler: @unchecked Sendable {
    let allowed: Set<String>
    let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private var thread: ServiceThread?

    init(allowed: Set<String>, logger: Logger) {
        self.allowed = allowed
        self.logger = logger
    }

    func start(context: Context) throws {
        let ready = StartupLatch<Bool>()
        let thread = ServiceThread(name: "lede-zap") { [self] in run(context: context, ready: ready) }
        thread.start()
        _ = try ready.wait()
        self.thread = thread
    }

    func stop() {
        stopping.store(true, ordering: .releasing)
        thread?.join()
    }

    private func run(context: Context, ready: StartupLatch<Bool>) {
        let socket: Socket
        do {
            socket = try Socket(context, .rep)
            try socket.bind("inproc://zeromq.zap.01")
            ready.succeed(true)
        } catch {
            ready.fail(error)
            return
        }
        var poller = Poller()
        poller.add(socket)
        while !stopping.load(ordering: .acquiring) {
            let readable: [Bool]
            do { readable = try poller.poll(timeout: 100) } catch { logger.error("zap poll failed", metadata: ["error": "\(error)"]); break }
            guard readable[0] else { continue }
            let open = ReceiveBurst.take(from: socket, limit: 16, logger: logger, loop: "zap") { request in
                do {
                    try socket.send(reply(to: request.frames))
                } catch {
                    // libzmq waits for the reply; without one the client's handshake fails, as it should.
                    logger.error("zap reply failed", metadata: ["error": "\(error)"])
                }
            }
            if !open { break }
        }
        socket.close()
    }

    /// Request frames: version, request id, domain, address, identity, mechanism, credentials….
    func reply(to frames: [[UInt8]]) -> [[UInt8]] {
        guard frames.count >= 6 else { return [Array("1.0".utf8), [], Array("500".utf8), Array("malformed ZAP request".utf8), [], []] }
        let requestID = frames[1]
        let mechanism = String(decoding: frames[5], as: UTF8.self)
        var status = "400", text = "unknown client key", user = ""
        if mechanism == "CURVE", frames.count >= 7, frames[6].count == 32 {
            let key = Z85.encode(frames[6])
            if allowed.contains(key) {
                status = "200"; text = "OK"; user = key
            } else {
                // The key is public, not a secret: logging it lets an operator allow-list it.
                logger.warning("refused an unknown client key", metadata: ["client.key": "\(key)", "client.address": "\(String(decoding: frames[3], as: UTF8.self))"])
            }
        } else {
            text = "CURVE is required"
        }
        return [Array("1.0".utf8), requestID, Array(status.utf8), Array(text.utf8), Array(user.utf8), []]
    }
}

/// Z85 encoding (ZeroMQ RFC 32) of 32-byte CURVE keys.
enum Z85 {
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        precondition(bytes.count % 4 == 0)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 5 / 4)
        for chunk in stride(from: 0, to: bytes.count, by: 4) {
            var value = UInt32(bytes[chunk]) << 24 | UInt32(bytes[chunk + 1]) << 16 | UInt32(bytes[chunk + 2]) << 8 | UInt32(bytes[chunk + 3])
            var five = [UInt8](repeating: 0, count: 5)
            for i in (0..<5).reversed() {
                five[i] = alphabet[Int(value % 85)]
                value /= 85
            }
            out += five
        }
        return String(decoding: out, as: UTF8.self)
    }
}
