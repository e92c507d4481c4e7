import Foundation

/// A dedicated OS thread for a blocking loop (ZeroMQ sockets and SQLite writes stay off Swift's
/// cooperative pool). `join()` waits for it to end.
final class ServiceThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let thread: Thread

    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let done = self.done
        thread = Thread {
            // Named from inside: that is when Foundation gives the name to the OS thread too, where
            // `top -H`, `ps -L` and debuggers read it (15 characters at most there).
            Thread.current.name = name
            body()
            done.signal()
        }
        thread.name = name
        thread.stackSize = 4 << 20
    }

    func start() { thread.start() }

    func join() {
        done.wait()
        done.signal()
    }
}

/// Reports a thread's start-up (sockets bound, or the error that stopped it) to whoever waits for it.
final class StartupLatch<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<Value, Error>?

    func succeed(_ value: Value) { set(.success(value)) }
    func fail(_ error: Error) { set(.failure(error)) }

    private func set(_ r: Result<Value, Error>) {
        condition.lock(); defer { condition.unlock() }
        if result == nil { result = r }
        condition.broadcast()
    }

    func wait() throws -> Value {
        condition.lock(); defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
    }
}
