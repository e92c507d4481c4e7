import XCTest
@testable import LedeExtraction
import LedeModel

final class GazetteerTests: XCTestCase {
    let gazetteer = Gazetteer.shared

    func testShortCountryNamesInBothLanguagesShareOneCountry() {
        for name in ["Mỹ", "Hoa Kỳ", "U.S.", "US", "United States", "America"] {
            let e = gazetteer.lookup(name).first
            XCTAssertEqual(e?.country, "US", name)
            XCTAssertEqual(e?.cameo, "USA", name)
        }
        XCTAssertEqual(gazetteer.lookup("Triều Tiên").first?.country, "KP")
        XCTAssertEqual(gazetteer.lookup("Hàn Quốc").first?.cameo, "KOR")
        XCTAssertEqual(gazetteer.lookup("Britain").first?.country, "GB")
        XCTAssertEqual(gazetteer.lookup("Anh").first?.cameo, "GBR")
        XCTAssertEqual(gazetteer.lookup("Nga").first?.nameEn, "Russia")
    }

    func testAbbreviationsMatchOnlyInCapitals() {
        XCTAssertEqual(gazetteer.lookup("us"), [], "the pronoun is not the country")
        XCTAssertEqual(gazetteer.lookup("is"), [])
        XCTAssertEqual(gazetteer.lookup("IS").first?.nameVi, "Nhà nước Hồi giáo")
        XCTAssertEqual(gazetteer.lookup("LHQ").first?.nameVi, "Liên Hợp Quốc")
    }

    func testLookupsIgnoreCaseToneStyleAndNormalisation() {
        let swiss = gazetteer.lookup("Thụy Sĩ").first
        XCTAssertEqual(swiss?.country, "CH")
        XCTAssertEqual(gazetteer.lookup("Thuỵ Sĩ").first, swiss, "tone mark on the other vowel")
        XCTAssertEqual(gazetteer.lookup("THỤY SĨ").first, swiss)
        XCTAssertEqual(gazetteer.lookup("Thụy Sĩ".decomposedStringWithCanonicalMapping).first, swiss, "NFD")
        XCTAssertEqual(gazetteer.lookup("Khánh Hoà").first?.kind, .province)
        XCTAssertEqual(gazetteer.lookup("\u{D0}à Nẵng").first?.nameVi, "Đà Nẵng", "'Ð' typed for 'Đ'")
    }

    func testCitiesCarryGeoNamesIdsAndPreferTheLargerHomonym() {
        let geneva = gazetteer.lookup("Geneva").first
        XCTAssertEqual(geneva?.geonamesID, 2660646)
        XCTAssertEqual(geneva?.country, "CH")
        XCTAssertEqual(gazetteer.lookup("Matxcơva").first?.geonamesID, 524901, "Vietnamese name from GeoNames")
        XCTAssertEqual(gazetteer.lookup("Sochi").first?.country, "RU")
        XCTAssertEqual(gazetteer.lookup("Deir ez-Zor").first?.country, "SY")
    }

    func testVietnameseProvincesBeforeAndAfterJuly2025() {
        let bacGiang = gazetteer.lookup("Bắc Giang").first
        XCTAssertEqual(bacGiang?.kind, .province)
        XCTAssertEqual(bacGiang?.eras, ["pre2025"])
        XCTAssertEqual(bacGiang?.successor, "Bắc Ninh", "merged into Bắc Ninh on 1 July 2025")
        let bacNinh = gazetteer.lookup("Tỉnh Bắc Ninh").first
        XCTAssertEqual(Set(bacNinh?.eras ?? []), ["pre2025", "2025"])
        XCTAssertEqual(gazetteer.lookup("TP.HCM").first?.nameVi, "Hồ Chí Minh")
        XCTAssertEqual(gazetteer.lookup("Hà Nội").first?.geonamesID, 1581130)
        let provinces2025 = gazetteer.entries.filter { $0.kind == .province && $0.eras.contains("2025") }
        XCTAssertEqual(provinces2025.count, 34)
        XCTAssertEqual(gazetteer.entries.filter { $0.kind == .province && $0.eras.contains("pre2025") }.count, 63)
    }

    func testSectorWordsGiveCameoActorCodes() {
        XCTAssertEqual(gazetteer.actorCode(for: "quân đội Nga"), "RUSMIL")
        XCTAssertEqual(gazetteer.actorCode(for: "chính phủ Syria"), "SYRGOV")
        XCTAssertEqual(gazetteer.actorCode(for: "Bộ Ngoại giao Syria"), "SYRGOV")
        XCTAssertEqual(gazetteer.actorCode(for: "Bộ Tổng tư lệnh quân đội Nga"), "RUSMIL")
        XCTAssertEqual(gazetteer.actorCode(for: "Russian military"), "RUSMIL")
        XCTAssertEqual(gazetteer.actorCode(for: "Liên Hợp Quốc"), "IGOUNO")
        XCTAssertNil(gazetteer.actorCode(for: "quân đội"), "no country, no code")
    }

    func testMatchesInTextAreLongestFirst() {
        let text = "Phái đoàn sẽ trở lại Geneva, Thụy Sĩ, theo Liên minh châu Âu và U.S. officials."
        let tokens = WordScanner.scan(Array(text.unicodeScalars))
        let found = gazetteer.matches(in: tokens).map { m -> String in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: Array(text.unicodeScalars)[m.start..<m.end])
            return String(v)
        }
        XCTAssertEqual(found, ["Geneva", "Thụy Sĩ", "Liên minh châu Âu", "U.S."])
    }
}
