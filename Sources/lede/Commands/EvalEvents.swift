import ArgumentParser
import Foundation
import LedeEvaluation
import LedeExtraction
import LedeModel

struct EvalEvents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Event trigger/type P/R/F1 and argument accuracy against a gold file.",
        discussion: """
            Gold is JSON lines: {"id", "lang"?, "section"?, "published_at"?, "title"?, "body"?, "events": [{"type", \
            "mentions": [{"text", "field", "start", "end"}], "actors", "recipients", "location", "date_text", "date", \
            "killed", "injured", "modality", "attribution"}]} (Gold/README.md). Lines without "body" take title, body \
            and published_at from the --corpus files by id. Each article runs through the whole extractor.
            """
    )

    @Option(help: "Gold events JSON-lines file.") var gold: String
    @Option(help: "Corpus JSON lines (id, title, body, published_at) for gold lines without a body; repeatable.")
    var corpus: [String] = []
    @Flag(help: "List every missed, extra and mis-typed event and every wrong argument.") var verbose = false
    @Option(help: "Decide events with this threshold instead of the model's (tuning on dev).") var threshold: Float?
    @Option(help: "The same for articles of off-topic sections.") var offTopicThreshold: Float?
    @Option(help: "The same for specific lexicon triggers with a named participant.") var lexiconFloor: Float?
    @Option(help: "Decide actors and recipients with this role threshold instead of the model's.") var roleThreshold: Float?
    @Option(help: "An event model from lede train events to measure instead of the shipped one of its language.") var model: String?

    func validate() throws {
        for (flag, value) in [("--threshold", threshold), ("--off-topic-threshold", offTopicThreshold), ("--lexicon-floor", lexiconFloor),
                              ("--role-threshold", roleThreshold)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(flag) is a probability, between 0 and 1; got \(value)") }
        }
    }

    func run() async throws {
        let articles: [EventGoldArticle]
        do {
            articles = try EventGold.read(path: gold, corpora: corpus)
        } catch {
            FileHandle.standardError.write(Data("lede eval events: \(error)\n".utf8))
            throw ExitCode(1)
        }
        var shipped = try loadExtractor()
        if let model {
            guard let data = FileManager.default.contents(atPath: model) else { throw CLIError("cannot read \(model)") }
            let decoded: EventModel
            do { decoded = try EventModel.decode(data) } catch { throw CLIError("\(model): \(error)") }
            // A model of another language would leave the shipped one measuring the gold.
            guard articles.contains(where: { $0.lang == decoded.lang }) else {
                throw CLIError("\(model) is a \(decoded.lang) event model; the gold has no \(decoded.lang) article")
            }
            shipped = shipped.withEventModel(decoded)
        }
        let extractor = shipped.withEventThresholds(
            threshold, offTopic: offTopicThreshold, lexiconFloor: lexiconFloor, roleThreshold: roleThreshold)
        let report = EventEvaluation.run(articles, extractor: extractor)
        print(report.formatted(verbose: verbose))
    }
}
