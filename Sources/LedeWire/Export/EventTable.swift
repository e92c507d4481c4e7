/// `lede export`'s table: one row per event of a stored result, with the columns `Protocols/README.md`
/// documents. Values come from the result's JSON as stored (so any stored result exports, whichever
/// release wrote it); what an event lacks is an empty field.
public enum EventTable {
    public static let columns = [
        "seq", "article_id", "revision", "url", "published_at", "date", "type", "mode", "context", "cameo", "quad_class",
        "goldstein", "actors", "actor_codes", "recipients", "recipient_codes", "location", "country", "geonames_id",
        "latitude", "longitude", "admin1", "location_precision", "killed", "injured", "arrested", "modality", "attribution", "confidence", "trigger",
    ]

    /// Columns that are numbers: JSON lines write them as numbers (empty ones as null).
    public static let numericColumns: Set<String> = [
        "seq", "revision", "quad_class", "goldstein", "geonames_id", "latitude", "longitude", "killed", "injured", "arrested",
        "confidence",
    ]

    /// Several actors or recipients share a field, joined by this.
    public static let listSeparator = "; "

    /// The rows of one stored result, in event order.
    public static func rows(result: JSONValue) -> [[String]] {
        guard let events = result["events"]?.arrayValue, !events.isEmpty else { return [] }
        let entities = result["entities"]?.arrayValue ?? []
        let article = result["article"]
        let common = [
            text(result["seq"]), text(result["article_id"]), text(result["revision"] ?? .number("1")), text(article?["url"]),
            text(article?["published_at"]),
        ]
        return events.map { event in
            let actors = event["actors"]?.arrayValue ?? []
            let recipients = event["recipients"]?.arrayValue ?? []
            let location = event["location"].flatMap { $0.isNull ? nil : $0 }
            // A place's coordinates sit on the argument or on the entity it names.
            let place = location?["entity"]?.intValue.flatMap { i in entities.first { $0["id"]?.intValue == i } }
            func placeField(_ key: String) -> String { text(location?[key] ?? place?[key]) }
            var row = common
            row += [
                text(event["date"]?["value"]), text(event["type"]), text(event["mode"]), text(event["context"]), text(event["cameo"]),
                text(event["quad_class"]), text(event["goldstein"]),
                actors.map(name).joined(separator: listSeparator), actors.map { text($0["cameo"]) }.joined(separator: listSeparator),
                recipients.map(name).joined(separator: listSeparator), recipients.map { text($0["cameo"]) }.joined(separator: listSeparator),
                location.map(name) ?? "", placeField("country"), placeField("geonames_id"), placeField("latitude"), placeField("longitude"),
                placeField("admin1"), placeField("precision"),
                text(event["killed"]), text(event["injured"]), text(event["arrested"]), text(event["modality"]),
                event["attribution"].map { $0.isNull ? "" : name($0) } ?? "", text(event["confidence"]), text(event["trigger"]?["text"]),
            ]
            return row
        }
    }

    /// An argument's canonical name, or its text where it names no entity.
    static func name(_ argument: JSONValue) -> String { text(argument["name"] ?? argument["text"]) }

    /// A scalar as text: strings as they are, numbers as written, booleans, nothing for null or absent.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s)?: s
        case .number(let literal)?: literal
        case .bool(let b)?: b ? "true" : "false"
        default: ""
        }
    }
}

/// Writes rows as CSV (RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes
/// doubled; lines end in CRLF as the RFC asks) or TSV (IANA text/tab-separated-values, which has no
/// quoting: a tab or line break inside a field becomes a space). Text is UTF-8 as is, so Vietnamese
/// needs nothing special. CSV.swift (in the package mirror) writes one scalar at a time through an
/// OutputStream and leaves the last line without its line end; this appends each field's UTF-8 bytes
/// to a buffer the caller flushes.
public struct DelimitedWriter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, tsv
    }

    public let format: Format
    public var bytes: [UInt8] = []

    public init(format: Format) {
        self.format = format
        bytes.reserveCapacity(1 << 16)
    }

    public mutating func row(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")) }
            switch format {
            case .csv: csvField(field)
            case .tsv: bytes += field.utf8.map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? UInt8(ascii: " ") : $0 }
            }
        }
        if format == .csv { bytes.append(0x0D) }
        bytes.append(0x0A)
    }

    private mutating func csvField(_ field: String) {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            bytes += utf8
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
