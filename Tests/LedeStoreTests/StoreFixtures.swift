import Foundation
import LedeModel
@testable import LedeStore

/// What store tests commit: a renderer that writes what the store knows (so tests can read it back),
/// and articles with an optional event and entity.
enum StoreFixtures {
    static func render(_ stored: StoredArticle, _ result: ExtractionResult, _ seq: Int64, _ at: Int64, _ revision: Revision) -> RenderedResult {
        RenderedResult(
            result: Array("{\"seq\":\(seq),\"article_id\":\"\(stored.article.id)\",\"revision\":\(revision.number),\"at\":\(at)}".utf8),
            events: result.events.map { Array("{\"seq\":\(seq),\"type\":\"\($0.type)\"}".utf8) })
    }

    static func stored(_ id: String, lang: String = "vi") -> StoredArticle {
        StoredArticle(article: Article(id: id, body: "body of \(id)", lang: lang), publishedAtText: nil, receivedAtMillis: 1, ingest: "pull")
    }

    static func result(lang: String = "vi", eventType: String? = nil, entity: String? = nil) -> ExtractionResult {
        var result = ExtractionResult(lang: lang)
        if let entity {
            result.mentions = [Mention(type: .person, span: Span(field: .body, start: 0, end: entity.unicodeScalars.count, text: entity), entity: 0, source: "test")]
            result.entities = [Entity(id: 0, type: .person, name: entity)]
        }
        if let eventType {
            let span = Span(field: .body, start: 0, end: 4, text: "body")
            result.events = [Event(type: eventType, cameo: "190", quadClass: 4, goldstein: -10, trigger: span, confidence: 0.9, sentence: span)]
        }
        return result
    }

    static func item(_ id: String, lang: String = "vi", eventType: String? = nil, entity: String? = nil) -> CommitItem {
        .result(stored(id, lang: lang), result(lang: lang, eventType: eventType, entity: entity))
    }

    static func revision(_ id: String, lang: String = "vi", eventType: String? = nil) -> CommitItem {
        .revision(stored(id, lang: lang), result(lang: lang, eventType: eventType))
    }
}
