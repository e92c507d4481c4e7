/// An article as the extraction library sees it: already decoded and validated.
public struct Article: Sendable, Hashable {
    public var id: String
    public var url: String?
    public var title: String?
    public var body: String
    /// A language code given by the producer (`vi`, `en`, …), or nil to identify it.
    public var lang: String?
    /// The publication date, used to resolve relative dates ("hôm qua", "ngày 7/12").
    public var publishedAt: PublicationDate?
    public var source: String?

    public init(
        id: String, url: String? = nil, title: String? = nil, body: String, lang: String? = nil,
        publishedAt: PublicationDate? = nil, source: String? = nil
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.body = body
        self.lang = lang
        self.publishedAt = publishedAt
        self.source = source
    }
}

/// A calendar date (the article's publication day), independent of time zones.
public struct PublicationDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: PublicationDate, b: PublicationDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
