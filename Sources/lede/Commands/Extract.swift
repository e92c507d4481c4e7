import ArgumentParser
import Foundation
import LedeClient
import LedeExtraction
import LedeModel
import LedeWire

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extraction alone, offline: text or JSON article in, result JSON out.",
        discussion: "Plain text becomes the body of an article. With --jsonl every input line is an article and every output line its result, in input order. Results carry seq 0 (nothing is stored).")

    @Option(help: "auto, vi or en (auto identifies the language unless the article gives one).") var lang: String = "auto"
    @Flag(help: "Read and write one article per line.") var jsonl = false
    @Option(name: .customLong("published-at"), help: "Publication date for plain text (ISO 8601).") var publishedAt: String?
    @Argument(help: "Files; none or '-' reads stdin.") var files: [String] = []

    func validate() throws {
        guard ["auto", "vi", "en"].contains(lang) else { throw ValidationError("--lang must be auto, vi or en") }
    }

    func run() async throws {
        let extractor = try loadExtractor()
        let out = LineWriter()
        var failures = 0
        for file in files.isEmpty ? ["-"] : files {
            let data: [UInt8]
            do { data = try ArticleFiles.read(file) } catch { throw CLIError("\(error)") }
            let wrapping = ArticleFiles.Wrapping(lang: lang == "auto" ? nil : lang, publishedAt: publishedAt)
            let messages: [[UInt8]]
            if jsonl {
                messages = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init).filter { !$0.isEmpty }
            } else {
                messages = ArticleFiles.messages(in: data, wrapping: wrapping)
            }
            for message in messages {
                switch ArticleDecoder.decode(message, limits: IngestLimits()) {
                case .success(var article):
                    if lang != "auto" { article.lang = lang }
                    let result = extractor.extract(article)
                    out.write(ResultEncoding.result(result, seq: 0, article: article, committedAtMillis: Timestamps.nowMillis()))
                case .failure(let error):
                    failures += 1
                    // In --jsonl mode every input line has an output line, so order is kept.
                    out.write(APIReplyEncoding.error(error))
                    FileHandleOutput.stderr("lede: \(file): \(error.code): \(error.message)")
                }
            }
        }
        out.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
