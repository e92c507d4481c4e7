import Foundation
import XCTest
@testable import LedeExtraction
import LedeModel

/// Events and the repository's example articles on the map, through the whole extractor.
final class EventLocationTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples").standardized

    /// An article of `Examples/`, as `lede extract` reads it.
    func example(_ name: String) throws -> Article {
        let data = try Data(contentsOf: Self.examples.appendingPathComponent(name))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let date = (object["published_at"] as? String).map { $0.split(separator: "-").compactMap { Int($0) } }
        return Article(
            id: object["id"] as! String, title: object["title"] as? String, body: object["body"] as! String,
            lang: object["lang"] as? String, publishedAt: date.map { PublicationDate(year: $0[0], month: $0[1], day: $0[2]) })
    }

    func entity(_ name: String, in result: ExtractionResult) -> Entity? {
        result.entities.first { $0.name == name }
    }

    // MARK: The example articles' places

    func testTheVietnameseExampleHasItsPlacesOnTheMap() throws {
        let result = Shipped.extractor.extract(try example("vi-hoi-dam-bien-gioi.json"))
        XCTAssertEqual(entity("Việt Nam", in: result)?.place?.precision, .country)
        XCTAssertEqual(entity("Campuchia", in: result)?.place?.country, "KH")
        let hanoi = try XCTUnwrap(entity("Hà Nội", in: result)?.place)
        XCTAssertEqual(hanoi.latitude, 21.02, accuracy: 0.02)
        XCTAssertEqual(hanoi.longitude, 105.84, accuracy: 0.02)
        let phnomPenh = try XCTUnwrap(entity("Phnôm Pênh", in: result)?.place)
        XCTAssertEqual(phnomPenh.precision, .city)
        XCTAssertEqual(phnomPenh.latitude, 11.56, accuracy: 0.02)
        // A 2026 article: Bình Dương has been part of Hồ Chí Minh City since July 2025.
        XCTAssertEqual(entity("Bình Dương", in: result)?.place?.admin1, "Hồ Chí Minh")
        let places = result.entities.filter { $0.type == .location }
        XCTAssertTrue(places.allSatisfy { $0.place != nil }, places.filter { $0.place == nil }.map(\.name).description)
    }

    func testTheEnglishExampleHasGenevaOnTheMap() throws {
        let result = Shipped.extractor.extract(try example("en-ceasefire-talks.json"))
        let geneva = try XCTUnwrap(entity("Geneva", in: result))
        XCTAssertEqual(geneva.place?.precision, .city)
        XCTAssertEqual(geneva.country, "CH")
        XCTAssertEqual(geneva.place!.latitude, 46.2, accuracy: 0.02)
        XCTAssertEqual(geneva.place!.longitude, 6.15, accuracy: 0.02)
        XCTAssertNil(entity("Arden", in: result)?.place, "a town the gazetteers do not know stays off the map")
    }

    // MARK: An event's location: its own sentence's place, else the article's main place

    func testAnEventLocatedInItsSentenceAndOneThatFallsBackToTheArticle() throws {
        let result = Shipped.extractor.extract(try example("vi-hoi-dam-bien-gioi.json"))
        // "… hội đàm tại Hà Nội": the sentence names the place.
        let talks = try XCTUnwrap(result.events.first { $0.type == "CONSULT" })
        XCTAssertEqual(talks.location?.span.text, "Hà Nội")
        XCTAssertEqual(talks.location?.place?.precision, .admin1)
        XCTAssertEqual(talks.location?.place?.country, "VN")
        // The agreement's sentence names no place: Việt Nam, the article's main place, stands in.
        let agreement = try XCTUnwrap(result.events.first { $0.type == "AGREE" })
        XCTAssertEqual(agreement.location?.place?.precision, .articleCountry)
        XCTAssertEqual(agreement.location.flatMap { $0.entity.map { result.entities[$0].name } }, "Việt Nam")
        XCTAssertEqual(agreement.location?.place?.latitude, result.entities.first { $0.name == "Việt Nam" }?.place?.latitude)
    }

    func testAnEnglishEventWithoutAPlaceFallsBackToTheHeadlinesPlace() throws {
        let result = Shipped.extractor.extract(try example("en-ceasefire-talks.json"))
        let fallbacks = result.events.filter { $0.location?.place?.precision.isFromArticle == true }
        XCTAssertFalse(fallbacks.isEmpty)
        for event in fallbacks {
            XCTAssertEqual(event.location?.place?.precision, .articleCity, event.trigger.text)
            XCTAssertEqual(event.location?.entity.map { result.entities[$0].name }, "Geneva")
        }
        // The shelling's sentence names a town the gazetteers do not know: it keeps its words, no point.
        let shelling = try XCTUnwrap(result.events.first { $0.trigger.text == "shelled" })
        XCTAssertEqual(shelling.location?.span.text, "Arden")
        XCTAssertNil(shelling.location?.place)
    }

    func testTheMainPlaceIsTheOneNamedMostWithTheHeadlineCountingTwice() {
        let placed = Place(country: "VN", latitude: 21, longitude: 105.8, precision: .admin1)
        let entities = [
            Entity(id: 0, type: .location, name: "Việt Nam", place: Place(country: "VN", latitude: 16, longitude: 108, precision: .country)),
            Entity(id: 1, type: .location, name: "Hà Nội", place: placed),
            Entity(id: 2, type: .location, name: "Atlantis"),
        ]
        func mention(_ entity: Int, _ field: TextField, _ start: Int) -> Mention {
            Mention(type: .location, span: Span(field: field, start: start, end: start + 1, text: "x"), entity: entity, source: "tagger")
        }
        // Việt Nam twice in the body; Hà Nội once in the title and once in the body; Atlantis, unplaced, thrice.
        let mentions = [mention(1, .title, 0), mention(0, .body, 0), mention(2, .body, 5), mention(2, .body, 7),
                        mention(2, .body, 9), mention(0, .body, 10), mention(1, .body, 20)]
        let main = EventLocations.mainPlace(entities: entities, mentions: mentions)
        XCTAssertEqual(main?.entity, 1)
        XCTAssertEqual(main?.span.field, .title, "the stand-in location points at its first mention")
    }

    // MARK: The shipped tables

    func testEveryCityAndProvinceOfTheShippedGazetteerHasAPoint() {
        let entries = Gazetteer.shared.entries
        let cities = entries.filter { $0.kind == .city }
        XCTAssertEqual(cities.count, 34_006)
        XCTAssertTrue(cities.allSatisfy { $0.point != nil })
        let provinces = entries.filter { $0.kind == .province }
        XCTAssertTrue(provinces.allSatisfy { $0.point != nil }, provinces.filter { $0.point == nil }.map(\.nameVi).description)
        let countries = entries.filter { $0.kind == .country }
        XCTAssertGreaterThanOrEqual(countries.filter { $0.point != nil }.count, 240, "all but a few uninhabited territories")
        XCTAssertGreaterThan(entries.filter { $0.kind == .admin1 }.count, 2_000)
    }

    func testAMissingCoordinateTableIsNamedAtStart() {
        XCTAssertThrowsError(try ResourceFiles.checkRequired { $0 == "gazetteers/city-coordinates.tsv" ? "" : "x" }) { error in
            XCTAssertEqual("\(error)", "the shipped data file gazetteers/city-coordinates.tsv is missing or empty")
        }
    }
}
