import Foundation
import LedeWire
import XCTest

/// `lede bench service` at a fixed rate reports push→publish latency from HdrHistogram twice: from when
/// each article was sent, and from when the schedule meant it to leave (corrected for coordinated
/// omission). The corrected figures can never be lower, and both count every article.
final class BenchCommandTests: XCTestCase {
    func testAFixedRateRunReportsCorrectedAndUncorrectedPercentilesOverEveryArticle() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The tour's articles, one a line, as the corpus.
        var lines: [String] = []
        for name in ["vi-hoi-dam-bien-gioi.json", "en-ceasefire-talks.json", "en-cup-final.json"] {
            let object = try JSONReader.parse([UInt8](Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/\(name)"))))
            var writer = JSONWriter()
            writer.value(object)
            lines.append(String(decoding: writer.bytes, as: UTF8.self))
        }
        let corpus = directory.appendingPathComponent("corpus.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: corpus)

        let run = try runLedeCommand(["bench", "service", "--corpus", corpus.path, "--articles", "120", "--rate", "200", "--workers", "1"])
        XCTAssertEqual(run.status, 0, run.stderr)
        func percentiles(_ label: String) throws -> (values: [Double], count: Int) {
            let line = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.contains(label) }, run.stdout)
            let words = line.split(separator: " ")
            let values = ["p50", "p90", "p99", "p99.9", "max"].compactMap { name in
                words.firstIndex(of: Substring(name)).flatMap { Double(words[$0 + 1]) }
            }
            let count = Int(line.split(separator: "(").last!.split(separator: " ").first!)!
            return (values, count)
        }
        let corrected = try percentiles("from the schedule:")
        let uncorrected = try percentiles("(uncorrected):")
        XCTAssertEqual(corrected.count, 120)
        XCTAssertEqual(uncorrected.count, 120)
        XCTAssertEqual(corrected.values.count, 5)
        XCTAssertEqual(corrected.values, corrected.values.sorted(), "percentiles rise to the max")
        for (c, u) in zip(corrected.values, uncorrected.values) {
            XCTAssertGreaterThanOrEqual(c, u, "measured from the schedule, no article is quicker than from its send")
        }
    }

    func testReprocessBenchRefusesCountsThatAreNotPositive() throws {
        for bad in [["--articles", "0"], ["--rate", "-1"], ["--workers", "0"]] {
            let run = try runLedeCommand(["bench", "reprocess", "--corpus", "/nonexistent.jsonl"] + bad)
            XCTAssertEqual(run.status, 2, "\(bad): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        }
    }
}
