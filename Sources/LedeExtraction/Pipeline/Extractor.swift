import LedeModel
/// The extraction pipeline: language, analysis, tagging, rules, linking, topic, events. Load once,
/// share between workers: it holds only immutable models.
public struct Extractor: Sendable {
    /// Bumped whenever a change alters results, so stored results can be told apart and re-derived.
    public static let version = ExtractionResult.currentExtractor

    private let taggers: [String: EntityTagger]
    private let eventModels: [String: EventModel]
    private let linker = EntityLinker()
    private let learntNames: LearntNames
    private let events = EventExtractor()

    /// Loads the shipped models; a model that is missing or unreadable is an error, so that a badly
    /// built package stops at start instead of serving empty results.
    public init() throws {
        try ResourceFiles.checkRequired()
        var taggers: [String: EntityTagger] = [:]
        var models: [String: EventModel] = [:]
        for lang in Extractor.supportedLanguages.sorted() {
            taggers[lang] = try EntityTagger.shipped(lang: lang)
            models[lang] = try EventModel.shipped(lang: lang)
        }
        self.init(taggers: taggers, eventModels: models, learntNames: try LearntNames.shipped())
    }

    init(taggers: [String: EntityTagger], eventModels: [String: EventModel], learntNames: LearntNames) {
        self.taggers = taggers
        self.eventModels = eventModels
        self.learntNames = learntNames
    }

    /// The shipped taggers alone, without event models or learnt names: what
    /// `LearntNames.derive` reads names with (it must not need the lists it derives).
    public static func namesOnly() throws -> Extractor {
        try ResourceFiles.checkRequired(except: Set(supportedLanguages.map(LearntNames.path)))
        var taggers: [String: EntityTagger] = [:]
        for lang in Extractor.supportedLanguages.sorted() { taggers[lang] = try EntityTagger.shipped(lang: lang) }
        return Extractor(taggers: taggers, eventModels: [:], learntNames: .none)
    }

    /// The same extractor with other event decision thresholds (for tuning them on dev).
    public func withEventThresholds(
        _ threshold: Float?, offTopic: Float?, lexiconFloor: Float? = nil, roleThreshold: Float? = nil
    ) -> Extractor {
        Extractor(taggers: taggers, eventModels: eventModels.mapValues {
            $0.with(threshold: threshold, offTopicThreshold: offTopic, lexiconFloor: lexiconFloor, roleThreshold: roleThreshold)
        }, learntNames: learntNames)
    }

    /// The same extractor with another entity tagger for the tagger's language (to measure a model
    /// trained on other data, such as a split that holds documents out).
    public func withTagger(_ tagger: EntityTagger) -> Extractor {
        var taggers = self.taggers
        taggers[tagger.lang] = tagger
        return Extractor(taggers: taggers, eventModels: eventModels, learntNames: learntNames)
    }

    /// The same extractor with another event model for the model's language (to measure a model
    /// trained on other articles, such as the folds of a cross-validation).
    public func withEventModel(_ model: EventModel) -> Extractor {
        var models = eventModels
        models[model.lang] = model
        return Extractor(taggers: taggers, eventModels: models, learntNames: learntNames)
    }

    /// The same extractor with other learnt names (none: to derive them afresh, or to
    /// measure what they add).
    public func withLearntNames(_ names: LearntNames) -> Extractor {
        Extractor(taggers: taggers, eventModels: eventModels, learntNames: names)
    }

    /// Languages this extractor has models for.
    public static let supportedLanguages: Set<String> = ["vi", "en"]

    /// What event extraction starts from: the article's fields as words, its mentions and entities.
    struct Analysis {
        var lang: String
        var fields: [AnalyzedText]
        var mentions: [Mention]
        var entities: [Entity]
    }

    /// The article's title (when it has one) and body, analysed.
    static func fields(of article: Article) -> [AnalyzedText] {
        var fields: [AnalyzedText] = []
        if let title = article.title, !title.isEmpty { fields.append(TextAnalyzer.analyze(title, field: .title)) }
        fields.append(TextAnalyzer.analyze(article.body, field: .body))
        return fields
    }

    func analyze(_ article: Article) -> Analysis {
        var (lang, fields, mentions) = names(of: article)
        mentions = NameCues.retyped(mentions, fields: fields, lang: lang, learnt: learntNames)
        let aliases = BracketedAliases.find(in: mentions, fields: fields)
        if !aliases.isEmpty {
            for (alias, name) in aliases {
                let text = mentions[alias].span.text
                for i in mentions.indices where mentions[i].type.isName && mentions[i].span.text == text {
                    mentions[i].type = mentions[name].type
                }
            }
        }
        let entities = linker.link(&mentions, lang: lang, publishedAt: article.publishedAt, aliases: aliases)
        return Analysis(lang: lang, fields: fields, mentions: mentions, entities: entities)
    }

    /// The article's language, fields and mentions as the tagger, the value rules and the article-wide
    /// span and type steps leave them, before the cues around names are read.
    func names(of article: Article) -> (lang: String, fields: [AnalyzedText], mentions: [Mention]) {
        let lang = article.lang ?? LanguageIdentifier.identify((article.title ?? "") + "\n" + article.body)
        let fields = Extractor.fields(of: article)

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
        // Spans as the data sets draw them (titles and possessives off, two names joined by a possessive
        // apart, a maker and its model code together, a number after a name), then readings of whole names
        // (an age-group team, a nationality), then one type for one name in the article.
        mentions = NameSpans.trimmed(mentions, lang: lang)
        mentions = PossessiveNames.split(mentions, lang: lang)
        mentions = ProductModels.joined(mentions, fields: fields)
        mentions = NumberedNames.joined(mentions, fields: fields)
        mentions = AgeGroupTeams.joined(mentions, fields: fields, lang: lang)
        mentions = Nationalities.joined(mentions, fields: fields, lang: lang)
        return (lang, fields, ArticleTypes.unified(mentions))
    }

    /// What the cues around this article's names say they are (for `LearntNames.derive`).
    func nameEvidence(_ article: Article) -> NameCues.Evidence {
        let (lang, fields, mentions) = names(of: article)
        return NameCues.evidence(mentions, fields: fields, lang: lang)
    }

    public func extract(_ article: Article) -> ExtractionResult {
        let analysis = analyze(article)
        var result = ExtractionResult(lang: analysis.lang, mentions: analysis.mentions, entities: analysis.entities)
        // Events only where a model was trained: in other languages the lexicons alone were wrong more
        // often than right.
        guard let model = eventModels[analysis.lang] else { return result }
        let texts = analysis.fields.map(EventText.init)
        let topic = model.topic(of: texts)
        result.topic = topic
        let telling = EventModel.telling(topic, of: texts)
        for text in texts {
            let inField = analysis.mentions.filter { $0.span.field == text.field }
            result.events += events.extract(
                text, topic: telling, mentions: inField, entities: analysis.entities, lang: analysis.lang,
                publishedAt: article.publishedAt, model: model, clusters: taggers[analysis.lang]?.features.clusters ?? .empty)
        }
        // The same event told in the title and again in the body is one event.
        if texts.count > 1 { result.events = EventExtractor.deduplicate(result.events) }
        EventLocations.place(&result.events, entities: result.entities, mentions: result.mentions)
        return result
    }
}
