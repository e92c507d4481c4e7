import LedeModel
/// Parsing of the coordinate tables (`Scripts/build-place-coordinates.py` derives them; columns in
/// `Resources/gazetteers/README.md`) and placing the gazetteer's entries with them, once at load.
extension Gazetteer {
    /// city-coordinates.tsv: geonameid → point and first-level division.
    static func cityPoints(_ text: String) -> [Int: (point: GeoPoint, admin1: String?)] {
        var out: [Int: (point: GeoPoint, admin1: String?)] = [:]
        for r in rows(text) where r.count >= 3 {
            guard let id = Int(r[0]), let point = point(r[1], r[2]) else { continue }
            out[id] = (point, r.count > 3 && !r[3].isEmpty ? r[3] : nil)
        }
        return out
    }

    /// country-coordinates.tsv: iso2 → GeoNames id and point.
    static func countryPoints(_ text: String) -> [String: (geonamesID: Int?, point: GeoPoint)] {
        var out: [String: (geonamesID: Int?, point: GeoPoint)] = [:]
        for r in rows(text) where r.count >= 4 {
            guard let point = point(r[2], r[3]) else { continue }
            out[r[0]] = (Int(r[1]), point)
        }
        return out
    }

    /// province-coordinates.tsv: "era\tshort name" → the seat's point.
    static func provincePoints(_ text: String) -> [String: GeoPoint] {
        var out: [String: GeoPoint] = [:]
        for r in rows(text) where r.count >= 6 {
            guard let point = point(r[4], r[5]) else { continue }
            out[r[0] + "\t" + r[1]] = point
        }
        return out
    }

    /// admin1-divisions.tsv: iso2, code, name, alias, latitude, longitude, population, largest_city.
    static func admin1Divisions(_ text: String) -> [Pending] {
        rows(text).compactMap { r in
            guard r.count >= 7, let point = point(r[4], r[5]) else { return nil }
            var entry = GazetteerEntry(kind: .admin1, nameVi: r[2], nameEn: r[2], country: r[0], population: Int(r[6]) ?? 0)
            entry.point = point
            entry.admin1 = r[2]
            return (entry, [r[2]] + (r[3].isEmpty ? [] : [r[3]]))
        }
    }

    static func point(_ latitude: String, _ longitude: String) -> GeoPoint? {
        guard let lat = Double(latitude), let lon = Double(longitude), abs(lat) <= 90, abs(lon) <= 180 else { return nil }
        return GeoPoint(latitude: lat, longitude: lon)
    }

    /// Puts every country, city, province and district on the map: cities and countries by their own
    /// point, provinces at their seat in each era, districts at their province's seat before 2025 (the
    /// era the districts belong to); numbers each first-level division (`division`).
    static func place(_ pending: inout [Pending], tables: Tables) {
        let cities = cityPoints(tables.cityCoordinates)
        let countries = countryPoints(tables.countryCoordinates)
        let provinces = provincePoints(tables.provinceCoordinates)
        for i in pending.indices {
            var e = pending[i].entry
            switch e.kind {
            case .country:
                if let code = e.country, let c = countries[code] {
                    e.point = c.point
                    e.geonamesID = c.geonamesID
                }
            case .city:
                if let id = e.geonamesID, let c = cities[id] {
                    e.point = c.point
                    e.admin1 = c.admin1
                }
            case .province:
                let now = provinces["2025\t" + e.nameVi]
                let before = provinces["pre2025\t" + e.nameVi]
                e.point = now ?? before
                if now != nil, before != now { e.pointBefore2025 = before }
                e.admin1 = e.nameVi
            case .district:
                if let province = e.admin1 { e.point = provinces["pre2025\t" + province] }
            case .region, .admin1, .organization:
                break
            }
            pending[i].entry = e
        }
        var divisions: [String: Int32] = [:]
        for i in pending.indices where pending[i].entry.kind != .country {
            guard let country = pending[i].entry.country, let admin1 = pending[i].entry.admin1 else { continue }
            let key = country + "|" + admin1
            let id = divisions[key] ?? Int32(divisions.count)
            divisions[key] = id
            pending[i].entry.division = id
        }
    }
}
