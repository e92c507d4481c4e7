import Foundation
import LedeExtraction
import LedeModel

/// `lede train ner`: reads gold and unlabelled files, trains the tagger, reports each epoch (scored
/// on dev files when given), and writes the model file.
public struct TaggerTraining {
    public var lang: String
    public var data: [String]
    public var corpus: [String] = []
    public var dev: [String] = []
    /// A directory of gazetteer tables whose names become name-list features.
    public var gazetteers: String?
    public var settings = EntityTaggerTraining()

    public init(lang: String, data: [String]) {
        self.lang = lang
        self.data = data
    }

    /// Trains and returns the model file's bytes; `log` receives one line per step.
    public func run(log: (String) -> Void) throws -> Data {
        try settings.validate()
        var examples: [EntityTaggerTraining.Example] = []
        for path in data {
            let documents = try NERGold.read(path: path)
            for d in documents where d.lang.isEmpty || d.lang == lang {
                examples.append(.init(text: d.text, entities: d.entities.map { ($0.start, $0.end, $0.type) }))
            }
            log("read \(documents.count) gold texts from \(path)")
        }
        var unlabelled: [String] = []
        for path in corpus {
            let texts = try NERGold.readCorpus(path: path)
            unlabelled += texts
            log("read \(texts.count) unlabelled texts from \(path)")
        }
        let devDocuments = try dev.flatMap { try NERGold.read(path: $0) }
        var names: [(String, MentionType)] = []
        if let gazetteers {
            names = try TaggerGazetteer.read(directory: gazetteers)
            log("read \(names.count) names from the gazetteers in \(gazetteers)")
        }
        var training = settings
        let clock = ContinuousClock()
        let started = clock.now
        let tagger = training.train(lang: lang, examples: examples, unlabelled: unlabelled, names: names) { report, current in
            var line = "epoch \(report.epoch): \(report.tokenErrors) token errors in \(report.tokens) tokens"
            if !devDocuments.isEmpty {
                let scored = NERTaggerScoring.score(devDocuments, tagger: current())
                line += String(format: "; dev F1 %.2f (PER/LOC/ORG %.2f)", scored.overall.f1, scored.personsPlacesOrganizations.f1)
            }
            log(line + " [\(clock.now - started)]")
        }
        log("\(training.misaligned) gold entities had edges inside a token, for example:")
        for sample in training.misalignedSamples.prefix(40) { log("  " + sample) }
        return tagger.serialized(prune: training.prune ?? training.learner.defaultPrune)
    }
}

/// Scores a tagger alone (analysis and tagging, no other component) against gold texts.
enum NERTaggerScoring {
    static func score(_ documents: [NERGoldDocument], tagger: EntityTagger) -> NERReport {
        var report = NERReport()
        for document in documents {
            let mentions = tagger.tag(TextAnalyzer.analyze(document.text, field: .body))
            report.documents += 1
            let gold = Set(document.entities)
            for e in document.entities { report.byType[e.type, default: NERCounts()].gold += 1 }
            for m in mentions {
                let e = NERGoldEntity(start: m.span.start, end: m.span.end, type: m.type)
                report.byType[e.type, default: NERCounts()].found += 1
                if gold.contains(e) { report.byType[e.type, default: NERCounts()].correct += 1 }
            }
        }
        return report
    }
}
