import Foundation
import LedeModel

/// Finds PER, LOC, ORG and MISC mentions in analysed text with a BIO tagger (a linear-chain CRF).
/// Load once and share: the model is immutable (5 MB of weights per language in memory with 2^17 buckets:
/// 16-bit weights as in the file, and the 8-bit copy that tagging reads).
public struct EntityTagger: Sendable {
    public let lang: String
    let features: TaggerFeatures
    let model: TaggerWeights

    init(lang: String, clusters: WordClusters, names: NameList, model: TaggerWeights) {
        self.lang = lang
        self.features = TaggerFeatures(clusters: clusters, names: names, bucketBits: model.bucketBits)
        self.model = model
    }

    /// A tagger read from a model file written by `serialized(prune:)`.
    public init(model data: Data) throws {
        let decoded = try TaggerModelCoding.decode(data)
        self.init(lang: decoded.lang, clusters: decoded.clusters, names: decoded.names, model: decoded.weights)
    }

    /// The model file: weights below `prune` in magnitude are left out.
    public func serialized(prune: Float) -> Data {
        TaggerModelCoding.encode(
            lang: lang, clusters: features.clusters, names: features.names, weights: model, prune: prune)
    }

    /// The tagger shipped in the package's resources (`tagger/<lang>.model`), loaded once per process;
    /// an error says why a language has none (not shipped, unreadable, or from another build).
    public static func shipped(lang: String) throws -> EntityTagger {
        guard let loaded = shippedModels[lang] else {
            throw ModelFormatError(description: "no entity tagger is shipped for '\(lang)'")
        }
        return try loaded.get()
    }

    /// The languages a tagger is shipped for.
    public static let shippedLanguages = ["vi", "en"]

    private static let shippedModels: [String: Result<EntityTagger, Error>] = Dictionary(
        uniqueKeysWithValues: shippedLanguages.map { lang in
            (lang, Result {
                let path = "tagger/\(lang).model"
                guard let data = ResourceFiles.data(path) else {
                    throw ModelFormatError(description: "the shipped tagger \(path) is missing")
                }
                do {
                    return try EntityTagger(model: data)
                } catch {
                    throw ModelFormatError(description: "\(path): \(error)")
                }
            })
        })

    public func tag(_ text: AnalyzedText) -> [Mention] {
        guard !text.tokens.isEmpty else { return [] }
        let traits = features.traits(text)
        let starts = TaggerFeatures.sentenceStarts(text)
        let emissions = model.emissions(features, traits: traits, starts: starts)
        var tags = Viterbi.decode(emissions, transitions: model.transitions, starts: starts)
        Self.repeatNames(&tags, text)
        return EntityTag.spans(tags).map { span in
            let start = text.tokens[span.tokens.lowerBound].start
            let end = text.tokens[span.tokens.upperBound - 1].end
            return Mention(type: span.type, span: text.span(start, end), source: "tagger")
        }
    }

    /// A name of up to six tokens and the tag of its first token.
    private struct KnownName: Sendable {
        var length: Int
        var begin: UInt8
    }

    /// A name found once in a text is the same name where it recurs untagged with the same capitals
    /// ("Bốn" … "Bốn"): those occurrences get the tags of the first. Names are looked up by their
    /// tokens' keys.
    static func repeatNames(_ tags: inout [UInt8], _ text: AnalyzedText) {
        let keys = text.tokens.map(\.key)
        let spans = EntityTag.spans(tags)
        guard !spans.isEmpty else { return }
        // Keys are well-mixed hashes already: `HashTable` skips `Dictionary`'s seeded re-hashing, which
        // mattered here, as every untagged token is looked up.
        var known = HashTable<KnownName>(capacity: spans.count)
        // The first tokens of the known names: no other token can begin a recurrence.
        var firsts = HashTable<Bool>(capacity: spans.count)
        var longest = 0
        for span in spans where span.tokens.count <= 6 {
            let first = text.tokens[span.tokens.lowerBound].text.unicodeScalars.first!
            guard CharacterClass.isUpper(first) else { continue }
            let key = span.tokens.dropFirst().reduce(keys[span.tokens.lowerBound]) { FeatureHash.combine($0, keys[$1]) }
            if known[key] == nil { known[key] = KnownName(length: span.tokens.count, begin: tags[span.tokens.lowerBound]) }
            firsts[keys[span.tokens.lowerBound]] = true
            longest = max(longest, span.tokens.count)
        }
        guard known.count > 0 else { return }
        var i = 0
        while i < tags.count {
            guard tags[i] == EntityTag.outside, firsts.get(keys[i]) != nil else { i += 1; continue }
            var key = keys[i]
            var match: KnownName? = nil
            var length = 1
            while true {
                if let found = known.get(key), found.length == length { match = found }
                guard length < longest, i + length < tags.count, tags[i + length] == EntityTag.outside else { break }
                key = FeatureHash.combine(key, keys[i + length])
                length += 1
            }
            // Only where the name ends before the next name starts, so no span is cut.
            if let match, i + match.length == tags.count || !EntityTag.isInside(tags[i + match.length]) {
                tags[i] = match.begin
                for k in (i + 1)..<(i + match.length) { tags[k] = match.begin + 1 }
                i += match.length
            } else {
                i += 1
            }
        }
    }
}
