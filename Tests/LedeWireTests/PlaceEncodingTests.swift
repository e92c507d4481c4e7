import Foundation
import XCTest
import LedeModel
@testable import LedeWire

/// Places on the wire: a placed entity and event locations, from the sentence and from the article,
/// as JSON and against the schemas.
final class PlaceEncodingTests: XCTestCase {
    static let hanoi = Place(country: "VN", geonamesID: 1_581_130, latitude: 21.0245, longitude: 105.84117,
                             admin1: "Hà Nội", precision: .admin1)
    static let vietnam = Place(country: "VN", geonamesID: 1_562_822, latitude: 16.16667, longitude: 107.83333,
                               precision: .country)

    /// The fixture result with its places: "Nga" placed as a country, a talk located in its sentence
    /// (Hà Nội), and the fixture's assault located by the article's main place.
    static var result: ExtractionResult {
        var r = Fixtures.result
        r.entities[0].place = Place(country: "RU", geonamesID: 2_017_370, latitude: 60, longitude: 100, precision: .country)
        var talks = Fixtures.event
        talks.type = "CONSULT"
        talks.location = EventArgument(entity: 0, span: Fixtures.span(0, 3), place: hanoi)
        var assault = Fixtures.event
        var fallback = vietnam
        fallback.precision = fallback.precision.fromArticle
        assault.location = EventArgument(entity: 0, span: Fixtures.span(0, 3), place: fallback)
        r.events = [talks, assault]
        return r
    }

    func testAPlacedEntityCarriesItsPoint() throws {
        let v = try JSONReader.parse(ResultEncoding.result(Self.result, seq: 1, article: Fixtures.article, committedAtMillis: 0))
        let nga = try XCTUnwrap(v["entities"]?[0])
        XCTAssertEqual(nga, try JSONReader.parse(Array(
            #"{"id":0,"type":"LOC","name":"Nga","country":"RU","geonames_id":2017370,"cameo":"RUS","latitude":60.0,"longitude":100.0,"precision":"country"}"#.utf8)))
        XCTAssertEqual(v["entities"]?[2]?.keys, ["id", "type", "name", "country"], "an unplaced entity has no place fields")
    }

    func testEventLocationsTellTheSentencesPlaceFromTheArticles() throws {
        let v = try JSONReader.parse(ResultEncoding.result(Self.result, seq: 1, article: Fixtures.article, committedAtMillis: 0))
        let own = try XCTUnwrap(v["events"]?[0]?["location"])
        XCTAssertEqual(own["precision"]?.stringValue, "admin1")
        XCTAssertEqual(own["admin1"]?.stringValue, "Hà Nội")
        XCTAssertEqual(own["latitude"]?.doubleValue, 21.0245)
        XCTAssertEqual(own["longitude"]?.doubleValue, 105.84117)
        XCTAssertEqual(own["geonames_id"]?.intValue, 1_581_130)
        XCTAssertEqual(own["country"]?.stringValue, "VN")
        let borrowed = try XCTUnwrap(v["events"]?[1]?["location"])
        XCTAssertEqual(borrowed["precision"]?.stringValue, "article_country")
        XCTAssertNil(borrowed["admin1"], "a country is in no division")
        XCTAssertEqual(borrowed.keys, ["entity", "name", "text", "field", "start", "end", "country", "geonames_id", "latitude", "longitude", "precision"])
    }

    /// The schema's complaints about `bytes` (`SchemaConformanceTests`' validator).
    func errors(_ bytes: [UInt8], against name: String) throws -> [String] {
        let dir = try XCTUnwrap(SchemaConformanceTests.schemaDirectory(), "Protocols/schemas not found")
        let root = try JSONReader.parse([UInt8](try Data(contentsOf: dir.appendingPathComponent(name))))
        var validator = SchemaValidator(root: root)
        validator.validate(try JSONReader.parse(bytes), root, at: "$")
        return validator.errors
    }

    func testPlacesMatchTheSchemas() throws {
        let r = Self.result
        XCTAssertEqual(try errors(ResultEncoding.result(r, seq: 1, article: Fixtures.article, committedAtMillis: 0), against: "result.schema.json"), [])
        for (i, e) in r.events.enumerated() {
            let message = ResultEncoding.event(e, index: i, seq: 1, article: Fixtures.article, lang: "vi", entities: r.entities)
            XCTAssertEqual(try errors(message, against: "event-message.schema.json"), [])
        }
    }

    func testTheSchemasRefuseAPlaceThatDrifted() throws {
        let good = String(decoding: ResultEncoding.result(Self.result, seq: 1, article: Fixtures.article, committedAtMillis: 0), as: UTF8.self)
        for (from, to) in [
            (#""precision":"country""#, #""precision":"article_country""#),  // an entity's point borrows from nothing
            (#""latitude":60.0"#, #""latitude":160.0"#),
            (#""precision":"admin1""#, #""precision":"province""#),
            (#","precision":"country""#, ""),  // a point without what it stands for
        ] {
            XCTAssertTrue(good.contains(from), from)
            XCTAssertFalse(try errors(Array(good.replacingOccurrences(of: from, with: to).utf8), against: "result.schema.json").isEmpty, to)
        }
    }
}
