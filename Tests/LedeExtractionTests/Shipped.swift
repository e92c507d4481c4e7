@testable import LedeExtraction
import LedeModel

/// The shipped models, loaded once for all tests; they are part of the repository, so failing to load
/// them stops the run with the reason.
enum Shipped {
    static let extractor: Extractor = {
        do { return try Extractor() } catch { preconditionFailure("the shipped models load: \(error)") }
    }()

    /// The shipped extractor with every lexicon candidate an event (threshold 0, no learnt phrases):
    /// for tests of the rules that take over once a trigger is decided.
    static let everyCandidate = Extractor(
        taggers: ["vi": tagger("vi"), "en": tagger("en")],
        eventModels: ["vi": lexiconOnly(eventModel("vi")), "en": lexiconOnly(eventModel("en"))],
        learntNames: learntNames)

    static let learntNames: LearntNames = {
        do { return try LearntNames.shipped() } catch { preconditionFailure("the shipped learnt names load: \(error)") }
    }()

    static func lexiconOnly(_ model: EventModel) -> EventModel {
        model.with(threshold: 0, offTopicThreshold: 0, lexiconFloor: 0).with(phrases: [])
    }

    static func eventModel(_ lang: String) -> EventModel {
        do { return try EventModel.shipped(lang: lang) } catch { preconditionFailure("the shipped event model loads: \(error)") }
    }

    static func tagger(_ lang: String) -> EntityTagger {
        do { return try EntityTagger.shipped(lang: lang) } catch { preconditionFailure("the shipped tagger loads: \(error)") }
    }

    /// Events of one text as the body of an article. `everyCandidate` makes every candidate of the
    /// lexicon an event (threshold 0, no learnt phrases), so that a test of the argument, date and
    /// modality rules does not depend on what the trigger model decides; tests of those decisions use
    /// the shipped model as it is.
    static func events(_ text: String, lang: String, mentions: [Mention] = [], entities: [Entity] = [],
                       publishedAt: PublicationDate?, everyCandidate: Bool = true) -> [Event] {
        let model = everyCandidate ? lexiconOnly(eventModel(lang)) : eventModel(lang)
        return EventExtractor().extract(
            TextAnalyzer.analyze(text, field: .body), mentions: mentions, entities: entities, lang: lang,
            publishedAt: publishedAt, model: model, tagger: tagger(lang))
    }
}
