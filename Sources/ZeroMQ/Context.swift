import CZeroMQ

/// A libzmq context. Contexts are thread-safe (sockets are not), so one context is shared by every
/// thread of the process; each socket is created and used on a single thread.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init(ioThreads: Int32 = 1) {
        handle = zmq_ctx_new()
        zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads)
        // Sockets default to a linger of 0 in `Socket.init`; the context needs no other setting.
    }

    /// Makes every blocking call on this context's sockets return `ETERM`, so their threads can
    /// close them and exit. Does not wait.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    deinit {
        // zmq_ctx_term waits until every socket is closed; by then the owners are gone.
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }

    /// Whether libzmq was built with a capability ("curve", "ipc", …).
    public static func has(_ capability: String) -> Bool { zmq_has(capability) == 1 }

    public static var version: (major: Int32, minor: Int32, patch: Int32) {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (major, minor, patch)
    }
}
