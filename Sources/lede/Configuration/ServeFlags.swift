import ArgumentParser
import Configuration

/// `lede serve`'s flags: one for every setting, named after its key (`ServeSetting.flag`). They are
/// the highest layer; a test checks that every setting has its flag here.
struct ServeFlags: ParsableArguments {
    @Option(help: "SQLite database file (default ./lede.sqlite; LEDE_DB).") var db: String?
    @Option(name: .customLong("ingest-sub"), help: "SUB endpoint to bind, or none (default tcp://*:5556; LEDE_INGEST_SUB).") var ingestSub: String?
    @Option(name: .customLong("ingest-topics"), help: "A topic prefix the SUB socket takes; repeat for more (default article; LEDE_INGEST_TOPICS, comma-separated).")
    var ingestTopics: [String] = []
    @Option(name: .customLong("ingest-sub-connect"), help: "An upstream PUB endpoint for the SUB socket to connect to; repeat for more (LEDE_INGEST_SUB_CONNECT).")
    var ingestSubConnect: [String] = []
    @Option(name: .customLong("ingest-pull"), help: "PULL endpoint to bind, or none (default tcp://*:5557; LEDE_INGEST_PULL).") var ingestPull: String?
    @Option(help: "PUB endpoint to bind (default tcp://*:5558; LEDE_PUBLISH).") var publish: String?
    @Option(help: "API ROUTER endpoint to bind (default tcp://*:5559; LEDE_API).") var api: String?
    @Option(help: "HTTP side port HOST:PORT for health, metrics and the live page, or none (default 0.0.0.0:8558; LEDE_HTTP).") var http: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info; LEDE_LOG_LEVEL).") var logLevel: String?
    @Option(name: .customLong("log-format"), help: "text or json (default text; LEDE_LOG_FORMAT).") var logFormat: String?
    @Option(help: "Extraction workers (default one per core; LEDE_WORKERS).") var workers: Int?
    @Option(name: .customLong("queue-depth"), help: "Articles waiting for a worker (default 1024; LEDE_QUEUE_DEPTH).") var queueDepth: Int?
    @Option(name: .customLong("batch-size"), help: "Most results in one commit (default 256; LEDE_BATCH_SIZE).") var batchSize: Int?
    @Option(name: .customLong("heartbeat-interval"), help: "Seconds between heartbeats (default 1; LEDE_HEARTBEAT_INTERVAL).") var heartbeatInterval: Double?
    @Option(name: .customLong("shutdown-timeout"), help: "Seconds a graceful stop may take (default 20; LEDE_SHUTDOWN_TIMEOUT).") var shutdownTimeout: Double?
    @Option(name: .customLong("publish-hwm"), help: "Messages queued per subscriber before PUB drops (default 100000; LEDE_PUBLISH_HWM).") var publishHWM: Int?
    @Option(help: "full or normal (default full; LEDE_DURABILITY).") var durability: String?
    @Option(name: .customLong("max-database-mb"), help: "The database file stops growing here, 0 for no limit (default 0; LEDE_MAX_DATABASE_MB).") var maxDatabaseMB: Int?
    @Option(name: .customLong("max-message-bytes"), help: "Largest input message (default 1048576; LEDE_MAX_MESSAGE_BYTES).") var maxMessageBytes: Int?
    @Option(name: .customLong("max-body-chars"), help: "Longest article body in characters (default 200000; LEDE_MAX_BODY_CHARS).") var maxBodyChars: Int?
    @Option(name: .customLong("retention-days"), help: "Prune what is older than this many days, every hour; 0 keeps everything (default 0; LEDE_RETENTION_DAYS).")
    var retentionDays: Int?
    @Option(name: .customLong("curve-secret-key-file"), help: "The service's CURVE secret key from lede keygen; enables CURVE (LEDE_CURVE_SECRET_KEY_FILE).")
    var curveSecretKeyFile: String?
    @Option(name: .customLong("curve-allowed-clients"), help: "A client public key allowed to connect; repeat for more (LEDE_CURVE_ALLOWED_CLIENTS, comma-separated).")
    var curveAllowedClients: [String] = []
    @Option(name: .customLong("curve-allowed-clients-file"), help: "A file of allowed client public keys, one a line (LEDE_CURVE_ALLOWED_CLIENTS_FILE).")
    var curveAllowedClientsFile: String?

    /// The values given, by setting key, for the reader's highest layer.
    var values: [String: ConfigContent] {
        var v: [String: ConfigContent] = [:]
        func text(_ key: String, _ value: String?) { if let value { v[key] = .string(value) } }
        func integer(_ key: String, _ value: Int?) { if let value { v[key] = .int(value) } }
        func seconds(_ key: String, _ value: Double?) { if let value { v[key] = .double(value) } }
        func list(_ key: String, _ value: [String]) { if !value.isEmpty { v[key] = .stringArray(value) } }
        text("db", db)
        text("ingest_sub", ingestSub)
        list("ingest_topics", ingestTopics)
        list("ingest_sub_connect", ingestSubConnect)
        text("ingest_pull", ingestPull)
        text("publish", publish)
        text("api", api)
        text("http", http)
        text("log_level", logLevel)
        text("log_format", logFormat)
        integer("workers", workers)
        integer("queue_depth", queueDepth)
        integer("batch_size", batchSize)
        seconds("heartbeat_interval", heartbeatInterval)
        seconds("shutdown_timeout", shutdownTimeout)
        integer("publish_hwm", publishHWM)
        text("durability", durability)
        integer("max_database_mb", maxDatabaseMB)
        integer("max_message_bytes", maxMessageBytes)
        integer("max_body_chars", maxBodyChars)
        integer("retention_days", retentionDays)
        text("curve.secret_key_file", curveSecretKeyFile)
        list("curve.allowed_clients", curveAllowedClients)
        text("curve.allowed_clients_file", curveAllowedClientsFile)
        return v
    }
}
