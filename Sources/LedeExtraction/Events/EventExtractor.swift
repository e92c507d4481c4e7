// PROVISIONAL: the events helper replaces this with lexicons, arguments, modality and attribution.

/// Finds PLOVER events in analysed text, given its mentions and entities.
public struct EventExtractor: Sendable {
    public init() {}

    public func extract(
        _ text: AnalyzedText, mentions: [Mention], entities: [Entity], lang: String,
        publishedAt: PublicationDate?
    ) -> [Event] { [] }
}
