import XCTest
@testable import LedeExtraction
import LedeModel

/// The hand-written UTF-8 paths must agree with the standard library on every kind of scalar news text
/// holds: ASCII, Vietnamese (precomposed and decomposed), other scripts and emoji.
final class UTF8EncodingTests: XCTestCase {
    private let samples = [
        "Nga tuyên bố tiêu diệt hơn 550 tay súng IS ở al-Bukamal.",
        "Tướng Valery Gerasimov".decomposedStringWithCanonicalMapping,
        "Дамаск, دمشق, 大马士革 and 🇸🇾 — “quotes”\u{200B}",
        "",
    ]

    func testScalarsOfATextAreTheStandardLibrarysScalars() {
        for text in samples {
            XCTAssertEqual(UTF8Encoding.scalars(of: text), Array(text.unicodeScalars), text)
        }
    }

    func testAStringBuiltFromScalarsReadsTheSame() {
        for text in samples {
            let scalars = Array(text.unicodeScalars)
            XCTAssertEqual(UTF8Encoding.string(scalars, 0..<scalars.count).unicodeScalars.elementsEqual(text.unicodeScalars), true)
        }
        let scalars = Array("Deir ez-Zor".unicodeScalars)
        XCTAssertEqual(UTF8Encoding.string(scalars, 5..<11), "ez-Zor")
    }

    /// Event words are lowercased without the punctuation around them, as `String.lowercased()` would.
    func testEventWordsAreLowercasedCoresOfTheirTokens() {
        XCTAssertEqual(EventText.lowercasedCore("“ĐÀM"), "đàm")
        XCTAssertEqual(EventText.lowercasedCore("Ưu,"), "ưu")
        XCTAssertEqual(EventText.lowercasedCore("(İSTANBUL)"), "İSTANBUL".lowercased())
        XCTAssertEqual(EventText.lowercasedCore("Ελλάδα"), "ελλάδα")
        XCTAssertEqual(EventText.lowercasedCore("..."), "")
        // A capital starts a name for event rules, in Latin Extended-A too.
        for name in ["Łódź", "Žižek", "Ňa", "Ąt"] {
            let scalars = Array(name.unicodeScalars)
            XCTAssertTrue(EventText.isCapitalized(scalars, 0, scalars.count), name)
            XCTAssertFalse(EventText.isCapitalized(Array(name.lowercased().unicodeScalars), 0, scalars.count), name)
        }
        for word in ["Nga", "TIÊU DIỆT", "Ấn Độ", "Quảng Ngãi", "ĐỒNG", "Über", "Łódź", "Žižek", "ŁÓDŹ", "Ľudovít"] {
            XCTAssertEqual(EventText.lowercasedCore(word), word.lowercased(), word)
        }
    }
}
