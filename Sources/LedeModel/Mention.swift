/// The kinds of mention Lede reports.
public enum MentionType: String, Sendable, Hashable, CaseIterable {
    case person = "PER", location = "LOC", organization = "ORG", miscellaneous = "MISC"
    case date = "DATE", time = "TIME", money = "MONEY", percent = "PERCENT", quantity = "QUANTITY"

    /// Names of things (found by the tagger and gazetteers), as opposed to values found by rules.
    public var isName: Bool {
        switch self {
        case .person, .location, .organization, .miscellaneous: return true
        default: return false
        }
    }
}

/// Which field of the article a span lies in.
public enum TextField: String, Sendable, Hashable {
    case title, body
}

/// A span of an article field. Offsets count Unicode code points (scalars) into the field exactly as
/// received, end exclusive: Python's `body[start:end] == text`.
public struct Span: Sendable, Hashable {
    public var field: TextField
    public var start: Int
    public var end: Int
    public var text: String

    public init(field: TextField, start: Int, end: Int, text: String) {
        self.field = field
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A mention of an entity or value in the text.
public struct Mention: Sendable, Hashable {
    public var type: MentionType
    public var span: Span
    /// Normalised value for DATE, TIME, MONEY, PERCENT and QUANTITY ("2017-12-07", "340000", "5.2").
    public var value: String?
    /// QUANTITY: what is counted or measured, as the text writes it in lower case ("tấn", "công nhân",
    /// "tonnes"), so that "60 năm" and "60 tấn" are told apart; nil when the number stands alone.
    public var unit: String?
    /// Index into `ExtractionResult.entities`, set by entity linking for name mentions.
    public var entity: Int?
    /// Which component found it ("tagger", "rule", "gazetteer").
    public var source: String

    public init(type: MentionType, span: Span, value: String? = nil, unit: String? = nil, entity: Int? = nil, source: String) {
        self.type = type
        self.span = span
        self.value = value
        self.unit = unit
        self.entity = entity
        self.source = source
    }
}

/// One real-world thing named in an article, with every mention of it merged.
public struct Entity: Sendable, Hashable {
    /// Position in `ExtractionResult.entities`.
    public var id: Int
    public var type: MentionType
    /// The canonical name ("Vladimir Putin" for "Putin"; "Liên Hợp Quốc" for "LHQ").
    public var name: String
    /// ISO 3166-1 alpha-2 code of the country it is or belongs to, where known.
    public var country: String?
    public var geonamesID: Int?
    /// CAMEO actor code where known (RUS, SYRGOV, RUSMIL).
    public var cameo: String?
    /// Where a LOC entity is on the map, when the gazetteers place it; its `country` and `geonamesID`
    /// are then the entity's own.
    public var place: Place?

    public init(
        id: Int, type: MentionType, name: String, country: String? = nil, geonamesID: Int? = nil,
        cameo: String? = nil, place: Place? = nil
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.country = country
        self.geonamesID = geonamesID
        self.cameo = cameo
        self.place = place
    }
}
