import XCTest
@testable import LedeExtraction
import LedeModel

/// Cue look-ups by word key must find exactly what comparing the words would.
final class CuePhrasesTests: XCTestCase {
    private func words(_ text: String) -> [EventWord] {
        EventText(TextAnalyzer.analyze(text, field: .body)).words
    }

    func testLooksUpWordsAndPhrasesAtBothEnds() {
        let cues = CuePhrases(["sau", "sau khi", "trước khi", "không quân"])
        let w = words("Sau khi họp, không quân trước khi")  // sau khi họp không quân trước khi
        XCTAssertTrue(cues.contains(w, 0))
        XCTAssertFalse(cues.contains(w, 1))
        XCTAssertTrue(cues.containsPair(w, endingAt: 1))
        XCTAssertFalse(cues.containsPair(w, endingAt: 2))
        XCTAssertEqual(cues.longest(w, startingAt: 0, before: w.count), 2)
        XCTAssertEqual(cues.longest(w, startingAt: 0, before: 1), 1)
        XCTAssertEqual(cues.longest(w, endingAt: 4, from: 0), 3)
        XCTAssertNil(cues.longest(w, endingAt: 4, from: 4))
        XCTAssertEqual(cues.longest(w, endingAt: 6, from: 0), 5)
        XCTAssertNil(cues.longest(w, startingAt: 2, before: w.count))
    }

    func testIndexIsThePositionInTheListGiven() {
        let months = CuePhrases(["january", "feb", "march"])
        let w = words("March and Feb")
        XCTAssertEqual(months.index(w, 0), 2)
        XCTAssertNil(months.index(w, 1))
        XCTAssertEqual(months.index(w, 2), 1)
    }

    func testAcceptedSkipsToAShorterPhrase() {
        let cues = CuePhrases(["quân đội", "quân"])
        let w = words("quân đội Nga")
        XCTAssertEqual(cues.first(w, startingAt: 0, before: w.count) { _ in true }?.index, 0)
        XCTAssertEqual(cues.first(w, startingAt: 0, before: w.count) { $0 != 0 }?.length, 1)
    }
}
