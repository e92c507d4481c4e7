/// The words the value rules read, as `NameKey` keys (so NFD input and either tone style match).
enum RuleLexicon {
    static func keys(_ words: [String]) -> Set<String> { Set(words.map(NameKey.of)) }
    static func map<V>(_ pairs: [String: V]) -> [String: V] {
        Dictionary(pairs.map { (NameKey.of($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }
    static func k(_ s: String) -> String { NameKey.of(s) }

    // MARK: Vietnamese dates
    static let ngay = k("ngày"), hom = k("hôm"), thang = k("tháng"), nam = k("năm"), tuan = k("tuần")
    static let thu = k("thứ"), chu = k("chủ"), nhat = k("nhật"), rang = k("rạng"), quy = k("quý")
    /// Parts of the day that may open a date: "sáng 7/12", "chiều qua".
    static let partsOfDay: [String: Int] = map(["sáng": 0, "trưa": 12, "chiều": 12, "tối": 12, "đêm": 12, "khuya": 12])
    /// "hôm nay", "hôm qua", "hôm kia"; after a part of the day also "nay", "qua", "mai".
    static let viRelativeDay: [String: Int] = map(["nay": 0, "qua": -1, "kia": -2])
    static let mai = k("mai")
    /// "tuần/tháng/năm này|nay|trước|tới|sau|ngoái".
    static let viRelativePeriod: [String: Int] = map(["này": 0, "nay": 0, "trước": -1, "ngoái": -1, "tới": 1, "sau": 1])
    static let viWeekdays: [String: Int] = map(["hai": 1, "ba": 2, "tư": 3, "bốn": 3, "năm": 4, "sáu": 5, "bảy": 6])
    static let viMonthWords: [String: Int] = map([
        "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
        "chín": 9, "mười": 10, "chạp": 12,
    ])
    static let mot = k("một"), hai = k("hai")
    /// Words after which a bare "7/12" or "2017" is a date.
    static let viDateCues = keys(["từ", "đến", "tới", "trước", "sau", "vào", "hồi", "cuối", "đầu", "giữa", "trong",
                                  "mùa", "khóa", "niên", "kể", "suốt", "cho", "chiều", "sáng", "tối", "đêm", "trưa"])
    static let viFuture = keys(["tới"])
    static let viPast = keys(["qua", "trước"])
    static let sap = k("sắp"), vua = k("vừa"), hoi = k("hồi"), truoc = k("trước"), ngoai = k("ngoái")
    static let sang = k("sáng"), kia = k("kia"), trua = k("trưa"), dem = k("đêm"), khuya = k("khuya")
    static let viCountUnits: [String: String] = map(["ngày": "day", "tuần": "week", "tháng": "month", "năm": "year"])
    static let enCountUnits: [String: String] = map([
        "days": "day", "day": "day", "weeks": "week", "week": "week", "months": "month", "month": "month",
        "years": "year", "year": "year",
    ])
    static let week = k("week"), month = k("month"), night = k("night"), may = k("may"), of = k("of"), mid = k("mid")
    static let cung = k("cùng"), the = k("the"), same = k("same"), day = k("day")

    // MARK: English dates
    static let enMonths: [String: Int] = map([
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ])
    static let enMonthAbbreviations = keys(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                             "nov", "dec"])
    static let enWeekdays: [String: Int] = map([
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ])
    static let enRelativeDay: [String: Int] = map(["today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0])
    static let enShift: [String: Int] = map(["last": -1, "this": 0, "next": 1])
    static let enPeriods = keys(["week", "month", "year"])
    static let enDayParts = keys(["morning", "afternoon", "evening", "night"])
    static let ago = k("ago")
    static let enOrdinalSuffixes = keys(["st", "nd", "rd", "th"])
    /// Words before "May" that make it the month.
    static let enMonthCues = keys(["in", "since", "until", "by", "early", "late", "mid", "of", "last", "next",
                                   "this", "on", "from", "to", "during", "before", "after", "through"])
    static let enYearCues = keys(["in", "since", "until", "by", "of", "from", "to", "during", "before", "after",
                                  "through", "early", "late", "mid", "between", "and", "summer", "winter",
                                  "spring", "autumn", "fall", "year", "season"])

    /// "sẽ", "will", "sắp": the sentence speaks of the future.
    static let futureMarkers = keys(["sẽ", "sắp", "will", "next", "upcoming", "tới"])

    // MARK: Time
    static let gio = k("giờ"), phut = k("phút"), kem = k("kém"), ruoi = k("rưỡi")
    static let noon = k("noon"), midnight = k("midnight")
    /// Words that make "5 giờ" a duration: "trong 5 giờ", "mất 5 giờ".
    static let durationCues = keys(["trong", "mất", "suốt", "sau", "hơn", "gần", "tới", "khoảng", "kéo", "dài",
                                    "vòng", "for", "after", "within"])

    // MARK: Amounts
    /// Words that qualify a quantity and belong to its span: "hơn 550", "more than 500".
    static let viApprox = keys(["hơn", "gần", "khoảng", "chừng", "trên", "dưới", "tới", "hàng", "ngót", "xấp", "xỉ"])
    static let viApproxPairs: [[String]] = [["ít", "nhất"], ["tối", "đa"], ["xấp", "xỉ"], ["lên", "tới"],
                                           ["lên", "đến"], ["ước", "tính"]].map { $0.map(NameKey.of) }
    static let enApprox = keys(["about", "around", "nearly", "almost", "over", "under", "some", "approximately",
                                "roughly", "approx", "estimated", "only", "just"])
    static let enApproxPairs: [[String]] = [["more", "than"], ["less", "than"], ["fewer", "than"], ["at", "least"],
                                           ["up", "to"], ["as", "many", "as"], ["at", "most"]].map { $0.map(NameKey.of) }
    static let multipliers: [String: Int] = map([
        "nghìn": 3, "ngàn": 3, "vạn": 4, "triệu": 6, "tỷ": 9, "tỉ": 9,
        "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "mln": 6, "mn": 6, "bln": 9, "bn": 9,
    ])
    /// Multipliers written tight after a currency amount: "$5m", "£3bn", "$20k".
    static let tightMultipliers: [String: Int] = map(["m": 6, "bn": 9, "b": 9, "k": 3, "mn": 6, "tr": 6])
    static let currencyWords: [String: String] = map([
        "đồng": "VND", "vnd": "VND", "vnđ": "VND", "usd": "USD", "đôla": "USD", "eur": "EUR", "euro": "EUR",
        "euros": "EUR", "yên": "JPY", "jpy": "JPY", "ndt": "CNY", "cny": "CNY", "rmb": "CNY", "tệ": "CNY",
        "rúp": "RUB", "rub": "RUB", "won": "KRW", "krw": "KRW", "bạt": "THB", "baht": "THB", "thb": "THB",
        "gbp": "GBP", "aud": "AUD", "sgd": "SGD", "cad": "CAD", "chf": "CHF", "inr": "INR", "hkd": "HKD",
        "twd": "TWD", "ringgit": "MYR", "rupiah": "IDR", "peso": "PHP", "pesos": "PHP", "rupee": "INR",
        "rupees": "INR", "dollar": "USD", "dollars": "USD", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB",
        "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "sterling": "GBP", "dong": "VND",
    ])
    /// Currencies named in two or three words: "đô la", "nhân dân tệ", "bảng Anh".
    static let currencyPhrases: [([String], String)] = [
        (["nhân", "dân", "tệ"], "CNY"), (["đô", "la", "mỹ"], "USD"), (["đô", "la", "úc"], "AUD"),
        (["đô", "la", "singapore"], "SGD"), (["đô", "la", "canada"], "CAD"), (["đô", "la", "hồng", "kông"], "HKD"),
        (["đô", "la"], "USD"), (["đô", "mỹ"], "USD"), (["đô"], "USD"), (["bảng", "anh"], "GBP"), (["bảng"], "GBP"),
        (["us", "dollars"], "USD"), (["u", "s", "dollars"], "USD"), (["pounds", "sterling"], "GBP"),
        (["pounds"], "GBP"), (["pound"], "GBP"), (["euro"], "EUR"),
    ].map { ($0.0.map(NameKey.of), $0.1) }
    static let currencySymbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₫": "VND", "₩": "KRW", "₹": "INR", "₽": "RUB", "฿": "THB",
    ]
    /// Letters written tight before "$": "US$", "A$", "HK$".
    static let dollarPrefixes: [String: String] = map([
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "hk": "HKD", "s": "SGD", "nz": "NZD", "nt": "TWD",
    ])
    static let percentWords: [[String]] = [["phần", "trăm"], ["per", "cent"], ["percent"], ["pct"]].map { $0.map(NameKey.of) }
    /// Counted things and units that belong to a quantity's span ("100 chuyến", "3 ngày", "550 tay súng").
    static let viUnits: [[String]] = ([
        "tay súng", "binh sĩ", "binh sỹ", "trường hợp", "quốc gia", "sinh mạng", "thành viên", "máy bay",
        "tên lửa", "đơn vị", "người dân", "học sinh", "sinh viên", "bệnh nhân", "ca nhiễm", "mét vuông",
        "doanh nghiệp", "công nhân", "chiến binh", "phiến quân", "dân thường", "hộ dân", "lao động", "chiến sĩ",
        "nhân viên", "xe tăng", "tàu chiến", "héc ta", "ki lô mét", "ki lô gam", "lượt khách", "du khách",
        "người", "chuyến", "ngày", "tuần", "tháng", "năm", "giờ", "phút", "giây", "km", "m", "cm", "mm", "kg",
        "tấn", "tạ", "lít", "ha", "hecta", "mét", "con", "chiếc", "căn", "ca", "vụ", "lần", "tỉnh", "huyện", "xã",
        "nước", "trận", "bàn", "điểm", "suất", "phiếu", "cái", "hộ", "ghế", "xe", "tàu", "cây", "quả", "bài",
        "trang", "cuốn", "vòng", "km2", "m2", "m3", "kwh", "mw", "tuổi", "độ", "cháu", "đội", "lượt", "chỗ",
        "phòng", "tầng", "đợt", "nhóm", "loại", "bản", "thùng", "bao", "liều", "mẫu", "gói", "đơn", "dự án",
        "khách", "trẻ em", "hécta", "thí sinh", "container", "tập",
    ] as [String]).map { $0.split(separator: " ").map { NameKey.of(String($0)) } }
    static let enUnits: [[String]] = ([
        "percentage points", "people", "persons", "person", "km", "kilometres", "kilometers", "kilometre",
        "kilometer", "miles", "mile", "metres", "meters", "metre", "meter", "kg", "kilograms", "tonnes", "tons",
        "tonne", "ton", "litres", "liters", "gallons", "barrels", "acres", "hectares", "feet", "ft", "inches",
        "years", "year", "months", "month", "days", "day", "weeks", "week", "hours", "hour", "minutes", "minute",
        "seconds", "times", "votes", "seats", "troops", "soldiers", "civilians", "deaths", "cases", "points",
        "goals", "games", "matches", "children", "men", "women", "workers", "jobs", "homes", "houses", "vehicles",
        "cars", "planes", "aircraft", "ships", "copies", "units", "shares", "members", "students", "employees",
        "staff", "refugees", "migrants", "fighters", "militants", "officers", "runs", "wickets", "degrees",
        "patients", "countries", "cities", "villages", "files", "users", "customers", "viewers", "fans", "players",
        "albums", "songs", "films", "stores", "shops", "branches", "sites", "bbl", "mw", "gw", "mph", "km/h",
    ] as [String]).map { $0.split(separator: " ").map { NameKey.of(String($0)) } }
    /// Every word a rule can start with; any other word is skipped at once.
    static let starters: Set<String> = {
        var s = Set<String>()
        s.formUnion([ngay, hom, thang, nam, tuan, thu, chu, rang, noon, midnight, mid])
        s.formUnion(partsOfDay.keys)
        s.formUnion(viApprox)
        s.formUnion(enApprox)
        s.formUnion(viApproxPairs.map { $0[0] })
        s.formUnion(enApproxPairs.map { $0[0] })
        s.formUnion(dollarPrefixes.keys)
        s.formUnion(enMonths.keys)
        s.formUnion(enWeekdays.keys)
        s.formUnion(enRelativeDay.keys)
        s.formUnion(enShift.keys)
        return s
    }()

    /// A number after these is an ordinal or an identifier, not a quantity: "thứ 8", "số 5", "No. 5".
    static let notQuantityAfter = keys(["pence", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "jst"])
    static let notQuantityBefore = keys(["thứ", "số", "no", "khóa", "điều", "khoản", "quận", "phường", "lớp",
                                         "page", "chapter", "article", "section", "room", "route", "flight",
                                         "number", "version", "level", "phase", "tập", "kỳ", "chương", "mục"])
}
