import Foundation
import XCTest

/// Where `swift build` put the products (the `lede` executable sits beside the test bundle).
var productsDirectory: URL {
    let candidates = [
        Bundle(for: ChildLede.self).bundleURL,
        Bundle(for: ChildLede.self).bundleURL.deletingLastPathComponent(),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("lede").path) } ?? candidates[0]
}

/// A `lede serve` (or `lede proxy`) child process on ephemeral loopback ports, for tests that send it
/// signals or need a node of their own.
final class ChildLede {
    let process = Process()
    /// Signalled when the child exits, so a test waits for the exit itself, not for a while.
    private let exited = DispatchSemaphore(value: 0)
    let stdout = Pipe()
    let stderr = Pipe()
    /// The ready line's string values, and its lists of strings (`lede proxy`'s endpoints).
    var ready: [String: String] = [:]
    var readyLists: [String: [String]] = [:]
    private var exitedOnce = false

    /// `user`: runs the child as that uid and gid (through `setpriv`), for what only an unprivileged
    /// process meets, such as a file it may not write.
    convenience init(database: String, extraArguments: [String] = [], user: (uid: UInt32, gid: UInt32)? = nil, environment: [String: String] = [:]) throws {
        let arguments = ["serve", "--db", database, "--ingest-sub", "none", "--ingest-pull", "tcp://127.0.0.1:*",
                         "--publish", "tcp://127.0.0.1:*", "--api", "tcp://127.0.0.1:*", "--http", "127.0.0.1:0",
                         "--workers", "2"] + extraArguments
        try self.init(arguments: arguments, user: user, environment: environment)
    }

    /// Runs `lede` with `arguments` and waits for its ready line (the first line on stdout).
    /// `namespace`: runs it in that network namespace, through `ip netns exec` (which execs `lede`
    /// itself, so the child's pid is the node's and a signal reaches the node).
    init(arguments: [String], user: (uid: UInt32, gid: UInt32)? = nil, environment: [String: String] = [:], namespace: String? = nil) throws {
        let lede = productsDirectory.appendingPathComponent("lede")
        if let namespace {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
            process.arguments = ["netns", "exec", namespace, lede.path] + arguments
        } else if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", lede.path] + arguments
        } else {
            process.executableURL = lede
            process.arguments = arguments
        }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // The first stdout line is the ready JSON with the real endpoints.
        var line = Data()
        let handle = stdout.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { throw XCTSkip("lede \(arguments.first ?? "") exited before it was ready: \(String(decoding: self.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))") }
            if byte == Data([0x0A]) { break }
            line += byte
        }
        let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] ?? [:]
        for (k, v) in object {
            if let s = v as? String { ready[k] = s }
            if let list = v as? [String] { readyLists[k] = list }
        }
    }

    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// Everything the child wrote on stderr, once it has exited.
    var errorOutput: String { String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }

    /// Waits for the exit; returns the status, or nil on timeout (the child is then killed).
    func waitForExit(timeout: TimeInterval) -> Int32? {
        // Already waited for (the exit signal is taken once): the status stands.
        if !process.isRunning, exitedOnce { return process.terminationStatus }
        defer { exitedOnce = !process.isRunning }
        guard exited.wait(timeout: .now() + timeout) == .success else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// What a program run by a test did.
struct LedeRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

/// Runs a program from the repository's root and waits for it.
func runProgram(_ path: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> LedeRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return LedeRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the built `lede` with `arguments` from the repository's root and waits for it.
func runLedeCommand(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> LedeRun {
    try runProgram(productsDirectory.appendingPathComponent("lede").path, arguments, stdin: stdin, environment: environment)
}

/// Runs one of the Python clients in `python/` (an outside service's view) and waits for it.
func runPythonClient(_ script: String, _ arguments: [String]) throws -> LedeRun {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("python/\(script)").path
    return try runProgram("/usr/bin/env", ["python3", path] + arguments)
}
