import LedeModel

/// "người Hà Lan" names the Dutch, not the Netherlands: in Vietnamese a nationality is "người" and the
/// country's name, and the data sets tag the whole as one miscellaneous name (VLSP 2016 and 2018: 263
/// times "người Việt", "người Mỹ", "người Tây Ban Nha"). After "người" a province or a city stays a
/// place (a person's home town: "người Hà Tĩnh"), and "con người" is a human being, not a people.
enum Nationalities {
    static func joined(_ mentions: [Mention], fields: [AnalyzedText], lang: String, gazetteer: Gazetteer = .shared) -> [Mention] {
        guard lang == "vi" else { return mentions }
        var out = mentions
        for (i, m) in mentions.enumerated() where m.type == .location {
            let s = m.span.start
            guard s >= 6, let field = fields.first(where: { $0.field == m.span.field }), s <= field.scalars.count,
                  let k = field.tokenIndex(startingAt: s), k >= 1, field.tokens[k - 1].text == "người",
                  field.tokens[k - 1].end == s - 1, k < 2 || field.tokens[k - 2].text.lowercased() != "con",
                  gazetteer.isCountry(m.span.text) else { continue }
            let start = field.tokens[k - 1].start
            out[i].type = .miscellaneous
            out[i].span.start = start
            out[i].span.text = String(String.UnicodeScalarView(field.scalars[start..<m.span.end]))
        }
        return out
    }
}
