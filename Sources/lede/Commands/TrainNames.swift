import ArgumentParser
import Foundation
import LedeEvaluation
import LedeExtraction
import LedeModel

struct TrainNames: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Learns organisation and work names from news corpora and writes the list extraction reads.",
        discussion: """
            Runs the shipped tagger over every --corpus article and keeps the names that the words around \
            them call an organisation ("firm X", "X Inc", "hãng X") or a work or product ("the film X", \
            "X console", "phim X") in at least --min-articles articles, more often than the other, and \
            never a person ("Mr X", "ông X", a longer person's surname). Deterministic: the same files \
            give the same list.
            """
    )

    @Option(help: "Language code of the list (vi, en).") var lang: String
    @Option(parsing: .upToNextOption, help: "JSON-lines news corpora (id, title, body).") var corpus: [String]
    @Option(help: "Articles that must cue a name as an organisation, or as a work.") var minArticles = 2
    @Option(help: "List file to write (Sources/LedeExtraction/Resources/names/learnt-LANG.tsv).") var out: String

    func validate() throws {
        guard Extractor.supportedLanguages.contains(lang) else {
            throw ValidationError("--lang must be one of \(Extractor.supportedLanguages.sorted().joined(separator: ", ")), got \"\(lang)\"")
        }
        guard !corpus.isEmpty else { throw ValidationError("give at least one --corpus file") }
        guard minArticles >= 1 else { throw ValidationError("--min-articles must be at least 1") }
    }

    func run() async throws {
        var articles: [Article] = []
        for path in corpus { articles += try CorpusArticles.read(path).map(\.article) }
        let derived = LearntNames.derive(
            from: articles, lang: lang, extractor: try Extractor.namesOnly(), minimumArticles: minArticles)
        let text = LearntNames.tsv(derived, lang: lang, corpus: corpus)
        try OutputFile.write(Data(text.utf8), to: out)
        FileHandleOutput.stderr("wrote \(out): \(derived.count) names from \(articles.count) articles")
    }
}
