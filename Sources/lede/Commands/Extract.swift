import ArgumentParser

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("lede extract is not built yet") }
}
