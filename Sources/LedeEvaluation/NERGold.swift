import Foundation
import LedeExtraction
import LedeModel

/// One text of a gold NER file (the shape of the team's NER data): `{"id", "lang", "text", "entities": [{"start",
/// "end", "type", "text"}]}`, offsets in code points, end exclusive.
public struct NERGoldDocument: Sendable {
    public var id: String
    public var lang: String
    public var text: String
    public var entities: [NERGoldEntity]
}

public struct NERGoldEntity: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var type: MentionType
}

/// A gold file that cannot be read, with where and why.
public struct NERGoldError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
}

public enum NERGold {
    /// Reads a JSON-lines gold file; blank lines are skipped.
    public static func read(path: String) throws -> [NERGoldDocument] {
        var documents: [NERGoldDocument] = []
        for (number, line) in try lines(path) {
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                throw NERGoldError(path: path, line: number, reason: "not a JSON object")
            }
            guard let text = object["text"] as? String else {
                throw NERGoldError(path: path, line: number, reason: "no \"text\" string")
            }
            var entities: [NERGoldEntity] = []
            for item in object["entities"] as? [[String: Any]] ?? [] {
                guard let start = item["start"] as? Int, let end = item["end"] as? Int,
                    let name = item["type"] as? String, let type = MentionType(rawValue: name), type.isName
                else {
                    throw NERGoldError(path: path, line: number, reason: "bad entity \(item)")
                }
                entities.append(NERGoldEntity(start: start, end: end, type: type))
            }
            documents.append(
                NERGoldDocument(
                    id: object["id"] as? String ?? "\(path):\(number)", lang: object["lang"] as? String ?? "",
                    text: text, entities: entities))
        }
        return documents
    }

    /// Texts of an unlabelled corpus in JSON lines: `title` and `body` of each article, or `text`.
    public static func readCorpus(path: String) throws -> [String] {
        var texts: [String] = []
        for (number, line) in try lines(path) {
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                throw NERGoldError(path: path, line: number, reason: "not a JSON object")
            }
            for key in ["title", "body", "text"] {
                if let value = object[key] as? String, !value.isEmpty { texts.append(value) }
            }
        }
        return texts
    }

    static func lines(_ path: String) throws -> [(Int, Data)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NERGoldError(path: path, line: 0, reason: "cannot read the file")
        }
        var out: [(Int, Data)] = []
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            out.append((number, Data(line)))
        }
        return out
    }
}
