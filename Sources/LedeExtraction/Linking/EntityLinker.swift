import LedeModel
/// Resolves overlaps between tagged names and rule values, adds gazetteer names the tagger missed, and
/// merges mentions into entities: one per real-world thing, with a canonical name and, where the
/// gazetteers know it, ISO 3166 country, GeoNames id and CAMEO code.
///
/// Cheap to create: the gazetteers are loaded once, on first use, into `Gazetteer.shared`.
public struct EntityLinker: Sendable {
    let gazetteer: Gazetteer

    public init() { self.gazetteer = .shared }

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    // MARK: - Merging

    /// Overlaps resolved: a DATE or TIME value wins over a name it overlaps (the tagger takes "7/12" or
    /// "Tháng Mười" for a place), unless the name strictly contains it and has capitalised words of its
    /// own ("Cách mạng Tháng Tám"); otherwise the longest mention wins, a rule value on ties. Sorted by
    /// field (title first) and start.
    public func merge(names: [Mention], values: [Mention]) -> [Mention] {
        Self.resolve(values + names)
    }

    /// As `merge(names:values:)`, plus countries, cities, provinces and organisations from the gazetteers
    /// the tagger missed, where unambiguous (source "gazetteer"). Meant for languages without a trained
    /// tagger; see `gazetteerMentions(in:lang:)`.
    public func merge(names: [Mention], values: [Mention], in text: AnalyzedText, lang: String) -> [Mention] {
        Self.resolve(values + names + gazetteerMentions(in: text, lang: lang))
    }

    static func rank(_ m: Mention) -> Int {
        if m.source == "gazetteer" { return 2 }
        return m.type == .date || m.type == .time ? 0 : 1
    }

    static func resolve(_ candidates: [Mention]) -> [Mention] {
        // Indices, not mentions, are sorted and kept: a mention holds several strings to copy.
        let ranks = candidates.map(rank)
        // Rank, then longest, values before names, then position: keys computed once, not per comparison.
        let keys = candidates.indices.map { i in
            let m = candidates[i]
            return (ranks[i], m.span.start - m.span.end, m.type.isName ? 1 : 0, fieldOrder(m), m.span.start)
        }
        var kept: [Int] = []
        for i in candidates.indices.sorted(by: { keys[$0] < keys[$1] }) {
            let m = candidates[i]
            var accept = true
            var replaced = false
            for (k, other) in kept.enumerated()
            where candidates[other].span.field == m.span.field && overlaps(candidates[other].span, m.span) {
                // A name that strictly contains a date and names something of its own keeps it.
                if ranks[other] == 0, m.type.isName, ranks[i] != 2, contains(m.span, candidates[other].span),
                   hasOwnCapital(m.span, around: candidates[other].span) {
                    kept[k] = i
                    replaced = true
                    continue
                }
                accept = false
                break
            }
            if accept && !replaced { kept.append(i) }
        }
        // A name that replaced a value may now overlap other kept values; keep the first of each overlap.
        kept.sort { (keys[$0].3, keys[$0].4, -candidates[$0].span.end) < (keys[$1].3, keys[$1].4, -candidates[$1].span.end) }
        var result: [Mention] = []
        for i in kept {
            let m = candidates[i]
            if let last = result.last, last.span.field == m.span.field, overlaps(last.span, m.span) { continue }
            result.append(m)
        }
        return result
    }

    static func fieldOrder(_ m: Mention) -> Int { m.span.field == .title ? 0 : 1 }

    static func overlaps(_ a: Span, _ b: Span) -> Bool { a.start < b.end && b.start < a.end }

    static func contains(_ outer: Span, _ inner: Span) -> Bool {
        outer.start <= inner.start && inner.end <= outer.end && (outer.end - outer.start) > (inner.end - inner.start)
    }

    /// Whether the part of `outer` outside `inner` has a capital letter.
    static func hasOwnCapital(_ outer: Span, around inner: Span) -> Bool {
        for (offset, s) in outer.text.unicodeScalars.enumerated() {
            let pos = outer.start + offset
            if pos >= inner.start && pos < inner.end { continue }
            if s.properties.isUppercase { return true }
        }
        return false
    }

    // MARK: - Gazetteer mentions

    /// Single words that are country names but also common words or first names when they open a
    /// sentence ("Anh ấy", "Áo dài", "Jordan said").
    static let ambiguousAtSentenceStart: Set<String> = Set(
        ["anh", "áo", "ý", "đức", "nhật", "séc", "síp", "bỉ", "nam", "chad", "jordan", "georgia", "guinea", "mali",
         "israel", "victoria", "florence", "nice", "reading", "bath", "mobile", "split"].map(NameKey.of))

    /// City names that are far more often people's names in news ("Jackson said", "Lincoln").
    static let personLikeCities: Set<String> = Set(
        ["jackson", "lincoln", "houston", "austin", "madison", "charlotte", "irving", "eugene", "aurora", "norman",
         "warren", "clinton", "wilson", "hamilton", "kent", "douglas", "lafayette", "columbus", "orlando", "york",
         "santiago", "salvador", "florence", "victoria", "regina", "elizabeth", "alexandria", "providence"]
            .map(NameKey.of))

    /// Countries, big cities, provinces, regions and known organisations written in the text, where the
    /// match is capitalised, not part of a longer capitalised name, and not an everyday word.
    ///
    /// On the development sets, adding these to a trained tagger's names changes entity F1 by −0.2 to 0
    /// points (the tagger already finds nearly all of them); they are for text without a tagger.
    public func gazetteerMentions(in text: AnalyzedText, lang: String) -> [Mention] {
        let tokens = WordScanner.scan(text.scalars)
        var out: [Mention] = []
        for match in gazetteer.matches(in: tokens) {
            let entry = gazetteer.entries[Int(match.entry)]
            let first = match.tokens.lowerBound
            let last = match.tokens.upperBound - 1
            let words = match.tokens.filter { tokens[$0].kind != .symbol }.count
            guard tokens[first].isCapitalized else { continue }
            switch entry.kind {
            case .country, .province: break
            case .region: guard words >= 2 else { continue }
            case .city:
                guard entry.population >= 100_000, words > 1 || !Self.personLikeCities.contains(tokens[first].key) else { continue }
            case .organization: guard tokens[first].isAllCaps || words >= 2 else { continue }
            // Divisions other than Vietnam's provinces are left to the tagger: many are everyday words
            // ("Central", "Western") and districts repeat across provinces.
            case .district, .admin1: continue
            }
            // Part of a longer name: "Thu Nga", "Minh Đức", "New Mexico City", "Mr. Jordan".
            if first > 0, !tokens[first].breakBefore, tokens[first - 1].kind == .word, tokens[first - 1].isCapitalized,
               !Self.opensSentence(tokens, first - 1) {
                continue
            }
            if first > 1, tokens[first - 1].kind == .symbol, tokens[first - 1].key == ".", !tokens[first - 1].spaceBefore,
               tokens[first - 2].kind == .word, tokens[first - 2].isCapitalized, !tokens[first].breakBefore {
                continue  // "Mr. Jordan", "St. Petersburg" handled by the gazetteer itself
            }
            // "chị Anh", "ông Nga", "tiếng Anh": a person or a language, not the country.
            if first > 0, !tokens[first].breakBefore, tokens[first - 1].kind == .word, !tokens[first - 1].isCapitalized,
               Self.personOrLanguageCues.contains(tokens[first - 1].key) {
                continue
            }
            let after = last + 1
            if after < tokens.count, !tokens[after].breakBefore, tokens[after].spaceBefore,
               tokens[after].kind == .word, tokens[after].isCapitalized {
                continue
            }
            if words == 1, Self.opensSentence(tokens, first), Self.ambiguousAtSentenceStart.contains(tokens[first].key) {
                continue
            }
            out.append(Mention(type: entry.mentionType, span: text.span(match.start, match.end), source: "gazetteer"))
        }
        return out
    }

    /// Words before a name that make it a person's (titles, kinship terms) or a language.
    static let personOrLanguageCues: Set<String> = Set(
        ["anh", "chị", "em", "ông", "bà", "cô", "chú", "bác", "cháu", "cụ", "thầy", "bạn", "con", "vợ", "chồng",
         "mẹ", "bố", "cha", "nàng", "chàng", "tiếng", "bé", "cậu", "dì", "mr", "mrs", "ms", "dr", "miss"].map(NameKey.of))

    /// Token i starts a sentence: first in the field or the line, or after . ! ? : or an opening quote.
    static func opensSentence(_ tokens: [ScannedToken], _ i: Int) -> Bool {
        if i == 0 || tokens[i].breakBefore { return true }
        let prev = tokens[i - 1]
        guard prev.kind == .symbol else { return false }
        return [".", "!", "?", ":", "\"", "“", "‘", "'", "(", "-", "–", "—", "…", "|"].contains(prev.key)
    }
}
