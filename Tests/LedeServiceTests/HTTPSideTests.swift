import Foundation
import LedeClient
import LedeHTTP
import LedeService
import LedeWire
import Logging
import Prometheus
import Synchronization
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP side port of a real `lede serve`: probes, a Prometheus scrape, replay and the event stream
/// as an operator's Python tooling sees them; readiness that follows the store; the live page in a
/// real headless browser.
final class HTTPSideTests: XCTestCase {
    func testAPythonClientProbesScrapesReplaysAndStreamsEventsOverHTTP() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = try ChildLede(database: directory.appendingPathComponent("lede.sqlite").path)
        defer { child.signal(SIGTERM); _ = child.waitForExit(timeout: 30) }

        let run = try runPythonClient("http_client.py", [
            "--http", try XCTUnwrap(child.ready["http"]), "--api", try XCTUnwrap(child.ready["api"]), "--article", exampleArticlePath,
        ])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        print("http: \(run.stdout)")
        child.signal(SIGTERM)
        XCTAssertEqual(child.waitForExit(timeout: 30), 0, "an event stream that was open does not hold the stop up")
    }

    func testReadinessFailsWhileTheStoreCannotWriteAndRecoversByItself() throws {
        let registry = PrometheusCollectorRegistry()
        let service = try RunningService(metrics: HTTPSide.metrics(registry: registry))
        defer { service.stop() }
        let http = try RunningHTTP(service.server, registry: registry)
        defer { http.stop() }
        XCTAssertEqual(try http.get("/readyz").status, 200)

        try service.server.limitDatabaseSize(toBytes: 1)
        let long = String(repeating: "Chủ tịch nước tiếp Tổng thống Pháp. ", count: 600)
        XCTAssertEqual(try service.submit(articleJSON(id: "does-not-fit", body: long))["error"]?["code"]?.stringValue, "unavailable")
        let failing = try http.get("/readyz")
        XCTAssertEqual(failing.status, 503)
        let reasons = try JSONReader.parse(failing.body)["reasons"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertTrue(reasons.contains { $0.contains("the store cannot write") && $0.contains("full") }, "\(reasons)")
        XCTAssertEqual(try http.get("/healthz").status, 200, "the loops still run: only readiness fails")

        try service.server.limitDatabaseSize(toBytes: 0)
        XCTAssertTrue(try eventually { try http.get("/readyz").status == 200 }, "ready again by itself")
        let metrics = try http.get("/metrics").body
        XCTAssertTrue(metrics.contains("lede_store_failures_total "), "store failures are counted")
        XCTAssertFalse(metrics.contains("lede_store_failures_total 0\n"), metrics)
    }

    func testABadQueryIsAFourHundredWithAnErrorCode() throws {
        let service = try RunningService()
        defer { service.stop() }
        let http = try RunningHTTP(service.server)
        defer { http.stop() }
        for (path, code) in [("/v1/replay?lang=!!", "unknown_lang"), ("/v1/replay?limit=0", "bad_request"),
                             ("/v1/events?from_seq=-3", "bad_request"), ("/v1/events?colour=red", "bad_request")] {
            let answer = try http.get(path)
            XCTAssertEqual(answer.status, 400, path)
            XCTAssertEqual(try JSONReader.parse(answer.body)["error"]?["code"]?.stringValue, code, path)
        }
    }

    /// Headless Chromium opens the page of a running `lede serve`; then the example article is
    /// submitted, and its events appear on the page, each with its type and its trigger marked in its
    /// sentence; the type filter narrows the list. LEDE_PAGE_SCREENSHOT=FILE keeps what the page showed.
    func testTheLivePageShowsAnArticlesEventsAsTheyArriveInARealBrowser() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("needs Debian's chromium (.ci/run installs it)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = try ChildLede(database: directory.appendingPathComponent("lede.sqlite").path)
        defer { child.signal(SIGTERM); _ = child.waitForExit(timeout: 30) }

        let run = try runPythonClient("live_page.py", [
            "--chromium", chromium, "--http", try XCTUnwrap(child.ready["http"]), "--api", try XCTUnwrap(child.ready["api"]),
            "--article", exampleArticlePath,
        ] + (ProcessInfo.processInfo.environment["LEDE_PAGE_SCREENSHOT"].map { ["--screenshot", $0] } ?? []))
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let json = try JSONReader.parse(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertGreaterThan(json["cards"]?.intValue ?? 0, 0, run.stdout)
    }
}

/// The HTTP side port of an in-process service, on a free loopback port, for one test.
final class RunningHTTP: @unchecked Sendable {
    let address: String
    private let task: Task<Void, any Error>

    init(_ server: LedeServer, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws {
        let bound = DispatchSemaphore(value: 0)
        let address = Mutex<String?>(nil)
        var logger = Logger(label: "lede-http-test")
        logger.logLevel = .warning
        let side = HTTPSide(server: server, registry: registry, host: "127.0.0.1", port: 0, logger: logger) {
            address.withLock { [bound = $0] in $0 = bound }
            bound.signal()
        }
        task = Task { try await side.run() }
        guard bound.wait(timeout: .now() + 30) == .success, let bound = address.withLock({ $0 }) else {
            task.cancel()
            throw TestFailure("the HTTP side port did not start")
        }
        self.address = bound
    }

    func stop() { task.cancel() }

    /// A GET on this port: status and body.
    func get(_ path: String) throws -> (status: Int, body: String) {
        let done = DispatchSemaphore(value: 0)
        let answer = Mutex<(Int, String)?>(nil)
        let url = URL(string: "http://\(address)\(path)")!
        URLSession.shared.dataTask(with: url) { data, response, _ in
            let got = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self))
            answer.withLock { $0 = got }
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 10) == .success, let (status, body) = answer.withLock({ $0 }) else { throw TestFailure("no answer to GET \(path)") }
        return (status, body)
    }
}
