import XCTest
@testable import LedeExtraction
import LedeModel

final class LanguageIdentifierTests: XCTestCase {
    func testVietnameseNewsIsVietnamese() {
        XCTAssertEqual(LanguageIdentifier.identify(
            "Theo Tổng thống Nga Vladimir Putin, cuộc họp về tiến trình chính trị cho cuộc khủng hoảng Syria tổ chức ở thành phố Sochi sẽ trở thành điểm chú trọng mới."),
            "vi")
    }

    func testDecomposedVietnameseIsStillVietnamese() {
        let nfd = "Bộ Ngoại giao Syria thông báo phái đoàn của chính phủ nước này sẽ trở lại Geneva.".decomposedStringWithCanonicalMapping
        XCTAssertEqual(LanguageIdentifier.identify(nfd), "vi")
    }

    func testEnglishNewsIsEnglish() {
        XCTAssertEqual(LanguageIdentifier.identify(
            "Former France centre Philippe Sella believes coach Bernard Laporte must recall Frederic Michalak to give his side any chance of beating Ireland."),
            "en")
    }

    func testOtherLanguagesAreReportedAsSuch() {
        XCTAssertEqual(LanguageIdentifier.identify("Le président a déclaré que la France ne changera pas sa politique sur les retraites."), "fr")
        XCTAssertEqual(LanguageIdentifier.identify("Der Präsident sagte, dass die Regierung ihre Politik nicht ändern wird."), "de")
        XCTAssertEqual(LanguageIdentifier.identify("El presidente dijo que el gobierno no cambiará su política en los próximos meses."), "es")
        XCTAssertEqual(LanguageIdentifier.identify("Путин заявил, что Россия не изменит свою политику."), "ru")
        XCTAssertEqual(LanguageIdentifier.identify("习近平今天在北京会见了来访的外国领导人。"), "zh")
        XCTAssertEqual(LanguageIdentifier.identify("東京では今日、首相が記者会見を行いました。"), "ja")
        XCTAssertEqual(LanguageIdentifier.identify("대통령은 오늘 기자회견을 열었다고 밝혔다."), "ko")
        XCTAssertEqual(LanguageIdentifier.identify("نخست وزیر امروز گفت که دولت سیاست خود را تغییر نمی‌دهد و پیشنهاد"), "fa")
    }

    func testTooShortOrUnknownIsUndetermined() {
        XCTAssertEqual(LanguageIdentifier.identify("OK"), "und")
        XCTAssertEqual(LanguageIdentifier.identify("12345 67890 !!!"), "und")
        XCTAssertEqual(LanguageIdentifier.identify("Xyzzy plugh frobozz quux"), "und")
    }
}
