import LedeModel
/// The words the value rules read, as hashes of their `NameKey` keys (so NFD input and either tone style
/// match, and a look-up builds no string): see `RuleToken`.
enum RuleLexicon {
    static func k(_ s: String) -> UInt64 { NameKey.hash(ofKey: NameKey.of(s)) }

    // MARK: Vietnamese dates
    static let ngay = k("ngày"), hom = k("hôm"), thang = k("tháng"), nam = k("năm"), tuan = k("tuần")
    static let thu = k("thứ"), chu = k("chủ"), nhat = k("nhật"), rang = k("rạng"), quy = k("quý")
    /// Parts of the day that may open a date: "sáng 7/12", "chiều qua".
    static let partsOfDay = WordTable<Int>(["sáng": 0, "trưa": 12, "chiều": 12, "tối": 12, "đêm": 12, "khuya": 12])
    /// "hôm nay", "hôm qua", "hôm kia"; after a part of the day also "nay", "qua", "mai".
    static let viRelativeDay = WordTable<Int>(["nay": 0, "qua": -1, "kia": -2])
    static let mai = k("mai")
    /// "tuần/tháng/năm này|nay|trước|tới|sau|ngoái".
    static let viRelativePeriod = WordTable<Int>(["này": 0, "nay": 0, "trước": -1, "ngoái": -1, "tới": 1, "sau": 1])
    static let viWeekdays = WordTable<Int>(["hai": 1, "ba": 2, "tư": 3, "bốn": 3, "năm": 4, "sáu": 5, "bảy": 6])
    static let viMonthWords = WordTable<Int>([
        "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
        "chín": 9, "mười": 10, "chạp": 12,
    ])
    static let mot = k("một"), hai = k("hai"), den = k("đến"), toi = k("tới"), va = k("và")
    /// Words after which a bare "7/12" or "2017" is a date.
    static let viDateCues = WordSet(["từ", "đến", "tới", "trước", "sau", "vào", "hồi", "cuối", "đầu", "giữa", "trong",
                                     "mùa", "khóa", "niên", "kể", "suốt", "cho", "chiều", "sáng", "tối", "đêm", "trưa"])
    static let viFuture = WordSet(["tới"])
    static let viPast = WordSet(["qua", "trước"])
    static let sap = k("sắp"), vua = k("vừa"), hoi = k("hồi"), truoc = k("trước"), ngoai = k("ngoái")
    static let sang = k("sáng"), kia = k("kia"), trua = k("trưa"), dem = k("đêm"), khuya = k("khuya")
    static let viCountUnits = WordTable<String>(["ngày": "day", "tuần": "week", "tháng": "month", "năm": "year"])
    static let enCountUnits = WordTable<String>([
        "days": "day", "day": "day", "weeks": "week", "week": "week", "months": "month", "month": "month",
        "years": "year", "year": "year",
    ])
    static let week = k("week"), month = k("month"), night = k("night"), may = k("may"), of = k("of"), mid = k("mid")
    static let cung = k("cùng"), the = k("the"), same = k("same"), day = k("day")

    // MARK: English dates
    static let enMonths = WordTable<Int>([
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ])
    private static let monthAbbreviations = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                             "nov", "dec"]
    static let enMonthAbbreviations = WordSet(monthAbbreviations)
    /// Months of three letters but May: alone, too often names ("Mar", "Jan").
    static let enThreeLetterMonths = WordSet(monthAbbreviations.filter { $0.count == 3 })
    static let enWeekdays = WordTable<Int>([
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ])
    static let enRelativeDay = WordTable<Int>(["today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0])
    static let enShift = WordTable<Int>(["last": -1, "this": 0, "next": 1])
    static let enPeriods = WordSet(["week", "month", "year"])
    static let enDayParts = WordSet(["morning", "afternoon", "evening", "night"])
    static let ago = k("ago")
    static let enOrdinalSuffixes = WordSet(["st", "nd", "rd", "th"])
    /// Words before "May" that make it the month.
    static let enMonthCues = WordSet(["in", "since", "until", "by", "early", "late", "mid", "of", "last", "next",
                                      "this", "on", "from", "to", "during", "before", "after", "through"])
    static let enYearCues = WordSet(["in", "since", "until", "by", "of", "from", "to", "during", "before", "after",
                                     "through", "early", "late", "mid", "between", "and", "summer", "winter",
                                     "spring", "autumn", "fall", "year", "season"])

    /// "sẽ", "will", "sắp": the sentence speaks of the future.
    static let futureMarkers = WordSet(["sẽ", "sắp", "will", "next", "upcoming", "tới"])

    // MARK: Time
    static let gio = k("giờ"), phut = k("phút"), kem = k("kém"), ruoi = k("rưỡi")
    static let noon = k("noon"), midnight = k("midnight")
    static let am = k("am"), pm = k("pm"), a = k("a"), p = k("p"), m = k("m")
    /// Words that make "5 giờ" a duration: "trong 5 giờ", "mất 5 giờ".
    static let durationCues = WordSet(["trong", "mất", "suốt", "sau", "hơn", "gần", "tới", "khoảng", "kéo", "dài",
                                       "vòng", "for", "after", "within"])

    // MARK: Amounts
    /// Words that qualify a quantity and belong to its span: "hơn 550", "more than 500".
    static let viApprox = WordSet(["hơn", "gần", "khoảng", "chừng", "trên", "dưới", "tới", "hàng", "ngót", "xấp", "xỉ"])
    static let viApproxPairs = PhraseTable(["ít nhất", "tối đa", "xấp xỉ", "lên tới", "lên đến", "ước tính"])
    static let enApprox = WordSet(["about", "around", "nearly", "almost", "over", "under", "some", "approximately",
                                   "roughly", "approx", "estimated", "only", "just"])
    static let enApproxPairs = PhraseTable(["more than", "less than", "fewer than", "at least", "up to", "as many as",
                                            "at most"])
    static let multipliers = WordTable<Int>([
        "nghìn": 3, "ngàn": 3, "vạn": 4, "triệu": 6, "tỷ": 9, "tỉ": 9,
        "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "mln": 6, "mn": 6, "bln": 9, "bn": 9,
    ])
    /// Multipliers written tight after a currency amount: "$5m", "£3bn", "$20k".
    static let tightMultipliers = WordTable<Int>(["m": 6, "bn": 9, "b": 9, "k": 3, "mn": 6, "tr": 6])
    static let currencyWords = WordTable<String>([
        "đồng": "VND", "vnd": "VND", "vnđ": "VND", "usd": "USD", "đôla": "USD", "eur": "EUR", "euro": "EUR",
        "euros": "EUR", "yên": "JPY", "jpy": "JPY", "ndt": "CNY", "cny": "CNY", "rmb": "CNY", "tệ": "CNY",
        "rúp": "RUB", "rub": "RUB", "won": "KRW", "krw": "KRW", "bạt": "THB", "baht": "THB", "thb": "THB",
        "gbp": "GBP", "aud": "AUD", "sgd": "SGD", "cad": "CAD", "chf": "CHF", "inr": "INR", "hkd": "HKD",
        "twd": "TWD", "ringgit": "MYR", "rupiah": "IDR", "peso": "PHP", "pesos": "PHP", "rupee": "INR",
        "rupees": "INR", "dollar": "USD", "dollars": "USD", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB",
        "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "sterling": "GBP", "dong": "VND",
    ])
    /// Currencies named in two or three words: "đô la", "nhân dân tệ", "bảng Anh".
    static let currencyPhrases = PhraseTable<String>([
        (["nhân", "dân", "tệ"], "CNY"), (["đô", "la", "mỹ"], "USD"), (["đô", "la", "úc"], "AUD"),
        (["đô", "la", "singapore"], "SGD"), (["đô", "la", "canada"], "CAD"), (["đô", "la", "hồng", "kông"], "HKD"),
        (["đô", "la"], "USD"), (["đô", "mỹ"], "USD"), (["đô"], "USD"), (["bảng", "anh"], "GBP"), (["bảng"], "GBP"),
        (["us", "dollars"], "USD"), (["u", "s", "dollars"], "USD"), (["pounds", "sterling"], "GBP"),
        (["pounds"], "GBP"), (["pound"], "GBP"), (["euro"], "EUR"),
    ])
    /// "5 pounds" may weigh; "5 million pounds", "5 pounds sterling" do not.
    static let pounds = WordSet(["pounds", "pound"])
    /// By the symbol's scalar value (`RuleToken.key`).
    static let currencySymbols: HashTable<String> = {
        var table = HashTable<String>()
        let symbols: [Unicode.Scalar: String] = [
            "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₫": "VND", "₩": "KRW", "₹": "INR", "₽": "RUB", "฿": "THB",
        ]
        for (s, code) in symbols { table[UInt64(s.value)] = code }
        return table
    }()
    /// Letters written tight before "$": "US$", "A$", "HK$".
    static let dollarPrefixes = WordTable<String>([
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "hk": "HKD", "s": "SGD", "nz": "NZD", "nt": "TWD",
    ])
    static let percentWords = PhraseTable(["phần trăm", "per cent", "percent", "pct"])
    /// Counted things and units that belong to a quantity's span ("100 chuyến", "3 ngày", "550 tay súng").
    static let viUnits = PhraseTable([
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
    ])
    static let enUnits = PhraseTable([
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
    ])
    /// Every word a rule can start with; any other word is skipped at once.
    static let starters = WordSet(hashed:
        [ngay, hom, thang, nam, tuan, thu, chu, rang, noon, midnight, mid] + partsOfDay.words + viApprox.words
            + enApprox.words + viApproxPairs.firstWords + enApproxPairs.firstWords + dollarPrefixes.words
            + enMonths.words + enWeekdays.words + enRelativeDay.words + enShift.words)

    /// A number after these is an ordinal or an identifier, not a quantity: "thứ 8", "số 5", "No. 5".
    static let notQuantityAfter = WordSet(["pence", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "jst"])
    static let notQuantityBefore = WordSet(["thứ", "số", "no", "khóa", "điều", "khoản", "quận", "phường", "lớp",
                                            "page", "chapter", "article", "section", "room", "route", "flight",
                                            "number", "version", "level", "phase", "tập", "kỳ", "chương", "mục"])
}
