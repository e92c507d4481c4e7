import XCTest
@testable import LedeExtraction
import LedeModel

final class SentenceSplitterTests: XCTestCase {
    private func sentences(_ text: String) -> [String] {
        let analyzed = TextAnalyzer.analyze(text, field: .body)
        return analyzed.sentences.map { analyzed.text($0.start, $0.end) }
    }

    func testHeadlineWithoutFinalPunctuationEndsAtTheLineBreak() {
        XCTAssertEqual(
            sentences("Nga tuyên bố giải phóng hoàn toàn Syria\nTheo thông báo của Bộ Quốc phòng Nga, IS đã bị đánh bại."),
            ["Nga tuyên bố giải phóng hoàn toàn Syria", "Theo thông báo của Bộ Quốc phòng Nga, IS đã bị đánh bại."])
    }

    func testClosingQuoteStaysWithItsSentence() {
        XCTAssertEqual(
            sentences("Ông nói: \"Đây là quá trình dài.\" Sau đó ông rời đi."),
            ["Ông nói: \"Đây là quá trình dài.\"", "Sau đó ông rời đi."])
    }

    func testAbbreviationsAndDecimalsDoNotEndSentences() {
        XCTAssertEqual(
            sentences("Mr. Smith paid 5.2 million to the U.S. Treasury. It rose."),
            ["Mr. Smith paid 5.2 million to the U.S. Treasury.", "It rose."])
    }

    func testLowerCaseAfterFullStopContinuesTheSentence() {
        XCTAssertEqual(
            sentences("7 vòng đàm phán trước đó, tính từ năm 2016. đã không thu được kết quả đáng kể nào."),
            ["7 vòng đàm phán trước đó, tính từ năm 2016. đã không thu được kết quả đáng kể nào."])
    }
}
