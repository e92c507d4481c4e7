import LedeModel

/// Name spans as the data sets' guides draw them: a title before a person's name and an English
/// possessive after a name are not part of it ("Mr Howard" → "Howard", "Chile's" → "Chile"). The
/// tagger learnt both ways from news (52 of 58 "Mr/Dr X" spans read on English articles held the
/// title), and a span with either splits one entity into several and links it wrongly.
enum NameSpans {
    /// Each name mention without a leading title (persons) or a trailing possessive (English). A
    /// possessive that was typed MISC and is left naming a country or a place becomes a place
    /// ("Chile's president": Chile is a LOC, as CoNLL-2003 tags it).
    static func trimmed(_ mentions: [Mention], lang: String, gazetteer: Gazetteer = .shared) -> [Mention] {
        var out = mentions
        for (i, mention) in mentions.enumerated() where mention.type.isName {
            // Only a person's name can hold a title, and only English has these possessives.
            guard mention.type == .person || lang == "en" else { continue }
            var m = mention
            // In Vietnamese a capitalised "Anh", "Bà" or "Ông" begins many names ("Anh Tuấn", "Bà Triệu"):
            // only a title written in lower case ("ông Putin") is taken off there.
            if m.type == .person, lang == "en" || !startsWithCapital(m.span.text) {
                let rest = EntityLinker.withoutTitle(m.span.text)
                if rest.unicodeScalars.count < m.span.text.unicodeScalars.count, startsWithCapital(rest) {
                    m.span.start += m.span.text.unicodeScalars.count - rest.unicodeScalars.count
                    m.span.text = rest
                }
            }
            // A letters-after-the-name title ("Philippe Sands QC", "Tessa Jowell MP") is not the name.
            if lang == "en", m.type == .person, let cut = postNominalLength(m.span.text) {
                m.span.text = String(String.UnicodeScalarView(m.span.text.unicodeScalars.dropLast(cut)))
                m.span.end -= cut
            }
            if lang == "en", let cut = possessiveLength(m.span.text) {
                let scalars = m.span.text.unicodeScalars
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars.prefix(scalars.count - cut))
                m.span.text = String(rest)
                m.span.end -= cut
                let places = gazetteer.lookup(m.span.text)
                // A person's possessive too, when a country is left: a capitalised "Libya's" before a
                // title ("Libya's oil minister") reads like a person. (Not any place: "Howard's" and
                // "Bush's" are people's, and cities carry such names.)
                if m.type == .miscellaneous && places.contains(where: { $0.kind != .organization })
                    || m.type == .person && places.contains(where: { $0.kind == .country }) {
                    m.type = .location
                }
            }
            if m != mention { out[i] = m }
        }
        guard lang == "en" else { return out }
        // "Philippe Sands QC" read as a person and an organisation: the letters are the person's title.
        var personEnds: Set<Int> = []
        for m in out where m.type == .person { personEnds.insert(m.span.end) }
        return out.filter { m in
            !(m.type.isName && (isContraction(m.span.text)
                || personEnds.contains(m.span.start - 1) && postNominalLength(" " + m.span.text) != nil))
        }
    }

    /// "I've", "I'm", "I'd", "I'll": a capital I and a contraction, never a name (the tagger took them for
    /// one in quoted speech).
    static func isContraction(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard s.count >= 3, s.count <= 4, s[0] == "I", s[1] == "'" || s[1] == "\u{2019}" else { return false }
        return ["ve", "m", "d", "ll"].contains(String(String.UnicodeScalarView(s[2...])).lowercased())
    }

    /// How many scalars of a trailing " QC", " MP", " MEP" or " MSP" end a person's name, if one does.
    static func postNominalLength(_ text: String) -> Int? {
        for suffix in [" QC", " MP", " MEP", " MSP"] where text.hasSuffix(suffix) && text.unicodeScalars.count >= suffix.unicodeScalars.count {
            return suffix.unicodeScalars.count
        }
        return nil
    }

    /// How many scalars of an English possessive end the name: 2 for "'s" ("Chile's"), 1 for a plural's
    /// bare apostrophe ("the Joneses'"); nil when there is none or nothing would be left.
    static func possessiveLength(_ text: String) -> Int? {
        let s = Array(text.unicodeScalars.suffix(3))
        guard s.count >= 2 else { return nil }
        let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]
        // Only right after a letter: "Lord 's", "Boatmen 's" in tokenised text are names of their own.
        if s.count == 3, s[0].properties.isAlphabetic, apostrophes.contains(s[1]), s[2] == "s" || s[2] == "S" { return 2 }
        if apostrophes.contains(s[s.count - 1]), s[s.count - 2] == "s" { return 1 }
        return nil
    }

    static func startsWithCapital(_ text: String) -> Bool {
        text.unicodeScalars.first?.properties.isUppercase ?? false
    }
}
