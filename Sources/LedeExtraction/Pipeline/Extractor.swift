/// The extraction pipeline: language, analysis, tagging, rules, linking, events. Load once, share
/// between workers: it holds only immutable models.
public struct Extractor: Sendable {
    /// Bumped whenever a change alters results, so stored results can be told apart and re-derived.
    public static let version = "lede-0.1.0"

    private let taggers: [String: EntityTagger]
    private let linker: EntityLinker
    private let events: EventExtractor

    public init() {
        var taggers: [String: EntityTagger] = [:]
        for lang in ["vi", "en"] {
            if let tagger = EntityTagger.shipped(lang: lang) { taggers[lang] = tagger }
        }
        self.taggers = taggers
        self.linker = EntityLinker()
        self.events = EventExtractor()
    }

    /// Languages this extractor has models for.
    public static let supportedLanguages: Set<String> = ["vi", "en"]

    public func extract(_ article: Article) -> ExtractionResult {
        let lang = article.lang ?? LanguageIdentifier.identify((article.title ?? "") + "\n" + article.body)
        var fields: [AnalyzedText] = []
        if let title = article.title, !title.isEmpty { fields.append(TextAnalyzer.analyze(title, field: .title)) }
        fields.append(TextAnalyzer.analyze(article.body, field: .body))

        var mentions: [Mention] = []
        for text in fields {
            let values = ValueRules.find(in: text, lang: lang, publishedAt: article.publishedAt)
            if let tagger = taggers[lang] {
                mentions += linker.merge(names: tagger.tag(text), values: values)
            } else {
                // No trained model for this language: gazetteer names (countries, cities, provinces,
                // organisations) stand in. With a model they cost a little F1 (measured), so not then.
                mentions += linker.merge(names: [], values: values, in: text, lang: lang)
            }
        }
        let entities = linker.link(&mentions, lang: lang)
        var found: [Event] = []
        for text in fields {
            let inField = mentions.filter { $0.span.field == text.field }
            found += events.extract(
                text, mentions: inField, entities: entities, lang: lang, publishedAt: article.publishedAt)
        }
        // The same event told in the title and again in the body is one event.
        if fields.count > 1 { found = EventExtractor.deduplicate(found) }
        return ExtractionResult(lang: lang, mentions: mentions, entities: entities, events: found)
    }
}
