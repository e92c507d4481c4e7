import XCTest
@testable import LedeExtraction
import LedeModel

/// How a number written in the news is read: separators by language, thousands groups of three.
final class NumberValueTests: XCTestCase {
    func value(_ text: String, _ lang: String) -> String? {
        NumberValue(text, lang: lang)?.text
    }

    /// Vietnamese writes dot thousands and comma decimals; English the other way round.
    func testEachLanguageReadsItsOwnSeparators() {
        let cases: [(text: String, lang: String, value: String)] = [
            ("340.000", "vi", "340000"), ("1.234.567", "vi", "1234567"), ("5,2", "vi", "5.2"),
            ("1.234,5", "vi", "1234.5"), ("2,50", "vi", "2.5"),
            ("340,000", "en", "340000"), ("1,234,567", "en", "1234567"), ("5.2", "en", "5.2"),
            ("1,234.5", "en", "1234.5"),
            // A single dot is a decimal point in English, even before three digits; a comma not before
            // three digits is a decimal comma.
            ("3.000", "en", "3"), ("2,5", "en", "2.5"),
        ]
        for c in cases { XCTAssertEqual(value(c.text, c.lang), c.value, "\(c.text) (\(c.lang))") }
    }

    func testDigitsAloneAreKeptWithoutLeadingZeros() {
        XCTAssertEqual(value("12", "vi"), "12")
        XCTAssertEqual(value("007", "en"), "7")
        XCTAssertEqual(NumberValue("12", lang: "vi"), NumberValue(digits: "12", scale: 0))
        XCTAssertEqual(NumberValue("5,25", lang: "vi"), NumberValue(digits: "525", scale: 2))
    }

    func testWhatIsNotOneNumberIsRefused() {
        for text in ["7/12", "8:30", "", "1.", ",5", "1..2", "1.23.4", "12.345,6.7", "1,5,0", "12a", "١٢", "５"] {
            XCTAssertNil(NumberValue(text, lang: "vi"), text)
            XCTAssertNil(NumberValue(text, lang: "en"), text)
        }
    }

    func testMultipliedByAPowerOfTen() {
        XCTAssertEqual(NumberValue("2,5", lang: "vi")?.times(powerOfTen: 9).text, "2500000000")
        XCTAssertEqual(NumberValue("340", lang: "en")?.times(powerOfTen: 3).text, "340000")
    }
}
