import Foundation
import LedeService
import LedeStore
import LedeWire
import Logging

/// `lede serve --config FILE` (JSON) and `LEDE_*` environment variables. Keys are documented in
/// Deploy/lede.example.json and the README.
enum ConfigurationFile {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func apply(path: String, to c: inout ServiceConfiguration) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read config file \(path)") }
        let value: JSONValue
        do { value = try JSONReader.parse([UInt8](data)) } catch { throw Failure(description: "config file \(path): \(error)") }
        guard let members = value.objectValue else { throw Failure(description: "config file \(path): expected a JSON object") }
        for member in members {
            let v = member.value
            func string() throws -> String {
                guard let s = v.stringValue else { throw Failure(description: "config \(member.key): expected a string") }
                return s
            }
            func int() throws -> Int {
                guard let i = v.intValue else { throw Failure(description: "config \(member.key): expected an integer") }
                return i
            }
            /// An integer in `range`, or one clear line: no value may crash the service or be changed silently.
            func int(in range: ClosedRange<Int>) throws -> Int {
                let i = try int()
                guard range.contains(i) else {
                    throw Failure(description: "config \(member.key): expected an integer from \(range.lowerBound) to \(range.upperBound), got \(i)")
                }
                return i
            }
            func strings() throws -> [String] {
                guard let a = v.arrayValue?.compactMap(\.stringValue), a.count == v.arrayValue?.count else { throw Failure(description: "config \(member.key): expected an array of strings") }
                return a
            }
            switch member.key {
            case "db": c.databasePath = try string()
            case "ingest_sub": c.ingestSub = v.isNull ? nil : try string()
            case "ingest_sub_connect": c.ingestSubConnect = try strings()
            case "ingest_topics": c.ingestTopics = try strings()
            case "ingest_pull": c.ingestPull = v.isNull ? nil : try string()
            case "publish": c.publish = try string()
            case "api": c.api = try string()
            case "log_level": c.logLevel = try logLevel(try string(), "config log_level")
            case "log_format": c.logFormat = try logFormat(try string(), "config log_format")
            case "http": c.http = v.isNull ? nil : try hostPort(try string(), "config http")
            case "workers": c.workers = try int(in: 1...1024)
            case "queue_depth": c.queueDepth = try int(in: 1...1_000_000)
            case "batch_size": c.batchSize = try int(in: 1...100_000)
            case "heartbeat_interval":
                guard let d = v.doubleValue, d > 0 else { throw Failure(description: "config heartbeat_interval: expected a positive number of seconds") }
                c.heartbeatInterval = d
            case "shutdown_timeout":
                guard let d = v.doubleValue, d > 0 else { throw Failure(description: "config shutdown_timeout: expected a positive number of seconds") }
                c.shutdownTimeout = d
            case "publish_hwm": c.publishHighWaterMark = Int32(try int(in: 0...Int(Int32.max)))
            case "durability": c.durability = try durability(try string())
            case "max_database_mb":
                guard let n = v.intValue, n >= 0, n <= Int.max / (1 << 20) else { throw Failure(description: "config max_database_mb: expected a whole number of megabytes, 0 for no limit") }
                c.maxDatabaseBytes = n << 20
            case "max_message_bytes": c.limits.maxMessageBytes = try int(in: 1...(256 << 20))
            case "max_body_chars": c.limits.maxBodyScalars = try int(in: 1...(64 << 20))
            case "curve":
                guard let secretFile = v["secret_key_file"]?.stringValue else { throw Failure(description: "config curve: needs secret_key_file") }
                let secret = try readKey(secretFile)
                var allowed = Set(v["allowed_clients"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                if let file = v["allowed_clients_file"]?.stringValue {
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw Failure(description: "cannot read \(file)") }
                    allowed.formUnion(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
                }
                c.security = SecurityConfiguration(serverSecretKey: secret, allowedClientKeys: allowed)
            default:
                throw Failure(description: "config \(path): unknown key \"\(member.key)\"")
            }
        }
    }

    static func applyEnvironment(_ env: [String: String], to c: inout ServiceConfiguration) throws {
        if let v = env["LEDE_DB"] { c.databasePath = v }
        if let v = env["LEDE_INGEST_SUB"] { c.ingestSub = v == "none" ? nil : v }
        if let v = env["LEDE_INGEST_PULL"] { c.ingestPull = v == "none" ? nil : v }
        if let v = env["LEDE_PUBLISH"] { c.publish = v }
        if let v = env["LEDE_API"] { c.api = v }
        if let v = env["LEDE_LOG_LEVEL"] { c.logLevel = try logLevel(v, "LEDE_LOG_LEVEL") }
        if let v = env["LEDE_LOG_FORMAT"] { c.logFormat = try logFormat(v, "LEDE_LOG_FORMAT") }
        if let v = env["LEDE_HTTP"] { c.http = v == "none" ? nil : try hostPort(v, "LEDE_HTTP") }
        if let v = env["LEDE_WORKERS"] {
            guard let n = Int(v), n > 0 else { throw Failure(description: "LEDE_WORKERS must be a positive integer") }
            c.workers = n
        }
        if let v = env["LEDE_DURABILITY"] { c.durability = try durability(v) }
        if let v = env["LEDE_MAX_DATABASE_MB"] {
            guard let n = Int(v), n >= 0, n <= Int.max / (1 << 20) else { throw Failure(description: "LEDE_MAX_DATABASE_MB must be a whole number of megabytes, 0 for no limit") }
            c.maxDatabaseBytes = n << 20
        }
        if let v = env["LEDE_MAX_MESSAGE_BYTES"] {
            guard let n = Int(v), n > 0 else { throw Failure(description: "LEDE_MAX_MESSAGE_BYTES must be a positive integer") }
            c.limits.maxMessageBytes = n
        }
    }

    /// `HOST:PORT` for the HTTP side port (`none` is handled by the caller), checked.
    static func hostPort(_ s: String, _ name: String) throws -> String {
        guard let colon = s.lastIndex(of: ":"), let port = Int(s[s.index(after: colon)...]), (0...65535).contains(port),
            !s[..<colon].isEmpty
        else { throw Failure(description: "\(name) must be HOST:PORT (for example 0.0.0.0:8558) or none, got \"\(s)\"") }
        return s
    }

    static func logLevel(_ s: String, _ name: String) throws -> String {
        guard Logger.Level(rawValue: s) != nil else {
            throw Failure(description: "\(name) must be one of trace, debug, info, notice, warning, error, critical, got \"\(s)\"")
        }
        return s
    }

    static func logFormat(_ s: String, _ name: String) throws -> String {
        guard s == "text" || s == "json" else { throw Failure(description: "\(name) must be text or json, got \"\(s)\"") }
        return s
    }

    static func durability(_ s: String) throws -> Store.Durability {
        guard let d = Store.Durability(rawValue: s) else { throw Failure(description: "durability must be full or normal") }
        return d
    }

    /// A Z85 key from a file written by `lede keygen` (first non-comment line).
    static func readKey(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let key = text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty && !$0.hasPrefix("#") }),
            key.count == 40
        else { throw Failure(description: "cannot read a 40-character Z85 key from \(path)") }
        return key
    }
}
