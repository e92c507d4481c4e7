/// Whether an event is reported as having happened.
public enum Modality: String, Sendable, Hashable, CaseIterable {
    case asserted, negated, future, hypothetical, historical
}

/// An entity taking part in an event, traced to the words that name it.
public struct EventArgument: Sendable, Hashable {
    /// Index into `ExtractionResult.entities`, when the argument is a known entity.
    public var entity: Int?
    public var span: Span
    /// CAMEO actor code where known (RUS, SYRGOV, RUSMIL).
    public var cameo: String?
    /// For an event's location: where it is on the map, and (in `precision`) whether the event's
    /// sentence named it or the article's main place stands in.
    public var place: Place?

    public init(entity: Int?, span: Span, cameo: String? = nil, place: Place? = nil) {
        self.entity = entity
        self.span = span
        self.cameo = cameo
        self.place = place
    }
}

/// The date of an event: a value resolved against the publication date, its granularity, and its origin.
public struct EventDate: Sendable, Hashable {
    public enum Granularity: String, Sendable, Hashable { case day, week, month, year }
    public enum Origin: String, Sendable, Hashable {
        /// Read from a date expression in the text.
        case text
        /// No date in the text: the article's publication date stands in.
        case publication
    }

    /// ISO 8601: `2017-12-07`, `2017-12`, `2017`.
    public var value: String
    public var granularity: Granularity
    public var origin: Origin
    /// The date expression it came from, when `origin == .text`.
    public var span: Span?

    public init(value: String, granularity: Granularity, origin: Origin, span: Span? = nil) {
        self.value = value
        self.granularity = granularity
        self.origin = origin
        self.span = span
    }
}

/// A count reported with an event ("tiêu diệt hơn 550 tay súng" → killed, 550, atLeast).
public struct EventCount: Sendable, Hashable {
    public enum Qualifier: String, Sendable, Hashable { case exact, atLeast = "at_least", atMost = "at_most", about }

    /// killed, injured, arrested, displaced, …
    public var kind: String
    public var value: Int
    public var qualifier: Qualifier
    public var span: Span?

    public init(kind: String, value: Int, qualifier: Qualifier = .exact, span: Span? = nil) {
        self.kind = kind
        self.value = value
        self.qualifier = qualifier
        self.span = span
    }
}

/// A PLOVER event with its CAMEO coding, traced to the article's words.
public struct Event: Sendable, Hashable {
    /// PLOVER event type: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE,
    /// REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.
    public var type: String
    public var mode: String?
    public var context: String?
    /// CAMEO event code ("190", "0234").
    public var cameo: String
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public var quadClass: Int
    public var goldstein: Double
    public var trigger: Span
    /// Every place the article tells this same event, the trigger first: one event per real-world
    /// event per article, not one per sentence.
    public var mentions: [Span]
    public var actors: [EventArgument]
    public var recipients: [EventArgument]
    /// The place named in the event's sentence; when the sentence names none, the article's main place
    /// (its `place.precision` is then one of the `article…` values); nil when there is neither.
    public var location: EventArgument?
    public var date: EventDate?
    public var counts: [EventCount]
    public var modality: Modality
    /// Who claims it ("cho biết", "according to").
    public var attribution: EventArgument?
    /// 0…1.
    public var confidence: Double
    /// The sentence the trigger is in.
    public var sentence: Span

    public init(
        type: String, mode: String? = nil, context: String? = nil, cameo: String, quadClass: Int,
        goldstein: Double, trigger: Span, actors: [EventArgument] = [], recipients: [EventArgument] = [],
        location: EventArgument? = nil, date: EventDate? = nil, counts: [EventCount] = [],
        modality: Modality = .asserted, attribution: EventArgument? = nil, confidence: Double,
        sentence: Span
    ) {
        self.type = type
        self.mode = mode
        self.context = context
        self.cameo = cameo
        self.quadClass = quadClass
        self.goldstein = goldstein
        self.trigger = trigger
        self.mentions = [trigger]
        self.actors = actors
        self.recipients = recipients
        self.location = location
        self.date = date
        self.counts = counts
        self.modality = modality
        self.attribution = attribution
        self.confidence = confidence
        self.sentence = sentence
    }
}
