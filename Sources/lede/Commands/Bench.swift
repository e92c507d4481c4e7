import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("lede bench is not built yet") }
}
