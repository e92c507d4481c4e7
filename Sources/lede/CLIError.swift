import ArgumentParser

/// A runtime failure: one clear line on stderr, exit code 1 (usage errors exit 2 through
/// ArgumentParser's ValidationError).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension CLIError {
    static func exit(_ message: String) -> ExitCode {
        FileHandleOutput.stderr("lede: " + message)
        return ExitCode(1)
    }
}
