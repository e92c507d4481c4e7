import Foundation
import LedeService
import LedePostgres
import LedeStore
import LedeWire
import Logging

/// One setting of `lede serve`. Its key names it in the JSON file (`curve.secret_key_file` is
/// `"curve": {"secret_key_file": …}`); the variable and the flag are derived from the key, so every
/// setting exists in every layer under a predictable name.
struct ServeSetting: Sendable {
    enum Kind: Sendable {
        /// Any text that is not empty (a path).
        case text
        /// A ZeroMQ endpoint to bind; `none` turns the socket off where that is allowed.
        case endpoint(canBeNone: Bool)
        /// `HOST:PORT`, or `none`.
        case hostPort
        case choice([String])
        case integer(ClosedRange<Int>)
        case seconds(ClosedRange<Double>)
        /// Strings: repeated flags, a comma-separated variable, an array in the file.
        case list
        /// ZeroMQ endpoints to connect to, as a list.
        case endpointList
    }

    enum Value: Sendable {
        case text(String)
        case integer(Int)
        case seconds(Double)
        case list([String])

        var text: String { if case .text(let s) = self { s } else { "" } }
        var integer: Int { if case .integer(let i) = self { i } else { 0 } }
        var seconds: Double { if case .seconds(let d) = self { d } else { 0 } }
        var list: [String] { if case .list(let l) = self { l } else { [] } }
        /// `none` read as nothing, for the sockets that can be turned off.
        var textOrNone: String? { text == "none" ? nil : text }
    }

    let key: String
    let kind: Kind
    /// The value as resolved, for `lede serve --print-config` (nil: not set).
    let get: @Sendable (ServeSettings) -> Value?
    let apply: @Sendable (Value, inout ServeSettings) -> Void

    var variable: String { "LEDE_" + key.uppercased().replacingOccurrences(of: ".", with: "_") }
    var flag: String { "--" + key.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-") }
}

/// What the layers resolve to: the service's configuration and the CURVE parts that only make a
/// `SecurityConfiguration` together.
struct ServeSettings: Sendable {
    var service = ServiceConfiguration()
    var curveSecretKeyFile: String?
    var curveAllowedClients: [String] = []
    var curveAllowedClientsFile: String?
}

extension ServeSetting {
    /// Every setting, in the README's order. Ranges keep each value inside what the service can take:
    /// no value may crash it or be changed silently.
    static let all: [ServeSetting] = [
        .init(key: "db", kind: .text, get: { .text($0.service.databasePath) }) { $1.service.databasePath = $0.text },
        .init(key: "ingest_sub", kind: .endpoint(canBeNone: true), get: { .text($0.service.ingestSub ?? "none") }) { $1.service.ingestSub = $0.textOrNone },
        .init(key: "ingest_topics", kind: .list, get: { .list($0.service.ingestTopics) }) { $1.service.ingestTopics = $0.list },
        .init(key: "ingest_sub_connect", kind: .endpointList, get: { .list($0.service.ingestSubConnect) }) { $1.service.ingestSubConnect = $0.list },
        .init(key: "ingest_pull", kind: .endpoint(canBeNone: true), get: { .text($0.service.ingestPull ?? "none") }) { $1.service.ingestPull = $0.textOrNone },
        .init(key: "publish", kind: .endpoint(canBeNone: false), get: { .text($0.service.publish) }) { $1.service.publish = $0.text },
        .init(key: "api", kind: .endpoint(canBeNone: false), get: { .text($0.service.api) }) { $1.service.api = $0.text },
        .init(key: "http", kind: .hostPort, get: { .text($0.service.http ?? "none") }) { $1.service.http = $0.textOrNone },
        .init(key: "log_level", kind: .choice(Logger.Level.allCases.map(\.rawValue)), get: { .text($0.service.logLevel) }) { $1.service.logLevel = $0.text },
        .init(key: "log_format", kind: .choice(["text", "json"]), get: { .text($0.service.logFormat) }) { $1.service.logFormat = $0.text },
        .init(key: "workers", kind: .integer(1...1024), get: { .integer($0.service.workers) }) { $1.service.workers = $0.integer },
        .init(key: "queue_depth", kind: .integer(1...1_000_000), get: { .integer($0.service.queueDepth) }) { $1.service.queueDepth = $0.integer },
        .init(key: "batch_size", kind: .integer(1...100_000), get: { .integer($0.service.batchSize) }) { $1.service.batchSize = $0.integer },
        .init(key: "heartbeat_interval", kind: .seconds(0.01...3600), get: { .seconds($0.service.heartbeatInterval) }) { $1.service.heartbeatInterval = $0.seconds },
        .init(key: "shutdown_timeout", kind: .seconds(0.01...86_400), get: { .seconds($0.service.shutdownTimeout) }) { $1.service.shutdownTimeout = $0.seconds },
        .init(key: "publish_hwm", kind: .integer(0...Int(Int32.max)), get: { .integer(Int($0.service.publishHighWaterMark)) }) { $1.service.publishHighWaterMark = Int32($0.integer) },
        .init(key: "durability", kind: .choice(Store.Durability.allCases.map(\.rawValue)), get: { .text($0.service.durability.rawValue) }) {
            $1.service.durability = Store.Durability(rawValue: $0.text) ?? .full
        },
        .init(key: "max_database_mb", kind: .integer(0...(1 << 30)), get: { .integer($0.service.maxDatabaseBytes >> 20) }) { $1.service.maxDatabaseBytes = $0.integer << 20 },
        .init(key: "max_message_bytes", kind: .integer(1...(256 << 20)), get: { .integer($0.service.limits.maxMessageBytes) }) { $1.service.limits.maxMessageBytes = $0.integer },
        .init(key: "max_body_chars", kind: .integer(1...(64 << 20)), get: { .integer($0.service.limits.maxBodyScalars) }) { $1.service.limits.maxBodyScalars = $0.integer },
        .init(key: "retention_days", kind: .integer(0...36_500), get: { .integer($0.service.retentionDays) }) { $1.service.retentionDays = $0.integer },
        .init(key: "curve.secret_key_file", kind: .text, get: { $0.curveSecretKeyFile.map { .text($0) } }) { $1.curveSecretKeyFile = $0.text },
        .init(key: "curve.allowed_clients", kind: .list, get: { .list($0.curveAllowedClients) }) { $1.curveAllowedClients = $0.list },
        .init(key: "curve.allowed_clients_file", kind: .text, get: { $0.curveAllowedClientsFile.map { .text($0) } }) { $1.curveAllowedClientsFile = $0.text },
    ]
}

extension ServeSettings {
    /// The service's configuration, with CURVE made from its key files when a secret key is set.
    func resolved() throws -> ServiceConfiguration {
        var c = service
        if PostgresURL.isPostgres(c.databasePath) {
            do { _ = try PostgresURL(c.databasePath) } catch { throw ServeConfigurationReader.Failure(description: "db: \(error)") }
        }
        guard let secretFile = curveSecretKeyFile else {
            if !curveAllowedClients.isEmpty || curveAllowedClientsFile != nil {
                throw ServeConfigurationReader.Failure(description: "curve.allowed_clients needs curve.secret_key_file (see lede keygen)")
            }
            return c
        }
        var allowed = Set(curveAllowedClients)
        if let file = curveAllowedClientsFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ServeConfigurationReader.Failure(description: "curve.allowed_clients_file: cannot read \(file)")
            }
            allowed.formUnion(KeyFile.keys(in: text))
        }
        if let bad = allowed.first(where: { $0.count != 40 }) {
            throw ServeConfigurationReader.Failure(description: "curve.allowed_clients: \"\(bad)\" is not a 40-character Z85 public key")
        }
        guard let text = try? String(contentsOfFile: secretFile, encoding: .utf8), let key = KeyFile.keys(in: text).first, key.count == 40 else {
            throw ServeConfigurationReader.Failure(description: "curve.secret_key_file: cannot read a 40-character Z85 key from \(secretFile)")
        }
        c.security = SecurityConfiguration(serverSecretKey: key, allowedClientKeys: allowed)
        return c
    }
}

extension ServeSettings {
    /// Every setting as one JSON object, for `lede serve --print-config`.
    var json: String {
        var w = JSONWriter()
        w.beginObject()
        for setting in ServeSetting.all {
            w.key(setting.key)
            switch setting.get(self) {
            case .text(let s): w.string(s)
            case .integer(let i): w.int(i)
            case .seconds(let d): w.double(d)
            case .list(let l):
                w.beginArray()
                for item in l { w.string(item) }
                w.endArray()
            case nil: w.null()
            }
        }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
