import ArgumentParser

struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("lede replay is not built yet") }
}
