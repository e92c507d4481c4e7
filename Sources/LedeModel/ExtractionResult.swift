/// Everything extraction found in one article.
public struct ExtractionResult: Sendable, Hashable {
    /// The extractor version of this release, bumped whenever a change alters results, so stored
    /// results can be told apart and re-derived.
    public static let currentExtractor = "lede-0.3.1"

    /// The language used for extraction: the article's own, or the identified one.
    public var lang: String
    public var mentions: [Mention]
    public var entities: [Entity]
    public var events: [Event]
    /// What the article is about, when the language has an event model.
    public var topic: Topic?
    public var extractorVersion: String

    public init(
        lang: String, mentions: [Mention] = [], entities: [Entity] = [], events: [Event] = [],
        topic: Topic? = nil, extractorVersion: String = ExtractionResult.currentExtractor
    ) {
        self.lang = lang
        self.mentions = mentions
        self.entities = entities
        self.events = events
        self.topic = topic
        self.extractorVersion = extractorVersion
    }
}
