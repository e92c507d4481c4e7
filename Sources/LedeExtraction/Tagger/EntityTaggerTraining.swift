import LedeModel
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

    /// How the weights are learnt. The CRF is the default: over three shuffles each it scored VLSP 2016
    /// dev 86.22 and VLSP 2018 dev 85.25 on average, the perceptron 85.74 and 84.24 (3 December 2026).
    public enum Learner: String, Sendable, CaseIterable {
        case crf, perceptron

        /// Training passes unless `epochs` says otherwise.
        public var defaultEpochs: Int { self == .crf ? 20 : 12 }
        /// The margin of cost-augmented training unless `margin` says otherwise.
        public var defaultMargin: Float { self == .crf ? 1 : 3 }
        /// Weights smaller than this are left out of the model file unless `prune` says otherwise. The
        /// perceptron's weights are counts of updates, averaged; the CRF's are about ten times smaller.
        public var defaultPrune: Float { self == .crf ? 0.005 : 0.05 }
    }

    public var learner = Learner.crf
    public var bucketBits = 17
    /// Training passes; nil for the learner's default.
    public var epochs: Int?
    public var seed: UInt64 = 20_171_207
    /// Probability of leaving a token's own-word features out of an update.
    public var wordDropout = 0.1
    /// Extra score for every wrong tag while training (cost-augmented decoding for the perceptron,
    /// softmax-margin for the CRF); nil for the learner's default.
    public var margin: Float?
    /// The CRF's L2 penalty, C in C/2 ‖w‖² (`CRFTrainer.l2`).
    public var l2 = 1.0
    /// Weights smaller than this are left out of the model file (`serialized`); nil for the learner's
    /// default.
    public var prune: Float?
    public var clustering = WordClustering()

    public init() {}

    /// A setting out of its range, named as `lede train ner` names it.
    public struct SettingError: Error, CustomStringConvertible, Equatable {
        public var setting: String
        public var allowed: String
        public var description: String { "--\(setting) must be \(allowed)" }
    }

    /// Throws for the first setting out of range. `train` assumes valid settings: an L2 penalty past
    /// ~20 × the examples would shrink every weight to nothing in one step, a negative dropout crashes.
    public func validate() throws {
        func check(_ ok: Bool, _ setting: String, _ allowed: String) throws {
            if !ok { throw SettingError(setting: setting, allowed: allowed) }
        }
        try check((1...100).contains(epochs ?? 1), "epochs", "1...100")
        try check((16...24).contains(bucketBits), "bucket-bits", "16...24")
        try check((0..<1).contains(wordDropout), "word-dropout", "0 or more and under 1")
        try check((margin ?? 0) >= 0, "margin", "0 or more")
        try check((0...100).contains(l2), "l2", "0...100")
        try check((prune ?? 0) >= 0, "prune", "0 or more")
        try check((64...4000).contains(clustering.fineClasses), "word-classes", "64...4000")
    }

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
            let starts = TaggerFeatures.sentenceStarts(analyzed)
            let (tags, bad) = Self.goldTags(analyzed, example.entities, starts: starts)
            misaligned += bad.count
            for e in bad where misalignedSamples.count < 40 {
                let around = analyzed.tokens.filter { $0.end > e.start - 12 && $0.start < e.end + 12 }.map(\.text)
                misalignedSamples.append("\(analyzed.text(e.start, e.end)) in \(around)")
            }
            tokens += tags.count
            sequences.append(
                TaggedSequence(features: features.extract(analyzed), tags: tags, starts: starts))
        }
        var trainer: any SequenceTrainer
        switch learner {
        case .crf:
            var crf = CRFTrainer(bucketBits: bucketBits)
            crf.margin = margin ?? learner.defaultMargin
            crf.l2 = l2
            trainer = crf
        case .perceptron:
            var perceptron = PerceptronTrainer(bucketBits: bucketBits)
            perceptron.margin = margin ?? learner.defaultMargin
            trainer = perceptron
        }
        for epoch in 1...max(1, epochs ?? learner.defaultEpochs) {
            let errors = trainer.epoch(sequences, seed: seed &+ UInt64(epoch), wordDropout: wordDropout)
            progress(EpochReport(epoch: epoch, tokenErrors: errors, tokens: tokens)) {
                EntityTagger(lang: lang, clusters: clusters, names: nameList, model: trainer.model())
            }
        }
        return EntityTagger(lang: lang, clusters: clusters, names: nameList, model: trainer.model())
    }

    /// BIO tags for the tokens of a gold text, and the entities that did not align with token edges
    /// (those tag every token they overlap). No sentence (`starts`, from `TaggerFeatures.sentenceStarts`)
    /// begins with an I- tag.
    static func goldTags(
        _ text: AnalyzedText, _ entities: [(start: Int, end: Int, type: MentionType)], starts: [Bool]
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
        // Decoding starts each sentence afresh, where an I- tag cannot stand: a gold entity that runs
        // across a sentence break (where the splitter and the annotators disagree) begins again there.
        for (i, start) in starts.enumerated() where start && EntityTag.isInside(tags[i]) {
            tags[i] -= 1
        }
        return (tags, bad)
    }
}
