import ArgumentParser

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("lede serve is not built yet") }
}
