import Logging
import ZeroMQ

/// Takes the messages waiting on a socket without blocking, the way every loop of the service reads.
enum ReceiveBurst {
    /// Hands up to `limit` waiting messages to `handle`. Returns false when the socket's context is
    /// terminated, so the loop ends; any other failure is logged and ends only this burst (a failed
    /// receive is never mistaken for an empty socket).
    static func take(
        from socket: Socket, limit: Int, logger: Logger, loop: String, _ handle: (Socket.Message) -> Void
    ) -> Bool {
        for _ in 0..<limit {
            do {
                guard let message = try socket.receive(dontWait: true) else { return true }
                handle(message)
            } catch {
                if error.isTerminated { return false }
                logger.error("receive failed", metadata: ["loop": "\(loop)", "error": "\(error)"])
                return true
            }
        }
        return true
    }
}
