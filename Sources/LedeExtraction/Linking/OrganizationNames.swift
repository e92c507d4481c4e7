import LedeModel

/// Names the news corpora show as organisations: cued as one ("firm X", "X Inc", "hãng X") in at least
/// `minimumArticles` articles and never as a person ("Mr X", "ông X", the surname of a longer person's
/// name) in any. The tagger reads an unknown one-word name as a person more often than not; an article
/// that names "Qualcomm" or "Huawei" without a cue of its own still names a company.
/// Derived by `lede train organizations` (`Resources/names/README.md`); one file per language.
public struct OrganizationNames: Sendable, Equatable {
    private var names: [String: Set<String>]

    public init(_ names: [String: Set<String>] = [:]) {
        self.names = names
    }

    /// No learnt names: cues in the article alone.
    public static let none = OrganizationNames()

    public func contains(_ name: String, lang: String) -> Bool {
        names[lang]?.contains(name) ?? false
    }

    public func count(lang: String) -> Int { names[lang]?.count ?? 0 }

    static func path(lang: String) -> String { "names/organizations-\(lang).tsv" }

    /// The shipped lists; a missing or malformed one is an error (`Extractor()` stops at start).
    public static func shipped() throws -> OrganizationNames {
        var names: [String: Set<String>] = [:]
        for lang in Extractor.supportedLanguages {
            let path = path(lang: lang)
            guard let text = ResourceFiles.text(path), !text.isEmpty else {
                throw ModelFormatError(description: "the shipped data file \(path) is missing or empty")
            }
            names[lang] = try parse(text, path: path)
        }
        return OrganizationNames(names)
    }

    static func parse(_ text: String, path: String) throws -> Set<String> {
        var out: Set<String> = []
        var header = true
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if header {
                header = false
                guard line == "name\tarticles" else {
                    throw ModelFormatError(description: "\(path) line \(number + 1): expected the header name<TAB>articles")
                }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2, !columns[0].isEmpty, Int(columns[1]) != nil else {
                throw ModelFormatError(description: "\(path) line \(number + 1): expected a name and a count of articles")
            }
            out.insert(String(columns[0]))
        }
        return out
    }

    /// Each name with the number of articles that cue it as an organisation, most first, then by name.
    public static func derive(
        from articles: [Article], lang: String, extractor: Extractor, minimumArticles: Int = 2
    ) -> [(name: String, articles: Int)] {
        var organisation: [String: Int] = [:]
        var person: Set<String> = []
        let bare = extractor.withOrganizationNames(.none)
        for article in articles {
            var a = article
            a.lang = lang
            let evidence = bare.nameEvidence(a)
            for name in evidence.organisation { organisation[name, default: 0] += 1 }
            person.formUnion(evidence.person)
        }
        return organisation
            .filter { $0.value >= minimumArticles && !person.contains($0.key) }
            .map { (name: $0.key, articles: $0.value) }
            .sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.name < $1.name }
    }

    /// The file `shipped()` reads.
    public static func tsv(_ derived: [(name: String, articles: Int)], lang: String, corpus: [String]) -> String {
        var out = "# Organisation names learnt from news (\(lang)) by `lede train organizations`; do not edit, re-derive.\n"
        out += "# From: \(corpus.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", "))\n"
        out += "name\tarticles\n"
        for d in derived { out += "\(d.name)\t\(d.articles)\n" }
        return out
    }
}
