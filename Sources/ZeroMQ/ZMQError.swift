import CZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// A failed libzmq call: the operation, the errno from `zmq_errno()`, and libzmq's description.
public struct ZMQError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var code: Int32
    public var message: String

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
        self.message = String(cString: zmq_strerror(code))
    }

    /// The context was terminated: the socket's owner should close it and return.
    public var isTerminated: Bool { code == ETERM }

    public var description: String { "\(operation): \(message) (errno \(code))" }
}

/// The outcome of a non-blocking or timed operation that may simply have had nothing to do.
public enum Readiness: Sendable, Equatable {
    case done
    case wouldBlock
}

/// The one path for libzmq errors: `EINTR` is retried, `EAGAIN` becomes `.wouldBlock`, and every
/// other errno becomes a thrown `ZMQError` naming the operation.
@inline(__always)
func zmqCall(_ operation: String, _ body: () -> Int32) throws(ZMQError) -> (Int32, Readiness) {
    while true {
        let rc = body()
        if rc >= 0 { return (rc, .done) }
        let errno = zmq_errno()
        if errno == EINTR { continue }
        if errno == EAGAIN { return (rc, .wouldBlock) }
        throw ZMQError(operation: operation, code: errno)
    }
}
