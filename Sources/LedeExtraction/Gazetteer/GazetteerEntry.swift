import LedeModel
/// One real-world place or organisation the gazetteers know, with every name it goes by.
public struct GazetteerEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `admin1`: a first-level division outside Vietnam (Texas, England); Vietnam's are `province`.
        case country, region, province, admin1, district, city, organization
    }

    public var kind: Kind
    /// Canonical names in Vietnamese and English ("Hoa Kỳ", "United States").
    public var nameVi: String
    public var nameEn: String
    /// ISO 3166-1 alpha-2 code of the country it is or belongs to.
    public var country: String?
    public var geonamesID: Int?
    /// CAMEO actor code (RUS, IGOUNO).
    public var cameo: String?
    /// Cities: GeoNames population; used to prefer the larger of two homonyms.
    public var population: Int
    /// Vietnamese provinces: the eras the name is valid in ("pre2025", "2025") and, for a pre-2025
    /// province merged in July 2025, its successor's name.
    public var eras: [String]
    public var successor: String?
    /// Where it is on the map: a city's GeoNames point, a country's centre, a division's seat or largest
    /// city, a district's province seat; nil for regions and organisations. A Vietnamese province named
    /// in both eras is at its 2025 seat, and at `pointBefore2025` in articles before July 2025 when
    /// that seat was elsewhere.
    public var point: GeoPoint?
    public var pointBefore2025: GeoPoint?
    /// The first-level division it is in (a city's, a district's) or is (a division's own name); for
    /// Vietnam the province before July 2025.
    public var admin1: String?
    /// `admin1` and `country` as one number, shared by every entry in (or being) the same division, so
    /// that comparing two entries' divisions builds no string.
    public var division: Int32?

    /// The kind of mention this entry names.
    public var mentionType: MentionType { kind == .organization ? .organization : .location }

    /// The canonical name in an article's language (English for anything but Vietnamese).
    public func name(lang: String) -> String { lang == "vi" ? nameVi : nameEn }

    public init(
        kind: Kind, nameVi: String, nameEn: String, country: String? = nil, geonamesID: Int? = nil,
        cameo: String? = nil, population: Int = 0, eras: [String] = [], successor: String? = nil
    ) {
        self.kind = kind
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.country = country
        self.geonamesID = geonamesID
        self.cameo = cameo
        self.population = population
        self.eras = eras
        self.successor = successor
    }
}

/// A point on the map, WGS 84 degrees.
public struct GeoPoint: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
