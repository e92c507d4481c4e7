import ArgumentParser

struct Push: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "push", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("lede push is not built yet") }
}
