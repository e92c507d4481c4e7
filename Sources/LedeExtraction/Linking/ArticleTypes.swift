import LedeModel

/// One name, one type in an article: the tagger decides each mention from its own few words, so the
/// same organisation can come out ORG in the title and PER in the body ("Ant Group", "Yukos"), and then
/// it is two entities. Mentions with the same text take the type most of them have. (Exact text, not
/// `NameKey`: the same name in another case or tone-mark style is rare, and keys cost a normalisation
/// per mention on the extraction path.)
enum ArticleTypes {
    /// On a tie, the type earlier here wins: an organisation or a place read as a person is the
    /// tagger's commonest confusion on whole articles, not the other way round.
    static let tieOrder: [MentionType] = [.organization, .location, .miscellaneous, .person]

    static func unified(_ mentions: [Mention]) -> [Mention] {
        // One pass to see whether any text has two types (most articles have none).
        var firstType: [String: MentionType] = [:]
        var mixed: Set<String> = []
        for m in mentions where m.type.isName {
            if let t = firstType.updateValue(m.type, forKey: m.span.text), t != m.type { mixed.insert(m.span.text) }
        }
        if mixed.isEmpty { return mentions }
        var groups: [String: [Int]] = [:]
        for (i, m) in mentions.enumerated() where m.type.isName && mixed.contains(m.span.text) {
            groups[m.span.text, default: []].append(i)
        }
        var out = mentions
        for indices in groups.values {
            var counts: [MentionType: Int] = [:]
            for i in indices { counts[mentions[i].type, default: 0] += 1 }
            guard counts.count > 1 else { continue }
            let best = counts.max { a, b in
                a.value != b.value ? a.value < b.value : rank(a.key) > rank(b.key)
            }!.key
            for i in indices { out[i].type = best }
        }
        return out
    }

    static func rank(_ type: MentionType) -> Int { tieOrder.firstIndex(of: type) ?? tieOrder.count }
}
