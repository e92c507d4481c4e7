import Foundation
import LedeWire
import XCTest

/// `lede health`, `stats`, `get` and `--version` from a shell, against a running service: what a
/// container HEALTHCHECK and an operator's scripts rely on.
final class OperatorCommandTests: XCTestCase {

    func testHealthExitsZeroWhileTheServiceTakesInputAndOneWhileItsStoreCannotWrite() throws {
        let service = try RunningService()
        defer { service.stop() }
        let healthy = try runLedeCommand(["health", "--api", service.endpoints.api])
        XCTAssertEqual(healthy.status, 0, healthy.stderr)
        XCTAssertEqual(try JSONReader.parse(healthy.stdout)["status"]?.stringValue, "ok", "one JSON line: \(healthy.stdout)")

        try service.server.limitDatabaseSize(toBytes: 1)
        let long = String(repeating: "Chủ tịch nước tiếp Tổng thống Pháp. ", count: 600)
        XCTAssertEqual(try service.submit(articleJSON(id: "does-not-fit", body: long))["error"]?["code"]?.stringValue, "unavailable")
        let failing = try runLedeCommand(["health", "--api", service.endpoints.api])
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(try JSONReader.parse(failing.stdout)["status"]?.stringValue, "store_unavailable")

        // The held article is stored once the store writes again, and the service is healthy by itself.
        try service.server.limitDatabaseSize(toBytes: 0)
        XCTAssertTrue(try eventually { try runLedeCommand(["health", "--api", service.endpoints.api]).status == 0 })
    }

    func testHealthOfAServiceThatDoesNotAnswerIsOneLineAndExitOne() throws {
        let run = try runLedeCommand(["health", "--api", "tcp://127.0.0.1:1", "--timeout", "0.2"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("lede: "), run.stderr)
    }

    func testStatsAndGetPrintOneJSONLineAndAMissingArticleIsAnError() throws {
        let service = try RunningService()
        defer { service.stop() }
        XCTAssertEqual(try service.submit(articleJSON(id: "kept", body: "Thủ tướng tiếp Đại sứ Lào."))["ok"]?.boolValue, true)

        let stats = try runLedeCommand(["stats", "--api", service.endpoints.api])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertEqual(try JSONReader.parse(stats.stdout)["results"]?.intValue, 1)

        let get = try runLedeCommand(["get", "--api", service.endpoints.api, "kept"])
        XCTAssertEqual(get.status, 0, get.stderr)
        XCTAssertEqual(try JSONReader.parse(get.stdout)["article"]?["id"]?.stringValue, "kept")

        let missing = try runLedeCommand(["get", "--api", service.endpoints.api, "never-sent"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("lede: not_found: "), missing.stderr)
    }

    func testVersionNamesTheReleaseAndEveryShippedModelByItsDigest() throws {
        let run = try runLedeCommand(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("lede ") == true, run.stdout)
        for model in ["tagger/vi.model", "tagger/en.model", "events/vi.model", "events/en.model"] {
            XCTAssertTrue(lines.contains { $0.contains(model) && $0.contains("sha256:") }, "\(model) in \(run.stdout)")
        }
    }

    func testJSONLogsAreOneObjectALineAndABadLevelIsAUsageError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-logs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let child = try ChildLede(database: folder.appendingPathComponent("lede.sqlite").path, extraArguments: ["--log-format", "json"])
        child.signal(SIGTERM)
        XCTAssertEqual(child.waitForExit(timeout: 30), 0)
        let lines = child.errorOutput.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            let object = try JSONReader.parse(String(line))
            XCTAssertNotNil(object["level"]?.stringValue, String(line))
            XCTAssertNotNil(object["message"]?.stringValue, String(line))
        }
        XCTAssertTrue(lines.contains { $0.contains("\"message\":\"lede is serving\"") })

        for (flag, value) in [("--log-level", "loud"), ("--log-format", "xml")] {
            let run = try runLedeCommand(["serve", flag, value])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        }
        let variable = try runLedeCommand(["serve"], environment: ["LEDE_LOG_LEVEL": "chatty"])
        XCTAssertEqual(variable.status, 2)
        XCTAssertTrue(variable.stderr.contains("LEDE_LOG_LEVEL"), variable.stderr)
    }
}
