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
        let decoder = JSONDecoder()
        return try lines(path).map { number, line in
            guard let document = try? decoder.decode(GoldLine.self, from: line) else {
                throw NERGoldError(path: path, line: number, reason: "not a gold line ({\"text\", \"entities\"})")
            }
            let entities = try document.entities.map { item -> NERGoldEntity in
                guard let type = MentionType(rawValue: item.type), type.isName else {
                    throw NERGoldError(path: path, line: number, reason: "entity type \(item.type) is not PER, LOC, ORG or MISC")
                }
                return NERGoldEntity(start: item.start, end: item.end, type: type)
            }
            return NERGoldDocument(
                id: document.id ?? "\(path):\(number)", lang: document.lang ?? "", text: document.text, entities: entities)
        }
    }

    private struct GoldLine: Decodable {
        struct Item: Decodable {
            var start: Int
            var end: Int
            var type: String
        }
        var id: String?
        var lang: String?
        var text: String
        var entities: [Item]
    }

    private struct CorpusLine: Decodable {
        var title: String?
        var body: String?
        var text: String?
    }

    /// Texts of an unlabelled corpus in JSON lines: `title` and `body` of each article, or `text`.
    public static func readCorpus(path: String) throws -> [String] {
        let decoder = JSONDecoder()
        return try lines(path).flatMap { number, line -> [String] in
            guard let article = try? decoder.decode(CorpusLine.self, from: line) else {
                throw NERGoldError(path: path, line: number, reason: "not a JSON object with title, body or text")
            }
            return [article.title, article.body, article.text].compactMap { $0 }.filter { !$0.isEmpty }
        }
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
