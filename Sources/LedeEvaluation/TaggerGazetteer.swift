import Foundation
import LedeExtraction
import LedeModel

/// Names for the tagger's name-list features, read from the gazetteer tables (`Resources/gazetteers/`
/// layout: tab-separated, `#` comments, a header line). The names are embedded in the trained model, so
/// later edits of the tables never change a shipped model's features.
public enum TaggerGazetteer {
    /// Columns whose values (split on "|") are names of the given type, per table.
    static let tables: [(file: String, columns: [(String, MentionType)])] = [
        ("countries.tsv", [("name_vi", .location), ("name_en", .location), ("aliases", .location), ("demonyms", .miscellaneous)]),
        ("cities.tsv", [("name", .location), ("names_vi", .location)]),
        ("vn-admin.tsv", [("name", .location), ("short", .location)]),
        ("organizations.tsv", [("name_vi", .organization), ("name_en", .organization), ("aliases", .organization)]),
    ]

    /// Every name in the tables found in `directory`, sorted, without duplicates (deterministic order).
    public static func read(directory: String) throws -> [(String, MentionType)] {
        var seen = Set<String>()
        var names: [(String, MentionType)] = []
        for (file, columns) in tables {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw NERGoldError(path: path, line: 0, reason: "cannot read the gazetteer table")
            }
            var header: [String]? = nil
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("#") { continue }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard let header else { header = cells; continue }
                for (column, type) in columns {
                    guard let k = header.firstIndex(of: column), k < cells.count else { continue }
                    for name in cells[k].split(separator: "|") {
                        let trimmed = name.trimmingCharacters(in: .whitespaces)
                        guard !trimmed.isEmpty, seen.insert(type.rawValue + "\t" + trimmed).inserted else { continue }
                        names.append((trimmed, type))
                    }
                }
            }
        }
        return names.sorted { ($0.0, $0.1.rawValue) < ($1.0, $1.1.rawValue) }
    }
}
