import Foundation
import XCTest

/// An outside service in another language: a Python pyzmq client pushes the example article and
/// receives its result, with offsets it can use on the text it sent.
final class OutsideClientTests: XCTestCase {
    func testAPythonPyzmqClientPushesAnArticleAndReceivesItsResult() throws {
        let service = try RunningService()
        defer { service.stop() }
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", here.appendingPathComponent("python/outside_client.py").path,
                            "--pull", service.endpoints.ingestPull!, "--pub", service.endpoints.publish,
                            "--api", service.endpoints.api, "--article", exampleArticlePath]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        python.waitUntilExit()
        let summary = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(python.terminationStatus, 0, summary)
        let json = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any]
        XCTAssertEqual(json?["ok"] as? Bool, true, summary)
        XCTAssertEqual(json?["reject"] as? String, "bad_json")
    }
}
