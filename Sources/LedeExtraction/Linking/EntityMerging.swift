import LedeModel
/// Linking: mentions of the same real-world thing become one entity.
extension EntityLinker {
    /// Sets `entity` on every name mention and returns the entities, in order of first mention.
    ///
    /// Mentions share an entity when they name the same gazetteer entry ("Mỹ", "Hoa Kỳ", "U.S."; "LHQ",
    /// "Liên Hợp Quốc"), when a person's shorter name ends a longer one of exactly one person ("Putin",
    /// "Vladimir Putin"), when an organisation's capitals are the initials of exactly one other
    /// organisation ("LHQ" and "Liên Hợp Quốc" even without the gazetteer), or when they read the same.
    /// The canonical name is the gazetteer's (in the article's language) for countries, regions,
    /// provinces and organisations, otherwise the longest mention.
    ///
    /// LOC entities the gazetteers know are then put on the map (`placeEntities`): the reading of an
    /// ambiguous name the article's other places point to; `publishedAt` picks the era of Vietnam's
    /// provinces (before or after July 2025).
    ///
    /// `aliases` maps a mention to the one it abbreviates ("(PBoC)" after its name): they are one entity.
    public func link(
        _ mentions: inout [Mention], lang: String, publishedAt: PublicationDate? = nil, aliases: [Int: Int] = [:]
    ) -> [Entity] {
        let names = mentions.indices.filter { mentions[$0].type.isName }
        var groupOf = [Group?](repeating: nil, count: mentions.count)  // mention index → group
        var keyOf = [String](repeating: "", count: mentions.count)  // of name mentions
        var candidatesOf: [Int: [Int32]] = [:]  // mention index → every entry its name may refer to

        for i in names {
            let m = mentions[i]
            let key = NameKey.of(m.span.text)
            keyOf[i] = key
            guard m.type == .location || m.type == .organization else { continue }
            let candidates = gazetteerCandidates(for: m, key: key)
            if let e = entry(for: m, among: candidates) {
                groupOf[i] = .entry(e)
                candidatesOf[i] = candidates
            }
        }
        // People: a shorter name that ends exactly one longer one.
        let people = Set(names.filter { mentions[$0].type == .person && groupOf[$0] == nil }.map { keyOf[$0] })
        var personTarget: [String: String] = [:]
        let personWords = people.map { ($0, $0.split(separator: " ")) }
        for (short, words) in personWords {
            let longer = personWords.filter { $0.1.count > words.count && $0.1.suffix(words.count).elementsEqual(words) }
                .map(\.0)
            // Keep the maximal names only ("Vladimir Putin" and "Tổng thống Vladimir Putin" are one).
            let maximal = longer.filter { l in !longer.contains { $0 != l && $0.hasSuffix(" " + l) } }
            if maximal.count == 1 { personTarget[short] = maximal.first! }
        }
        // Organisations: capitals that are the initials of exactly one other organisation.
        var orgTarget: [String: String] = [:]
        let abbreviated = names.filter { i in
            mentions[i].type == .organization && groupOf[i] == nil && Gazetteer.isAbbreviation(mentions[i].span.text)
                && !keyOf[i].utf8.contains(UInt8(ascii: " "))
        }
        if !abbreviated.isEmpty {
            // Each organisation's initials once, not once per abbreviation that looks for them.
            let orgs = Set(names.filter { mentions[$0].type == .organization && groupOf[$0] == nil }.map { keyOf[$0] })
            let initialsOf = orgs.map { (key: $0, initials: Self.initials($0)) }
            for i in abbreviated {
                let key = keyOf[i]
                let letters = String(NameKey.ascii(mentions[i].span.text).lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
                guard (2...8).contains(letters.count) else { continue }
                let matches = initialsOf.filter { $0.key != key && $0.initials == letters }
                if matches.count == 1 { orgTarget[key] = matches[0].key }
            }
        }
        // An abbreviation in brackets stands for its name wherever it is used again.
        var aliasTarget: [String: Int] = [:]
        for (alias, name) in aliases { aliasTarget[keyOf[alias]] = name }
        for i in names where groupOf[i] == nil {
            let m = mentions[i]
            if let name = aliasTarget[keyOf[i]], name != i {
                groupOf[i] = groupOf[name] ?? .name(mentions[name].type, keyOf[name])
                continue
            }
            var key = keyOf[i]
            if m.type == .person, let target = personTarget[key] { key = target }
            if m.type == .organization, let target = orgTarget[key] { key = target }
            groupOf[i] = .name(m.type, key)
        }
        var idOf: [Group: Int] = [:]
        var members: [[Int]] = []  // entity id → its mentions, in order of first mention
        for i in names {
            let g = groupOf[i]!
            let id = idOf[g] ?? members.count
            if id == members.count {
                idOf[g] = id
                members.append([])
            }
            members[id].append(i)
            mentions[i].entity = id
        }
        let linked = members.map { m -> Int32? in
            if case .entry(let e) = groupOf[m[0]]! { return e }
            return nil
        }
        var entities = members.indices.map { id in
            describe(id: id, members: members[id], of: mentions, entry: linked[id], lang: lang)
        }
        // The first mention's readings stand for the entity's: its mentions share the reading they were grouped by.
        let candidates = members.map { candidatesOf[$0[0]] ?? [] }
        placeEntities(&entities, entries: linked, candidates: candidates, publishedAt: publishedAt)
        return entities
    }

    /// What makes mentions one entity: the gazetteer entry they name, or their type and name key.
    enum Group: Hashable {
        case entry(Int32)
        case name(MentionType, String)
    }

    /// Every gazetteer entry a LOC or ORG mention's name may refer to, best first; a place word in front
    /// ("tỉnh", "city of") is dropped when the whole name is unknown.
    func gazetteerCandidates(for m: Mention, key: String) -> [Int32] {
        let caps = Gazetteer.isAbbreviation(m.span.text)
        var candidates = gazetteer.indices(key: key, allCaps: caps)
        if candidates.isEmpty, m.type == .location, let bare = Self.withoutPlacePrefix(m.span.text) {
            candidates = gazetteer.indices(key: NameKey.of(bare), allCaps: false)
        }
        // "Indonesia's": the tagger may keep the possessive in the name.
        if candidates.isEmpty, m.type == .location, m.span.text.hasSuffix("'s") || m.span.text.hasSuffix("’s") {
            candidates = gazetteer.indices(key: NameKey.of(String(m.span.text.dropLast(2))), allCaps: false)
        }
        return candidates
    }

    /// The gazetteer entry a mention names, of its `gazetteerCandidates`, if its type agrees: places for
    /// LOC, organisations (and countries acting as actors) for ORG; none for people or MISC.
    func entry(for m: Mention, among candidates: [Int32]) -> Int32? {
        guard m.type == .location || m.type == .organization else { return nil }
        // Capitals that abbreviate an organisation ("UN" tagged as a place) name it, not a town spelled
        // the same ("Un", India): abbreviations come first when the text is in capitals.
        if m.type == .location, let first = candidates.first, gazetteer.entries[Int(first)].kind == .organization,
           Gazetteer.isAbbreviation(m.span.text) {
            return first
        }
        for e in candidates {
            let kind = gazetteer.entries[Int(e)].kind
            switch m.type {
            case .location where kind != .organization: return e
            case .organization where kind == .organization || kind == .country: return e
            default: continue
            }
        }
        // A union of countries tagged as a place ("Liên minh châu Âu", "ASEAN") is still the organisation.
        return candidates.first {
            let e = gazetteer.entries[Int($0)]
            return m.type == .location && e.kind == .organization && e.country == nil
        }
    }

    /// The entity of the mentions at `members` (indices into `mentions`, in text order).
    func describe(id: Int, members: [Int], of mentions: [Mention], entry: Int32?, lang: String) -> Entity {
        let first = mentions[members[0]]
        // The most frequent type; the first mention's on ties, else the first to reach the highest count.
        var counts = SIMD4<Int32>.zero
        for i in members { counts[Self.nameOrdinal(mentions[i].type)] += 1 }
        let most = counts.max()
        var type = first.type
        if counts[Self.nameOrdinal(type)] != most {
            type = members.lazy.map { mentions[$0].type }.first { counts[Self.nameOrdinal($0)] == most }!
        }
        let gazetteerEntry = entry.map { gazetteer.entries[Int($0)] }
        var entity = Entity(id: id, type: type, name: first.span.text)
        if let e = gazetteerEntry, e.kind == .country || e.kind == .region || e.kind == .organization || e.kind == .province {
            entity.name = e.name(lang: lang)
        } else if let e = gazetteerEntry, e.kind == .city || e.kind == .admin1, lang != "vi" {
            entity.name = e.nameEn
        } else {
            // The longest mention (the first of the longest), without a title or a place word in front.
            var longest = ""
            var longestCount = 0
            for i in members {
                let m = mentions[i]
                var text = m.span.text
                if m.type == .location && entry != nil {
                    text = Self.withoutPlacePrefix(text) ?? text
                } else if m.type == .person {
                    text = Self.withoutTitle(text)
                }
                let count = text.unicodeScalars.count
                if count > longestCount {
                    longest = text
                    longestCount = count
                }
            }
            entity.name = Self.trimmed(longest)
        }
        if let e = gazetteerEntry {
            entity.country = e.country
            entity.geonamesID = e.geonamesID
            if e.kind == .country || e.kind == .organization { entity.cameo = e.cameo }
        } else if type == .organization || type == .miscellaneous {
            // "Bộ Ngoại giao Syria" → SYRGOV, "quân đội Nga" → RUSMIL; each distinct text tried once.
            for (k, i) in members.enumerated() {
                let text = mentions[i].span.text
                if members[..<k].contains(where: { mentions[$0].span.text == text }) { continue }
                if let actor = gazetteer.actor(for: text) {
                    entity.cameo = actor.cameo
                    entity.country = actor.country
                    break
                }
            }
        }
        return entity
    }

    /// PER, LOC, ORG, MISC as 0...3 (the types an entity can have).
    @inline(__always)
    static func nameOrdinal(_ type: MentionType) -> Int {
        switch type {
        case .person: return 0
        case .location: return 1
        case .organization: return 2
        case .miscellaneous: return 3
        case .date, .time, .money, .percent, .quantity: preconditionFailure("\(type) is not a name")
        }
    }

    /// The key of a name's first word when it begins as a word does (not with a digit or a combining
    /// mark), else nil: what `WordScanner` would key it by, without scanning the whole name.
    static func firstWordKey(_ scalars: [Unicode.Scalar]) -> String? {
        guard let first = scalars.first, NameKey.isWordScalar(first), !CharacterClass.isMark(first),
              !WordScanner.isDigit(first.value) else { return nil }
        var end = 1
        while end < scalars.count, NameKey.isWordScalar(scalars[end]) { end += 1 }
        return NameKey.word(scalars[..<end])
    }

    /// Titles a tagger may include in a person's name ("Tướng Valery Gerasimov", "President Putin").
    static let titles: [[String]] = [
        "tổng thống", "thủ tướng", "chủ tịch", "bộ trưởng", "ngoại trưởng", "tướng", "đại tướng", "thượng tướng",
        "trung tướng", "thiếu tướng", "đại tá", "ông", "bà", "anh", "chị", "tiến sĩ", "giáo sư", "phó thủ tướng",
        "phó chủ tịch", "thứ trưởng", "đại sứ", "người phát ngôn", "nghị sĩ", "thượng nghị sĩ", "vua", "hoàng tử",
        "president", "prime minister", "minister", "general", "gen", "mr", "mrs", "ms", "dr", "sir", "senator",
        "king", "queen", "prince", "pope", "chancellor", "secretary", "ambassador", "lord", "lady", "baroness",
        "baron", "dame", "viscount",
    ].map { $0.split(separator: " ").map { NameKey.of(String($0)) } }.sorted { $0.count > $1.count }

    static let titleFirstWords = Set(titles.map { $0[0] })

    /// The person's name without a leading title ("Tướng Valery Gerasimov" → "Valery Gerasimov",
    /// "Gen. Gerasimov" → "Gerasimov"); unchanged when the title is all there is.
    static func withoutTitle(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        // Most names begin with a word no title begins with: then there is nothing to scan.
        if let word = firstWordKey(scalars), !titleFirstWords.contains(word) { return text }
        let words = WordScanner.scan(scalars).filter { $0.kind == .word }
        for title in titles where title.count < words.count && zip(title, words).allSatisfy({ $0 == $1.key }) {
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: scalars[words[title.count].start...])
            return String(rest)
        }
        return text
    }

    /// Lowercase words that introduce a place in Vietnamese and English news ("thành phố Sochi",
    /// "tỉnh Deir ez-Zor", "thủ đô Hà Nội", "city of Geneva").
    static let placePrefixes: [[String]] = [
        "thành phố", "tỉnh", "thủ đô", "thị xã", "thị trấn", "huyện", "quận", "xã", "phường", "đảo", "quần đảo",
        "vùng", "khu vực", "nước", "quốc gia", "vương quốc", "cộng hòa", "bang", "tp", "tp.", "city of", "the",
    ].map { $0.split(separator: " ").map { NameKey.of(String($0)) } }

    static let tpPrefix = [NameKey.of("tp")]
    static let placePrefixFirstWords = Set(placePrefixes.map { $0[0] })

    /// The name without a lowercase place word in front, or nil when there is none.
    static func withoutPlacePrefix(_ text: String) -> String? {
        // Of the prefixes only "TP" may be capitalised: most names need no scan.
        if let first = text.unicodeScalars.first, first.properties.isUppercase, !text.hasPrefix("TP"), !text.hasPrefix("Tp") {
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        // Most lowercase names begin with a word no prefix begins with ("miền Bắc"): nothing to scan.
        if let word = firstWordKey(scalars), !placePrefixFirstWords.contains(word) { return nil }
        let tokens = WordScanner.scan(scalars).filter { $0.kind != .symbol }
        for prefix in placePrefixes where prefix.count < tokens.count {
            guard !tokens[0].isCapitalized || prefix == tpPrefix else { continue }
            if zip(prefix, tokens).allSatisfy({ $0 == $1.key }) {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[tokens[prefix.count].start...])
                return String(rest)
            }
        }
        return nil
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }

    static let initialsSkip: Set<Substring> = ["of", "the", "and", "for", "de", "du", "la"]

    /// First letters of a name's words, without diacritics ("liên hợp quốc" → "lhq"); English function
    /// words are skipped ("united nations" → "un", "bank of england" → "be").
    static func initials(_ key: String) -> String {
        var out = ""
        // Keys start each word with its base letter ("đ" is "d-", "ủ" is "u" + marks).
        for w in key.split(separator: " ") where !initialsSkip.contains(w) {
            if let c = w.first { out.append(c) }
        }
        return out
    }
}
