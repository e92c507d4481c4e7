import Foundation
import LedeStore
import LedeWire

/// Everything `lede serve` can be told, with its embedded defaults (the README's configuration table).
public struct ServiceConfiguration: Sendable {
    public var databasePath = "./lede.sqlite"
    /// SUB socket endpoint to bind (nil: none). Producers' PUB sockets connect here.
    public var ingestSub: String? = "tcp://*:5556"
    /// Upstream publishers the SUB socket also connects to.
    public var ingestSubConnect: [String] = []
    /// Topic prefixes the SUB socket subscribes to.
    public var ingestTopics: [String] = ["article"]
    /// PULL socket endpoint to bind (nil: none).
    public var ingestPull: String? = "tcp://*:5557"
    public var publish = "tcp://*:5558"
    public var api = "tcp://*:5559"
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    public var limits = IngestLimits()
    /// Articles waiting for a worker; when full, PULL producers wait and `submit` answers `busy`.
    public var queueDepth = 1024
    /// Most results committed in one transaction.
    public var batchSize = 256
    public var heartbeatInterval: TimeInterval = 1.0
    public var durability: Store.Durability = .full
    /// The database file may not grow past this many bytes (0: no limit but the disk's). Reaching it
    /// holds input as a full disk does, until the limit is raised and the service restarted.
    public var maxDatabaseBytes = 0
    /// How often a thread of its own checkpoints the SQLite WAL (the committer never does).
    public var checkpointInterval: TimeInterval = 0.05
    /// Messages queued per subscriber before PUB drops (subscribers recover by heartbeat + replay).
    public var publishHighWaterMark: Int32 = 100_000
    /// How long a graceful shutdown may take before in-flight work is abandoned (it stays durable:
    /// only acknowledged articles are promised).
    public var shutdownTimeout: TimeInterval = 20
    /// `trace` … `critical`.
    public var logLevel = "info"
    /// `text` (one readable line) or `json` (one object a line).
    public var logFormat = "text"
    /// Results, articles and rejects older than this many days are pruned every hour (0: kept forever).
    public var retentionDays = 0
    /// The HTTP side port, `host:port` (nil: none).
    public var http: String? = "0.0.0.0:8558"
    /// CURVE security; nil: plain TCP.
    public var security: SecurityConfiguration?

    public init() {}

    /// The database as logs show it: a URL's password left out.
    public var databaseForLogs: String {
        guard var url = URLComponents(string: databasePath), url.password != nil else { return databasePath }
        url.password = nil
        return url.string ?? databasePath
    }
}

/// CURVE keys for the service's sockets and the client keys allowed to connect.
public struct SecurityConfiguration: Sendable {
    public var serverSecretKey: String
    /// Z85 public keys of clients allowed on ingest and API sockets (and to subscribe).
    public var allowedClientKeys: Set<String>

    public init(serverSecretKey: String, allowedClientKeys: Set<String>) {
        self.serverSecretKey = serverSecretKey
        self.allowedClientKeys = allowedClientKeys
    }
}

/// The endpoints actually bound, with real ports (useful when configured as `tcp://127.0.0.1:*`).
public struct BoundEndpoints: Sendable, Hashable {
    public var ingestSub: String?
    public var ingestPull: String?
    public var publish: String
    public var api: String
}
