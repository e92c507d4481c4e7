import ArgumentParser
import Foundation

@main
struct Lede: AsyncParsableCommand {
    /// Exit codes as the README gives them: 0 success, 1 runtime failure, 2 usage error; errors go to
    /// stderr in one clear line.
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "--version" {
            print(VersionText.make())
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandleOutput.stderr("lede: \(error.description)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            if code == .validationFailure {
                // One line, as every usage error: the usage text is one `--help` away.
                let message = message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "bad usage"
                FileHandleOutput.stderr("lede: \(message) (see lede --help)")
                Foundation.exit(2)
            }
            if error is ExitCode { Foundation.exit(code.rawValue) }
            FileHandleOutput.stderr("lede: \(fullMessage(for: error))")
            Foundation.exit(1)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Turns a stream of news articles into entities and events, stored and replayable.",
        discussion: "lede --version prints the version and the shipped models' versions.",
        subcommands: [
            Serve.self, Push.self, Subscribe.self, ProxyCommand.self, Replay.self, Reprocess.self, Export.self, Backup.self, Prune.self, Health.self, Stats.self, Get.self, Extract.self,
            Eval.self, Train.self, Bench.self, Keygen.self,
        ]
    )
}

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures extraction quality against a gold file.",
        subcommands: [EvalNER.self, EvalEvents.self]
    )
}

struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trains extraction models.",
        subcommands: [TrainNER.self, TrainEvents.self, TrainNames.self]
    )
}
