import Configuration
import Foundation
import LedeService
import LedeWire
import Synchronization
import SystemPackage

/// Reads `lede serve`'s settings through swift-configuration, highest layer first: flags, then `LEDE_*`
/// variables, then the `--config` JSON file, then the embedded defaults. Every value is checked here;
/// a bad one, whichever layer holds it, is one `Failure` line naming it as that layer spells it.
struct ServeConfigurationReader {
    struct Failure: Error, CustomStringConvertible { var description: String }

    enum Layer: Int {
        case flags, environment, file

        func name(of setting: ServeSetting, file: String?) -> String {
            switch self {
            case .flags: setting.flag
            case .environment: setting.variable
            case .file: "config \(setting.key)"
            }
        }
    }

    private let reader: ConfigReader
    private let report: LookupReport
    private let filePath: String?

    /// - Parameters:
    ///   - flags: the values given on the command line, by key.
    ///   - environment: the process's variables (only `LEDE_*` ones are read).
    ///   - filePath: the `--config` file, if one was given.
    init(flags: [String: ConfigContent], environment: [String: String], filePath: String?) async throws {
        var fileProvider: FileProvider<JSONSnapshot>?
        if let filePath {
            try Self.checkKeys(ofFile: filePath)
            do {
                fileProvider = try await FileProvider<JSONSnapshot>(filePath: FilePath(filePath))
            } catch {
                throw Failure(description: "config file \(filePath): \(error)")
            }
        }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: Dictionary(uniqueKeysWithValues: flags.map {
                (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue($0.value, isSecret: false))
            })),
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: ["lede"]),
        ]
        if let fileProvider { providers.append(fileProvider) }
        report = LookupReport()
        reader = ConfigReader(providers: providers, accessReporter: report)
        self.filePath = filePath
    }

    /// Every setting, resolved and checked.
    func read() throws -> ServeSettings {
        var settings = ServeSettings()
        for setting in ServeSetting.all {
            if let value = try value(of: setting) { setting.apply(value, &settings) }
        }
        return settings
    }

    /// The setting's value from the highest layer that has it, checked; nil when no layer has it.
    private func value(of setting: ServeSetting) throws -> ServeSetting.Value? {
        let key = ConfigKey(setting.key)
        let raw: ServeSetting.Value?
        switch setting.kind {
        case .text, .endpoint, .hostPort, .choice: raw = reader.string(forKey: key).map { .text($0) }
        case .integer: raw = reader.int(forKey: key).map { .integer($0) }
        case .seconds: raw = reader.double(forKey: key).map { .seconds($0) }
        case .list, .endpointList: raw = reader.stringArray(forKey: key).map { .list($0) }
        }
        let lookup = report.take(setting.key)
        let name = lookup.layer.map { Layer(rawValue: $0)?.name(of: setting, file: filePath) ?? setting.key } ?? setting.key
        if lookup.failed || (raw == nil && lookup.layer != nil) {
            throw Failure(description: "\(name): expected \(Self.expectation(setting.kind))")
        }
        guard let raw else { return nil }
        try Self.check(raw, setting.kind, name)
        return raw
    }

    static func check(_ value: ServeSetting.Value, _ kind: ServeSetting.Kind, _ name: String) throws {
        func refuse(_ got: String) throws -> Never {
            throw Failure(description: "\(name): expected \(expectation(kind)), got \(got)")
        }
        switch (kind, value) {
        case (.text, .text(let s)):
            if s.isEmpty { try refuse("nothing") }
        case (.endpoint(let canBeNone), .text(let s)):
            if s == "none" && canBeNone { return }
            if !isEndpoint(s) { try refuse("\"\(s)\"") }
        case (.hostPort, .text(let s)):
            if s == "none" { return }
            guard let colon = s.lastIndex(of: ":"), let port = Int(s[s.index(after: colon)...]), (0...65535).contains(port),
                !s[..<colon].isEmpty
            else { try refuse("\"\(s)\"") }
        case (.choice(let choices), .text(let s)):
            if !choices.contains(s) { try refuse("\"\(s)\"") }
        case (.integer(let range), .integer(let i)):
            if !range.contains(i) { try refuse(String(i)) }
        case (.seconds(let range), .seconds(let d)):
            if !range.contains(d) { try refuse(String(d)) }
        case (.list, .list(let items)):
            if items.contains(where: \.isEmpty) { try refuse("an empty item") }
        case (.endpointList, .list(let items)):
            if let bad = items.first(where: { !isEndpoint($0) }) { try refuse("\"\(bad)\"") }
        default:
            try refuse("a value of another kind")
        }
    }

    static func expectation(_ kind: ServeSetting.Kind) -> String {
        switch kind {
        case .text: "a non-empty string"
        case .endpoint(let canBeNone): "a ZeroMQ endpoint such as tcp://*:5556" + (canBeNone ? " or none" : "")
        case .hostPort: "HOST:PORT (for example 0.0.0.0:8558) or none"
        case .choice(let choices): "one of " + choices.joined(separator: ", ")
        case .integer(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
        case .seconds(let range): "a number of seconds from \(range.lowerBound) to \(range.upperBound)"
        case .list: "a list of strings"
        case .endpointList: "a list of ZeroMQ endpoints such as tcp://10.0.0.5:6000"
        }
    }

    static func isEndpoint(_ s: String) -> Bool {
        ["tcp://", "ipc://", "inproc://"].contains { s.hasPrefix($0) && s.count > $0.count }
    }

    /// The file's keys must all be settings (a misspelt key would otherwise be ignored silently), and
    /// none may be null (it would read as the default, not as "off": `none` says that).
    static func checkKeys(ofFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read config file \(path)") }
        let document: JSONValue
        do { document = try JSONReader.parse([UInt8](data)) } catch { throw Failure(description: "config file \(path): \(error)") }
        guard let members = document.objectValue else { throw Failure(description: "config file \(path): expected a JSON object") }
        let known = Set(ServeSetting.all.map(\.key))
        func walk(_ members: [JSONMember], prefix: String) throws {
            for member in members {
                let key = prefix + member.key
                if let nested = member.value.objectValue, known.contains(where: { $0.hasPrefix(key + ".") }) {
                    try walk(nested, prefix: key + ".")
                    continue
                }
                guard known.contains(key) else { throw Failure(description: "config \(path): unknown key \"\(key)\"") }
                if member.value.isNull { throw Failure(description: "config \(key): null is not a value; write \"none\" to turn a socket off") }
            }
        }
        try walk(members, prefix: "")
    }
}

/// Remembers, for each key read, which layer answered and whether a layer held a value that could not
/// be read as the asked type (swift-configuration's reader then falls back to nil).
final class LookupReport: AccessReporter {
    struct Lookup { var layer: Int?; var failed: Bool }
    private let lookups = Mutex<[String: Lookup]>([:])

    func report(_ event: AccessEvent) {
        var lookup = Lookup(layer: nil, failed: event.conversionError != nil)
        for (index, result) in event.providerResults.enumerated() {
            if case .failure = result.result {
                lookup = Lookup(layer: index, failed: true)
                break
            }
            if case .success(let found) = result.result, found.value != nil {
                lookup.layer = index
                break
            }
        }
        let key = event.metadata.key.components.joined(separator: ".")
        lookups.withLock { $0[key] = lookup }
    }

    func take(_ key: String) -> Lookup {
        lookups.withLock { $0.removeValue(forKey: key) } ?? Lookup(layer: nil, failed: false)
    }
}
