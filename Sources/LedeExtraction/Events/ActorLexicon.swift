/// Words that name actors without a proper name ("phe đối lập", "quân đội"), titles ("Tổng thống"),
/// and country names with their CAMEO actor codes, for one language.
/// Data: `events/actors-<lang>.tsv` (written by hand) and `events/actor-countries.tsv` (derived).
struct ActorLexicon: Sendable {
    enum Kind: String, Sendable { case agent, country, title }
    struct Entry: Sendable, Hashable {
        var words: [String]
        var cameo: String?
        var kind: Kind
    }

    private let byFirstWord: HashTable<[Entry]>

    static let vi = ActorLexicon(lang: "vi")
    static let en = ActorLexicon(lang: "en")
    static func shipped(lang: String) -> ActorLexicon { lang == "vi" ? vi : en }

    init(lang: String) {
        var entries: [Entry] = []
        for row in TSV.rows(ResourceFiles.text("events/actors-\(lang).tsv") ?? "") where row.count >= 3 {
            guard let kind = Kind(rawValue: row[2]) else { continue }
            entries.append(Entry(words: TriggerLexicon.words(of: row[0]), cameo: row[1] == "-" ? nil : row[1], kind: kind))
        }
        for row in TSV.rows(ResourceFiles.text("events/actor-countries.tsv") ?? "") where row.count >= 2 {
            entries.append(Entry(words: TriggerLexicon.words(of: row[0]), cameo: row[1], kind: .country))
        }
        var index: [UInt64: [Entry]] = [:]
        var seen = Set<[String]>()
        for e in entries where !e.words.isEmpty && seen.insert(e.words).inserted {
            index[e.words[0].wordKey, default: []].append(e)
        }
        var table = HashTable<[Entry]>(capacity: index.count)
        for (key, group) in index { table[key] = group.sorted { $0.words.count > $1.words.count } }
        byFirstWord = table
    }

    /// The longest entry starting at word `i` (within `bound`), if any. Countries must be capitalised
    /// in the text ("Anh" the country, not "anh" the pronoun).
    func match(_ words: [EventWord], at i: Int, within bound: Range<Int>) -> Entry? {
        guard let candidates = byFirstWord.get(words[i].key) else { return nil }
        outer: for e in candidates where i + e.words.count <= bound.upperBound {
            for k in e.words.indices where !words[i + k].text.same(e.words[k]) { continue outer }
            if e.kind == .country, !words[i].capitalized { continue }
            if e.kind != .title, e.words.count > 1 || e.kind == .agent {
                // multi-word agents may span a clause break only if no punctuation separates them
                if (1..<e.words.count).contains(where: { words[i + $0].breakBefore }) { continue }
            }
            return e
        }
        return nil
    }
}
