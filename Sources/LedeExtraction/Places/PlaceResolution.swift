import Foundation
import LedeModel
/// Puts LOC entities on the map: of the gazetteer places a name may refer to ("Paris": France's capital,
/// a Texas town), the one the article's other places point to, else the most likely one on its own.
///
/// Each candidate scores a prior (a country 8, a Vietnamese province 6, another first-level division
/// 5.5, a city the log10 of its population, a district 3) plus what the other names in the article say:
/// +0.5 when its country is named (worth a threefold size: "Geneva" in a story naming the United States
/// is still the Swiss city, eight times the size of Geneva, Illinois), +3 when its first-level division is (named itself, or as the division of
/// a city that has no homonym elsewhere), +1.5 for a division when other divisions of its country are
/// named ("Washington" among "Oregon" and "Idaho" is the state). A name tells its country or division
/// only when all its candidates agree on it, so that one ambiguous name cannot steer another. Dictionary
/// lookups and a few entities' candidates per article: nothing scans the gazetteer.
extension EntityLinker {
    /// The priors, in log10-population units so that a context bonus reads as "worth a tenfold size".
    enum PlacePrior {
        static let country = 8.0, province = 6.0, admin1 = 5.5, district = 3.0
        static let countryNamed = 0.5, admin1Named = 3.0, siblingDivisions = 1.5
    }

    /// What the article's names say about where it happens.
    struct PlaceContext {
        var countries: Set<String> = []
        /// "US|Texas", "VN|Đắk Lắk".
        var divisions: Set<String> = []
        /// Countries some of whose first-level divisions are named.
        var divisionCountries: Set<String> = []
    }

    /// Sets `place`, and `country` and `geonamesID` from it, on each LOC entity whose gazetteer
    /// candidates (`candidates[id]`, best first by kind and size; empty for the others) include a
    /// place with coordinates. `entries[id]` is the entry the entity was linked by: one that is an
    /// organisation or a world region ("EU", "UN", "Châu Phi") has no point. `publishedAt` picks the
    /// Vietnamese provinces' era.
    func placeEntities(_ entities: inout [Entity], entries linked: [Int32?], candidates: [[Int32]], publishedAt: PublicationDate?) {
        let before2025 = publishedAt.map { $0 < PublicationDate(year: 2025, month: 7, day: 1) } ?? false
        let placeable = entities.indices.map { id -> [Int32] in
            candidates[id].filter { isPlace(gazetteer.entries[Int($0)]) }
        }
        var context = PlaceContext()
        for id in entities.indices {
            let entries = placeable[id].map { gazetteer.entries[Int($0)] }
            if entries.isEmpty {
                // "quân đội Nga", "người Mỹ": a country known from an actor phrase still says where.
                if entities[id].type != .location, let code = entities[id].country { context.countries.insert(code) }
                continue
            }
            if let code = Self.agreed(entries.map(\.country)) { context.countries.insert(code) }
            if let division = Self.agreed(entries.map(Self.divisionKey)) { context.divisions.insert(division) }
            if entries.allSatisfy({ $0.kind == .admin1 || $0.kind == .province }), let code = Self.agreed(entries.map(\.country)) {
                context.divisionCountries.insert(code)
            }
        }
        for id in entities.indices where entities[id].type == .location && !placeable[id].isEmpty {
            guard let entry = linked[id], isPlace(gazetteer.entries[Int(entry)]) else { continue }
            let readings = placeable[id].map { gazetteer.entries[Int($0)] }
            let cityDivisions = Set(readings.lazy.filter { $0.kind == .city }.compactMap(Self.divisionKey))
            var best: (score: Double, entry: GazetteerEntry)?
            for e in readings {
                let namesake = e.kind == .admin1 && Self.divisionKey(e).map(cityDivisions.contains) == true
                let s = score(e, context: context, namesakeCity: namesake)
                if best == nil || s > best!.score { best = (s, e) }
            }
            guard let chosen = best?.entry, let place = place(of: chosen, before2025: before2025) else { continue }
            entities[id].place = place
            entities[id].country = place.country
            entities[id].geonamesID = place.geonamesID
        }
    }

    /// Countries, cities, divisions and districts: the kinds that have a point.
    func isPlace(_ e: GazetteerEntry) -> Bool {
        e.point != nil && e.kind != .organization && e.kind != .region
    }

    /// `namesakeCity`: another reading of the same name is a city inside this division.
    func score(_ e: GazetteerEntry, context: PlaceContext, namesakeCity: Bool = false) -> Double {
        var s: Double
        switch e.kind {
        case .country: s = PlacePrior.country
        case .province: s = PlacePrior.province
        // A division that shares its name with a city in it ("Geneva", "Bern") is named for the city in
        // news: it yields to the city, whatever their sizes. Vietnam's provinces keep their prior: there
        // the province is what "Nam Định" or "Tây Ninh" usually means.
        case .admin1: s = namesakeCity ? -.infinity : PlacePrior.admin1
        case .district: s = PlacePrior.district
        case .city: s = log10(Double(max(e.population, 1)))
        case .region, .organization: return -.infinity
        }
        if let code = e.country, context.countries.contains(code) { s += PlacePrior.countryNamed }
        if e.kind != .country, let key = Self.divisionKey(e), context.divisions.contains(key) { s += PlacePrior.admin1Named }
        if e.kind == .admin1 || e.kind == .province, let code = e.country, context.divisionCountries.contains(code) {
            s += PlacePrior.siblingDivisions
        }
        return s
    }

    /// The place an entry stands for on the article's date: Vietnamese provinces at their seat of that
    /// era, and a Vietnamese division named as it was before July 2025 renamed to its successor after.
    func place(of e: GazetteerEntry, before2025: Bool) -> Place? {
        guard var point = e.point else { return nil }
        if before2025, let old = e.pointBefore2025 { point = old }
        var admin1 = e.kind == .country ? nil : e.admin1
        if !before2025, e.country == "VN", let name = admin1, let next = gazetteer.province(named: name)?.successor {
            admin1 = next
        }
        let precision: Place.Precision
        switch e.kind {
        case .country: precision = .country
        case .city: precision = .city
        default: precision = .admin1
        }
        return Place(country: e.country, geonamesID: e.geonamesID, latitude: point.latitude, longitude: point.longitude,
                     admin1: admin1, precision: precision)
    }

    /// "US|Texas": a division's key, whichever entry (city, district, division) names it.
    static func divisionKey(_ e: GazetteerEntry) -> String? {
        guard e.kind != .country, let country = e.country, let admin1 = e.admin1 else { return nil }
        return country + "|" + admin1
    }

    /// The one value all of `values` share, nil when they differ or one is missing.
    static func agreed(_ values: [String?]) -> String? {
        guard let first = values.first, let value = first else { return nil }
        return values.allSatisfy({ $0 == value }) ? value : nil
    }
}
