import LedeModel
/// A read-mostly open-addressing table keyed by already well-mixed 64-bit hashes (`FeatureHash`):
/// no re-hashing and no seeding, unlike `Dictionary`, which matters on the per-token path.
struct HashTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slotKey(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    func get(_ key: UInt64) -> Value? {
        let k = Self.slotKey(key)
        var i = Int(truncatingIfNeeded: FeatureHash.finish(k)) & mask
        while true {
            let found = keys[i]
            if found == k { return values[i] }
            if found == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    subscript(key: UInt64) -> Value? {
        get { get(key) }
        set {
            guard let newValue else { return }  // removal is not needed
            if (count + 1) * 2 > keys.count { grow() }
            let k = Self.slotKey(key)
            var i = Int(truncatingIfNeeded: FeatureHash.finish(k)) & mask
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = k
            values[i] = newValue
        }
    }

    /// Entries in ascending key order (for writing files deterministically).
    var sorted: [(key: UInt64, value: Value)] {
        var out: [(key: UInt64, value: Value)] = []
        for i in keys.indices where keys[i] != 0 { out.append((keys[i], values[i]!)) }
        return out.sorted { $0.key < $1.key }
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        count = 0
        for (k, v) in old { self[k] = v }
    }
}
