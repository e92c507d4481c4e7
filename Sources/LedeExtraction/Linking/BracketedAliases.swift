import LedeModel

/// A short name in brackets right after a name is that name's abbreviation: "Ngân hàng Nhân dân Trung
/// Quốc (PBoC)", "Hoàng Anh Gia Lai Agrico (HAGL Agrico)". Initials alone do not always show it (HAGL is
/// not H-A-G-L-A), so the brackets are read as the writer meant them.
enum BracketedAliases {
    /// For each name mention that is such an abbreviation, the index of the mention it abbreviates.
    static func find(in mentions: [Mention], fields: [AnalyzedText], gazetteer: Gazetteer = .shared) -> [Int: Int] {
        func scalars(_ field: TextField) -> [Unicode.Scalar]? { fields.first { $0.field == field }?.scalars }
        // Most articles have no name in brackets: nothing more to do then.
        let bracketed = mentions.indices.filter { i in
            let m = mentions[i]
            guard m.type.isName, m.span.start >= 1, let text = scalars(m.span.field), m.span.end < text.count else { return false }
            return text[m.span.start - 1] == "(" && text[m.span.end] == ")" && isAbbreviationLike(m.span.text)
        }
        if bracketed.isEmpty { return [:] }
        var aliases: [Int: Int] = [:]
        // Name mentions by field and start, to find the one that ends just before a bracket.
        var endingAt: [TextField: [Int: Int]] = [:]
        for (i, m) in mentions.enumerated() where m.type.isName {
            endingAt[m.span.field, default: [:]][m.span.end] = i
        }
        for i in bracketed {
            let m = mentions[i]
            guard let text = scalars(m.span.field) else { continue }
            // "Name (ABBR)" or "Name(ABBR)".
            let candidates = [m.span.start - 1, m.span.start - 2]
            // Only an organisation's abbreviation: after a person or a place, brackets hold a team, a
            // country or a party ("Michael Johnson (U.S.)"), and a place in brackets is a place.
            guard let j = candidates.lazy.compactMap({ endingAt[m.span.field]?[$0] }).first, j != i,
                mentions[j].type == .organization, m.type != .person,
                !gazetteer.isPlace(m.span.text),
                mentions[j].span.text.unicodeScalars.count > m.span.text.unicodeScalars.count,
                mentions[j].span.end == m.span.start - 1 || text[m.span.start - 2] == " "
            else { continue }
            aliases[i] = j
        }
        return aliases
    }

    /// Short, with at least two capitals or digits: "PBoC", "HAGL Agrico", "VINASA", "UBND".
    static func isAbbreviationLike(_ text: String) -> Bool {
        var length = 0
        var capitals = 0
        for s in text.unicodeScalars {
            length += 1
            if length > 24 { return false }
            if s.properties.isUppercase || ("0"..."9").contains(s) { capitals += 1 }
        }
        return length >= 2 && capitals >= 2
    }
}
