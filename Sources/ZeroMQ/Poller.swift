import CZeroMQ

/// Waits until one of several sockets, all owned by the calling thread, has a message to read.
public struct Poller {
    private var items: [zmq_pollitem_t] = []

    public init() {}

    /// Adds a socket for reading; returns its index in the readiness array.
    @discardableResult
    public mutating func add(_ socket: Socket) -> Int {
        items.append(zmq_pollitem_t(socket: socket.raw, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
        return items.count - 1
    }

    /// Waits up to `timeout` milliseconds (-1: forever). Returns, per socket, whether it is readable.
    public mutating func poll(timeout milliseconds: Int) throws(ZMQError) -> [Bool] {
        for i in items.indices { items[i].revents = 0 }
        let count = Int32(items.count)
        _ = try zmqCall("zmq_poll") { items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, count, milliseconds) } }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }
}
