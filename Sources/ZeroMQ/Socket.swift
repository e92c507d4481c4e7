import CZeroMQ

/// A libzmq socket with a single owner. It is deliberately not `Sendable`: libzmq sockets are not
/// thread-safe, so a socket is created, used and closed on one thread, and Swift 6 rejects code that
/// hands it to another. It closes itself when its owner lets go of it.
public final class Socket {
    private var handle: UnsafeMutableRawPointer?
    /// Kept alive while the socket is open: terminating a context waits for its sockets to close.
    private let context: Context
    public let type: SocketType
    /// Frames kept of an over-long multipart message before the rest is drained and discarded.
    public var maxFrames: Int = 16

    public init(_ context: Context, _ type: SocketType) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, type.raw) else {
            throw ZMQError(operation: "zmq_socket", code: zmq_errno())
        }
        self.handle = handle
        self.context = context
        self.type = type
        try set(ZMQ_LINGER, 0)
    }

    deinit { close() }

    /// Closes the socket now. Pending outgoing messages are dropped unless a linger was set.
    public func close() {
        if let handle {
            zmq_close(handle)
            self.handle = nil
        }
    }

    var raw: UnsafeMutableRawPointer {
        guard let handle else { preconditionFailure("use of a closed ZeroMQ socket") }
        return handle
    }

    // MARK: Endpoints

    public func bind(_ endpoint: String) throws(ZMQError) {
        _ = try zmqCall("zmq_bind \(endpoint)") { zmq_bind(raw, endpoint) }
    }

    public func connect(_ endpoint: String) throws(ZMQError) {
        _ = try zmqCall("zmq_connect \(endpoint)") { zmq_connect(raw, endpoint) }
    }

    /// The endpoint last bound, with the real port when bound to `tcp://host:*`.
    public var lastEndpoint: String {
        get throws(ZMQError) { try string(ZMQ_LAST_ENDPOINT) }
    }

    // MARK: Sending

    /// Sends a multipart message. Returns `.wouldBlock` when `dontWait` is set (or a send timeout
    /// elapsed) and the message could not be queued; nothing of it was sent then.
    @discardableResult
    public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws(ZMQError) -> Readiness {
        precondition(!frames.isEmpty, "a ZeroMQ message has at least one frame")
        for (i, frame) in frames.enumerated() {
            var flags: Int32 = dontWait ? ZMQ_DONTWAIT : 0
            if i < frames.count - 1 { flags |= ZMQ_SNDMORE }
            let (_, readiness) = try zmqCall("zmq_send") {
                frame.withUnsafeBytes { zmq_send(raw, $0.baseAddress, $0.count, flags) }
            }
            // libzmq queues multipart messages atomically: only the first frame can would-block.
            if readiness == .wouldBlock { return .wouldBlock }
        }
        return .done
    }

    @discardableResult
    public func send(_ frame: [UInt8], dontWait: Bool = false) throws(ZMQError) -> Readiness {
        try send([frame], dontWait: dontWait)
    }

    @discardableResult
    public func send(_ parts: String..., dontWait: Bool = false) throws(ZMQError) -> Readiness {
        try send(parts.map { Array($0.utf8) }, dontWait: dontWait)
    }

    // MARK: Receiving

    /// A received multipart message: its frames (at most `maxFrames`) and the true frame count.
    public struct Message: Sendable {
        public var frames: [[UInt8]]
        public var frameCount: Int
        /// Total bytes over all frames, including discarded ones.
        public var byteCount: Int
    }

    /// Receives one multipart message, or nil when `dontWait` is set (or the receive timeout elapsed)
    /// and none is waiting. Frames past `maxFrames` are drained and counted, not kept.
    public func receive(dontWait: Bool = false) throws(ZMQError) -> Message? {
        var msg = zmq_msg_t()
        zmq_msg_init(&msg)
        defer { zmq_msg_close(&msg) }
        var frames: [[UInt8]] = []
        var count = 0
        var bytes = 0
        while true {
            let flags: Int32 = (dontWait || count > 0) ? ZMQ_DONTWAIT : 0
            let (size, readiness) = try zmqCall("zmq_msg_recv") { zmq_msg_recv(&msg, raw, count > 0 ? 0 : flags) }
            if readiness == .wouldBlock {
                // Only possible before the first frame: the rest of a message arrives with it.
                return nil
            }
            count += 1
            bytes += Int(size)
            if frames.count < maxFrames {
                let data = zmq_msg_data(&msg)
                frames.append(data.map { Array(UnsafeRawBufferPointer(start: $0, count: Int(size))) } ?? [])
            }
            if zmq_msg_more(&msg) == 0 { break }
        }
        return Message(frames: frames, frameCount: count, byteCount: bytes)
    }

    // MARK: Options

    public func set(_ option: Int32, _ value: Int32) throws(ZMQError) {
        var v = value
        _ = try zmqCall("zmq_setsockopt \(option)") { zmq_setsockopt(raw, option, &v, MemoryLayout<Int32>.size) }
    }

    public func set(_ option: Int32, int64 value: Int64) throws(ZMQError) {
        var v = value
        _ = try zmqCall("zmq_setsockopt \(option)") { zmq_setsockopt(raw, option, &v, MemoryLayout<Int64>.size) }
    }

    public func set(_ option: Int32, bytes: [UInt8]) throws(ZMQError) {
        _ = try zmqCall("zmq_setsockopt \(option)") {
            bytes.withUnsafeBytes { zmq_setsockopt(raw, option, $0.baseAddress, $0.count) }
        }
    }

    public func set(_ option: Int32, string: String) throws(ZMQError) {
        try set(option, bytes: Array(string.utf8))
    }

    public func int(_ option: Int32) throws(ZMQError) -> Int32 {
        var v: Int32 = 0
        var size = MemoryLayout<Int32>.size
        _ = try zmqCall("zmq_getsockopt \(option)") { zmq_getsockopt(raw, option, &v, &size) }
        return v
    }

    public func string(_ option: Int32) throws(ZMQError) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        var size = buffer.count
        _ = try zmqCall("zmq_getsockopt \(option)") { zmq_getsockopt(raw, option, &buffer, &size) }
        let end = buffer.firstIndex(of: 0) ?? size
        return String(decoding: buffer[..<end], as: UTF8.self)
    }
}
