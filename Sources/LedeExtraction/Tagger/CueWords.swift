import LedeModel
/// Words that announce a name of some kind: titles before people ("ông", "Tổng thống", "President"),
/// place words ("tỉnh", "thành phố", "province"), organisation heads ("Bộ", "Công ty", "Ministry").
/// Matched in lower case, one or two tokens long; the tagger learns how much each class is worth.
enum CueWords {
    enum Class: UInt8 { case none = 0, person, place, organization }

    static let person = [
        "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "cậu", "dì", "mợ", "thím", "dượng",
        "lão", "thằng", "chàng", "nàng", "bé", "bạn", "vợ", "chồng", "mẹ", "cha", "bố", "con", "tổng thống", "thủ tướng", "phó thủ tướng",
        "bộ trưởng", "thứ trưởng", "chủ tịch", "phó chủ tịch", "tướng", "đại tướng", "thượng tướng", "trung tướng",
        "thiếu tướng", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "giáo sư", "tiến sĩ", "thạc sĩ",
        "bác sĩ", "luật sư", "nhà báo", "ca sĩ", "diễn viên", "cầu thủ", "hlv", "tổng bí thư", "bí thư", "giám đốc",
        "tổng giám đốc", "người phát ngôn", "đại sứ", "vua", "hoàng tử", "công chúa", "nữ hoàng", "giáo hoàng",
        "mr", "mrs", "ms", "dr", "president", "minister", "prime", "chancellor", "general", "secretary", "senator",
        "coach", "striker", "king", "queen", "pope", "prince", "sir", "lord", "spokesman", "spokeswoman", "leader",
        "chairman", "director", "governor", "mayor", "judge", "ambassador", "captain", "manager", "gen", "col",
    ]
    static let place = [
        "tỉnh", "thành phố", "tp", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "sông", "núi", "đảo",
        "quần đảo", "biển", "vịnh", "hồ", "làng", "thôn", "ấp", "bản", "đường", "phố", "nước", "miền", "vùng",
        "thủ đô", "bang", "châu", "đèo", "cầu", "sân bay", "cảng",
        "city", "province", "river", "state", "county", "island", "islands", "lake", "mount", "capital", "town",
        "village", "region", "street", "port", "near", "in", "at", "from",
    ]
    static let organization = [
        "bộ", "sở", "công ty", "tập đoàn", "ngân hàng", "trường", "đại học", "bệnh viện", "viện", "ủy ban", "ban",
        "hội", "hiệp hội", "đảng", "báo", "đài", "tổng cục", "cục", "tòa án", "viện kiểm sát", "công an",
        "quân đội", "quân khu", "liên đoàn", "câu lạc bộ", "clb", "đội", "hãng", "tổ chức", "trung tâm", "quốc hội",
        "chính phủ", "liên minh", "nhà máy", "học viện", "tổng công ty", "văn phòng",
        "ministry", "company", "corp", "inc", "ltd", "bank", "university", "party", "council", "committee",
        "association", "club", "group", "fc", "united", "agency", "federation", "union", "department", "office",
        "institute", "commission", "court", "corporation", "airlines", "newspaper",
    ]

    /// Lower-cased hashes of one-token cues, and of two-token cues as `combine(first, second)`.
    static let table: HashTable<Class> = {
        var table = HashTable<Class>()
        for (words, klass) in [(person, Class.person), (place, .place), (organization, .organization)] {
            for parts in words.map(hashes) {
                let key = parts.dropFirst().reduce(parts[0]) { FeatureHash.combine($0, $1) }
                if table[key] == nil { table[key] = klass }
            }
        }
        return table
    }()

    /// Lower-cased hashes of the first tokens of two-token cues: only after one can a pair end.
    static let pairStarts: HashTable<Bool> = {
        var starts = HashTable<Bool>()
        for parts in (person + place + organization).map(hashes) where parts.count == 2 { starts[parts[0]] = true }
        return starts
    }()

    private static func hashes(_ phrase: String) -> [UInt64] {
        Normalizer.normalize(phrase).split(separator: " ").map { FeatureHash.lowercased(String($0)) }
    }

    /// The cue class of every token, alone or as the end of a two-token cue (preferred). A token is
    /// the number of its distinct word in `lower` (the words' lower-cased hashes), so that a word that
    /// recurs in a text is looked up alone once.
    static func classes(lower: [UInt64], tokens which: [Int32]) -> [UInt8] {
        let table = Self.table
        let pairStarts = Self.pairStarts
        let alone = lower.map { table.get($0)?.rawValue ?? 0 }
        let startsPair = lower.map { pairStarts.get($0) != nil }
        return which.indices.map { k in
            let word = Int(which[k])
            if k > 0 {
                let previous = Int(which[k - 1])
                if startsPair[previous], let c = table.get(FeatureHash.combine(lower[previous], lower[word])) {
                    return c.rawValue
                }
            }
            return alone[word]
        }
    }
}
