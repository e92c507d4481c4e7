import LedeModel

/// "U16 Việt Nam", "U23 Thái Lan": an age-group team, named by its age and its country, is an
/// organisation, and the age is part of its name (as VLSP 2018 annotates it, 207 times against 21). The
/// tagger, where its training saw no sport, reads the country alone, a place. Only before a country:
/// "U16 châu Á" is a tournament.
enum AgeGroupTeams {
    static func joined(_ mentions: [Mention], fields: [AnalyzedText], lang: String, gazetteer: Gazetteer = .shared) -> [Mention] {
        guard lang == "vi" else { return mentions }
        var out = mentions
        // The field's scalars, for the "U" four places before a name (most articles have none).
        let scalarsOf = Dictionary(fields.map { ($0.field, $0.scalars) }, uniquingKeysWith: { a, _ in a })
        for (i, m) in mentions.enumerated() where m.type.isName {
            // The age first, which most names lack; the gazetteer only then.
            let text = m.span.text.unicodeScalars
            let s = m.span.start
            guard text.first == "U" || s >= 4 && scalarsOf[m.span.field].map({ s <= $0.count && $0[s - 4] == "U" }) == true else { continue }
            if isAgeGroup(text.prefix(3)), text.count > 4, text.dropFirst(3).first == " " {
                if gazetteer.isCountry(String(String.UnicodeScalarView(text.dropFirst(4)))) { out[i].type = .organization }
                continue
            }
            guard s >= 4, let scalars = scalarsOf[m.span.field], s <= scalars.count,
                  scalars[s - 1] == " ", isAgeGroup(scalars[(s - 4)..<(s - 1)]),
                  s == 4 || !scalars[s - 5].properties.isAlphabetic && !("0"..."9").contains(scalars[s - 5]),
                  gazetteer.isCountry(m.span.text) else { continue }
            out[i].type = .organization
            out[i].span.start = s - 4
            out[i].span.text = String(String.UnicodeScalarView(scalars[(s - 4)..<m.span.end]))
        }
        return out
    }

    /// "U" and two digits ("U16", "U23").
    static func isAgeGroup<S: Collection>(_ s: S) -> Bool where S.Element == Unicode.Scalar {
        let a = Array(s.prefix(3))
        return a.count == 3 && a[0] == "U" && ("0"..."9").contains(a[1]) && ("0"..."9").contains(a[2])
    }
}
