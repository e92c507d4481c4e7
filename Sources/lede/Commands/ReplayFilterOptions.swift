import ArgumentParser
import LedeModel
import LedeWire

/// Replay's filters as flags, shared by `replay`, `export` and (the range part) `reprocess`, checked
/// here so that a bad value is a usage error before anything is asked.
struct ReplayFilterOptions: ParsableArguments {
    @Option(name: .customLong("from-seq"), help: "First seq (inclusive).") var fromSeq: Int64?
    @Option(name: .customLong("to-seq"), help: "Last seq (inclusive).") var toSeq: Int64?
    @Option(help: "Committed at or after (ISO 8601).") var since: String?
    @Option(help: "Committed at or before (ISO 8601).") var until: String?
    @Option(name: .customLong("type"), help: "PLOVER event type (repeatable).") var types: [String] = []
    @Option(help: "vi or en.") var lang: String?
    @Option(help: "An entity's name or a mention's text (case-insensitive).") var entity: String?
    @Flag(help: "Only each article's newest revision.") var latest = false

    func filter(limit: Int = ReplayFilter.maxLimit) throws -> ReplayFilter {
        try Self.filter(
            fromSeq: fromSeq, toSeq: toSeq, since: since, until: until, types: types, lang: lang, entity: entity, latest: latest,
            limit: limit)
    }

    static func filter(
        fromSeq: Int64?, toSeq: Int64?, since: String?, until: String?, types: [String] = [], lang: String? = nil,
        entity: String? = nil, latest: Bool = false, limit: Int = ReplayFilter.maxLimit
    ) throws -> ReplayFilter {
        if let fromSeq, fromSeq < 1 { throw ValidationError("--from-seq must be at least 1") }
        if let toSeq, toSeq < (fromSeq ?? 1) { throw ValidationError("--to-seq must not be below --from-seq") }
        func instant(_ text: String?, _ flag: String) throws -> Int64? {
            guard let text else { return nil }
            guard let parsed = ISODateTime.parse(text) else { throw ValidationError("\(flag) must be an ISO 8601 date or time, got \"\(text)\"") }
            return parsed.millisSince1970
        }
        let known = Set(PloverTypes.all)
        if let bad = types.first(where: { !known.contains($0) }) {
            throw ValidationError("--type \(bad) is not a PLOVER type; one of \(PloverTypes.all.joined(separator: ", "))")
        }
        var normalizedLang: String?
        if let lang {
            guard let code = LanguageCode.normalized(lang) else { throw ValidationError("--lang must be a language code such as vi or en, got \"\(lang)\"") }
            normalizedLang = code
        }
        return ReplayFilter(
            fromSeq: fromSeq ?? 1, toSeq: toSeq, since: try instant(since, "--since"), until: try instant(until, "--until"), types: types,
            lang: normalizedLang, entity: entity, latest: latest, limit: limit)
    }
}
