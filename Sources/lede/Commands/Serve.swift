import ArgumentParser
import Foundation
import LedeService
import Logging
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs the service: ZeroMQ ingest, extraction workers, SQLite, PUB and the API.",
        discussion: "Defaults are embedded; --config FILE (JSON), then LEDE_* environment variables, then flags override them. See Deploy/lede.example.json.")

    @Option(help: "SQLite database file (default ./lede.sqlite; LEDE_DB).") var db: String?
    @Option(name: .customLong("ingest-sub"), help: "SUB endpoint to bind, or 'none' (default tcp://*:5556; LEDE_INGEST_SUB).") var ingestSub: String?
    @Option(name: .customLong("ingest-pull"), help: "PULL endpoint to bind, or 'none' (default tcp://*:5557; LEDE_INGEST_PULL).") var ingestPull: String?
    @Option(help: "PUB endpoint to bind (default tcp://*:5558; LEDE_PUBLISH).") var publish: String?
    @Option(help: "API ROUTER endpoint to bind (default tcp://*:5559; LEDE_API).") var api: String?
    @Option(help: "Extraction workers (default one per core; LEDE_WORKERS).") var workers: Int?
    @Option(help: "JSON configuration file.") var config: String?

    func run() async throws {
        var configuration = ServiceConfiguration()
        do {
            if let config { try ConfigurationFile.apply(path: config, to: &configuration) }
            try ConfigurationFile.applyEnvironment(ProcessInfo.processInfo.environment, to: &configuration)
        } catch let error as ConfigurationFile.Failure {
            throw ValidationError(error.description)
        }
        if let db { configuration.databasePath = db }
        if let ingestSub { configuration.ingestSub = ingestSub == "none" ? nil : ingestSub }
        if let ingestPull { configuration.ingestPull = ingestPull == "none" ? nil : ingestPull }
        if let publish { configuration.publish = publish }
        if let api { configuration.api = api }
        if let workers {
            guard workers > 0 else { throw ValidationError("--workers must be at least 1") }
            configuration.workers = workers
        }

        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "lede")
        let extractor = try loadExtractor()
        let server: LedeServer
        do {
            server = try LedeServer(configuration: configuration, logger: logger)
        } catch {
            throw CLIError("cannot open the database: \(error)")
        }
        let service = LedeService(server: server, extractor: extractor) { endpoints in
            // One JSON line on stdout, so scripts and tests learn the real ports.
            var line = "{\"ready\":true,\"publish\":\"\(endpoints.publish)\",\"api\":\"\(endpoints.api)\""
            if let sub = endpoints.ingestSub { line += ",\"ingest_sub\":\"\(sub)\"" }
            if let pull = endpoints.ingestPull { line += ",\"ingest_pull\":\"\(pull)\"" }
            FileHandle.standardOutput.write(Data((line + "}\n").utf8))
        }
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
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
