import Foundation
import XCTest

/// An outside service in another language: a Python pyzmq client pushes the example article and
/// receives its result, with offsets it can use on the text it sent.
final class OutsideClientTests: XCTestCase {
    func testAPythonPyzmqClientPushesAnArticleAndReceivesItsResult() throws {
        let service = try RunningService()
        defer { service.stop() }
        let run = try runPythonClient("outside_client.py", [
            "--pull", service.endpoints.ingestPull!, "--pub", service.endpoints.publish, "--api", service.endpoints.api,
            "--article", exampleArticlePath,
        ])
        let summary = run.stdout
        XCTAssertEqual(run.status, 0, summary + run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any]
        XCTAssertEqual(json?["ok"] as? Bool, true, summary)
        XCTAssertEqual(json?["reject"] as? String, "bad_json")
    }

    func testAPythonClientReprocessesAnArticleAndReplaysOnlyItsNewestRevision() throws {
        let service = try RunningService()
        defer { service.stop() }
        let run = try runPythonClient("lifecycle_client.py", [
            "--api", service.endpoints.api, "--pub", service.endpoints.publish, "--article", exampleArticlePath,
        ])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["ok"] as? Bool, true, run.stdout)
        XCTAssertEqual(json?["supersedes"] as? Int, json?["first_seq"] as? Int)
        XCTAssertEqual(json?["latest"] as? [Int], [json?["revision_seq"] as? Int ?? -1])
        XCTAssertEqual(json?["every"] as? [Int], [1, 2])
    }
}
