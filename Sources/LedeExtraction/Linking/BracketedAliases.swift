import LedeModel

/// A short name in brackets right after a name is that name's abbreviation: "Ngân hàng Nhân dân Trung
/// Quốc (PBoC)", "Hoàng Anh Gia Lai Agrico (HAGL Agrico)". Initials alone do not always show it (HAGL is
/// not H-A-G-L-A), so the brackets are read as the writer meant them.
enum BracketedAliases {
    /// For each name mention that is such an abbreviation, the index of the mention it abbreviates.
    /// `fields` are the fields' scalars as received (offsets count into them).
    static func find(in mentions: [Mention], fields: [TextField: [Unicode.Scalar]], gazetteer: Gazetteer = .shared) -> [Int: Int] {
        var aliases: [Int: Int] = [:]
        // Name mentions by field and start, to find the one that ends just before a bracket.
        var endingAt: [TextField: [Int: Int]] = [:]
        for (i, m) in mentions.enumerated() where m.type.isName {
            endingAt[m.span.field, default: [:]][m.span.end] = i
        }
        for (i, m) in mentions.enumerated() where m.type.isName {
            guard let text = fields[m.span.field], isAbbreviationLike(m.span.text),
                m.span.start >= 1, m.span.end < text.count, text[m.span.start - 1] == "(", text[m.span.end] == ")"
            else { continue }
            // "Name (ABBR)" or "Name(ABBR)".
            let candidates = [m.span.start - 1, m.span.start - 2]
            // Only an organisation's abbreviation: after a person or a place, brackets hold a team, a
            // country or a party ("Michael Johnson (U.S.)"), and a place in brackets is a place.
            guard let j = candidates.lazy.compactMap({ endingAt[m.span.field]?[$0] }).first, j != i,
                mentions[j].type == .organization, m.type != .person,
                !gazetteer.lookup(m.span.text).contains(where: { $0.kind != .organization }),
                mentions[j].span.text.unicodeScalars.count > m.span.text.unicodeScalars.count,
                mentions[j].span.end == m.span.start - 1 || text[m.span.start - 2] == " "
            else { continue }
            aliases[i] = j
        }
        return aliases
    }

    /// Short, with at least two capitals or digits: "PBoC", "HAGL Agrico", "VINASA", "UBND".
    static func isAbbreviationLike(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard (2...24).contains(scalars.count) else { return false }
        return scalars.filter { $0.properties.isUppercase || ("0"..."9").contains($0) }.count >= 2
    }
}
