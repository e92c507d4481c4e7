/// Training of an `EntityTagger` from gold texts, in memory. Deterministic: the same examples, in the
/// same order, with the same settings give the same model, byte for byte.
public struct EntityTaggerTraining: Sendable {
    /// One gold text: entity offsets are code points into `text`, end exclusive.
    public struct Example: Sendable {
        public var text: String
        public var entities: [(start: Int, end: Int, type: MentionType)]

        public init(text: String, entities: [(start: Int, end: Int, type: MentionType)]) {
            self.text = text
            self.entities = entities
        }
    }

    public var bucketBits = 17
    public var epochs = 12
    public var seed: UInt64 = 20_171_207
    /// Probability of leaving a token's own-word features out of an update.
    public var wordDropout = 0.1
    /// Margin of cost-augmented training (`PerceptronTrainer.margin`).
    public var margin: Float = 3
    public var clustering = WordClustering()

    public init() {}

    /// Gold entities whose edges fall inside a token: the tokeniser and the gold disagree there.
    public private(set) var misaligned = 0
    /// The first few of them, with the tokens around, for the training log.
    public private(set) var misalignedSamples: [String] = []

    public struct EpochReport: Sendable {
        public var epoch: Int
        public var tokenErrors: Int
        public var tokens: Int
    }

    /// Trains a tagger. `unlabelled` texts (plus the examples' own texts) feed the word classes; `names`
    /// (gazetteer entries) are embedded in the model and mark the tokens of listed names;
    /// `progress` hears about every epoch and may evaluate the tagger as it stands.
    public mutating func train(
        lang: String, examples: [Example], unlabelled: [String], names: [(String, MentionType)] = [],
        progress: (EpochReport, () -> EntityTagger) -> Void = { _, _ in }
    ) -> EntityTagger {
        let clusters = clustering.build(unlabelled + examples.map(\.text))
        let nameList = NameList(names: names)
        let features = TaggerFeatures(clusters: clusters, names: nameList, bucketBits: bucketBits)
        var sequences: [TaggedSequence] = []
        sequences.reserveCapacity(examples.count)
        var tokens = 0
        misaligned = 0
        misalignedSamples = []
        for example in examples {
            let analyzed = TextAnalyzer.analyze(example.text, field: .body)
            guard !analyzed.tokens.isEmpty else { continue }
            let (tags, bad) = Self.goldTags(analyzed, example.entities)
            misaligned += bad.count
            for e in bad where misalignedSamples.count < 40 {
                let around = analyzed.tokens.filter { $0.end > e.start - 12 && $0.start < e.end + 12 }.map(\.text)
                misalignedSamples.append("\(analyzed.text(e.start, e.end)) in \(around)")
            }
            tokens += tags.count
            sequences.append(
                TaggedSequence(features: features.extract(analyzed), tags: tags, starts: TaggerFeatures.sentenceStarts(analyzed)))
        }
        var trainer = PerceptronTrainer(bucketBits: bucketBits)
        trainer.wordDropout = wordDropout
        trainer.margin = margin
        for epoch in 1...max(1, epochs) {
            let errors = trainer.epoch(sequences, seed: seed &+ UInt64(epoch))
            progress(EpochReport(epoch: epoch, tokenErrors: errors, tokens: tokens)) {
                EntityTagger(lang: lang, clusters: clusters, names: nameList, model: trainer.averaged())
            }
        }
        return EntityTagger(lang: lang, clusters: clusters, names: nameList, model: trainer.averaged())
    }

    /// BIO tags for the tokens of a gold text, and how many entities did not align with token edges
    /// (those tag every token they overlap).
    static func goldTags(
        _ text: AnalyzedText, _ entities: [(start: Int, end: Int, type: MentionType)]
    ) -> ([UInt8], [(start: Int, end: Int, type: MentionType)]) {
        var tags = [UInt8](repeating: EntityTag.outside, count: text.tokens.count)
        var bad: [(start: Int, end: Int, type: MentionType)] = []
        for entity in entities.sorted(by: { $0.start < $1.start }) {
            guard let begin = EntityTag.begin(entity.type) else { continue }
            let covered = text.tokens.indices.filter {
                text.tokens[$0].start < entity.end && text.tokens[$0].end > entity.start
            }
            guard let first = covered.first, let last = covered.last else { continue }
            if text.tokens[first].start != entity.start || text.tokens[last].end != entity.end { bad.append(entity) }
            if tags[first] != EntityTag.outside { continue }  // overlaps an earlier entity
            tags[first] = begin
            for k in covered.dropFirst() { tags[k] = begin + 1 }
        }
        return (tags, bad)
    }
}
