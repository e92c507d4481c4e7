import LedeModel
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

    private let entries: [Entry]
    /// The entries' words, looked up by key.
    private let phrases: CuePhrases

    static let vi = ActorLexicon(lang: "vi")
    static let en = ActorLexicon(lang: "en")
    static func shipped(lang: String) -> ActorLexicon { lang == "vi" ? vi : en }

    init(lang: String) {
        var entries: [Entry] = []
        for row in TSV.rows(ResourceFiles.requiredText("events/actors-\(lang).tsv")) where row.count >= 3 {
            guard let kind = Kind(rawValue: row[2]) else { continue }
            entries.append(Entry(words: TriggerLexicon.words(of: row[0]), cameo: row[1] == "-" ? nil : row[1], kind: kind))
        }
        for row in TSV.rows(ResourceFiles.requiredText("events/actor-countries.tsv")) where row.count >= 2 {
            entries.append(Entry(words: TriggerLexicon.words(of: row[0]), cameo: row[1], kind: .country))
        }
        var seen = Set<[String]>()
        self.entries = entries.filter { !$0.words.isEmpty && seen.insert($0.words).inserted }
        phrases = CuePhrases(words: self.entries.map(\.words))
    }

    /// The longest entry starting at word `i` (within `bound`), if any. Countries must be capitalised
    /// in the text ("Anh" the country, not "anh" the pronoun).
    func match(_ words: [EventWord], at i: Int, within bound: Range<Int>) -> Entry? {
        let entries = self.entries  // the test below captures this, not a copy of the whole lexicon
        return phrases.first(words, startingAt: i, before: bound.upperBound) { k in
            let e = entries[k]
            if e.kind == .country, !words[i].capitalized { return false }
            // multi-word agents may span a clause break only if no punctuation separates them
            return e.kind == .title || !(1..<e.words.count).contains(where: { words[i + $0].breakBefore })
        }.map { entries[$0.index] }
    }
}
