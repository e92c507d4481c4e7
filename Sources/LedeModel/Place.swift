/// Where a place named in an article lies on the map, and what its point stands for.
public struct Place: Sendable, Hashable {
    /// What the coordinates stand for. An entity's place is `city`, `admin1` or `country`; an event's
    /// location has the same three when the place is named in the event's own sentence, and the
    /// `article…` three when the sentence names none and the article's main place stands in.
    public enum Precision: String, Sendable, Hashable, CaseIterable {
        /// A city or town: its own GeoNames point.
        case city
        /// A first-level division (a US state, a Vietnamese province) or a district within one: the
        /// division's seat or largest city.
        case admin1
        /// A country: its central point.
        case country
        case articleCity = "article_city"
        case articleAdmin1 = "article_admin1"
        case articleCountry = "article_country"

        /// The same precision for a location borrowed from the article's main place.
        public var fromArticle: Precision {
            switch self {
            case .city, .articleCity: return .articleCity
            case .admin1, .articleAdmin1: return .articleAdmin1
            case .country, .articleCountry: return .articleCountry
            }
        }

        /// Whether the place stood in for a sentence that named none.
        public var isFromArticle: Bool { self == .articleCity || self == .articleAdmin1 || self == .articleCountry }
    }

    /// ISO 3166-1 alpha-2 code of the country the place is in.
    public var country: String?
    /// The GeoNames id of the place itself (a city's, a country's), where GeoNames has one for it.
    public var geonamesID: Int?
    /// WGS 84 degrees.
    public var latitude: Double
    public var longitude: Double
    /// Name of the first-level division the place is in (or is) on the article's date: "Texas",
    /// "Đắk Lắk"; nil for a country, or where the gazetteers do not know it.
    public var admin1: String?
    public var precision: Precision

    public init(
        country: String?, geonamesID: Int? = nil, latitude: Double, longitude: Double, admin1: String? = nil,
        precision: Precision
    ) {
        self.country = country
        self.geonamesID = geonamesID
        self.latitude = latitude
        self.longitude = longitude
        self.admin1 = admin1
        self.precision = precision
    }
}
