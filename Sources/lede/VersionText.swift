import Foundation
import LedeExtraction
import LedeWire

/// What `lede --version` prints: the release, then each shipped model with the first 12 hex digits of
/// its SHA-256 (a model is known by its bytes: `lede train` re-derives the same digest).
enum VersionText {
    static let release = "0.3.1"
    static let models = ["tagger/vi.model", "tagger/en.model", "events/vi.model", "events/en.model"]

    static func make() -> String {
        var lines = ["lede \(release) (extractor \(Extractor.version))"]
        for path in models {
            if let data = ResourceFiles.data(path) {
                lines.append("  \(path)  sha256:\(Digest.sha256Hex(data).prefix(12))  \(data.count) bytes")
            } else {
                lines.append("  \(path)  missing")
            }
        }
        return lines.joined(separator: "\n")
    }
}
