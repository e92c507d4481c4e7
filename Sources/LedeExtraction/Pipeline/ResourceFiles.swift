import Foundation

/// The data files shipped in the package's `Resources` folder (weights, gazetteers, lexicons).
public enum ResourceFiles {
    /// The contents of `Resources/<path>`, or nil when the file is not shipped.
    public static func data(_ path: String) -> Data? {
        guard let base = Bundle.module.resourceURL else { return nil }
        return try? Data(contentsOf: base.appendingPathComponent("Resources").appendingPathComponent(path))
    }

    /// `Resources/<path>` as UTF-8 text, or nil.
    public static func text(_ path: String) -> String? {
        data(path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
