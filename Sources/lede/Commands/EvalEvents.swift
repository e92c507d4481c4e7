import ArgumentParser

// Owned by the events work: replace with the real evaluation.
struct EvalEvents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Event trigger/type P/R/F1 and argument accuracy against a gold file.")
    @Option(help: "Gold events JSON-lines file.") var gold: String
    func run() async throws { throw ValidationError("lede eval events is not built yet") }
}
