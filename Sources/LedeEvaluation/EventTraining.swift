import Foundation
import LedeExtraction
import LedeModel

/// `lede train events`: reads the annotated articles (gold files, joined with their corpus by id) and
/// the sections of the corpus articles, and trains both event models of one language.
public struct EventTraining: Sendable {
    public var lang: String
    /// Gold files to train the trigger model on (the train split).
    public var data: [String]
    /// News corpora: the texts of gold lines without one, and the topic model's labelled articles.
    public var corpus: [String]
    /// Gold files whose articles stay out of every part of training (dev and test splits).
    public var holdout: [String] = []
    public var settings: EventModelTraining

    public init(lang: String, data: [String], corpus: [String]) {
        self.lang = lang
        self.data = data
        self.corpus = corpus
        settings = EventModelTraining(lang: lang)
    }

    public func run() throws -> (EventModel, EventModelTraining.Summary) {
        let gold = try data.flatMap { try EventGold.read(path: $0, corpora: corpus) }.filter { $0.lang == lang }
        let held = Set(try holdout.flatMap { try EventGold.read(path: $0, corpora: corpus) }.map(\.id))
        let overlap = gold.filter { held.contains($0.id) }.map(\.id)
        guard overlap.isEmpty else {
            throw EventGoldError(path: data.joined(separator: " "), line: 0,
                                 reason: "\(overlap.count) articles are also held out, e.g. \(overlap[0])")
        }
        var topics: [(article: Article, label: String)] = []
        for path in corpus {
            for line in try CorpusArticles.read(path) where !held.contains(line.article.id) {
                guard let label = line.section else { continue }
                var article = line.article
                article.lang = article.lang ?? lang
                if article.lang == lang { topics.append((article, label)) }
            }
        }
        let annotated = gold.map { g in
            EventModelTraining.Annotated(
                article: g.article,
                triggers: g.events.flatMap { e in
                    e.mentions.map { .init(span: $0, type: e.type, actors: e.actors, recipients: e.recipients) }
                })
        }
        return try settings.train(topics: topics, annotated: annotated)
    }
}

/// News articles of a JSON-lines corpus with their section: the `category` or `section` field, or the
/// section named in an id of the form `news_<section>_<n>`.
public enum CorpusArticles {
    public struct Line: Sendable {
        public var article: Article
        public var section: String?
    }

    private struct Raw: Decodable {
        var id: String
        var title: String?
        var body: String
        var lang: String?
        var category: String?
        var section: String?
        var published_at: String?
    }

    public static func read(_ path: String) throws -> [Line] {
        let decoder = JSONDecoder()
        return try EventGold.jsonLines(path).map { number, data in
            guard let raw = try? decoder.decode(Raw.self, from: data) else {
                throw EventGoldError(path: path, line: number, reason: "not a corpus line (id, title?, body)")
            }
            var section = raw.category ?? raw.section
            if section == nil, raw.id.hasPrefix("news_"), let end = raw.id.lastIndex(of: "_") {
                section = String(raw.id[raw.id.index(raw.id.startIndex, offsetBy: 5)..<end])
            }
            let article = Article(id: raw.id, title: raw.title, body: raw.body,
                                  lang: raw.lang ?? (raw.published_at != nil ? "vi" : nil),
                                  publishedAt: raw.published_at.flatMap(EventGold.date))
            return Line(article: article, section: section)
        }
    }
}
