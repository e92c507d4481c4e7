import ArgumentParser
import Foundation

/// Key files as `lede keygen` writes them: one key a line, `#` comments and blank lines skipped.
enum KeyFile {
    static func keys(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The first Z85 key (40 characters) of the file, or a usage error naming it.
    static func read(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let key = keys(in: text).first, key.count == 40 else {
            throw ValidationError("cannot read a 40-character Z85 key from \(path)")
        }
        return key
    }
}
