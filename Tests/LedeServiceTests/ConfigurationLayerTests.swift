import Foundation
import LedeWire
import XCTest

/// `lede serve` reads every setting from every layer (the JSON file, `LEDE_*` variables, flags), in that
/// order of precedence, and refuses a bad value in any layer with one line that names it as that layer
/// spells it. `--print-config` shows what the layers resolve to; the settings' list comes from it, so a
/// setting added later is covered here without touching this file.
final class ConfigurationLayerTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// The defaults as `--print-config` gives them: the list of settings.
    func defaults() throws -> [JSONMember] {
        let run = try runLedeCommand(["serve", "--print-config"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONReader.parse(run.stdout).objectValue)
    }

    /// A valid value for each setting that differs from its default.
    func changedValues(_ defaults: [JSONMember]) throws -> [String: JSONValue] {
        let keys = directory.appendingPathComponent("server").path
        XCTAssertEqual(try runLedeCommand(["keygen", "--out", keys]).status, 0)
        let client = directory.appendingPathComponent("client").path
        XCTAssertEqual(try runLedeCommand(["keygen", "--out", client]).status, 0)
        let clientKey = try String(contentsOfFile: client + ".pub", encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init).first { !$0.hasPrefix("#") }!
        let clientsFile = directory.appendingPathComponent("clients.txt")
        try Data((clientKey + "\n").utf8).write(to: clientsFile)
        var values: [String: JSONValue] = [:]
        for member in defaults {
            let key = member.key
            switch member.value {
            case .string(let s) where s.hasPrefix("tcp://"): values[key] = .string("tcp://127.0.0.1:\(6000 + values.count)")
            case .string where key == "http": values[key] = "127.0.0.1:9901"
            case .string where key == "log_level": values[key] = "debug"
            case .string where key == "log_format": values[key] = "json"
            case .string where key == "durability": values[key] = "normal"
            case .string: values[key] = .string(directory.appendingPathComponent("\(key).sqlite").path)
            case .number where member.value.isIntegerLiteral: values[key] = .number(String(member.value.intValue! + 3))
            case .number: values[key] = .number("2.5")
            case .array where key == "curve.allowed_clients": values[key] = [.string(clientKey)]
            case .array where key == "ingest_sub_connect": values[key] = ["tcp://127.0.0.1:7001", "tcp://127.0.0.1:7002"]
            case .array: values[key] = ["one", "two"]
            case .null where key == "curve.secret_key_file": values[key] = .string(keys + ".key")
            case .null: values[key] = .string(clientsFile.path)
            default: XCTFail("no value to try for \(key): \(member.value)")
            }
        }
        return values
    }

    func variable(_ key: String) -> String { "LEDE_" + key.uppercased().replacingOccurrences(of: ".", with: "_") }
    func flag(_ key: String) -> String { "--" + key.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-") }

    /// A config file holding `values`, keys with a dot nested as objects.
    func file(_ values: [String: JSONValue]) throws -> String {
        var top: [JSONMember] = []
        var curve: [JSONMember] = []
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            if key.hasPrefix("curve.") { curve.append(JSONMember(String(key.dropFirst(6)), value)) } else { top.append(JSONMember(key, value)) }
        }
        if !curve.isEmpty { top.append(JSONMember("curve", .object(curve))) }
        let path = directory.appendingPathComponent("lede-\(UUID().uuidString).json").path
        var writer = JSONWriter()
        writer.value(.object(top))
        try Data(writer.bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func environment(_ values: [String: JSONValue]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: values.map { key, value in
            (variable(key), value.arrayValue.map { $0.compactMap(\.stringValue).joined(separator: ",") } ?? value.stringValue ?? value.numberLiteral!)
        })
    }

    func flags(_ values: [String: JSONValue]) -> [String] {
        values.sorted { $0.key < $1.key }.flatMap { key, value in
            // `--key=value`, so that a negative number is read as the flag's value.
            (value.arrayValue ?? [value]).map { "\(flag(key))=\($0.stringValue ?? $0.numberLiteral!)" }
        }
    }

    func resolved(_ arguments: [String], environment: [String: String] = [:]) throws -> JSONValue {
        let run = try runLedeCommand(["serve", "--print-config"] + arguments, environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try JSONReader.parse(run.stdout)
    }

    func assertSame(_ got: JSONValue?, _ want: JSONValue, _ message: String) {
        if let d = want.doubleValue, !want.isIntegerLiteral { XCTAssertEqual(got?.doubleValue, d, message) } else { XCTAssertEqual(got, want, message) }
    }

    func testEverySettingIsReadFromTheFileFromItsVariableAndFromItsFlag() throws {
        let values = try changedValues(try defaults())
        XCTAssertGreaterThanOrEqual(values.count, 23)
        let fromFile = try resolved(["--config", try file(values)])
        let fromVariables = try resolved([], environment: environment(values))
        let fromFlags = try resolved(flags(values))
        for (key, value) in values {
            assertSame(fromFile[key], value, "config \(key)")
            assertSame(fromVariables[key], value, variable(key))
            assertSame(fromFlags[key], value, flag(key))
        }
    }

    func testFlagsOverrideVariablesWhichOverrideTheFile() throws {
        let config = try file(["workers": 3, "queue_depth": 10, "batch_size": 20])
        let layered = try resolved(["--config", config, "--workers", "5"], environment: ["LEDE_WORKERS": "4", "LEDE_QUEUE_DEPTH": "11"])
        XCTAssertEqual(layered["workers"]?.intValue, 5)
        XCTAssertEqual(layered["queue_depth"]?.intValue, 11)
        XCTAssertEqual(layered["batch_size"]?.intValue, 20)
    }

    func testABadValueInAnyLayerIsOneLineNamingItAndExitTwo() throws {
        for member in try defaults() {
            let key = member.key
            let bad: JSONValue =
                switch member.value {
                case .number: -5
                case .array: [""]
                case .null: ""
                default: key == "db" ? "" : "bogus"
                }
            let runs = [
                ("config \(key)", try runLedeCommand(["serve", "--print-config", "--config", try file([key: bad])])),
                (variable(key), try runLedeCommand(["serve", "--print-config"], environment: environment([key: bad]))),
                (flag(key), try runLedeCommand(["serve", "--print-config"] + flags([key: bad]))),
            ]
            for (name, run) in runs {
                XCTAssertEqual(run.status, 2, "\(name): \(run.stdout) \(run.stderr)")
                XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
                // An empty flag value is refused by the argument parser itself, which names the flag too.
                XCTAssertTrue(run.stderr.hasPrefix("lede: \(name):") || run.stderr.contains("value for '\(name) "), "\(name): \(run.stderr)")
            }
        }
    }

    func testAValueOfTheWrongTypeInTheFileIsRefusedNotIgnored() throws {
        for (key, value) in [("workers", JSONValue.string("2")), ("ingest_topics", "article"), ("workers", .number("2.5"))] {
            let run = try runLedeCommand(["serve", "--print-config", "--config", try file([key: value])])
            XCTAssertEqual(run.status, 2, run.stdout)
            XCTAssertTrue(run.stderr.hasPrefix("lede: config \(key): expected"), run.stderr)
        }
    }

    func testNullInTheFileIsRefusedBecauseItWouldReadAsTheDefault() throws {
        let run = try runLedeCommand(["serve", "--print-config", "--config", try file(["ingest_sub": .null])])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("write \"none\""), run.stderr)
        let off = try resolved(["--config", try file(["ingest_sub": "none"])])
        XCTAssertEqual(off["ingest_sub"]?.stringValue, "none")
    }

    func testAllowedClientsWithoutASecretKeyAreRefused() throws {
        let run = try runLedeCommand(["serve", "--print-config"], environment: ["LEDE_CURVE_ALLOWED_CLIENTS": String(repeating: "a", count: 40)])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("needs curve.secret_key_file"), run.stderr)
    }

    func testUnreadableOrMalformedKeyFilesAreOneLineEachAndExitTwo() throws {
        let keys = directory.appendingPathComponent("server").path
        XCTAssertEqual(try runLedeCommand(["keygen", "--out", keys]).status, 0)
        let cases: [([String], String)] = [
            (["--curve-secret-key-file", "/nonexistent.key"], "curve.secret_key_file"),
            (["--curve-secret-key-file", keys + ".key", "--curve-allowed-clients-file", "/nonexistent.txt"], "curve.allowed_clients_file"),
            (["--curve-secret-key-file", keys + ".key", "--curve-allowed-clients", "tooshort"], "curve.allowed_clients"),
        ]
        for (arguments, name) in cases {
            let run = try runLedeCommand(["serve", "--print-config"] + arguments)
            XCTAssertEqual(run.status, 2, run.stdout)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(name), "\(name): \(run.stderr)")
        }
    }

    func testTheReadmeDocumentsEverySetting() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for member in try defaults() {
            XCTAssertTrue(readme.contains("`\(member.key)`"), "README's configuration table lacks \(member.key)")
        }
    }
}
