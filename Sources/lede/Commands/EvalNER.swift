import ArgumentParser
import Foundation
import LedeEvaluation
import LedeExtraction
import LedeModel

struct EvalNER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Entity P/R/F1 per type against a gold JSON-lines file.",
        discussion: """
            Runs the whole extractor on each gold text as an article body in the gold language and compares \
            PER/LOC/ORG/MISC body mentions with the gold entities by exact span and type (conlleval manner). \
            Prints throughput of the run in MB (10^6 bytes of UTF-8) per second on one core.
            """
    )

    @Option(help: "Gold JSON lines: {\"id\", \"lang\", \"text\", \"entities\": [{\"start\", \"end\", \"type\", \"text\"}]}.") var gold: String
    @Flag(help: "Run only text analysis and the tagger, not the whole extractor.") var taggerOnly = false
    @Flag(help: "Print each text's missed (-) and spurious (+) entities to stderr.") var showErrors = false
    @Option(help: "A tagger model from lede train ner to measure instead of the shipped one of its language.") var tagger: String?

    func run() async throws {
        let documents = try NERGold.read(path: gold)
        var extractor = try loadExtractor()
        if let tagger {
            guard let data = FileManager.default.contents(atPath: tagger) else { throw CLIError("cannot read \(tagger)") }
            do { extractor = extractor.withTagger(try EntityTagger(model: data)) } catch { throw CLIError("\(tagger): \(error)") }
        }
        _ = extractor.extract(Article(id: "warm-up", body: "Warm up.", lang: documents.first?.lang ?? "en"))
        let report = NEREvaluation.run(documents, extractor: extractor, taggerOnly: taggerOnly) { line in
            if showErrors { FileHandleOutput.stderr(line) }
        }
        print(report.formatted())
    }
}
