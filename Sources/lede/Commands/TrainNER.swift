import ArgumentParser

// Owned by the tagger work: replace with real training.
struct TrainNER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ner", abstract: "Trains the entity tagger.")
    @Option var lang: String
    @Option(parsing: .upToNextOption) var data: [String]
    @Option var out: String
    func run() async throws { throw ValidationError("lede train ner is not built yet") }
}
