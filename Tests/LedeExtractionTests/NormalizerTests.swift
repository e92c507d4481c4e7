import XCTest
@testable import LedeExtraction
import LedeModel

final class NormalizerTests: XCTestCase {
    private let sentence = "Trước đó cùng ngày, người đứng đầu Bộ Tổng tư lệnh quân đội Nga, Tướng Valery Gerasimov đã tuyên bố giải phóng hoàn toàn Syria khỏi IS."

    private func original(_ text: String, _ token: Token) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[token.start..<token.end])
        return String(view)
    }

    func testDecomposedInputGivesTheSameTokensWithOffsetsIntoTheInputAsReceived() {
        let nfd = sentence.decomposedStringWithCanonicalMapping
        XCTAssertGreaterThan(nfd.unicodeScalars.count, sentence.unicodeScalars.count, "the test input really is decomposed")
        let composed = TextAnalyzer.analyze(sentence, field: .body)
        let decomposed = TextAnalyzer.analyze(nfd, field: .body)
        XCTAssertEqual(decomposed.tokens.map(\.text), composed.tokens.map(\.text))
        let gerasimov = decomposed.tokens.first { $0.text == "Gerasimov" }!
        XCTAssertEqual(original(nfd, gerasimov), "Gerasimov")
        let tuong = decomposed.tokens.first { $0.text == "Tướng" }!
        XCTAssertEqual(original(nfd, tuong), "Tướng".decomposedStringWithCanonicalMapping)
        XCTAssertEqual(tuong.end - tuong.start, "Tướng".decomposedStringWithCanonicalMapping.unicodeScalars.count)
        for token in decomposed.tokens {
            XCTAssertEqual(original(nfd, token).precomposedStringWithCanonicalMapping, token.text)
        }
    }

    func testOldAndNewToneStylesLookTheSame() {
        XCTAssertEqual(Normalizer.normalize("hoá học"), "hóa học")
        XCTAssertEqual(Normalizer.normalize("Thuỷ điện Hoà Bình"), "Thủy điện Hòa Bình")
        XCTAssertEqual(Normalizer.normalize("khoẻ mạnh"), "khỏe mạnh")
        XCTAssertEqual(Normalizer.normalize("HOÁ"), "HÓA")
        // The tone stays where both styles put it: a closed syllable, or "qu" + vowel.
        XCTAssertEqual(Normalizer.normalize("hoàng quý toán thuyền"), "hoàng quý toán thuyền")
    }

    func testEthIsReadAsDStroke() {
        let analyzed = TextAnalyzer.analyze("Theo Ðất Việt", field: .body)
        XCTAssertEqual(analyzed.tokens.map(\.text), ["Theo", "Đất", "Việt"])
    }

    func testInvisibleCharactersAreDroppedButOffsetsStillIndexTheInput() {
        let text = "\u{FEFF}Ông\u{00A0}Putin đến Sochi\u{200B}."
        let analyzed = TextAnalyzer.analyze(text, field: .body)
        XCTAssertEqual(analyzed.tokens.map(\.text), ["Ông", "Putin", "đến", "Sochi", "."])
        let putin = analyzed.tokens[1]
        XCTAssertEqual(original(text, putin), "Putin")
        XCTAssertEqual(putin.start, 5)
        XCTAssertEqual(original(text, analyzed.tokens[3]), "Sochi")
    }

    func testCurlyQuotesAndDashesAreFolded() {
        let text = "quan điểm “khiêu khích” – Deir ez‑Zor"
        let analyzed = TextAnalyzer.analyze(text, field: .body)
        XCTAssertEqual(analyzed.tokens.map(\.text), ["quan", "điểm", "\"", "khiêu", "khích", "\"", "-", "Deir", "ez-Zor"])
        XCTAssertEqual(original(text, analyzed.tokens[2]), "“")
    }

    func testEllipsisBecomesThreeDotsInOneToken() {
        let text = "mỗi năm… Sau đó"
        let analyzed = TextAnalyzer.analyze(text, field: .body)
        XCTAssertEqual(analyzed.tokens.map(\.text), ["mỗi", "năm", "...", "Sau", "đó"])
        XCTAssertEqual(analyzed.tokens[2].end - analyzed.tokens[2].start, 1)
    }

    func testTextThatGrowsWhenNormalisedKeepsEveryOffset() {
        // Each ellipsis becomes three dots: 60 of them make the normalised text far longer than the input.
        let text = String(repeating: "Hà Nội… ", count: 60)
        let analyzed = TextAnalyzer.analyze(text, field: .body)
        XCTAssertEqual(analyzed.tokens.count, 180)
        let last = analyzed.tokens[analyzed.tokens.count - 1]
        XCTAssertEqual(last.text, "...")
        XCTAssertEqual(original(text, last), "…")
        XCTAssertEqual(original(text, analyzed.tokens[177]), "Hà")
    }
}
