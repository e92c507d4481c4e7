import Synchronization

/// Counters an operator reads through `stats`: created once, with fixed names.
final class ServiceCounters: Sendable {
    enum Counter: String, CaseIterable, Sendable {
        case received, rejected, stored, duplicates, published, busy
    }

    private let values = Mutex<[Int]>(Array(repeating: 0, count: Counter.allCases.count))

    func add(_ counter: Counter, _ n: Int = 1) {
        let i = Counter.allCases.firstIndex(of: counter)!
        values.withLock { $0[i] += n }
    }

    var snapshot: [(String, Int64)] {
        let v = values.withLock { $0 }
        return zip(Counter.allCases, v).map { ("service.\($0.rawValue)", Int64($1)) }
    }
}
