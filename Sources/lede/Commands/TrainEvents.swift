import ArgumentParser
import Foundation
import LedeEvaluation
import LedeExtraction
import LedeModel

struct TrainEvents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Trains the event models of one language (topic and trigger) and writes their model file.",
        discussion: """
            Deterministic: the same files in the same order give the same model. --data are whole-article \
            gold files (Gold/README.md) whose lines are joined with the --corpus files by id; the corpus \
            articles also train the topic model on their sections. Articles of --holdout gold files are kept \
            out of both models.
            """
    )

    @Option(help: "Language code of the model (vi, en).") var lang: String
    @Option(parsing: .upToNextOption, help: "Whole-article event gold files to train on.") var data: [String]
    @Option(parsing: .upToNextOption, help: "JSON-lines news corpora (id, title, body, section or category).")
    var corpus: [String]
    @Option(parsing: .upToNextOption, help: "Gold files (dev, test) whose articles training never sees.")
    var holdout: [String] = []
    @Option(help: "Training passes of the trigger model.") var epochs = 15
    @Option(help: "First learning rate of the trigger model (divided by 1 + epoch).") var rate: Float = 0.2
    @Option(help: "L2 penalty of the trigger model.") var l2: Float = 0.001
    @Option(help: "Weight of an event example against a no-event one.") var positiveWeight: Float = 3
    @Option(help: "Probability of leaving a candidate's own words out of an update.") var identityDropout = 0.5
    @Option(help: "Probability of being an event that a candidate needs.") var threshold: Float = 0.4
    @Option(help: "The same in an article whose topic is off-topic (sport, entertainment, tech, travel, science).") var offTopicThreshold: Float = 0.8
    @Option(help: "Probability a specific lexicon trigger with a named participant needs, outside off-topic articles.")
    var lexiconFloor: Float = 0.1
    @Option(help: "Probability an argument candidate needs to be an event's actor or recipient.") var roleThreshold: Float = 0.3
    @Option(help: "Model file to write.") var out: String

    func validate() throws {
        guard Extractor.supportedLanguages.contains(lang) else {
            throw ValidationError("--lang must be one of \(Extractor.supportedLanguages.sorted().joined(separator: ", ")), got \"\(lang)\"")
        }
        guard !data.isEmpty else { throw ValidationError("give at least one --data file") }
        guard !corpus.isEmpty else { throw ValidationError("give at least one --corpus file") }
        guard epochs > 0 else { throw ValidationError("--epochs must be at least 1") }
        guard (0..<1).contains(identityDropout) else { throw ValidationError("--identity-dropout must be in [0, 1)") }
        guard rate > 0, l2 >= 0, positiveWeight > 0 else {
            throw ValidationError("--rate and --positive-weight must be positive, --l2 not negative")
        }
        guard (0...1).contains(threshold), (0...1).contains(offTopicThreshold), (0...1).contains(lexiconFloor),
              (0...1).contains(roleThreshold) else {
            throw ValidationError("thresholds are probabilities, between 0 and 1")
        }
    }

    func run() async throws {
        var training = EventTraining(lang: lang, data: data, corpus: corpus)
        training.holdout = holdout
        training.settings.triggerTraining.epochs = epochs
        training.settings.triggerTraining.rate = rate
        training.settings.triggerTraining.l2 = l2
        training.settings.triggerTraining.positiveWeight = positiveWeight
        training.settings.triggerTraining.identityDropout = identityDropout
        training.settings.threshold = threshold
        training.settings.offTopicThreshold = offTopicThreshold
        training.settings.lexiconFloor = lexiconFloor
        training.settings.roleThreshold = roleThreshold
        let (model, summary) = try training.run()
        try OutputFile.write(model.encoded(), to: out)
        FileHandleOutput.stderr("""
            topic model: \(summary.topicArticles) articles, sections \(summary.topicLabels.joined(separator: ", "))
            trigger model: \(summary.annotatedArticles) articles, \(summary.annotatedMentions) annotated mentions, \
            \(summary.coveredMentions) of them found by a candidate; \(summary.candidates) candidates, \
            \(summary.positiveCandidates) of them events; \(summary.learnedPhrases) phrases learnt
            role model: \(summary.roleCandidates) argument candidates of annotated triggers, \
            \(summary.actorCandidates) of them actors, \(summary.recipientCandidates) recipients
            wrote \(out)
            """)
    }
}
