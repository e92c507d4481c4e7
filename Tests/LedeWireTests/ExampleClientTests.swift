import Foundation
import XCTest

/// Runs `Protocols/examples/test_client.py`, which drives the example Python client against a scripted
/// stand-in for Lede, so the example users copy keeps working. Skipped without python3 and pyzmq.
final class ExampleClientTests: XCTestCase {
    func python(_ arguments: [String], timeout: TimeInterval = 60) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Read while it runs: a full pipe would otherwise stall the child.
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            XCTFail("python3 \(arguments) did not finish in \(timeout) s")
        }
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func testTheExamplePythonClientSpeaksTheProtocol() throws {
        guard let schemas = SchemaConformanceTests.schemaDirectory() else { throw XCTSkip("Protocols/ not found") }
        let script = schemas.deletingLastPathComponent().appendingPathComponent("examples/test_client.py")
        guard (try? python(["-c", "import zmq"]).status) == 0 else { throw XCTSkip("python3 with pyzmq is not installed") }
        let run = try python([script.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("all checks passed"), run.output)
    }
}
