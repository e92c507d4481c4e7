import Foundation
import LedeModel
/// Puts LOC entities on the map: of the gazetteer places a name may refer to ("Paris": France's capital,
/// a Texas town), the one the article's other places point to, else the most likely one on its own.
///
/// Each reading scores a prior (a country 8, a Vietnamese province 6, another first-level division 5.5,
/// a city the log10 of its population, a district 3) plus what the article's other names say: +0.5 when
/// its country is named (worth a threefold size: "Geneva" in a story naming the United States is still
/// the Swiss city, eight times the size of Geneva, Illinois), +3 when its first-level division is (named
/// itself, or as the division of a city named), +1.5 for a division when two or more other divisions of
/// its country are named ("Washington" among "Oregon" and "Idaho" is the state).
///
/// Two passes: the first reads the context from the names whose readings all agree (so that one
/// ambiguous name cannot steer another), the second from every other name's first-pass reading
/// ("Virginia", also a South African town, still places "Arlington" in Virginia). A small city or
/// division that no unambiguous name in the article points to stays off the map: a town of 50,000 named
/// alone is more often a company or a club that shares its name ("Mercedes", "Monsanto", "Northfield").
/// Dictionary lookups over the article's few entities: nothing scans the gazetteer.
extension EntityLinker {
    /// The priors, in log10-population units so that a context bonus reads as "worth a tenfold size".
    enum PlacePrior {
        static let country = 8.0, province = 6.0, admin1 = 5.5, district = 3.0
        static let countryNamed = 0.5, admin1Named = 3.0, siblingDivisions = 1.5
        /// Below these, a city or a division is placed only when the article points to it.
        static let aloneCity = 100_000, aloneDivision = 1_000_000
    }

    /// What the article's names say about where it happens: how many names say each thing.
    struct PlaceContext {
        var countries: [String: Int] = [:]
        /// By `GazetteerEntry.division` (Texas, Đắk Lắk).
        var divisions: [Int32: Int] = [:]
        /// Countries some of whose first-level divisions are named.
        var divisionCountries: [String: Int] = [:]

        /// What one name says: its country, its division, and whether it is a division itself.
        struct Saying {
            var country: String?
            var division: Int32?
            var isDivision = false
        }

        mutating func add(_ s: Saying) {
            if let c = s.country { countries[c, default: 0] += 1 }
            if let d = s.division { divisions[d, default: 0] += 1 }
            if s.isDivision, let c = s.country { divisionCountries[c, default: 0] += 1 }
        }

        /// The counts without `own`: what the other names say.
        func country(_ c: String, besides own: Saying?) -> Int { (countries[c] ?? 0) - (own?.country == c ? 1 : 0) }
        func division(_ d: Int32, besides own: Saying?) -> Int { (divisions[d] ?? 0) - (own?.division == d ? 1 : 0) }
        func divisionsOf(_ c: String, besides own: Saying?) -> Int {
            (divisionCountries[c] ?? 0) - (own?.isDivision == true && own?.country == c ? 1 : 0)
        }
    }

    /// Sets `place`, and `country` and `geonamesID` from it, on each LOC entity whose gazetteer
    /// candidates (`candidates[id]`, best first by kind and size; empty for the others) include a
    /// place with coordinates. `entries[id]` is the entry the entity was linked by: one that is an
    /// organisation or a world region ("EU", "UN", "Châu Phi") has no point. `publishedAt` picks the
    /// Vietnamese provinces' era.
    func placeEntities(_ entities: inout [Entity], entries linked: [Int32?], candidates: [[Int32]], publishedAt: PublicationDate?) {
        let before2025 = publishedAt.map { $0 < PublicationDate(year: 2025, month: 7, day: 1) } ?? false
        let readings = entities.indices.map { id -> [GazetteerEntry] in
            candidates[id].map { gazetteer.entries[Int($0)] }.filter(isPlace)
        }
        // "quân đội Nga", "người Mỹ": a country known from an actor phrase still says where.
        let actorSaying = entities.map { e -> PlaceContext.Saying? in
            e.type != .location && e.country != nil ? PlaceContext.Saying(country: e.country) : nil
        }
        // Pass 1: what the names whose readings all agree say.
        var agreed = PlaceContext()
        var agreedSaying = [PlaceContext.Saying?](repeating: nil, count: entities.count)
        for id in entities.indices {
            let r = readings[id]
            guard !r.isEmpty else {
                if let s = actorSaying[id] { agreed.add(s); agreedSaying[id] = s }
                continue
            }
            let country = Self.agreed(r.map(\.country))
            let saying = PlaceContext.Saying(
                country: country, division: Self.agreed(r.map(\.division)),
                isDivision: country != nil && r.allSatisfy { $0.kind == .admin1 || $0.kind == .province })
            agreed.add(saying)
            agreedSaying[id] = saying
        }
        let placed = entities.indices.map { id -> Bool in
            guard entities[id].type == .location, let entry = linked[id] else { return false }
            return isPlace(gazetteer.entries[Int(entry)]) && !readings[id].isEmpty
        }
        var first = [GazetteerEntry?](repeating: nil, count: entities.count)
        for id in entities.indices where !readings[id].isEmpty {
            first[id] = best(of: readings[id], context: agreed, own: agreedSaying[id])?.entry
        }
        // Pass 2: what every other name's first reading says.
        var context = PlaceContext()
        var saying = [PlaceContext.Saying?](repeating: nil, count: entities.count)
        for id in entities.indices {
            if let e = first[id] {
                saying[id] = PlaceContext.Saying(country: e.country, division: e.division,
                                                 isDivision: e.kind == .admin1 || e.kind == .province)
            } else {
                saying[id] = actorSaying[id]
            }
            if let s = saying[id] { context.add(s) }
        }
        for id in entities.indices where placed[id] {
            guard let (chosen, _) = best(of: readings[id], context: context, own: saying[id]) else { continue }
            // Support is read from the names that agree only: the first reading of an ambiguous name
            // ("North West", a region of Botswana and of South Africa) vouches for no other.
            let supported = score(chosen, context: agreed, own: agreedSaying[id]).supported
            switch chosen.kind {
            case .city where !supported && chosen.population < PlacePrior.aloneCity,
                 .admin1 where !supported && chosen.population < PlacePrior.aloneDivision:
                // Too weak to place, and so too weak to vouch for the country and id the linker guessed.
                entities[id].country = nil
                entities[id].geonamesID = nil
                continue
            default: break
            }
            guard let place = place(of: chosen, before2025: before2025) else { continue }
            entities[id].place = place
            entities[id].country = place.country
            entities[id].geonamesID = place.geonamesID
        }
    }

    /// The best-scoring reading, and whether the other names point to it (its country or division).
    func best(of readings: [GazetteerEntry], context: PlaceContext, own: PlaceContext.Saying?)
        -> (entry: GazetteerEntry, supported: Bool)?
    {
        let cityDivisions = readings.compactMap { $0.kind == .city ? $0.division : nil }
        var best: (score: Double, entry: GazetteerEntry, supported: Bool)?
        for e in readings {
            let namesake = e.kind == .admin1 && e.division.map(cityDivisions.contains) == true
            let (s, supported) = score(e, context: context, own: own, namesakeCity: namesake)
            if best == nil || s > best!.score { best = (s, e, supported) }
        }
        return best.map { ($0.entry, $0.supported) }
    }

    /// Countries, cities, divisions and districts: the kinds that have a point.
    func isPlace(_ e: GazetteerEntry) -> Bool {
        e.point != nil && e.kind != .organization && e.kind != .region
    }

    /// A reading's score, and whether the other names point to it. `namesakeCity`: another reading of
    /// the same name is a city inside this division.
    func score(_ e: GazetteerEntry, context: PlaceContext, own: PlaceContext.Saying?, namesakeCity: Bool = false)
        -> (score: Double, supported: Bool)
    {
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
        case .region, .organization: return (-.infinity, false)
        }
        var supported = false
        if let code = e.country, context.country(code, besides: own) > 0 {
            s += PlacePrior.countryNamed
            supported = true
        }
        if e.kind != .country, let key = e.division, context.division(key, besides: own) > 0 {
            s += PlacePrior.admin1Named
            supported = true
        }
        if e.kind == .admin1 || e.kind == .province, let code = e.country, context.divisionsOf(code, besides: own) >= 2 {
            s += PlacePrior.siblingDivisions
        }
        return (s, supported)
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

    /// The one value all of `values` share, nil when they differ or one is missing.
    static func agreed<T: Equatable>(_ values: [T?]) -> T? {
        guard let first = values.first, let value = first else { return nil }
        return values.allSatisfy({ $0 == value }) ? value : nil
    }
}
