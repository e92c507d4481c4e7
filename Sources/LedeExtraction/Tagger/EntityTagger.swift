// PROVISIONAL: the tagger helper replaces this with the trained averaged-perceptron tagger.

/// Finds PER, LOC, ORG and MISC mentions in analysed text.
public struct EntityTagger: Sendable {
    public let lang: String

    /// The tagger shipped in the package's resources for a language, or nil when there is none.
    public static func shipped(lang: String) -> EntityTagger? { nil }

    public func tag(_ text: AnalyzedText) -> [Mention] { [] }
}
