import LedeModel
/// Cue words and phrases of the event rules ("tại", "sau khi", "according to"), looked up by the
/// words' `EventWord.key`: a table probe and, on a hit, a byte comparison. A `Set<String>` would hash
/// (and normalise) the word again on every look-up, and two-word cues would need a string built.
struct CuePhrases: Sendable {
    /// The phrases' words, flat, with their keys.
    private let words: [String]
    private let keys: [UInt64]
    /// The phrases in the order given, as ranges of `words`.
    private let phrases: [Range<Int>]
    /// Indices of `phrases` grouped by first word, longest first within a group, and the same grouped
    /// by last word; the tables give each word key's group.
    private let byFirst: [Int]
    private let byLast: [Int]
    private let firstTable: HashTable<Range<Int>>
    private let lastTable: HashTable<Range<Int>>

    /// `phrases`: lowercase normalised words separated by single spaces, as `EventText` produces them.
    init(_ phrases: [String]) {
        self.init(words: phrases.map { $0.split(separator: " ").map(String.init) })
    }

    /// `phrases`: each a list of lowercase normalised words.
    init(words phrases: [[String]]) {
        var words: [String] = []
        var ranges: [Range<Int>] = []
        for phrase in phrases {
            let start = words.count
            words += phrase
            ranges.append(start..<words.count)
        }
        let keys = words.map(\.wordKey)
        // Longest first; equally long phrases keep the order given.
        let longestFirst = ranges.indices.sorted { (ranges[$0].count, $1) > (ranges[$1].count, $0) }
        func grouped(by word: (Range<Int>) -> Int) -> ([Int], HashTable<Range<Int>>) {
            var order: [UInt64] = []
            var groups: [UInt64: [Int]] = [:]
            for p in longestFirst {
                let key = keys[word(ranges[p])]
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(p)
            }
            var flat: [Int] = []
            var table = HashTable<Range<Int>>(capacity: order.count)
            for key in order {
                let start = flat.count
                flat += groups[key]!
                table[key] = start..<flat.count
            }
            return (flat, table)
        }
        (byFirst, firstTable) = grouped { $0.lowerBound }
        (byLast, lastTable) = grouped { $0.upperBound - 1 }
        self.words = words
        self.keys = keys
        self.phrases = ranges
    }

    /// Phrase `phrase` is the words of `text` from `start` on (keys first: a hash collision must not
    /// make a cue).
    @inline(__always)
    private func matches(_ phrase: Range<Int>, _ text: [EventWord], at start: Int) -> Bool {
        for k in phrase where text[start + k - phrase.lowerBound].key != keys[k] { return false }
        for k in phrase where !text[start + k - phrase.lowerBound].text.same(words[k]) { return false }
        return true
    }

    /// The position in the list given of the one-word cue that word `i` of `text` is, if any.
    func index(_ text: [EventWord], _ i: Int) -> Int? {
        guard let group = firstTable.get(text[i].key) else { return nil }
        for p in byFirst[group] where phrases[p].count == 1 && text[i].text.same(words[phrases[p].lowerBound]) { return p }
        return nil
    }

    /// Word `i` of `text` is a one-word cue.
    func contains(_ text: [EventWord], _ i: Int) -> Bool {
        index(text, i) != nil
    }

    /// Words `i - 1` and `i` of `text` are a two-word cue.
    func containsPair(_ text: [EventWord], endingAt i: Int) -> Bool {
        guard i > 0, let group = lastTable.get(text[i].key) else { return false }
        for p in byLast[group] where phrases[p].count == 2 && matches(phrases[p], text, at: i - 1) { return true }
        return false
    }

    /// The length of the longest cue starting at word `i` and ending before word `upper`.
    func longest(_ text: [EventWord], startingAt i: Int, before upper: Int) -> Int? {
        first(text, startingAt: i, before: upper) { _ in true }?.length
    }

    /// The longest cue starting at word `i`, ending before word `upper` and `accepted` (given its
    /// position in the list given): that position, and its length in words.
    func first(_ text: [EventWord], startingAt i: Int, before upper: Int, where accepted: (Int) -> Bool)
        -> (index: Int, length: Int)?
    {
        guard let group = firstTable.get(text[i].key) else { return nil }
        for p in byFirst[group] where i + phrases[p].count <= upper && matches(phrases[p], text, at: i) && accepted(p) {
            return (p, phrases[p].count)
        }
        return nil
    }

    /// The start of the longest cue ending at word `i` and starting at or after word `lower`.
    func longest(_ text: [EventWord], endingAt i: Int, from lower: Int) -> Int? {
        guard let group = lastTable.get(text[i].key) else { return nil }
        for p in byLast[group] {
            let start = i + 1 - phrases[p].count
            if start >= lower && matches(phrases[p], text, at: start) { return start }
        }
        return nil
    }
}
