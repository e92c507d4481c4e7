import ArgumentParser
import Foundation
import LedeHTTP
import LedePostgres
import LedeService
import LedeStore
import Logging
import Prometheus
import ServiceLifecycle
import Synchronization

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs the service: ZeroMQ ingest, extraction workers, SQLite, PUB and the API.",
        discussion: "Defaults are embedded; --config FILE (JSON), then LEDE_* environment variables, then flags override them. Every setting exists in every layer: the key in the file, LEDE_ and the key in capitals as a variable, the key with dashes as a flag.")

    @OptionGroup var settings: ServeFlags
    @Option(help: "JSON configuration file (Deploy/lede.example.json).") var config: String?
    @Flag(name: .customLong("print-config"), help: "Print the configuration the layers resolve to, as JSON, and exit.") var printConfig = false

    func run() async throws {
        let configuration: ServiceConfiguration
        do {
            let reader = try await ServeConfigurationReader(
                flags: settings.values, environment: ProcessInfo.processInfo.environment, filePath: config)
            let resolved = try reader.read()
            configuration = try resolved.resolved()
            if printConfig {
                print(resolved.json)
                return
            }
        } catch let error as ServeConfigurationReader.Failure {
            throw ValidationError(error.description)
        }

        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        if configuration.logFormat == "json" {
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let logger = Logger(label: "lede")
        let extractor = try loadExtractor()
        warnAboutOpenSockets(configuration, logger)
        let registry = PrometheusCollectorRegistry()
        let server: LedeServer
        do {
            server = try LedeServer(
                configuration: configuration, logger: logger, metrics: HTTPSide.metrics(registry: registry), store: try sharedStore(configuration, logger))
        } catch {
            throw CLIError("cannot open the database: \(error)")
        }
        let readyLine = ReadyLine(waitsForHTTP: configuration.http != nil)
        let service = LedeService(server: server, extractor: extractor) { readyLine.set(endpoints: $0) }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: service)]
        if let http = configuration.http, let colon = http.lastIndex(of: ":"), let port = Int(http[http.index(after: colon)...]) {
            services.append(.init(service: HTTPSide(
                server: server, registry: registry, host: String(http[..<colon]), port: port, logger: logger,
                onStart: { readyLine.set(http: $0) })))
        }
        var groupConfiguration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // The group owns the bound on a graceful stop: past it, the service's drain is cancelled and
        // the command fails in one line; a service that ignored cancellation would be stopped hard.
        groupConfiguration.maximumGracefulShutdownDuration = .milliseconds(Int64(configuration.shutdownTimeout * 1000))
        groupConfiguration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        do {
            try await group.run()
        } catch {
            throw CLIError("\(error)")
        }
    }
}

/// A node's PostgreSQL store when `db` is a `postgres://` URL (nil: the SQLite file). Unreachable at
/// start, it waits: the node is not ready and refuses `submit` until the database answers.
///
/// The node's name marks the results it commits and keeps its outbox mark apart from other nodes':
/// the host and the API endpoint, the same across restarts of a node configured with fixed ports, and
/// different for nodes that share a host.
func sharedStore(_ configuration: ServiceConfiguration, _ logger: Logger) throws -> (any ResultStore)? {
    guard PostgresURL.isPostgres(configuration.databasePath) else { return nil }
    let url = try PostgresURL(configuration.databasePath)
    return try PostgresStore(url: url, node: "\(ProcessInfo.processInfo.hostName) \(configuration.api)", logger: logger, waitingOutFaults: true)
}

/// The one JSON line `lede serve` prints on stdout once every socket and the HTTP port are bound, so
/// scripts and tests learn the real ports.
final class ReadyLine: Sendable {
    private let state: Mutex<(endpoints: BoundEndpoints?, http: String?, printed: Bool)>
    private let waitsForHTTP: Bool

    init(waitsForHTTP: Bool) {
        self.waitsForHTTP = waitsForHTTP
        state = Mutex((nil, nil, false))
    }

    func set(endpoints: BoundEndpoints) { update { $0.endpoints = endpoints } }
    func set(http: String) { update { $0.http = http } }

    private func update(_ change: (inout (endpoints: BoundEndpoints?, http: String?, printed: Bool)) -> Void) {
        let line = state.withLock { s -> String? in
            change(&s)
            guard !s.printed, let e = s.endpoints, s.http != nil || !waitsForHTTP else { return nil }
            s.printed = true
            var line = "{\"ready\":true,\"publish\":\"\(e.publish)\",\"api\":\"\(e.api)\""
            if let sub = e.ingestSub { line += ",\"ingest_sub\":\"\(sub)\"" }
            if let pull = e.ingestPull { line += ",\"ingest_pull\":\"\(pull)\"" }
            if let http = s.http { line += ",\"http\":\"\(http)\"" }
            return line + "}\n"
        }
        if let line {
            FileHandle.standardOutput.write(Data(line.utf8))
            SystemdNotify.send("READY=1")
        }
    }
}

/// A socket bound beyond loopback without CURVE takes articles and serves results to anyone who can
/// reach the host: said once at start.
func warnAboutOpenSockets(_ c: ServiceConfiguration, _ logger: Logger) {
    guard c.security == nil else { return }
    let open = [c.ingestSub, c.ingestPull, c.publish, c.api].compactMap { $0 }.filter { endpoint in
        endpoint.hasPrefix("tcp://") && !endpoint.hasPrefix("tcp://127.") && !endpoint.hasPrefix("tcp://localhost:")
            && !endpoint.hasPrefix("tcp://[::1]:")
    }
    if !open.isEmpty {
        logger.warning("sockets bound beyond loopback without CURVE: anyone who reaches this host can push and read; see lede keygen", metadata: [
            "endpoints": "\(open.joined(separator: " "))",
        ])
    }
}
