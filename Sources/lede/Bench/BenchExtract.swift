import ArgumentParser
import Foundation
import LedeExtraction
import LedeModel

struct BenchExtract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Extraction throughput on a JSON-lines corpus: one core, then N workers.")

    @Option(help: "JSON-lines news corpus (id, title, body per line). Not shipped: the team's is vi-news.jsonl.") var corpus: String
    @Option(help: "Articles to use (default all).") var limit: Int?
    @Option(help: "Parallel workers for the second measurement (default one per core).") var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Passes over the corpus per measurement.") var passes: Int = 1

    func run() async throws {
        let (_, articles) = try BenchCorpus.load(corpus, limit: limit)
        let loadStart = Date()
        let extractor = try loadExtractor()
        let loadSeconds = Date().timeIntervalSince(loadStart)
        _ = extractor.extract(articles[0])  // warm up
        let bytes = Double(articles.map(BenchCorpus.textBytes).reduce(0, +) * passes)
        let count = Double(articles.count * passes)

        var mentions = 0, events = 0
        let start = Date()
        for _ in 0..<passes {
            for a in articles {
                let r = extractor.extract(a)
                mentions += r.mentions.count
                events += r.events.count
            }
        }
        let one = Date().timeIntervalSince(start)

        let n = max(1, workers)
        let chunks = (0..<n).map { w in stride(from: w, to: articles.count, by: n).map { articles[$0] } }
        let parallelStart = Date()
        DispatchQueue.concurrentPerform(iterations: n) { w in
            for _ in 0..<passes { for a in chunks[w] { _ = extractor.extract(a) } }
        }
        let many = Date().timeIntervalSince(parallelStart)

        print("corpus: \(corpus) — \(articles.count) articles, \(format(bytes / Double(passes) / 1e6, 2)) MB of text, \(passes) pass(es)")
        print("models loaded in \(format(loadSeconds, 2)) s; resident memory \(format(ProcessMemory.residentMB)) MB")
        print("1 core:    \(format(bytes / one / 1e6, 2)) MB/s, \(format(count / one)) articles/s (\(mentions) mentions, \(events) events)")
        print("\(n) workers: \(format(bytes / many / 1e6, 2)) MB/s, \(format(count / many)) articles/s")
    }
}
