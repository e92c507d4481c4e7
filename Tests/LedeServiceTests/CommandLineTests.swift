import Foundation
import XCTest

/// The `lede` executable's contract: exit codes (0 success, 1 runtime failure, 2 usage error), one
/// clear line on stderr, and `extract` giving the sample article's people, places and dates offline.
final class CommandLineTests: XCTestCase {
    func lede(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> LedeRun {
        try runLedeCommand(arguments, stdin: stdin, environment: environment)
    }

    func testAUsageErrorExitsWithTwo() throws {
        let run = try lede(["serve", "--workers", "0"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--workers: expected an integer from 1 to"), run.stderr)
    }

    func testAnUnreadableConfigFileIsAUsageError() throws {
        let run = try lede(["serve", "--config", "/nonexistent/lede.json"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("cannot read config file"), run.stderr)
    }

    func testAnUnknownConfigKeyIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lede-config-\(UUID().uuidString).json")
        try Data("{\"workerz\": 3}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try lede(["serve", "--config", file.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("unknown key \"workerz\""), run.stderr)
    }

    func testOutOfRangeConfigValuesAreOneLineAndExitTwoNeverACrashOrASilentChange() throws {
        for (key, value) in [("publish_hwm", "3000000000"), ("workers", "0"), ("queue_depth", "-1"), ("max_message_bytes", "0")] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("lede-config-\(UUID().uuidString).json")
            try Data("{\"\(key)\": \(value)}".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let run = try lede(["serve", "--config", file.path])
            XCTAssertEqual(run.status, 2, "\(key): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(key), run.stderr)
        }
    }

    func testTheHTTPPortMustBeHostColonPortOrNone() throws {
        for run in [try lede(["serve", "--http", "everywhere"]), try lede(["serve", "--http", "0.0.0.0:70000"]),
                    try lede(["serve"], environment: ["LEDE_HTTP": ":8558"])] {
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("HOST:PORT"), run.stderr)
        }
    }

    func testADatabaseSizeLimitMustBeAWholeNumberOfMegabytes() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lede-config-\(UUID().uuidString).json")
        try Data("{\"max_database_mb\": -5}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let inFile = try lede(["serve", "--config", file.path])
        XCTAssertEqual(inFile.status, 2)
        XCTAssertEqual(inFile.stderr.split(separator: "\n").count, 1, inFile.stderr)
        XCTAssertTrue(inFile.stderr.contains("max_database_mb"), inFile.stderr)

        let inVariable = try lede(["serve"], environment: ["LEDE_MAX_DATABASE_MB": "lots"])
        XCTAssertEqual(inVariable.status, 2)
        XCTAssertEqual(inVariable.stderr.split(separator: "\n").count, 1, inVariable.stderr)
        XCTAssertTrue(inVariable.stderr.contains("LEDE_MAX_DATABASE_MB"), inVariable.stderr)
    }

    func testEvalNERSaysWhichTaggerModelItCannotRead() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lede-gold-\(UUID().uuidString).jsonl")
        try Data(#"{"id":"g","lang":"en","text":"Paris","entities":[]}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let missing = try lede(["eval", "ner", "--gold", file.path, "--tagger", "/nonexistent.model"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/nonexistent.model"), missing.stderr)
        let notAModel = try lede(["eval", "ner", "--gold", file.path, "--tagger", file.path])
        XCTAssertEqual(notAModel.status, 1)
        XCTAssertEqual(notAModel.stderr.split(separator: "\n").count, 1, notAModel.stderr)
    }

    func testAnUnreachableServiceIsARuntimeFailureInOneLine() throws {
        let run = try lede(["push", "--ack", "--endpoint", "tcp://127.0.0.1:1", "--retries", "0", "--timeout", "0.2", "-"], stdin: "{\"body\":\"x\"}")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("lede: no reply from tcp://127.0.0.1:1"), run.stderr)
    }

    func testEventCommandsSayWhatDataTheyMiss() throws {
        let train = try lede(["train", "events", "--lang", "vi", "--data", "Gold/events/vi-train.jsonl", "--out", "/dev/null"])
        XCTAssertEqual(train.status, 2, train.stderr)
        XCTAssertTrue(train.stderr.contains("--corpus"), train.stderr)
        let threshold = try lede(["train", "events", "--lang", "vi", "--data", "x", "--corpus", "y", "--threshold", "2", "--out", "z"])
        XCTAssertEqual(threshold.status, 2, threshold.stderr)
        XCTAssertTrue(threshold.stderr.contains("between 0 and 1"), threshold.stderr)
        for (flag, value, says) in [("--rate", "0", "--rate"), ("--identity-dropout", "1", "--identity-dropout"), ("--epochs", "0", "--epochs"),
                                    ("--l2", "-1", "--l2"), ("--positive-weight", "0", "--positive-weight"),
                                    ("--lexicon-floor", "3", "between 0 and 1"), ("--role-threshold", "1.5", "between 0 and 1"),
                                    ("--lang", "fr", "--lang must be one of en, vi")] {
            let bad = try lede(["train", "events", "--lang", "vi", "--data", "x", "--corpus", "y", flag, value, "--out", "z"])
            XCTAssertEqual(bad.status, 2, bad.stderr)
            XCTAssertTrue(bad.stderr.contains(says), bad.stderr)
        }
        for flag in ["--threshold", "--off-topic-threshold", "--lexicon-floor", "--role-threshold"] {
            let bad = try lede(["eval", "events", "--gold", "x", flag, "1.5"])
            XCTAssertEqual(bad.status, 2, bad.stderr)
            XCTAssertTrue(bad.stderr.contains("\(flag) is a probability"), bad.stderr)
        }
        // A model file to measure that is not there, or not an event model: one line, exit 1.
        let gold = FileManager.default.temporaryDirectory.appendingPathComponent("lede-gold-\(UUID().uuidString).jsonl")
        try Data(#"{"id": "g", "lang": "en", "body": "Police arrested two men.", "events": []}"#.utf8).write(to: gold)
        defer { try? FileManager.default.removeItem(at: gold) }
        let missing = try lede(["eval", "events", "--gold", gold.path, "--model", "/nonexistent/en.model"])
        XCTAssertEqual(missing.status, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("cannot read /nonexistent/en.model"), missing.stderr)
        let notAModel = try lede(["eval", "events", "--gold", gold.path, "--model", gold.path])
        XCTAssertEqual(notAModel.status, 1, notAModel.stderr)
        XCTAssertTrue(notAModel.stderr.contains("not a Lede event model"), notAModel.stderr)
        let otherLanguage = try lede(["eval", "events", "--gold", gold.path, "--model", "Sources/LedeExtraction/Resources/events/vi.model"])
        XCTAssertEqual(otherLanguage.status, 1, otherLanguage.stderr)
        XCTAssertEqual(otherLanguage.stderr.split(separator: "\n").count, 1, otherLanguage.stderr)
        XCTAssertTrue(otherLanguage.stderr.contains("is a vi event model"), otherLanguage.stderr)
        // Whole-article gold carries no text: without the corpus the evaluation cannot start.
        let eval = try lede(["eval", "events", "--gold", "Gold/events/vi-dev.jsonl"])
        XCTAssertEqual(eval.status, 1, eval.stderr)
        XCTAssertEqual(eval.stderr.split(separator: "\n").count, 1, eval.stderr)
        XCTAssertTrue(eval.stderr.contains("give the corpus with --corpus"), eval.stderr)
        for (flags, says) in [(["--lang", "fr", "--corpus", "x"], "--lang must be one of en, vi"), (["--lang", "en"], "--corpus"),
                              (["--lang", "en", "--corpus", "x", "--min-articles", "0"], "--min-articles")] {
            let bad = try lede(["train", "names"] + flags + ["--out", "/dev/null"])
            XCTAssertEqual(bad.status, 2, bad.stderr)
            XCTAssertTrue(bad.stderr.contains(says), bad.stderr)
        }
        // A corpus that is not there, a line that is not an article, an output that cannot be written:
        // one line each, exit 1, and nothing written.
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("lede-corpus-\(UUID().uuidString).jsonl")
        try Data(#"{"id": "a", "body": "Shares in delivery firm Exel rose."}"#.utf8).write(to: corpus)
        let notArticle = FileManager.default.temporaryDirectory.appendingPathComponent("lede-corpus-\(UUID().uuidString).jsonl")
        try Data(#"{"id": 1}"#.utf8).write(to: notArticle)
        defer { for f in [corpus, notArticle] { try? FileManager.default.removeItem(at: f) } }
        let unwritten = FileManager.default.temporaryDirectory.appendingPathComponent("lede-learnt-\(UUID().uuidString).tsv").path
        for (input, out, says) in [("/nonexistent/corpus.jsonl", unwritten, "/nonexistent/corpus.jsonl"),
                                   (notArticle.path, unwritten, "not a corpus line"),
                                   (corpus.path, "/nonexistent/dir/learnt.tsv", "cannot write /nonexistent/dir/learnt.tsv")] {
            let failed = try lede(["train", "names", "--lang", "en", "--corpus", input, "--out", out])
            XCTAssertEqual(failed.status, 1, failed.stderr)
            XCTAssertEqual(failed.stderr.split(separator: "\n").count, 1, failed.stderr)
            XCTAssertTrue(failed.stderr.contains(says), failed.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), out)
        }
        let bench = try lede(["bench", "extract"])
        XCTAssertEqual(bench.status, 2, bench.stderr)
        XCTAssertTrue(bench.stderr.contains("--corpus"), bench.stderr)
    }

    func testExtractGivesEachArticleATopicAndNoEventsForAMatchReport() throws {
        let run = try lede(["extract", "Examples/en-cup-final.json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((result["topic"] as? [String: Any])?["label"] as? String, "sport")
        XCTAssertEqual((result["events"] as? [Any])?.count, 0, "“battle”, “attacked” and “assault” in a match report are no events")
    }

    func testExtractFindsTheSampleArticlesEntitiesOffline() throws {
        guard let sample = specifiedSampleBody else { throw XCTSkip(specifiedSampleMissing) }
        let run = try lede(["extract", "--lang", "vi", "--published-at", "2017-12-07", "-"], stdin: sample)
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entities = (result["entities"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        for name in ["Vladimir Putin", "Valery Gerasimov", "Sergey Rudskoi", "Bashar al-Assad", "Sochi", "Geneva", "Liên Hợp Quốc"] {
            XCTAssertTrue(entities.contains(name), "\(name) in \(entities)")
        }
        let dates = (result["mentions"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "DATE" }.compactMap { $0["value"] as? String }
        for date in ["2017-12-07", "2017-11-20", "2017-12-10", "2015"] { XCTAssertTrue(dates.contains(date), "\(date) in \(dates)") }
        let body = Array(sample.unicodeScalars)
        for m in result["mentions"] as? [[String: Any]] ?? [] where m["field"] as? String == "body" {
            let start = m["start"] as! Int, end = m["end"] as! Int
            var v = String.UnicodeScalarView(); v.append(contentsOf: body[start..<end])
            XCTAssertEqual(String(v), m["text"] as? String)
        }
    }
}
