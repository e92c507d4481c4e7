import ArgumentParser

// Owned by the tagger work: replace with the real evaluation.
struct EvalNER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ner", abstract: "Entity P/R/F1 per type against a gold JSON-lines file.")
    @Option(help: "Gold file in the shape of shared/data/ner.") var gold: String
    func run() async throws { throw ValidationError("lede eval ner is not built yet") }
}
