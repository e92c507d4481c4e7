import Foundation

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
