import Foundation
import LedeExtraction
import LedeModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time of the calling thread, in seconds: throughput per core, whatever else the machine runs.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Counts of one entity type, compared by exact span and type (the conlleval manner).
public struct NERCounts: Sendable {
    public var correct = 0
    public var found = 0
    public var gold = 0

    public var precision: Double { found == 0 ? 0 : 100 * Double(correct) / Double(found) }
    public var recall: Double { gold == 0 ? 0 : 100 * Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func + (a: NERCounts, b: NERCounts) -> NERCounts {
        NERCounts(correct: a.correct + b.correct, found: a.found + b.found, gold: a.gold + b.gold)
    }
}

/// The outcome of `NEREvaluation.run`: counts per type, size of the text, and time spent extracting.
public struct NERReport: Sendable {
    public var documents = 0
    public var byType: [MentionType: NERCounts] = [:]
    public var bytes = 0
    public var seconds = 0.0
    /// CPU time of the extracting thread.
    public var cpuSeconds = 0.0

    public var overall: NERCounts { NameTypes.all.reduce(NERCounts()) { $0 + (byType[$1] ?? NERCounts()) } }
    public var personsPlacesOrganizations: NERCounts {
        [MentionType.person, .location, .organization].reduce(NERCounts()) { $0 + (byType[$1] ?? NERCounts()) }
    }
    /// Millions of bytes of UTF-8 text per second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
    /// Millions of bytes per second of the thread's CPU time: throughput of one core.
    public var megabytesPerCPUSecond: Double { cpuSeconds > 0 ? Double(bytes) / 1e6 / cpuSeconds : 0 }

    /// conlleval-style lines: the overall figures, one line per type, PER/LOC/ORG, throughput.
    public func formatted() -> String {
        func line(_ label: String, _ c: NERCounts) -> String {
            let name = label.count >= 9 ? label : label.padding(toLength: 9, withPad: " ", startingAt: 0)
            return "\(name) precision: \(pct(c.precision)); recall: \(pct(c.recall)); FB1: \(fixed(c.f1))  \(c.found)"
        }
        let o = overall
        var lines = [
            "processed \(documents) texts with \(o.gold) phrases; found: \(o.found) phrases; correct: \(o.correct).",
            line("overall", o),
        ]
        for type in NameTypes.all { lines.append(line(type.rawValue, byType[type] ?? NERCounts())) }
        lines.append(line("PER+LOC+ORG", personsPlacesOrganizations))
        lines.append(
            "throughput: \(fixed(megabytesPerCPUSecond)) MB/s per core (\(bytes) bytes of UTF-8 text in \(fixed(cpuSeconds)) s of CPU time; "
                + "\(fixed(megabytesPerSecond).trimmingCharacters(in: .whitespaces)) MB/s wall clock)")
        return lines.joined(separator: "\n")
    }

    private func pct(_ v: Double) -> String { fixed(v) + "%" }
    private func fixed(_ v: Double) -> String { String(format: "%6.2f", v) }
}

enum NameTypes {
    static let all: [MentionType] = [.person, .location, .organization, .miscellaneous]
}

public enum NEREvaluation {
    /// Runs `extractor` over each gold text as an article body in the gold language, and compares its
    /// PER, LOC, ORG and MISC body mentions with the gold entities. With `taggerOnly`, only analysis
    /// and the tagger run (to tell the tagger's share from the rest of the pipeline).
    public static func run(
        _ documents: [NERGoldDocument], extractor: Extractor, taggerOnly: Bool = false,
        errors: ((String) -> Void)? = nil
    ) -> NERReport {
        var report = NERReport()
        var found: [[NERGoldEntity]] = []
        found.reserveCapacity(documents.count)
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStarted = threadCPUSeconds()
        for (k, document) in documents.enumerated() {
            let mentions: [Mention]
            if taggerOnly {
                let analyzed = TextAnalyzer.analyze(document.text, field: .body)
                mentions = (try? EntityTagger.shipped(lang: document.lang))?.tag(analyzed) ?? []
            } else {
                let article = Article(id: document.id.isEmpty ? "gold-\(k)" : document.id, body: document.text, lang: document.lang)
                mentions = extractor.extract(article).mentions
            }
            found.append(
                mentions.filter { $0.type.isName && $0.span.field == .body }.map {
                    NERGoldEntity(start: $0.span.start, end: $0.span.end, type: $0.type)
                })
        }
        let elapsed = clock.now - started
        report.cpuSeconds = threadCPUSeconds() - cpuStarted
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        for (document, predicted) in zip(documents, found) {
            report.documents += 1
            report.bytes += document.text.utf8.count
            let gold = Set(document.entities)
            if let errors, gold != Set(predicted) { errors(differences(document, predicted)) }
            for e in document.entities { report.byType[e.type, default: NERCounts()].gold += 1 }
            for e in Set(predicted) {
                report.byType[e.type, default: NERCounts()].found += 1
                if gold.contains(e) { report.byType[e.type, default: NERCounts()].correct += 1 }
            }
        }
        return report
    }

    /// One line per text: its id, then "-TYPE[text]" for each missed and "+TYPE[text]" for each spurious entity.
    static func differences(_ document: NERGoldDocument, _ predicted: [NERGoldEntity]) -> String {
        let scalars = Array(document.text.unicodeScalars)
        func show(_ e: NERGoldEntity) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[max(0, e.start)..<min(scalars.count, e.end)])
            return "\(e.type.rawValue)[\(String(v))]"
        }
        let gold = Set(document.entities)
        let found = Set(predicted)
        let missed = document.entities.filter { !found.contains($0) }.map { "-" + show($0) }
        let spurious = predicted.filter { !gold.contains($0) }.map { "+" + show($0) }
        return ([document.id] + missed + spurious).joined(separator: " ")
    }
}
