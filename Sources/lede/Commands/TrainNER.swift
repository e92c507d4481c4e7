import ArgumentParser
import Foundation
import LedeEvaluation
import LedeExtraction
import LedeModel

struct TrainNER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Trains the entity tagger (a CRF or an averaged perceptron over BIO tags, Viterbi) and writes its model file.",
        discussion: """
            Deterministic: the same files in the same order give the same model. Unlabelled --corpus files \
            (JSON lines with title/body) feed the word classes; --dev files only report F1 after each epoch.
            """
    )

    @Option(help: "Language code of the model (vi, en).") var lang: String
    @Option(parsing: .upToNextOption, help: "Gold JSON-lines training files.") var data: [String]
    @Option(parsing: .upToNextOption, help: "Unlabelled JSON-lines corpus files for word classes.") var corpus: [String] = []
    @Option(parsing: .upToNextOption, help: "Gold files scored after each epoch (tuning only).") var dev: [String] = []
    @Option(help: "Directory of gazetteer tables (Sources/LedeExtraction/Resources/gazetteers) for name-list features.")
    var gazetteers: String?
    @Option(help: "Fine word classes computed from the unlabelled text.") var wordClasses = 384
    @Option(help: "How the weights are learnt: crf or perceptron.") var learner: EntityTaggerTraining.Learner = .crf
    @Option(help: "Training passes. (default: 20 for the CRF, 12 for the perceptron)") var epochs: Int?
    @Option(help: "Extra score for every wrong tag while training. (default: 1 for the CRF, 3 for the perceptron)")
    var margin: Float?
    @Option(help: "The CRF's L2 penalty over the whole training set.") var l2 = 1.0
    @Option(help: "Seed of the shuffles of the training examples.") var seed: UInt64 = 20_171_207
    @Option(help: "log2 of the number of feature buckets (17: 5 MB of weights in memory, 18: 10 MB).") var bucketBits = 17
    @Option(help: "Weights smaller than this are left out of the file. (default: 0.005 for the CRF, 0.05 for the perceptron)")
    var prune: Float?
    @Option(help: "Probability of leaving a token's own-word features out of an update.") var wordDropout = 0.1
    @Option(help: "Model file to write.") var out: String

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one --data file") }
        do {
            try training().settings.validate()
        } catch let error as EntityTaggerTraining.SettingError {
            throw ValidationError(error.description)
        }
    }

    private func training() -> TaggerTraining {
        var training = TaggerTraining(lang: lang, data: data)
        training.corpus = corpus
        training.dev = dev
        training.gazetteers = gazetteers
        training.settings.learner = learner
        training.settings.epochs = epochs
        training.settings.margin = margin
        training.settings.l2 = l2
        training.settings.seed = seed
        training.settings.bucketBits = bucketBits
        training.settings.prune = prune
        training.settings.wordDropout = wordDropout
        training.settings.clustering.fineClasses = wordClasses
        return training
    }

    func run() async throws {
        let model = try training().run { line in
            FileHandleOutput.stderr(line)
        }
        try OutputFile.write(model, to: out)
        FileHandleOutput.stderr("wrote \(out) (\(model.count) bytes)")
    }
}

extension EntityTaggerTraining.Learner: ExpressibleByArgument {}
