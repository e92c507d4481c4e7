import Foundation
import LedeExtraction
import LedeModel
import LedeStore
import LedeWire
import XCTest

/// Micro-benchmarks of the hot paths, so regressions show in `measure` output. Run them in release:
/// `LEDE_BENCHMARKS=1 swift test -c release --filter LedePerformanceTests`. Times are reported, never
/// asserted; they are skipped otherwise, because swift-corelibs-xctest fails a `measure` block whose
/// runs vary by more than 10 %, which a shared 2-core machine does all the time.
final class HotPathBenchmarks: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["LEDE_BENCHMARKS"] == "1", "set LEDE_BENCHMARKS=1 to run the micro-benchmarks")
    }

    /// The repository's Vietnamese example article, three times over: about the length of a news article.
    static let body: String = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/vi-hoi-dam-bien-gioi.json").standardized.path
        guard let data = FileManager.default.contents(atPath: path),
            let body = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["body"] as? String
        else { preconditionFailure("\(path) is part of the repository and holds an article with a body") }
        return Array(repeating: body, count: 3).joined(separator: "\n")
    }()
    static let extractor: Extractor = {
        do { return try Extractor() } catch { preconditionFailure("the shipped models load: \(error)") }
    }()
    static let article = Article(id: "bench", body: body, lang: "vi", publishedAt: PublicationDate(year: 2017, month: 12, day: 7))

    func testAnalysis() {
        measure { for _ in 0..<20 { _ = TextAnalyzer.analyze(Self.body, field: .body) } }
    }

    func testTagger() throws {
        let tagger = try EntityTagger.shipped(lang: "vi")
        let text = TextAnalyzer.analyze(Self.body, field: .body)
        measure { for _ in 0..<20 { _ = tagger.tag(text) } }
    }

    func testValueRules() {
        let text = TextAnalyzer.analyze(Self.body, field: .body)
        measure { for _ in 0..<20 { _ = ValueRules.find(in: text, lang: "vi", publishedAt: Self.article.publishedAt) } }
    }

    func testWholeExtraction() {
        _ = Self.extractor.extract(Self.article)
        measure { for _ in 0..<20 { _ = Self.extractor.extract(Self.article) } }
    }

    func testResultEncoding() {
        let result = Self.extractor.extract(Self.article)
        measure { for _ in 0..<200 { _ = ResultEncoding.result(result, seq: 1, article: Self.article, committedAtMillis: 0) } }
    }

    /// The strict reader against Foundation's, on the JSON Lede publishes (one result of the example
    /// article): kept because it refuses what the wire contract refuses (duplicate keys, lone
    /// surrogates, depth, limits) with the contract's codes; `Benchmarks/README.md` records the times.
    func testStrictReaderAgainstJSONSerialization() throws {
        let result = Self.extractor.extract(Self.article)
        let json = ResultEncoding.result(result, seq: 1, article: Self.article, committedAtMillis: 0)
        let data = Data(json)
        // Five alternating rounds of 200 parses each, the best of each kept, printed for the record.
        let clock = ContinuousClock()
        var strict = Duration.seconds(1000), foundation = Duration.seconds(1000)
        for _ in 0..<5 {
            strict = min(strict, clock.measure { for _ in 0..<200 { _ = try? JSONReader.parse(json) } })
            foundation = min(foundation, clock.measure { for _ in 0..<200 { _ = try? JSONSerialization.jsonObject(with: data) } })
        }
        print("JSON of \(json.count) bytes, 200 parses: JSONReader \(strict), JSONSerialization \(foundation)")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: data) as? [String: Any], "both read the same document")
    }

    func testArticleDecoding() {
        var w = JSONWriter()
        w.beginObject(); w.key("id"); w.string("x"); w.key("body"); w.string(Self.body); w.key("lang"); w.string("vi"); w.endObject()
        let bytes = w.bytes
        measure { for _ in 0..<200 { _ = ArticleDecoder.decode(bytes, limits: IngestLimits()) } }
    }

    func testStoreBatchCommit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-perf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(path: directory.appendingPathComponent("perf.sqlite").path, durability: .normal)
        let result = Self.extractor.extract(Self.article)
        var n = 0
        measure {
            let items: [CommitItem] = (0..<256).map { _ in
                n += 1
                var a = Self.article
                a.id = "perf-\(n)"
                return .result(StoredArticle(article: a, publishedAtText: nil, receivedAtMillis: 0, ingest: "pull"), result)
            }
            _ = try? store.commit(items, nowMillis: 0) { stored, r, seq, at, _ in
                RenderedResult(result: ResultEncoding.result(r, seq: seq, article: stored.article, committedAtMillis: at))
            }
        }
    }
}
