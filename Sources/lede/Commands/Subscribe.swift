import ArgumentParser

struct Subscribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "subscribe", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("lede subscribe is not built yet") }
}
