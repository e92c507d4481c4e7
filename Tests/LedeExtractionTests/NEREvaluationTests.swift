import XCTest
@testable import LedeEvaluation
@testable import LedeExtraction
import LedeModel

final class NEREvaluationTests: XCTestCase {
    func testOnlyExactSpanAndTypeCountAsCorrect() {
        let gold = NERGoldDocument(
            id: "g1", lang: "vi", text: "Ông Vladimir Putin đến Sochi.",
            entities: [
                NERGoldEntity(start: 4, end: 18, type: .person), NERGoldEntity(start: 23, end: 28, type: .location),
            ])
        // Right person; the place with the wrong type; an extra one.
        let found = [
            NERGoldEntity(start: 4, end: 18, type: .person), NERGoldEntity(start: 23, end: 28, type: .organization),
            NERGoldEntity(start: 13, end: 18, type: .person),
        ]
        XCTAssertEqual(
            NEREvaluation.differences(gold, found), "g1 -LOC[Sochi] +ORG[Sochi] +PER[Putin]")
        var report = NERReport()
        report.byType[.person] = NERCounts(correct: 1, found: 2, gold: 1)
        report.byType[.location] = NERCounts(correct: 0, found: 0, gold: 1)
        report.byType[.organization] = NERCounts(correct: 0, found: 1, gold: 0)
        XCTAssertEqual(report.overall.precision, 100.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(report.overall.recall, 50, accuracy: 1e-9)
        XCTAssertEqual(report.overall.f1, 40, accuracy: 1e-9)
        XCTAssertEqual(report.personsPlacesOrganizations.found, 3)
    }

    func testTrainingWithASettingOutOfRangeStopsBeforeReadingOrWritingAnything() {
        // The data file does not exist: the settings are refused first, and nothing was read or logged.
        var training = TaggerTraining(lang: "vi", data: ["/nonexistent/lede-train.jsonl"])
        training.settings.l2 = -1
        var log: [String] = []
        XCTAssertThrowsError(try training.run { log.append($0) }) { error in
            XCTAssertEqual(error as? EntityTaggerTraining.SettingError, .init(setting: "l2", allowed: "0...100"))
        }
        XCTAssertEqual(log, [])
    }

    func testGoldFilesAreReadWithCodePointOffsets() throws {
        let path = NSTemporaryDirectory() + "lede-ner-gold-\(getpid()).jsonl"
        let line = #"{"id": "x", "lang": "vi", "text": "Thủy điện Hòa Bình", "entities": [{"start": 10, "end": 18, "type": "LOC", "text": "Hòa Bình"}]}"#
        try (line + "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let documents = try NERGold.read(path: path)
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents[0].entities, [NERGoldEntity(start: 10, end: 18, type: .location)])
        XCTAssertThrowsError(try NERGold.read(path: path + ".missing"))
    }
}
