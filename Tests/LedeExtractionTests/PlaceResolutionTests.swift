import XCTest
@testable import LedeExtraction
import LedeModel

/// Places on the map: which of the places a name may refer to an article means, and where it is.
final class PlaceResolutionTests: XCTestCase {
    let linker = EntityLinker()

    /// Links LOC mentions of `places` (each phrase's first appearance in `text`) and returns the
    /// entity of each, in the same order.
    func placed(_ places: [String], in text: String, lang: String, publishedAt: PublicationDate? = nil) -> [Entity] {
        let scalars = Array(text.unicodeScalars)
        let names = places.map { phrase -> Mention in
            let needle = Array(phrase.unicodeScalars)
            let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
            return Mention(type: .location, span: Span(field: .body, start: start, end: start + needle.count, text: phrase),
                           source: "tagger")
        }
        var mentions = linker.merge(names: names, values: [])
        let entities = linker.link(&mentions, lang: lang, publishedAt: publishedAt)
        return places.map { phrase in entities[mentions.first { $0.span.text == phrase }!.entity!] }
    }

    // MARK: An ambiguous name is settled by the article's other places

    func testParisAloneIsTheFrenchCapital() {
        let paris = placed(["Paris"], in: "Talks resumed in Paris on Monday.", lang: "en")[0]
        XCTAssertEqual(paris.place?.country, "FR")
        XCTAssertEqual(paris.geonamesID, 2_988_507)
        XCTAssertEqual(paris.place?.precision, .city)
        XCTAssertEqual(paris.place!.latitude, 48.85, accuracy: 0.05)
        XCTAssertEqual(paris.place!.longitude, 2.35, accuracy: 0.05)
    }

    func testParisInATexasStoryIsParisTexas() {
        let text = "A tornado hit Paris on Monday, and the governor of Texas declared an emergency."
        let paris = placed(["Paris", "Texas"], in: text, lang: "en")[0]
        XCTAssertEqual(paris.country, "US")
        XCTAssertEqual(paris.geonamesID, 4_717_560, "Paris, Texas")
        XCTAssertEqual(paris.place?.admin1, "Texas")
        XCTAssertEqual(paris.place?.precision, .city)
        XCTAssertEqual(paris.place!.latitude, 33.66, accuracy: 0.05)
        XCTAssertEqual(paris.place!.longitude, -95.56, accuracy: 0.05)
    }

    func testParisInAVietnameseTexasStoryIsParisTexas() {
        let text = "Lốc xoáy quét qua thị trấn Paris, bang Texas (Mỹ) hôm thứ Hai."
        let places = placed(["Paris", "bang Texas", "Mỹ"], in: text, lang: "vi")
        XCTAssertEqual(places[0].geonamesID, 4_717_560)
        XCTAssertEqual(places[0].place?.admin1, "Texas")
        XCTAssertEqual(places[1].place?.precision, .admin1, "the state itself: placed at its largest city")
        XCTAssertEqual(places[1].country, "US")
    }

    func testACityNamedInTheSameStatePointsToIt() {
        // Fort Worth has no homonym elsewhere, so its state is as good as named.
        let text = "Paris and Fort Worth both lost power."
        XCTAssertEqual(placed(["Paris", "Fort Worth"], in: text, lang: "en")[0].place?.admin1, "Texas")
    }

    func testANameWithASmallNamesakeStillPointsToItsState() {
        // "Virginia" is also a South African town; read as the state, it places Arlington in it rather
        // than in Texas, where the larger Arlington is.
        let text = "Contrack International, of Arlington, Virginia, heads the coalition."
        let arlington = placed(["Arlington", "Virginia"], in: text, lang: "en")[0]
        XCTAssertEqual(arlington.geonamesID, 4_744_709)
        XCTAssertEqual(arlington.place?.admin1, "Virginia")
    }

    func testASmallTownNamedAloneStaysOffTheMap() {
        // A town of 20,000 that nothing else in the story points to is more often a club or a company.
        XCTAssertNil(placed(["Northfield"], in: "Harbour City beat Northfield 3-2.", lang: "en")[0].place)
        let text = "Floods closed roads around Northfield, Minnesota."
        let northfield = placed(["Northfield", "Minnesota"], in: text, lang: "en")[0]
        XCTAssertEqual(northfield.place?.admin1, "Minnesota")
        XCTAssertEqual(northfield.place?.precision, .city)
    }

    func testACountryNamedAloneDoesNotOutweighAFarLargerCity() {
        // "Paris" in a story that names the United States is still Paris, France: only a named state
        // moves it to Texas.
        let text = "The United States rejoined the Paris agreement."
        XCTAssertEqual(placed(["United States", "Paris"], in: text, lang: "en")[1].place?.country, "FR")
    }

    func testWashingtonAloneIsTheCapital() {
        let washington = placed(["Washington"], in: "Officials in Washington said so.", lang: "en")[0]
        XCTAssertEqual(washington.geonamesID, 4_140_963)
        XCTAssertEqual(washington.place?.precision, .city)
    }

    func testWashingtonAmongUSStatesIsTheState() {
        let text = "Wildfires spread across Oregon, Washington and Idaho."
        let washington = placed(["Oregon", "Washington", "Idaho"], in: text, lang: "en")[1]
        XCTAssertEqual(washington.country, "US")
        XCTAssertEqual(washington.place?.precision, .admin1)
        XCTAssertEqual(washington.place?.admin1, "Washington")
        XCTAssertEqual(washington.place!.latitude, 47.6, accuracy: 0.1, "placed at Seattle, its largest city")
    }

    func testWashingtonInAVietnameseStoryWithUSStatesIsTheState() {
        let text = "Cháy rừng lan rộng ở các bang Oregon, Washington và Idaho của Mỹ."
        XCTAssertEqual(placed(["Oregon", "Washington", "Idaho", "Mỹ"], in: text, lang: "vi")[1].place?.precision, .admin1)
    }

    func testACityNamedLikeItsDivisionIsTheCity() {
        // The canton of Geneva is larger than the city, but news naming "Geneva" means the city.
        let geneva = placed(["Geneva"], in: "Talks in Geneva.", lang: "en")[0]
        XCTAssertEqual(geneva.geonamesID, 2_660_646)
        XCTAssertEqual(geneva.place?.precision, .city)
    }

    // MARK: Countries, provinces and their eras

    func testACountryIsPlacedAtItsCentre() {
        let cambodia = placed(["Campuchia"], in: "Đoàn công tác sang Campuchia.", lang: "vi")[0]
        XCTAssertEqual(cambodia.place?.precision, .country)
        XCTAssertEqual(cambodia.country, "KH")
        XCTAssertEqual(cambodia.geonamesID, 1_831_722)
        XCTAssertNil(cambodia.place?.admin1)
        XCTAssertEqual(cambodia.place!.latitude, 13, accuracy: 0.5)
        XCTAssertEqual(cambodia.place!.longitude, 105, accuracy: 0.5)
    }

    func testAProvinceMergedIn2025IsAtItsOldSeatUnderItsSuccessor() {
        // Hà Giang was merged into Tuyên Quang on 1 July 2025.
        let text = "Mưa lũ ở tỉnh Hà Giang."
        let before = placed(["tỉnh Hà Giang"], in: text, lang: "vi", publishedAt: PublicationDate(year: 2024, month: 9, day: 10))[0]
        XCTAssertEqual(before.place?.precision, .admin1)
        XCTAssertEqual(before.place?.admin1, "Hà Giang")
        XCTAssertEqual(before.place!.latitude, 22.82, accuracy: 0.02, "Hà Giang city, the province's seat")
        XCTAssertEqual(before.place!.longitude, 104.98, accuracy: 0.02)
        let after = placed(["tỉnh Hà Giang"], in: text, lang: "vi", publishedAt: PublicationDate(year: 2026, month: 3, day: 1))[0]
        XCTAssertEqual(after.place?.admin1, "Tuyên Quang", "the province it belongs to on the article's date")
        XCTAssertEqual(after.place!.latitude, 22.82, accuracy: 0.02, "still the place the article names")
    }

    func testAProvinceOfTheNewEraIsAtItsNewSeat() {
        // Since July 2025 Lào Cai (merged with Yên Bái) is governed from Yên Bái; before, from Lào Cai city.
        let text = "Sạt lở đất ở Lào Cai."
        let after = placed(["Lào Cai"], in: text, lang: "vi", publishedAt: PublicationDate(year: 2025, month: 8, day: 1))[0]
        XCTAssertEqual(after.place?.precision, .admin1)
        XCTAssertEqual(after.place?.admin1, "Lào Cai")
        XCTAssertEqual(after.place!.latitude, 21.72, accuracy: 0.02, "Yên Bái")
        XCTAssertEqual(after.place!.longitude, 104.91, accuracy: 0.02)
        let before = placed(["Lào Cai"], in: text, lang: "vi", publishedAt: PublicationDate(year: 2020, month: 8, day: 1))[0]
        XCTAssertEqual(before.place!.latitude, 22.49, accuracy: 0.02, "Lào Cai city")
    }

    func testAProvinceOnlyTheNewEraHasIsPlaced() {
        // "Thành phố Huế" is a province-level city of the 34; the old lists knew Thừa Thiên Huế.
        let hue = placed(["Thành phố Huế"], in: "Lễ hội ở Thành phố Huế.", lang: "vi",
                         publishedAt: PublicationDate(year: 2025, month: 9, day: 2))[0]
        XCTAssertEqual(hue.country, "VN")
        XCTAssertEqual(hue.place!.latitude, 16.46, accuracy: 0.02)
        XCTAssertEqual(hue.place!.longitude, 107.6, accuracy: 0.02)
    }

    func testAVietnameseCityIsInItsProvinceOfTheArticlesEra() {
        let text = "Tai nạn ở Quy Nhơn."
        let before = placed(["Quy Nhơn"], in: text, lang: "vi", publishedAt: PublicationDate(year: 2021, month: 1, day: 5))[0]
        XCTAssertEqual(before.place?.precision, .city)
        XCTAssertEqual(before.place?.admin1, "Bình Định")
        let after = placed(["Quy Nhơn"], in: text, lang: "vi", publishedAt: PublicationDate(year: 2025, month: 12, day: 5))[0]
        XCTAssertEqual(after.place?.admin1, "Gia Lai", "Bình Định merged into Gia Lai")
    }

    // MARK: Names as news writes them

    func testACityIsFoundWithoutItsMarksAndAfterAPossessive() {
        // GeoNames writes "Rājkot" and "São Paulo"; English news writes neither mark.
        let places = placed(["Rajkot", "Sao Paulo", "Indonesia's"], in: "Rajkot, Sao Paulo and Indonesia's capital.", lang: "en")
        XCTAssertEqual(places[0].place?.admin1, "Gujarat")
        XCTAssertEqual(places[1].country, "BR")
        XCTAssertEqual(places[2].place?.precision, .country)
        XCTAssertEqual(places[2].country, "ID")
    }

    // MARK: What is not placed

    func testAWorldRegionOrAUnionHasNoPoint() {
        let places = placed(["Châu Phi", "EU"], in: "Viện trợ cho Châu Phi từ EU.", lang: "vi")
        XCTAssertNil(places[0].place)
        XCTAssertNil(places[1].place)
    }

    func testAnAbbreviationOfAnOrganisationIsNotATown() {
        // "Un" is a town in Gujarat; "UN" written in capitals is the United Nations.
        let un = placed(["UN"], in: "The UN envoy arrived.", lang: "en")[0]
        XCTAssertNil(un.place)
        XCTAssertEqual(un.cameo, "IGOUNO")
    }
}
