import LedeModel

/// Names the news corpora show as organisations or as works and products, learnt from the cues around
/// them (`NameCues`): an organisation is cued as one ("firm X", "X Inc", "hãng X") in at least
/// `minimumArticles` articles, a work or product ("the film X", "X console", "phim X") likewise, each
/// more often than as the other, and never as a person ("Mr X", "ông X", the surname of a longer
/// person's name) in any. The tagger reads an unknown one-word name as a person more often than not, and
/// a title as whatever its words suggest; an article that names "Qualcomm" or "Million Dollar Baby"
/// without a cue of its own still names a company and a film.
/// Derived by `lede train names` (`Resources/names/README.md`); one file per language.
public struct LearntNames: Sendable, Equatable {
    private var organizations: [String: Set<String>]
    private var works: [String: Set<String>]

    public init(organizations: [String: Set<String>] = [:], works: [String: Set<String>] = [:]) {
        self.organizations = organizations
        self.works = works
    }

    /// No learnt names: cues in the article alone.
    public static let none = LearntNames()

    public func isOrganization(_ name: String, lang: String) -> Bool { organizations[lang]?.contains(name) ?? false }
    /// Both lists of a language, looked up once per article.
    func lists(lang: String) -> (organizations: Set<String>, works: Set<String>) { (organizations[lang] ?? [], works[lang] ?? []) }
    public func isWork(_ name: String, lang: String) -> Bool { works[lang]?.contains(name) ?? false }
    public func count(_ type: MentionType, lang: String) -> Int {
        (type == .organization ? organizations : type == .miscellaneous ? works : [:])[lang]?.count ?? 0
    }

    static func path(lang: String) -> String { "names/learnt-\(lang).tsv" }

    /// The shipped lists; a missing or malformed one is an error (`Extractor()` stops at start).
    public static func shipped() throws -> LearntNames {
        var out = LearntNames()
        for lang in Extractor.supportedLanguages {
            let path = path(lang: lang)
            guard let text = ResourceFiles.text(path), !text.isEmpty else {
                throw ModelFormatError(description: "the shipped data file \(path) is missing or empty")
            }
            let (organizations, works) = try parse(text, path: path)
            out.organizations[lang] = organizations
            out.works[lang] = works
        }
        return out
    }

    static let header = "name\ttype\tarticles"

    static func parse(_ text: String, path: String) throws -> (organizations: Set<String>, works: Set<String>) {
        var organizations: Set<String> = []
        var works: Set<String> = []
        var header = true
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if header {
                header = false
                guard line == Self.header else {
                    throw ModelFormatError(description: "\(path) line \(number + 1): expected the header name<TAB>type<TAB>articles")
                }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, !columns[0].isEmpty, Int(columns[2]) != nil, columns[1] == "ORG" || columns[1] == "MISC" else {
                throw ModelFormatError(description: "\(path) line \(number + 1): expected a name, ORG or MISC, and a count of articles")
            }
            if columns[1] == "ORG" { organizations.insert(String(columns[0])) } else { works.insert(String(columns[0])) }
        }
        return (organizations, works)
    }

    public struct Derived: Sendable, Equatable {
        public var name: String
        public var type: MentionType
        public var articles: Int
    }

    /// Each learnt name with its type and the number of articles that cue it so, organisations first,
    /// then most articles first, then by name.
    public static func derive(
        from articles: [Article], lang: String, extractor: Extractor, minimumArticles: Int = 2
    ) -> [Derived] {
        var organisation: [String: Int] = [:]
        var work: [String: Int] = [:]
        var person: Set<String> = []
        let bare = extractor.withLearntNames(.none)
        for article in articles {
            var a = article
            a.lang = lang
            let evidence = bare.nameEvidence(a)
            for name in evidence.organisation { organisation[name, default: 0] += 1 }
            for name in evidence.work { work[name, default: 0] += 1 }
            person.formUnion(evidence.person)
        }
        var out: [Derived] = []
        for (name, n) in organisation where n >= minimumArticles && n > work[name, default: 0] && !person.contains(name) {
            out.append(Derived(name: name, type: .organization, articles: n))
        }
        for (name, n) in work where n >= minimumArticles && n > organisation[name, default: 0] && !person.contains(name) {
            out.append(Derived(name: name, type: .miscellaneous, articles: n))
        }
        return out.sorted {
            $0.type != $1.type ? $0.type == .organization : $0.articles != $1.articles ? $0.articles > $1.articles : $0.name < $1.name
        }
    }

    /// The file `shipped()` reads.
    public static func tsv(_ derived: [Derived], lang: String, corpus: [String]) -> String {
        var out = "# Names learnt from news (\(lang)) by `lede train names`; do not edit, re-derive.\n"
        out += "# From: \(corpus.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", "))\n"
        out += header + "\n"
        for d in derived { out += "\(d.name)\t\(d.type.rawValue)\t\(d.articles)\n" }
        return out
    }
}
