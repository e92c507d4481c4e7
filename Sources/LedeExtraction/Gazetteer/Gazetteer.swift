import LedeModel
/// Countries, cities, Vietnamese provinces and organisations with all their names, loaded once from the
/// shipped tables (`Resources/gazetteers/`). Lookups ignore case, NFC/NFD and the tone-mark style;
/// all-capital aliases ("UN", "IS", "US") match only text written in capitals.
public struct Gazetteer: Sendable {
    /// The shipped gazetteers, loaded on first use and shared by every linker.
    public static let shared = Gazetteer(tables: .shipped)

    public private(set) var entries: [GazetteerEntry] = []
    /// Name key → entry indices, best first (country, organisation, province, region, city by size,
    /// first-level division, district).
    private var names: [String: [Int32]] = [:]
    /// Keys of all-capital aliases: matched only when the text is in capitals too.
    private var abbreviations: [String: [Int32]] = [:]
    /// First word of any name → the most words a name starting with it has.
    private var firstWords: [String: Int] = [:]
    /// Sector words ("quân đội", "chính phủ") → CAMEO agent code.
    private var sectors: [String: String] = [:]
    private var sectorFirstWords: [String: Int] = [:]
    private var byCountryCode: [String: Int32] = [:]
    /// Vietnamese provinces by short name ("Bình Định"), for a city's province after July 2025.
    private var provinceByName: [String: Int32] = [:]
    /// English adjectives ("Russian") → country entry; for actor codes only.
    private var demonyms: [String: Int32] = [:]

    /// The tables' texts, as shipped or given by a test.
    public struct Tables: Sendable {
        public var countries: String
        public var cities: String
        public var vnAdmin: String
        public var organizations: String
        public var sectors: String
        /// Coordinates (empty: nothing is placed).
        public var cityCoordinates: String
        public var countryCoordinates: String
        public var provinceCoordinates: String
        public var admin1Divisions: String

        public init(
            countries: String, cities: String, vnAdmin: String, organizations: String, sectors: String,
            cityCoordinates: String = "", countryCoordinates: String = "", provinceCoordinates: String = "",
            admin1Divisions: String = ""
        ) {
            self.countries = countries
            self.cities = cities
            self.vnAdmin = vnAdmin
            self.organizations = organizations
            self.sectors = sectors
            self.cityCoordinates = cityCoordinates
            self.countryCoordinates = countryCoordinates
            self.provinceCoordinates = provinceCoordinates
            self.admin1Divisions = admin1Divisions
        }

        public static var shipped: Tables {
            func load(_ name: String) -> String { ResourceFiles.requiredText("gazetteers/" + name) }
            return Tables(
                countries: load("countries.tsv"), cities: load("cities.tsv"), vnAdmin: load("vn-admin.tsv"),
                organizations: load("organizations.tsv"), sectors: load("sectors.tsv"),
                cityCoordinates: load("city-coordinates.tsv"), countryCoordinates: load("country-coordinates.tsv"),
                provinceCoordinates: load("province-coordinates.tsv"), admin1Divisions: load("admin1-divisions.tsv"))
        }
    }

    public init(tables: Tables) {
        var pending: [(entry: GazetteerEntry, aliases: [String])] = []
        pending += Self.countries(tables.countries)
        let adjectives = Self.demonyms(tables.countries)
        pending += Self.organizations(tables.organizations)
        pending += Self.provinces(tables.vnAdmin)
        pending += Self.cities(tables.cities)
        // After the cities: "New York" and "Washington" name the city first, the state second.
        pending += Self.admin1Divisions(tables.admin1Divisions)
        pending += Self.districts(tables.vnAdmin)
        Self.place(&pending, tables: tables)
        for (entry, aliases) in pending { add(entry, aliases: aliases) }
        for (code, words) in adjectives {
            guard let index = byCountryCode[code] else { continue }
            for w in words { demonyms[NameKey.of(w)] = index }
        }
        // Centrally run cities are both a province and a GeoNames city: give the province the city's id.
        let all = entries
        for (i, pair) in pending.enumerated()
        where pair.entry.kind == .province && pair.aliases.contains(where: { $0.hasPrefix("Thành phố ") }) {
            for alias in pair.aliases {
                if let city = (names[NameKey.of(alias)] ?? []).map({ all[Int($0)] })
                    .first(where: { $0.kind == .city && $0.country == "VN" && $0.population >= 300_000 }) {
                    entries[i].geonamesID = city.geonamesID
                    break
                }
            }
        }
        for row in Self.rows(tables.sectors) where row.count >= 2 {
            for word in row[1].split(separator: "|") {
                let key = NameKey.of(String(word))
                guard !key.isEmpty else { continue }
                sectors[key] = row[0]
                let first = String(key.split(separator: " ")[0])
                sectorFirstWords[first] = max(sectorFirstWords[first] ?? 0, key.split(separator: " ").count)
            }
        }
    }

    private mutating func add(_ entry: GazetteerEntry, aliases: [String]) {
        let index = Int32(entries.count)
        entries.append(entry)
        if entry.kind == .country, let code = entry.country, byCountryCode[code] == nil { byCountryCode[code] = index }
        if entry.kind == .province, provinceByName[entry.nameVi] == nil { provinceByName[entry.nameVi] = index }
        var seen = Set<String>()
        for alias in aliases {
            let key = NameKey.of(alias)
            guard !key.isEmpty, seen.insert((Self.isAbbreviation(alias) ? "^" : "") + key).inserted else { continue }
            if Self.isAbbreviation(alias) {
                abbreviations[key, default: []].append(index)
            } else {
                names[key, default: []].append(index)
            }
            let words = key.split(separator: " ")
            let first = String(words[0])
            firstWords[first] = max(firstWords[first] ?? 0, words.count)
        }
    }

    /// At least two letters, all of them capitals: "UN", "U.S.", "LHQ", "ĐCSVN".
    static func isAbbreviation(_ alias: String) -> Bool {
        var letters = 0
        for s in alias.unicodeScalars {
            // ASCII without the (slow) Unicode property lookups; the answers are the same.
            let v = s.value
            if v < 0x80 {
                if v &- 0x41 < 26 { letters += 1 } else if v &- 0x61 < 26 { return false }
                continue
            }
            guard s.properties.isAlphabetic else { continue }
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    // MARK: - Lookups

    /// Entries a whole name refers to, best first. `allCaps` says whether the text is written in capitals
    /// (computed from `text` when nil).
    public func lookup(_ text: String, allCaps: Bool? = nil) -> [GazetteerEntry] {
        indices(key: NameKey.of(text), allCaps: allCaps ?? Self.isAbbreviation(text)).map { entries[Int($0)] }
    }

    /// Whether `text` is a listed place of any kind (not only an organisation): a name the rules after the
    /// tagger must not make a company, a person or a work.
    public func isPlace(_ text: String) -> Bool { lookup(text).contains { $0.kind != .organization } }

    /// Whether `text` is a listed country.
    public func isCountry(_ text: String) -> Bool { lookup(text).contains { $0.kind == .country } }

    func indices(key: String, allCaps: Bool) -> [Int32] {
        let plain = names[key] ?? []
        guard allCaps, let abbr = abbreviations[key] else { return plain }
        return abbr + plain
    }

    /// The Vietnamese province with this short name, as vn-admin.tsv spells it ("Bình Định").
    public func province(named name: String) -> GazetteerEntry? {
        provinceByName[name].map { entries[Int($0)] }
    }

    /// The country with an ISO 3166-1 alpha-2 code.
    public func country(code: String) -> GazetteerEntry? {
        byCountryCode[code.uppercased()].map { entries[Int($0)] }
    }

    /// The CAMEO actor code of a phrase naming a country's sector, or a known organisation or country:
    /// "quân đội Nga" → RUSMIL, "Bộ Ngoại giao Syria" → SYRGOV, "chính phủ Mỹ" → USAGOV,
    /// "Liên Hợp Quốc" → IGOUNO, "Nga" → RUS. Nil when no country or organisation is named.
    public func actorCode(for phrase: String) -> String? {
        actor(for: phrase)?.cameo
    }

    /// The country (ISO alpha-2) and CAMEO code of an actor phrase; see `actorCode(for:)`.
    public func actor(for phrase: String) -> (country: String?, cameo: String)? {
        let whole = lookup(phrase)
        if let e = whole.first, let cameo = e.cameo, e.kind == .country || e.kind == .organization {
            return (e.country, cameo)
        }
        let tokens = WordScanner.scan(Array(phrase.unicodeScalars))
        let found = matches(in: tokens)
        // A country named in the phrase (or its adjective: "Russian military"), and the longest sector word.
        // A country inside a proper name is part of that name, not its nationality: "Hoàng Anh Gia Lai
        // Agrico" is not British ("Anh" follows "Hoàng"). It counts at the end ("Bộ Ngoại giao Syria",
        // "Air France"), first ("US Army"), or after a lowercase word ("Đại sứ quán Mỹ tại Hà Nội").
        let lastWord = tokens.lastIndex { $0.kind == .word }
        func insideAName(_ m: Match) -> Bool {
            guard m.tokens.lowerBound > 0, let last = lastWord, m.tokens.upperBound <= last else { return false }
            let before = tokens[m.tokens.lowerBound - 1]
            return before.kind == .word && before.isCapitalized
        }
        var named: GazetteerEntry?
        for m in found where !insideAName(m) {
            let e = entries[Int(m.entry)]
            if (e.kind == .country || e.kind == .organization) && e.cameo != nil {
                named = e
                break
            }
        }
        if named == nil {
            for (i, t) in tokens.enumerated() where t.kind == .word {
                if i + 1 < tokens.count, let e = demonyms[t.key + " " + tokens[i + 1].key] { named = entries[Int(e)]; break }
                if let e = demonyms[t.key] { named = entries[Int(e)]; break }
            }
        }
        guard let place = named, let base = place.cameo else { return nil }
        if place.kind == .organization { return (place.country, base) }
        var best: (length: Int, code: String)?
        var i = 0
        while i < tokens.count {
            let first = tokens[i].key
            if tokens[i].kind == .word, let most = sectorFirstWords[first] {
                var key = first
                var j = i
                var n = 1
                while true {
                    if let code = sectors[key], n > (best?.length ?? 0) { best = (n, code) }
                    j += 1
                    guard n < most, j < tokens.count, tokens[j].kind == .word else { break }
                    key += " " + tokens[j].key
                    n += 1
                }
            }
            i += 1
        }
        guard let sector = best?.code else { return (place.country, base) }
        return (place.country, base + sector)
    }

    /// A name found in a field's tokens: token range and the best entry.
    public struct Match: Sendable, Hashable {
        /// Token indices (into the scanned tokens), end exclusive.
        public var tokens: Range<Int>
        /// Code-point offsets into the field.
        public var start: Int
        public var end: Int
        public var entry: Int32
        /// Every entry the name may refer to, best first.
        public var candidates: [Int32]
    }

    /// Longest-first matches of gazetteer names in scanned tokens, not overlapping.
    public func matches(in tokens: [ScannedToken]) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word, let most = firstWords[tokens[i].key] else { i += 1; continue }
            var key = tokens[i].key
            var caps = Self.isCaps(tokens[i])
            var last = i
            var words = 1
            var best: (last: Int, found: [Int32])?
            while true {
                let found = indices(key: key, allCaps: caps)
                if !found.isEmpty { best = (last, found) }
                guard words < most, let next = Self.nextWord(tokens, after: last) else { break }
                key += " " + tokens[next].key
                caps = caps && Self.isCaps(tokens[next])
                last = next
                words += 1
            }
            guard let best else { i += 1; continue }
            var end = tokens[best.last].end
            // "U.S." keeps its final dot.
            if best.last + 1 < tokens.count, tokens[best.last + 1].key == ".", !tokens[best.last + 1].spaceBefore,
               best.last > i, tokens[best.last - 1].key == "." {
                end += 1
            }
            out.append(Match(tokens: i..<(best.last + 1), start: tokens[i].start, end: end,
                             entry: best.found[0], candidates: best.found))
            i = best.last + 1
        }
        return out
    }

    private static func isCaps(_ t: ScannedToken) -> Bool {
        t.isAllCaps || (t.isCapitalized && t.end - t.start == 1)
    }

    /// The next word of the same name: after plain spaces, or after one joining symbol written tight
    /// ("al-Bukamal", "U.S", "GD&ĐT").
    static func nextWord(_ tokens: [ScannedToken], after i: Int) -> Int? {
        let j = i + 1
        guard j < tokens.count, !tokens[j].breakBefore else { return nil }
        if tokens[j].kind != .symbol { return tokens[j].spaceBefore || tokens[j].kind == .word ? j : nil }
        guard !tokens[j].spaceBefore, ["-", ".", "&", "'", "’", "‐", "–"].contains(tokens[j].key),
              j + 1 < tokens.count, tokens[j + 1].kind != .symbol, !tokens[j + 1].spaceBefore
        else { return nil }
        return j + 1
    }
}
