import LedeModel
/// Known names (countries, cities, provinces, organisations, nationalities) as lower-cased token
/// sequences, embedded in the model at training time so that features never change under it.
/// A token inside the longest listed name that starts with a capitalised token gets the name's types.
struct NameList: Sendable {
    static let longest = 6

    /// Hash of the lower-cased tokens (`FeatureHash.combine` chain) → bit set of types (1 PER, 2 LOC,
    /// 4 ORG, 8 MISC).
    private(set) var types: [UInt64: UInt8] = [:]
    private var table = HashTable<UInt8>()

    static let empty = NameList()

    init() {}

    init(types: [UInt64: UInt8]) {
        self.types = types
        var table = HashTable<UInt8>(capacity: types.count)
        for (k, v) in types { table[k] = v }
        self.table = table
    }

    init(names: [(String, MentionType)]) {
        var types: [UInt64: UInt8] = [:]
        for (name, type) in names {
            guard let bit = EntityTag.types.firstIndex(of: type) else { continue }
            let tokens = TextAnalyzer.analyze(name, field: .body).tokens
            guard !tokens.isEmpty, tokens.count <= Self.longest else { continue }
            let key = tokens.dropFirst().reduce(FeatureHash.lowercased(tokens[0].text)) {
                FeatureHash.combine($0, FeatureHash.lowercased($1.text))
            }
            types[key, default: 0] |= 1 << UInt8(bit)
        }
        self.init(types: types)
    }

    var isEmpty: Bool { types.isEmpty }

    /// Per token: 0, or the types of the listed name it is in, times two, plus one inside the name.
    func mark(_ traits: TextTraits) -> [UInt8] {
        var marks = [UInt8](repeating: 0, count: traits.count)
        guard !types.isEmpty else { return marks }
        var i = 0
        while i < traits.count {
            let c = traits.letterCase(i)
            guard c == .initial || c == .allCaps || c == .mixed else { i += 1; continue }
            var key = traits.lower(i)
            var best = 0
            var bestTypes: UInt8 = 0
            var length = 1
            while true {
                if let found = table.get(key) {
                    best = length
                    bestTypes = found
                }
                guard length < Self.longest, i + length < traits.count else { break }
                key = FeatureHash.combine(key, traits.lower(i + length))
                length += 1
            }
            guard best > 0 else { i += 1; continue }
            marks[i] = bestTypes << 1
            for k in (i + 1)..<(i + best) { marks[k] = bestTypes << 1 | 1 }
            i += best
        }
        return marks
    }
}
