import Foundation
import LedeExtraction

/// One article of an event gold file, in JSON lines:
/// `{"id", "lang"?, "published_at" (YYYYMMDD), "title"?, "body"?, "extent"?, "events": [GoldEvent…]}`.
/// Lines without `body` are joined by `id` with a corpus file (the article text is not ours to ship).
/// `extent`, when present, says only the body's first `extent` code points were annotated; `from` moves
/// the annotated region's start (one sentence of a long article: `from` … `extent`).
public struct EventGoldArticle: Sendable {
    public var id: String
    public var lang: String
    public var publishedAt: PublicationDate?
    public var title: String?
    public var body: String
    public var extent: Int?
    public var from: Int?
    public var events: [EventGoldEvent]

    public var article: Article {
        Article(id: id, title: title, body: body, lang: lang, publishedAt: publishedAt)
    }
}

/// One gold event. Strings are exact substrings of the article; `start`/`end` are code points of the
/// trigger in `field`.
public struct EventGoldEvent: Sendable, Hashable {
    public var type: String
    public var trigger: String
    public var field: TextField
    public var start: Int
    public var end: Int
    /// Acceptable actor strings (any of them is right); empty when the text names no actor.
    public var actors: [String]
    public var recipients: [String]
    public var location: String?
    public var dateText: String?
    /// ISO value: `2017-12-07`, `2017-12`, `2017` (the publication date when the text gives none).
    public var date: String?
    public var killed: Int?
    public var injured: Int?
    public var modality: String
    public var attribution: String?
}

/// A gold file that cannot be used, with where and why.
public struct EventGoldError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
}

public enum EventGold {
    /// Reads a gold file, taking missing article texts from `corpus` (JSON lines with id, title, body,
    /// published_at), read only if some line needs it. Every trigger offset is checked against its text.
    public static func read(path: String, corpus: String?) throws -> [EventGoldArticle] {
        var lines: [(Int, [String: Any])] = []
        for (number, data) in try jsonLines(path) {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw EventGoldError(path: path, line: number, reason: "not a JSON object")
            }
            lines.append((number, object))
        }
        var texts: [String: [String: Any]] = [:]
        if lines.contains(where: { $0.1["body"] == nil }) {
            guard let corpus else { throw EventGoldError(path: path, line: 0, reason: "lines without body need --corpus") }
            let wanted = Set(lines.compactMap { $0.1["body"] == nil ? $0.1["id"] as? String : nil })
            for (number, data) in try jsonLines(corpus) {
                guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw EventGoldError(path: corpus, line: number, reason: "not a JSON object")
                }
                if let id = object["id"] as? String, wanted.contains(id) { texts[id] = object }
            }
        }
        var articles: [EventGoldArticle] = []
        for (number, object) in lines {
            func fail(_ reason: String) -> EventGoldError { EventGoldError(path: path, line: number, reason: reason) }
            guard let id = object["id"] as? String else { throw fail("no \"id\"") }
            let source = object["body"] == nil ? texts[id] : object
            guard let source, let body = source["body"] as? String else { throw fail("no body for \(id) here or in the corpus") }
            let title = source["title"] as? String
            let published = (object["published_at"] ?? source["published_at"]) as? String
            var events: [EventGoldEvent] = []
            for item in object["events"] as? [[String: Any]] ?? [] {
                guard let type = item["type"] as? String, let trigger = item["trigger"] as? String,
                    let start = item["start"] as? Int, let end = item["end"] as? Int
                else { throw fail("an event needs type, trigger, start and end: \(item)") }
                let field = TextField(rawValue: item["field"] as? String ?? "body") ?? .body
                let text = field == .title ? (title ?? "") : body
                let scalars = Array(text.unicodeScalars)
                guard start >= 0, end <= scalars.count, start < end,
                    String(String.UnicodeScalarView(scalars[start..<end])) == trigger
                else { throw fail("trigger \"\(trigger)\" is not at \(field.rawValue)[\(start)..<\(end)]") }
                events.append(EventGoldEvent(
                    type: type, trigger: trigger, field: field, start: start, end: end,
                    actors: strings(item["actors"]), recipients: strings(item["recipients"]),
                    location: item["location"] as? String, dateText: item["date_text"] as? String,
                    date: item["date"] as? String, killed: item["killed"] as? Int, injured: item["injured"] as? Int,
                    modality: item["modality"] as? String ?? "asserted", attribution: item["attribution"] as? String))
            }
            articles.append(EventGoldArticle(
                id: id, lang: object["lang"] as? String ?? source["lang"] as? String ?? "vi",
                publishedAt: published.flatMap(date), title: title, body: body, extent: object["extent"] as? Int,
                from: object["from"] as? Int, events: events))
        }
        return articles
    }

    /// Non-blank lines of a file with their 1-based numbers.
    static func jsonLines(_ path: String) throws -> [(Int, Data)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EventGoldError(path: path, line: 0, reason: "cannot read the file")
        }
        var out: [(Int, Data)] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
            out.append((index + 1, Data(line)))
        }
        return out
    }

    static func strings(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        return value as? [String] ?? []
    }

    /// `20171207`, `2017-12-07` or a date-time starting with either.
    static func date(_ text: String) -> PublicationDate? {
        let digits = Array(text.prefix(10).filter(\.isNumber))
        guard digits.count >= 8, let y = Int(String(digits[0..<4])), let m = Int(String(digits[4..<6])),
            let d = Int(String(digits[6..<8]))
        else { return nil }
        return PublicationDate(year: y, month: m, day: d)
    }
}
