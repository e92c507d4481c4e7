import Foundation
import LedeExtraction
import LedeModel

/// One article of an event gold file, in JSON lines:
/// `{"id", "lang"?, "section"?, "published_at"? (YYYYMMDD), "title"?, "body"?, "from"?, "extent"?,
/// "events": [GoldEvent…]}`. Lines without `body` are joined by `id` with corpus files (the article
/// text is not ours to ship). `extent`, when present, says only the body's first `extent` code points
/// were annotated; `from` moves the annotated region's start. Whole-article gold has neither.
public struct EventGoldArticle: Sendable {
    public var id: String
    public var lang: String
    /// The corpus section (`world`, `sport`, …): off-topic sections are counted apart.
    public var section: String?
    public var publishedAt: PublicationDate?
    public var title: String?
    public var body: String
    public var extent: Int?
    public var from: Int?
    public var events: [EventGoldEvent]

    public init(
        id: String, lang: String, section: String? = nil, publishedAt: PublicationDate?, title: String?,
        body: String, extent: Int? = nil, from: Int? = nil, events: [EventGoldEvent]
    ) {
        self.id = id
        self.lang = lang
        self.section = section
        self.publishedAt = publishedAt
        self.title = title
        self.body = body
        self.extent = extent
        self.from = from
        self.events = events
    }

    public var article: Article {
        Article(id: id, title: title, body: body, lang: lang, publishedAt: publishedAt)
    }
}

/// One gold event: every mention of it in the article (the first is its trigger) and its arguments as
/// acceptable strings of the article.
public struct EventGoldEvent: Sendable, Hashable {
    public var type: String
    public var mode: String?
    public var mentions: [Span]
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

    public init(
        type: String, mode: String? = nil, mentions: [Span], actors: [String] = [], recipients: [String] = [],
        location: String? = nil, dateText: String? = nil, date: String? = nil, killed: Int? = nil,
        injured: Int? = nil, modality: String = "asserted", attribution: String? = nil
    ) {
        precondition(!mentions.isEmpty, "a gold event has at least one mention")
        self.type = type
        self.mode = mode
        self.mentions = mentions
        self.actors = actors
        self.recipients = recipients
        self.location = location
        self.dateText = dateText
        self.date = date
        self.killed = killed
        self.injured = injured
        self.modality = modality
        self.attribution = attribution
    }

    public var trigger: Span { mentions[0] }
}

/// A gold file that cannot be used, with where and why.
public struct EventGoldError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
}

public enum EventGold {
    /// Reads a gold file, taking missing article texts from the `corpora` (JSON lines with id, title,
    /// body, published_at), read only if some line needs them. Every mention's offsets are checked
    /// against its text.
    public static func read(path: String, corpora: [String]) throws -> [EventGoldArticle] {
        let decoder = JSONDecoder()
        var lines: [(Int, GoldLine)] = []
        for (number, data) in try jsonLines(path) {
            do {
                lines.append((number, try decoder.decode(GoldLine.self, from: data)))
            } catch {
                throw EventGoldError(path: path, line: number, reason: "not a gold line: \(reason(error))")
            }
        }
        let wanted = Set(lines.compactMap { $0.1.body == nil ? $0.1.id : nil })
        var texts: [String: CorpusLine] = [:]
        if !wanted.isEmpty {
            guard !corpora.isEmpty else {
                throw EventGoldError(path: path, line: 0, reason: "its lines carry no text: give the corpus with --corpus")
            }
            for corpus in corpora {
                for (number, data) in try jsonLines(corpus) {
                    guard let line = try? decoder.decode(CorpusLine.self, from: data) else {
                        throw EventGoldError(path: corpus, line: number, reason: "not a corpus line (id, title?, body)")
                    }
                    if wanted.contains(line.id) { texts[line.id] = line }
                }
            }
        }
        return try lines.map { number, line in
            func fail(_ reason: String) -> EventGoldError { EventGoldError(path: path, line: number, reason: reason) }
            let source = line.body == nil ? texts[line.id] : CorpusLine(id: line.id, title: line.title, body: line.body!)
            guard let source else { throw fail("no text for \(line.id) here or in the corpus") }
            let events = try line.events.map { try $0.event(title: source.title, body: source.body, fail: fail) }
            return EventGoldArticle(
                id: line.id, lang: line.lang ?? "vi", section: line.section,
                publishedAt: (line.publishedAt ?? source.publishedAt).flatMap(date), title: source.title,
                body: source.body, extent: line.extent, from: line.from, events: events)
        }
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

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "no \"\(key.stringValue)\"" + at(context)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            context.debugDescription + at(context)
        default: "\(error)"
        }
    }

    private static func at(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "" : " at \(path)"
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

/// A gold line as written. Events give `mentions`, or (the older single-mention form) `trigger`,
/// `field`, `start` and `end`.
private struct GoldLine: Decodable {
    var id: String
    var lang: String?
    var section: String?
    var publishedAt: String?
    var title: String?
    var body: String?
    var from: Int?
    var extent: Int?
    var events: [GoldLineEvent]

    enum CodingKeys: String, CodingKey {
        case id, lang, section, title, body, from, extent, events
        case publishedAt = "published_at"
    }
}

private struct GoldLineMention: Decodable {
    var text: String
    var field: String?
    var start: Int
    var end: Int
}

private struct GoldLineEvent: Decodable {
    var type: String
    var mode: String?
    var mentions: [GoldLineMention]?
    var trigger: String?
    var field: String?
    var start: Int?
    var end: Int?
    var actors: Strings?
    var recipients: Strings?
    var location: String?
    var dateText: String?
    var date: String?
    var killed: Int?
    var injured: Int?
    var modality: String?
    var attribution: String?

    enum CodingKeys: String, CodingKey {
        case type, mode, mentions, trigger, field, start, end, actors, recipients, location, date, killed
        case injured, modality, attribution
        case dateText = "date_text"
    }

    func event(title: String?, body: String, fail: (String) -> EventGoldError) throws -> EventGoldEvent {
        // A misspelt type would otherwise be learnt and scored as "no event", silently.
        guard PloverTypes.all.contains(type) else {
            throw fail("type \"\(type)\" is not a PLOVER type (\(PloverTypes.all.joined(separator: ", ")))")
        }
        if let modality, Modality(rawValue: modality) == nil {
            throw fail("modality \"\(modality)\" is not one of \(Modality.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var written = mentions ?? []
        if written.isEmpty, let trigger, let start, let end {
            written = [GoldLineMention(text: trigger, field: field, start: start, end: end)]
        }
        guard !written.isEmpty else { throw fail("a \(type) event has no mentions (nor trigger, start, end)") }
        let spans = try written.map { m -> Span in
            guard let field = TextField(rawValue: m.field ?? "body") else { throw fail("field \"\(m.field!)\"") }
            let scalars = Array((field == .title ? title ?? "" : body).unicodeScalars)
            guard m.start >= 0, m.end <= scalars.count, m.start < m.end,
                String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text
            else { throw fail("mention \"\(m.text)\" is not at \(field.rawValue)[\(m.start)..<\(m.end)]") }
            return Span(field: field, start: m.start, end: m.end, text: m.text)
        }
        return EventGoldEvent(
            type: type, mode: mode, mentions: spans, actors: actors?.values ?? [], recipients: recipients?.values ?? [],
            location: location, dateText: dateText, date: date, killed: killed, injured: injured,
            modality: modality ?? "asserted", attribution: attribution)
    }
}

/// One string or a list of them.
private struct Strings: Decodable {
    var values: [String]
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            values = list
        } else {
            values = [try container.decode(String.self)]
        }
    }
}

/// The part of a corpus line the gold needs.
private struct CorpusLine: Decodable {
    var id: String
    var title: String?
    var body: String
    var publishedAt: String?

    init(id: String, title: String?, body: String) {
        self.id = id
        self.title = title
        self.body = body
    }

    enum CodingKeys: String, CodingKey {
        case id, title, body
        case publishedAt = "published_at"
    }
}
