import Foundation
import LedeModel

/// The data files shipped in the package's `Resources` folder (weights, gazetteers, lexicons).
public enum ResourceFiles {
    /// The contents of `Resources/<path>`, or nil when the file is not shipped.
    public static func data(_ path: String) -> Data? {
        for base in bases {
            if let data = try? Data(contentsOf: base.appendingPathComponent(path)) { return data }
        }
        return nil
    }

    /// `Resources/<path>` as UTF-8 text, or nil.
    public static func text(_ path: String) -> String? {
        data(path).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The text files extraction reads besides its models. A package built without one of them would
    /// find no events or names while looking healthy, so `Extractor()` checks them all at start.
    static let required = [
        "events/actors-vi.tsv", "events/actors-en.tsv", "events/actor-countries.tsv",
        "events/triggers-vi.tsv", "events/triggers-en.tsv", "events/not-triggers-vi.tsv",
        "events/not-triggers-en.tsv", "events/cameo-plover.tsv", "events/plover-types.tsv",
        "language/profiles.tsv", "gazetteers/countries.tsv", "gazetteers/cities.tsv", "gazetteers/vn-admin.tsv",
        "gazetteers/organizations.tsv", "gazetteers/sectors.tsv", "gazetteers/city-coordinates.tsv",
        "gazetteers/country-coordinates.tsv", "gazetteers/province-coordinates.tsv", "gazetteers/admin1-divisions.tsv",
        "names/learnt-vi.tsv", "names/learnt-en.tsv",
    ]

    /// Throws for the first required file that is missing, empty or not UTF-8.
    static func checkRequired(load: (String) -> String? = text, except skipped: Set<String> = []) throws {
        for path in required where !skipped.contains(path) && (load(path) ?? "").isEmpty {
            throw ModelFormatError(description: "the shipped data file \(path) is missing or empty")
        }
    }

    /// A required text file (see `required`). `Extractor()` has checked that it is there; reaching a
    /// missing one here means the check was skipped, which is a programming error.
    static func requiredText(_ path: String) -> String {
        guard let text = text(path) else {
            preconditionFailure("the shipped data file \(path) is missing (Extractor() reports this at start)")
        }
        return text
    }

    /// Where the copied `Resources` folder can be. Foundation on Linux reports a bundle's `Resources`
    /// subfolder itself as its `resourceURL`, Darwin reports the bundle's resource root.
    private static let bases: [URL] = {
        var out = [Bundle.module.bundleURL.appendingPathComponent("Resources")]
        if let r = Bundle.module.resourceURL {
            out.append(r)
            out.append(r.appendingPathComponent("Resources"))
        }
        return out
    }()
}
