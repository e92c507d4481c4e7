import LedeModel
/// A word or phrase that reports an event of one PLOVER type ("tiêu diệt", "air strike").
public struct TriggerEntry: Sendable, Hashable {
    /// Normalised lowercase words, as `EventText` produces them.
    public var words: [String]
    /// The entry as written in the data file.
    public var phrase: String
    public var type: String
    public var cameo: String
    /// The kind of count a number after the trigger reports (killed, arrested, …), if any.
    public var counts: String?
    /// An everyday word ("hỗ trợ", "meet") that reports a political event only with a named participant.
    public var needsParticipant = false
}

/// A problem in a lexicon line, reported by `TriggerLexicon.parse` so tests can name the line.
public struct LexiconProblem: Sendable, Hashable, CustomStringConvertible {
    public var line: String
    public var reason: String
    public var description: String { "\(reason): \(line)" }
}

/// Event triggers of one language, matched leftmost-longest on normalised lowercase words.
/// Data: `events/triggers-<lang>.tsv` (what reports an event) and `events/not-triggers-<lang>.tsv`
/// (phrases that contain a trigger's words but report none: "đánh giá", "heart attack").
public struct TriggerLexicon: Sendable {
    public let entries: [TriggerEntry]
    /// The phrases matched: entries, their English inflections, and blocking phrases.
    private let phrases: CuePhrases
    /// The entry each phrase reports (-1: a blocking phrase).
    private let phraseEntries: [Int]

    public static let vi = TriggerLexicon(lang: "vi")
    public static let en = TriggerLexicon(lang: "en")

    public static func shipped(lang: String) -> TriggerLexicon { lang == "vi" ? vi : en }

    init(lang: String) {
        let (entries, _) = TriggerLexicon.parse(
            ResourceFiles.requiredText("events/triggers-\(lang).tsv"), lang: lang)
        let blockers = TSV.rows(ResourceFiles.requiredText("events/not-triggers-\(lang).tsv")).compactMap {
            $0.first.map { TriggerLexicon.words(of: $0) }
        }
        self.init(entries: entries, blockers: blockers, inflect: lang == "en")
    }

    init(entries: [TriggerEntry], blockers: [[String]], inflect: Bool) {
        self.entries = entries
        var phrases: [[String]] = []
        var phraseEntries: [Int] = []
        var seen = Set<[String]>()
        func add(_ words: [String], _ entry: Int) {
            guard !words.isEmpty, seen.insert(words).inserted else { return }
            phrases.append(words)
            phraseEntries.append(entry)
        }
        for (k, e) in entries.enumerated() { add(e.words, k) }
        for b in blockers { add(b, -1) }
        if inflect {
            for (k, e) in entries.enumerated() {
                for form in English.inflections(of: e.words[0]) { add([form] + e.words.dropFirst(), k) }
            }
        }
        self.phrases = CuePhrases(words: phrases)
        self.phraseEntries = phraseEntries
    }

    /// Reads a triggers file: entries, and the lines that could not be used with the reason.
    public static func parse(_ tsv: String, lang: String) -> ([TriggerEntry], [LexiconProblem]) {
        let ontology = EventOntology.shipped
        var entries: [TriggerEntry] = []
        var problems: [LexiconProblem] = []
        for row in TSV.rows(tsv) {
            let line = row.joined(separator: "\t")
            guard row.count >= 3 else { problems.append(.init(line: line, reason: "fewer than 3 columns")); continue }
            let words = TriggerLexicon.words(of: row[0])
            guard !words.isEmpty else { problems.append(.init(line: line, reason: "empty trigger")); continue }
            guard EventOntology.types.contains(row[1]) else {
                problems.append(.init(line: line, reason: "unknown PLOVER type")); continue
            }
            guard let code = ontology.code(row[2]) else {
                problems.append(.init(line: line, reason: "unknown CAMEO code")); continue
            }
            // The ontology's own type wins only when the file disagrees knowingly: report it.
            if code.type != row[1] {
                problems.append(.init(line: line, reason: "CAMEO \(row[2]) is \(code.type) in PLOVER"))
            }
            let counts = row.count > 3 && !row[3].isEmpty ? row[3] : nil
            let needs = row.count > 4 ? row[4] : ""
            guard needs.isEmpty || needs == "participant" else {
                problems.append(.init(line: line, reason: "needs is \"participant\" or empty")); continue
            }
            entries.append(TriggerEntry(
                words: words, phrase: row[0], type: row[1], cameo: row[2], counts: counts,
                needsParticipant: needs == "participant"))
        }
        return (entries, problems)
    }

    /// The lexicon form of a phrase: the shared analyser's tokens, without punctuation, lowercased.
    static func words(of phrase: String) -> [String] {
        TextAnalyzer.analyze(phrase, field: .body).tokens.map { EventText.lowercasedCore($0.text) }
            .filter { !$0.isEmpty }
    }

    /// The trigger starting at word `i` within `bound`: its length and entry (nil entry: a blocking
    /// phrase to skip), or nil when no phrase starts there.
    func match(_ words: [EventWord], at i: Int, within bound: Range<Int>) -> (length: Int, entry: TriggerEntry?)? {
        guard let (p, length) = phrases.first(words, startingAt: i, before: bound.upperBound, where: { _ in true }) else {
            return nil
        }
        return (length, phraseEntries[p] < 0 ? nil : entries[phraseEntries[p]])
    }
}

enum English {
    /// Regular forms of an English verb or noun: the loader matches these too ("attack" → "attacked").
    static func inflections(of w: String) -> [String] {
        guard w.count >= 3, w.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
            return []
        }
        var forms = [w + "s", w + "ed", w + "ing"]
        let chars = Array(w)
        let last = chars[chars.count - 1]
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if last == "e" {
            forms += [w + "d", String(chars.dropLast()) + "ing"]
        } else if last == "y", !vowels.contains(chars[chars.count - 2]) {
            forms += [String(chars.dropLast()) + "ies", String(chars.dropLast()) + "ied"]
        } else if ["s", "x", "z", "h"].contains(last) {
            forms.append(w + "es")
        }
        if chars.count <= 5, !vowels.contains(last), !["w", "x", "y"].contains(last),
            vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3])
        {
            forms += [w + String(last) + "ed", w + String(last) + "ing"]
        }
        return forms
    }
}
