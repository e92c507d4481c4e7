/// A read-mostly open-addressing table keyed by already well-mixed 64-bit hashes (`FeatureHash`):
/// no re-hashing and no seeding, unlike `Dictionary`, which matters on the per-token path. A key and
/// its value share a slot, so a look-up in a large table (word classes) misses the cache once, not twice.
struct HashTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: UInt64 = 0
        var value: Value? = nil
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slotKey(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    func get(_ key: UInt64) -> Value? {
        let k = Self.slotKey(key)
        var i = Int(truncatingIfNeeded: FeatureHash.finish(k)) & mask
        while true {
            let found = slots[i].key
            if found == k { return slots[i].value }
            if found == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    subscript(key: UInt64) -> Value? {
        get { get(key) }
        set {
            guard let newValue else { return }  // removal is not needed
            if (count + 1) * 2 > slots.count { grow() }
            let k = Self.slotKey(key)
            var i = Int(truncatingIfNeeded: FeatureHash.finish(k)) & mask
            while slots[i].key != 0 && slots[i].key != k { i = (i + 1) & mask }
            if slots[i].key == 0 { count += 1 }
            slots[i] = Slot(key: k, value: newValue)
        }
    }

    /// Entries in ascending key order (for writing files deterministically).
    var sorted: [(key: UInt64, value: Value)] {
        var out: [(key: UInt64, value: Value)] = []
        for slot in slots where slot.key != 0 { out.append((slot.key, slot.value!)) }
        return out.sorted { $0.key < $1.key }
    }

    private mutating func grow() {
        let old = slots.filter { $0.key != 0 }
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        count = 0
        for slot in old { self[slot.key] = slot.value }
    }
}
