import ArgumentParser

struct Keygen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keygen", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("lede keygen is not built yet") }
}
