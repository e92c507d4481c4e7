import Foundation
import XCTest

/// A throwaway PostgreSQL server for a test: a cluster made by `initdb` in a temporary folder, started
/// on a free loopback port, with a database per `createDatabase()`; `stop()` shuts it down and removes
/// the folder. PostgreSQL refuses to run as root, so as root (CI, this machine) it runs as the
/// `postgres` user that Debian's package creates (or `nobody`), through `runuser`.
///
/// Without the server binaries (Debian's `postgresql`, which `.ci/run` installs) the test is skipped,
/// saying so.
final class TestPostgres {
    let directory: URL
    let bin: URL
    private(set) var port: Int = 0
    /// The user the server runs as when the tests run as root.
    private let runAs: String?
    static let user = "lede"

    var dataDirectory: String { directory.appendingPathComponent("data").path }

    /// `fsync`: whether the server syncs its log as a real one does; off for tests, which never pull
    /// the plug, on for measurements.
    private let fsync: Bool

    /// Besides loopback, the server listens on this address and takes connections from its subnet
    /// (the bridge of a test whose nodes run in network namespaces of their own).
    let extraListener: (address: String, subnet: String)?

    init(fsync: Bool = false, alsoListeningOn extraListener: (address: String, subnet: String)? = nil) throws {
        self.fsync = fsync
        self.extraListener = extraListener
        guard let bin = Self.serverBinaries() else {
            throw XCTSkip("needs PostgreSQL's server binaries (initdb, pg_ctl, postgres: Debian's postgresql package, which .ci/run installs)")
        }
        self.bin = bin
        runAs = getuid() == 0 ? (Self.userExists("postgres") ? "postgres" : "nobody") : nil
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("lede-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let runAs { try Self.run("/usr/bin/chown", [runAs, directory.path]) }
        // Trust on loopback: a test server, reachable only from this machine, for one test's life.
        try command("initdb", ["-D", dataDirectory, "-A", "trust", "-U", Self.user, "-E", "UTF8", "--no-sync", "--no-instructions"])
        if let extraListener {
            // initdb's "-A trust" covers loopback only; the subnet's hosts are let in the same way.
            let hba = URL(fileURLWithPath: dataDirectory).appendingPathComponent("pg_hba.conf")
            let handle = try FileHandle(forWritingTo: hba)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("host all all \(extraListener.subnet) trust\n".utf8))
            try handle.close()
        }
        try start()
    }

    deinit { stop() }

    /// Starts the server (again) and waits until it takes connections: on a port found free, or the
    /// one it had, so that a test can stop the database and bring it back where its nodes look for it.
    func start() throws {
        let keepPort = port != 0
        var attempts = 0
        while true {
            if !keepPort { port = try Self.freeLoopbackPort() }
            attempts += 1
            do {
                // pg_ctl -w waits until the server accepts connections, at most -t seconds.
                try command("pg_ctl", ["-D", dataDirectory, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "30",
                                       "-o", "-p \(port) -k \(directory.path) -c listen_addresses=\(listenAddresses) -c fsync=\(fsync ? "on" : "off")", "start"])
                return
            } catch {
                // Another process took the port between the probe and the start: try another.
                if keepPort || attempts >= 5 { throw error }
            }
        }
    }

    private var listenAddresses: String { ["127.0.0.1", extraListener?.address].compactMap { $0 }.joined(separator: ",") }

    /// Stops the server at once (as a crash would), keeping its files.
    func halt() throws {
        try command("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"])
    }

    /// A new, empty database; its URL as `lede serve --db` takes it.
    /// `host`: the address the nodes reach the server at (loopback, or the extra listener's).
    func createDatabase(host: String = "127.0.0.1") throws -> String {
        let name = "lede_\(UUID().uuidString.prefix(8).lowercased())"
        try command("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, name])
        return "postgres://\(Self.user)@\(host):\(port)/\(name)"
    }

    private var stopped = false

    func stop() {
        guard !stopped else { return }
        stopped = true
        // Already stopped (a test halted it) is fine: the folder goes all the same.
        _ = try? command("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs one of the server's programs, as the server's user when the tests run as root.
    @discardableResult
    private func command(_ name: String, _ arguments: [String]) throws -> String {
        let program = bin.appendingPathComponent(name).path
        if let runAs { return try Self.run("/usr/sbin/runuser", ["-u", runAs, "--", program] + arguments) }
        return try Self.run(program, arguments)
    }

    /// Runs a program with its output in a file and waits for it with `waitpid`. Not `Process`: the
    /// server `pg_ctl` starts outlives it, and Foundation's `Process` on Linux then never reports the
    /// exit of the program that started it (its `runuser` stays a zombie).
    @discardableResult
    private static func run(_ path: String, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("lede-pg-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestFailure("cannot run \(path): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally (low 7 bits 0) with code 0.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw TestFailure("\(URL(fileURLWithPath: path).lastPathComponent) \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }

    /// Debian's versioned folder (the newest), else the folder of an `initdb` on the PATH.
    static func serverBinaries() -> URL? {
        let fm = FileManager.default
        let debian = (try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?
            .compactMap(Int.init).sorted().last.map { URL(fileURLWithPath: "/usr/lib/postgresql/\($0)/bin") }
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return ([debian].compactMap { $0 } + onPath).first { dir in
            ["initdb", "pg_ctl", "postgres", "createdb"].allSatisfy { fm.isExecutableFile(atPath: dir.appendingPathComponent($0).path) }
        }
    }

    private static func userExists(_ name: String) -> Bool { getpwnam(name) != nil }

    /// A port nothing listens on now: bound to port 0, read back, released. The server binds it next;
    /// should another process win the race, `start` tries another.
    static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw TestFailure("bind: errno \(errno)") }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        guard named == 0 else { throw TestFailure("getsockname: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
