import Foundation
import LedeExtraction
import LedeModel
import LedeWire

/// Articles for benchmarks, read from a JSON-lines corpus given with `--corpus` (the repository ships
/// none: news text belongs to its publishers).
enum BenchCorpus {
    /// The corpus lines as raw JSON messages, and decoded.
    static func load(_ path: String, limit: Int?) throws -> (raw: [[UInt8]], articles: [Article]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read corpus \(path)") }
        var raw: [[UInt8]] = []
        var articles: [Article] = []
        for line in [UInt8](data).split(separator: 0x0A) {
            if let limit, articles.count >= limit { break }
            let bytes = Array(line)
            guard case .success(var article) = ArticleDecoder.decode(bytes, limits: IngestLimits()) else { continue }
            // The English corpus has no lang field; the Vietnamese one none either: identify once.
            if article.lang == nil { article.lang = LanguageIdentifier.identify(article.body) }
            raw.append(bytes)
            articles.append(article)
        }
        guard !articles.isEmpty else { throw CLIError("no articles in \(path)") }
        return (raw, articles)
    }

    static func textBytes(_ a: Article) -> Int { a.body.utf8.count + (a.title?.utf8.count ?? 0) }
}

/// Resident and peak memory of this process, from /proc (Linux).
enum ProcessMemory {
    static func kilobytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
    static var residentMB: Double { Double(kilobytes("VmRSS")) / 1024 }
    static var peakMB: Double { Double(kilobytes("VmHWM")) / 1024 }
}

func format(_ v: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", v) }
