import LedeModel
/// Parsing of the shipped TSV tables (see `Resources/gazetteers/README.md` for their columns).
extension Gazetteer {
    typealias Pending = (entry: GazetteerEntry, aliases: [String])

    /// Data rows: the table's rows (`TSV`) after its header line.
    static func rows(_ text: String) -> [[String]] {
        Array(TSV.rows(text).dropFirst())
    }

    static func list(_ field: String) -> [String] {
        field.split(separator: "|").map(String.init).filter { !$0.isEmpty }
    }

    /// iso2, cameo, kind, name_vi, name_en, aliases
    static func countries(_ text: String) -> [Pending] {
        rows(text).compactMap { r in
            guard r.count >= 6 else { return nil }
            let region = r[2] == "region"
            let entry = GazetteerEntry(
                kind: region ? .region : .country, nameVi: r[3], nameEn: r[4], country: region ? nil : r[0],
                cameo: r[1].isEmpty ? nil : r[1])
            return (entry, [r[3], r[4]] + list(r[5]))
        }
    }

    /// iso2 → English adjectives (the 7th column of countries.tsv).
    static func demonyms(_ text: String) -> [(String, [String])] {
        rows(text).compactMap { r in r.count >= 7 && !r[6].isEmpty ? (r[0], list(r[6])) : nil }
    }

    /// type, cameo, iso2, name_vi, name_en, aliases
    static func organizations(_ text: String) -> [Pending] {
        rows(text).compactMap { r in
            guard r.count >= 6 else { return nil }
            let entry = GazetteerEntry(
                kind: .organization, nameVi: r[3], nameEn: r[4], country: r[2].isEmpty ? nil : r[2],
                cameo: r[1].isEmpty ? nil : r[1])
            return (entry, [r[3], r[4]] + list(r[5]))
        }
    }

    /// geonameid, name, iso2, population, names_vi
    static func cities(_ text: String) -> [Pending] {
        var out: [Pending] = rows(text).compactMap { r in
            guard r.count >= 4, let id = Int(r[0]) else { return nil }
            let vi = r.count > 4 ? list(r[4]) : []
            let entry = GazetteerEntry(
                kind: .city, nameVi: vi.first ?? r[1], nameEn: r[1], country: r[2], geonamesID: id,
                population: Int(r[3]) ?? 0)
            // English news writes "Rajkot", "Trollhattan", "Sao Paulo": the name without its marks too.
            let plain = r[1].unicodeScalars.allSatisfy(\.isASCII) ? r[1] : NameKey.ascii(r[1])
            return (entry, [r[1]] + vi + (plain == r[1] ? [] : [plain]))
        }
        // Homonyms: the larger city first.
        out.sort { $0.entry.population > $1.entry.population }
        return out
    }

    /// Provinces of both eras, one entry per short name: level, era, code, name, short, parent.
    static func provinces(_ text: String) -> [Pending] {
        var order: [String] = []
        var byName: [String: Pending] = [:]
        for r in rows(text) where r.count >= 6 && r[0] == "province" {
            let short = r[4]
            if var p = byName[short] {
                p.entry.eras.append(r[1])
                if !r[5].isEmpty && r[5] != r[3] { p.entry.successor = Self.shortName(r[5]) }
                if !p.aliases.contains(r[3]) { p.aliases.append(r[3]) }
                byName[short] = p
                continue
            }
            var aliases = [short, r[3]]
            aliases += extraProvinceAliases[short] ?? []
            let successor = r[5].isEmpty || r[5] == r[3] ? nil : Self.shortName(r[5])
            let entry = GazetteerEntry(
                kind: .province, nameVi: short, nameEn: NameKey.ascii(short), country: "VN", eras: [r[1]],
                successor: successor)
            byName[short] = (entry, aliases)
            order.append(short)
        }
        return order.compactMap { byName[$0] }
    }

    /// Pre-2025 districts ("Ba Đình", "Quận 1") belong to Vietnam; not matched in text on their own.
    static func districts(_ text: String) -> [Pending] {
        rows(text).compactMap { r in
            guard r.count >= 6, r[0] == "district" else { return nil }
            var entry = GazetteerEntry(kind: .district, nameVi: r[4], nameEn: NameKey.ascii(r[4]), country: "VN",
                                       eras: [r[1]])
            entry.admin1 = Self.shortName(r[5])
            return (entry, [r[3], r[4]])
        }
    }

    static func shortName(_ full: String) -> String {
        for prefix in ["Thành phố ", "Tỉnh "] where full.hasPrefix(prefix) { return String(full.dropFirst(prefix.count)) }
        return full
    }

    /// Names news uses that the official lists lack.
    static let extraProvinceAliases: [String: [String]] = [
        "Hồ Chí Minh": ["TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "TP Hồ Chí Minh", "TP. Hồ Chí Minh", "Sài Gòn",
                        "Ho Chi Minh City", "HCMC"],
        "Hà Nội": ["TP Hà Nội", "TP. Hà Nội", "Hanoi", "Ha Noi"],
        "Đà Nẵng": ["TP Đà Nẵng", "TP. Đà Nẵng", "Da Nang"],
        "Hải Phòng": ["TP Hải Phòng", "TP. Hải Phòng", "Haiphong", "Hai Phong"],
        "Cần Thơ": ["TP Cần Thơ", "TP. Cần Thơ", "Can Tho"],
        "Huế": ["TP Huế", "TP. Huế", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Hue"],
        "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "BR-VT"],
    ]
}

extension NameKey {
    /// The name without Vietnamese diacritics ("Đà Nẵng" → "Da Nang"), for English display.
    public static func ascii(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x110: out.append("D")
            case 0x111: out.append("d")
            default:
                if let f = Fold.shared.folded[s.value] {
                    let isUpper = s.properties.isUppercase
                    for b in f.base where b.value < 0x80 || !CharacterClass.isMark(b) {
                        var base = b
                        switch b { case "â", "ă": base = "a"; case "ê": base = "e"; case "ô", "ơ": base = "o"; case "ư": base = "u"; default: break }
                        if CharacterClass.isMark(base) { continue }
                        out.append(contentsOf: isUpper ? String(base).uppercased().unicodeScalars : String(base).unicodeScalars)
                    }
                } else if !CharacterClass.isMark(s) {
                    out.append(s)
                }
            }
        }
        return String(out)
    }
}
