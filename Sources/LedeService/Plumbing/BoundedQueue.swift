import Foundation

/// A blocking FIFO of bounded depth between threads. A full queue makes `put` wait, which is how a
/// flood turns into back-pressure on the PULL socket instead of memory growth.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    var count: Int {
        condition.lock(); defer { condition.unlock() }
        return items.count - head
    }

    /// Waits for room, up to `timeout` seconds (nil: forever). False when it timed out or the queue was
    /// closed; the element was not queued then.
    @discardableResult
    func put(_ element: Element, timeout: TimeInterval? = nil) -> Bool {
        condition.lock(); defer { condition.unlock() }
        let deadline = timeout.map { Date(timeIntervalSinceNow: $0) }
        while !closed && items.count - head >= capacity {
            if let deadline {
                if !condition.wait(until: deadline) { return false }
            } else {
                condition.wait()
            }
        }
        if closed { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Takes up to `max` elements, waiting up to `timeout` seconds for the first. Empty when the wait
    /// timed out; nil when the queue is closed and drained.
    func take(max: Int, timeout: TimeInterval) -> [Element]? {
        condition.lock(); defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while items.count == head {
            if closed { return nil }
            if !condition.wait(until: deadline) { return items.count == head ? (closed ? nil : []) : takeLocked(max) }
        }
        return takeLocked(max)
    }

    private func takeLocked(_ max: Int) -> [Element] {
        let end = min(items.count, head + max)
        let out = Array(items[head..<end])
        head = end
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return out
    }

    /// Whether `close()` was called.
    var isClosed: Bool {
        condition.lock(); defer { condition.unlock() }
        return closed
    }

    /// Changes queued elements in place, in order, without taking them: how the committer answers the
    /// submitters waiting in the queues while the store refuses writes.
    func update(_ body: (inout Element) -> Void) {
        condition.lock(); defer { condition.unlock() }
        for i in head..<items.count { body(&items[i]) }
    }

    /// Takes every queued element at once, without waiting.
    func removeAll() -> [Element] {
        condition.lock(); defer { condition.unlock() }
        let out = Array(items[head...])
        items = []
        head = 0
        condition.broadcast()
        return out
    }

    /// No more puts; takers drain what is queued, then get nil.
    func close() {
        condition.lock(); defer { condition.unlock() }
        closed = true
        condition.broadcast()
    }
}
