import LedeModel
/// Rule words keyed by the hash of their `NameKey` key, as `RuleToken` carries a word: a look-up is one
/// probe of a `HashTable`, with no string hashed or compared. Like the tagger's weights, it trusts 64 bits:
/// another word hashing to a rule word's hash is too unlikely to check for.
struct WordTable<Value: Sendable>: Sendable {
    private var table = HashTable<Value>()
    /// The words' hashes, each once.
    private(set) var words: [UInt64] = []

    /// The first value of a word given twice is kept.
    init(hashed pairs: [(UInt64, Value)]) {
        for (w, v) in pairs where table[w] == nil {
            table[w] = v
            words.append(w)
        }
    }

    init(_ pairs: [String: Value]) { self.init(hashed: pairs.map { (RuleLexicon.k($0.key), $0.value) }) }

    /// The value of a word; nil for no word.
    subscript(_ word: UInt64?) -> Value? {
        guard let word else { return nil }
        return table.get(word)
    }
}

typealias WordSet = WordTable<Void>

extension WordTable where Value == Void {
    init(_ words: [String]) { self.init(hashed: words.map { (RuleLexicon.k($0), ()) }) }

    init(hashed words: [UInt64]) { self.init(hashed: words.map { ($0, ()) }) }

    func contains(_ word: UInt64?) -> Bool { self[word] != nil }
}

/// Phrases of rule words ("ít nhất", "đô la mỹ", "percentage points") by their first word, longest first,
/// so that finding the phrases at a token takes one look-up instead of comparing every phrase.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Phrase: Sendable {
        /// The words' hashes, the first included.
        var words: [UInt64]
        var value: Value
    }

    private var table = HashTable<[Phrase]>()
    /// The first words' hashes, each once.
    private(set) var firstWords: [UInt64] = []

    /// Phrases given as words, each folded by `NameKey`.
    init(_ phrases: [([String], Value)]) {
        var byFirst: [UInt64: [Phrase]] = [:]
        for (words, value) in phrases {
            let phrase = Phrase(words: words.map(RuleLexicon.k), value: value)
            byFirst[phrase.words[0], default: []].append(phrase)
        }
        for (first, list) in byFirst { table[first] = list.sorted { $0.words.count > $1.words.count } }
        firstWords = Array(byFirst.keys)
    }

    /// The phrases starting with `word`, longest first.
    subscript(_ word: UInt64?) -> [Phrase]? {
        guard let word else { return nil }
        return table.get(word)
    }
}

extension PhraseTable where Value == Void {
    /// Phrases written with spaces between words: "phần trăm", "tay súng".
    init(_ phrases: [String]) { self.init(phrases.map { ($0.split(separator: " ").map(String.init), ()) }) }
}
