/// Everything extraction found in one article.
public struct ExtractionResult: Sendable, Hashable {
    /// The language used for extraction: the article's own, or the identified one.
    public var lang: String
    public var mentions: [Mention]
    public var entities: [Entity]
    public var events: [Event]
    public var extractorVersion: String

    public init(
        lang: String, mentions: [Mention] = [], entities: [Entity] = [], events: [Event] = [],
        extractorVersion: String = Extractor.version
    ) {
        self.lang = lang
        self.mentions = mentions
        self.entities = entities
        self.events = events
        self.extractorVersion = extractorVersion
    }
}
