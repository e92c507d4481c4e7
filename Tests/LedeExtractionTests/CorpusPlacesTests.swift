import Foundation
import XCTest
@testable import LedeExtraction
import LedeModel

/// The team's world news on the map: the measurement of Benchmarks/README.md ("Places on the map") as a
/// floor, on the 25 Vietnamese world-section articles it reads. Needs ../shared beside the checkout.
final class CorpusPlacesTests: XCTestCase {
    func worldArticles() throws -> [Article] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/data/corpus/vi-news.jsonl").standardized
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw XCTSkip("needs ../shared/data/corpus/vi-news.jsonl (the team's data beside the checkout, not in the repository)")
        }
        var world: [(id: String, article: Article)] = []
        for line in text.split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = o["id"] as? String, (o["url"] as? String)?.contains("/the-gioi/") == true else { continue }
            let date = (o["published_at"] as? String).flatMap { d -> PublicationDate? in
                guard d.count == 8, let n = Int(d) else { return nil }
                return PublicationDate(year: n / 10000, month: n / 100 % 100, day: n % 100)
            }
            world.append((id, Article(id: id, title: o["title"] as? String, body: o["body"] as! String, lang: "vi", publishedAt: date)))
        }
        return world.sorted { $0.id < $1.id }.prefix(25).map(\.article)
    }

    func testMostPlacesOfTheWorldNewsAreOnTheMap() throws {
        var locations = 0
        var placed = 0
        for article in try worldArticles() {
            let result = Shipped.extractor.extract(article)
            for e in result.entities where e.type == .location {
                locations += 1
                guard let place = e.place else { continue }
                placed += 1
                XCTAssertEqual(place.country, e.country, e.name)
                XCTAssertTrue(abs(place.latitude) <= 90 && abs(place.longitude) <= 180, e.name)
            }
            // Every event has a location, and one with a point says where it came from.
            for event in result.events where result.entities.contains(where: { $0.place != nil }) {
                XCTAssertNotNil(event.location, "\(article.id) \(event.trigger.text)")
            }
        }
        XCTAssertGreaterThan(locations, 100)
        // Measured 131 of 187 (70 %) on 5 December 2026; most of the rest are seas, regions and buildings.
        XCTAssertGreaterThanOrEqual(Double(placed) / Double(locations), 0.65, "\(placed) of \(locations)")
    }
}
