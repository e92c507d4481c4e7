import LedeModel
/// Distributional word classes learnt from unlabelled news (see `WordClustering`): words used in
/// similar contexts share a class, so a name never seen in training looks like the names it resembles.
/// Each word has a fine, a middle and a coarse class, packed into one `UInt32` (0 = unknown word).
struct WordClusters: Sendable {
    /// Keyed by `FeatureHash.string` of the normalised word.
    var classes: [UInt64: UInt32]
    /// How often a word is capitalised where a sentence does not start, keyed by the hash of its lower-case
    /// form: 1 almost never … 5 almost always (0 = too rare to tell). Names score high ("Putin", "Bốn" as a
    /// name is rare, so "bốn" scores low: a capitalised "Bốn" mid-sentence is then telling).
    var capitalization: [UInt64: UInt8]

    /// Both, in one table for the per-token path: packed classes and capitalisation level.
    private var table = HashTable<Entry>()

    struct Entry: Sendable {
        var classes: UInt32 = 0
        var capitalization: UInt8 = 0
    }

    init(classes: [UInt64: UInt32], capitalization: [UInt64: UInt8] = [:]) {
        self.classes = classes
        self.capitalization = capitalization
        var table = HashTable<Entry>(capacity: classes.count + capitalization.count)
        for (key, packed) in classes { table[key] = Entry(classes: packed) }
        for (key, level) in capitalization {
            var entry = table[key] ?? Entry()
            entry.capitalization = level
            table[key] = entry
        }
        self.table = table
    }

    static let empty = WordClusters(classes: [:])

    static func capitalizationLevel(capitalised: Int, total: Int) -> UInt8 {
        guard total >= 3 else { return 0 }
        let ratio = Double(capitalised) / Double(total)
        switch ratio {
        case ..<0.05: return 1
        case ..<0.3: return 2
        case ..<0.7: return 3
        case ..<0.95: return 4
        default: return 5
        }
    }

    @inline(__always)
    func entry(_ word: UInt64) -> Entry { table.get(word) ?? Entry() }

    static func pack(fine: Int, middle: Int, coarse: Int) -> UInt32 {
        UInt32(fine + 1) | UInt32(middle + 1) << 12 | UInt32(coarse + 1) << 22
    }

    @inline(__always)
    static func fine(_ packed: UInt32) -> UInt64 { UInt64(packed & 0xFFF) }
    @inline(__always)
    static func middle(_ packed: UInt32) -> UInt64 { UInt64(packed >> 12 & 0x3FF) }
    @inline(__always)
    static func coarse(_ packed: UInt32) -> UInt64 { UInt64(packed >> 22) }

}
