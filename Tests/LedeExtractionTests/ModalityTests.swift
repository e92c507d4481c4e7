import XCTest
@testable import LedeExtraction
import LedeModel

/// Whether an event happened, will happen, might happen, did not happen, or is background; and who says so.
final class ModalityTests: XCTestCase {
    private let published = PublicationDate(year: 2017, month: 12, day: 7)

    private func only(_ text: String, lang: String = "vi", mentions: [Mention] = []) -> Event? {
        let events = Shipped.events(text, lang: lang, mentions: mentions, publishedAt: published)
        XCTAssertEqual(events.count, 1, "one event in “\(text)”: \(events.map(\.trigger.text))")
        return events.first
    }

    func testAReportedAttackIsAsserted() {
        XCTAssertEqual(only("Phiến quân đã tấn công một đồn cảnh sát ở miền bắc.")?.modality, .asserted)
        XCTAssertEqual(only("Rebels attacked a police post in the north.", lang: "en")?.modality, .asserted)
    }

    func testNegationBeforeTheTriggerMarksItNegated() {
        XCTAssertEqual(only("Nga khẳng định không tấn công các khu dân cư.")?.modality, .negated)
        XCTAssertEqual(only("Hai bên chưa ký thỏa thuận nào.")?.modality, .negated)
        XCTAssertEqual(only("Quân đội không hề bắn vào người dân.")?.modality, .negated)
        XCTAssertEqual(only("The army did not attack the village.", lang: "en")?.modality, .negated)
        XCTAssertEqual(only("Police never arrested the suspect.", lang: "en")?.modality, .negated)
    }

    func testAirStrikeIsNotANegationThoughItStartsWithKhong() {
        let event = only("Máy bay Nga không kích các vị trí của IS.")
        XCTAssertEqual(event?.type, "ASSAULT")
        XCTAssertEqual(event?.modality, .asserted)
    }

    func testFutureMarkersMakeItFuture() {
        XCTAssertEqual(only("Hai nhà lãnh đạo sẽ hội đàm tại Hà Nội.")?.modality, .future)
        XCTAssertEqual(only("Mỹ dự kiến triển khai thêm tàu chiến.")?.modality, .future)
        XCTAssertEqual(only("Ministers will meet in Brussels.", lang: "en")?.modality, .future)
        XCTAssertEqual(only("The government plans to deploy troops.", lang: "en")?.modality, .future)
    }

    func testADateAfterPublicationMakesItFuture() {
        let text = "Phái đoàn trở lại Geneva vào ngày 10/12 để hòa đàm."
        let event = only(text)
        XCTAssertEqual(event?.modality, .future)
        XCTAssertEqual(event?.date?.value, "2017-12-10")
        XCTAssertEqual(event?.date?.origin, .text)
    }

    func testConditionsAndPossibilitiesAreHypothetical() {
        XCTAssertEqual(only("Nếu Nga tấn công, Ukraine sẽ đáp trả.")?.modality, .hypothetical)
        XCTAssertEqual(only("Phe nổi dậy có thể phóng thích con tin trong tuần này.")?.modality, .hypothetical)
        XCTAssertEqual(only("The union could strike if pay is cut.", lang: "en")?.modality, .hypothetical)
    }

    func testBackgroundSinceAYearIsHistorical() {
        let event = only("Nga đã hỗ trợ quân sự cho Syria từ năm 2015.")
        XCTAssertEqual(event?.modality, .historical)
        XCTAssertEqual(event?.date?.value, "2015")
        XCTAssertEqual(event?.date?.granularity, .year)
    }

    func testAConflictsDeathTollIsBackgroundNotANewEvent() {
        let event = only("Cuộc xung đột đã kéo dài gần 7 năm qua và cướp đi hơn 340.000 sinh mạng.")
        XCTAssertEqual(event?.modality, .historical)
        XCTAssertEqual(event?.counts.first, EventCount(kind: "killed", value: 340_000, qualifier: .atLeast, span: event?.counts.first?.span))
    }

    func testSpeakerBeforeChoBietIsTheAttribution() {
        let event = only("Ông Rudskoi cho biết, quân đội Nga đã tiêu diệt hơn 550 tay súng.")
        XCTAssertEqual(event?.attribution?.span.text, "Rudskoi")
        XCTAssertEqual(event?.actors.first?.span.text, "quân đội Nga")
        XCTAssertEqual(event?.actors.first?.cameo, "RUSMIL")
    }

    func testTheoIntroducesASourceThatIsNotAParticipant() {
        let event = only("Theo Tổng thống Nga Vladimir Putin, cuộc họp tại Sochi sẽ diễn ra vào năm tới.")
        XCTAssertEqual(event?.attribution?.span.text, "Vladimir Putin")
        XCTAssertEqual(event?.attribution?.cameo, "RUSGOV")
        XCTAssertEqual(event?.actors ?? [], [])
        XCTAssertEqual(event?.modality, .future)
    }

    func testTheoLoiDeNghiIsARequestNotASource() {
        let events = Shipped.events("Nga đã can thiệp theo lời đề nghị của Damascus.", lang: "vi", publishedAt: published)
        XCTAssertNil(events.first?.attribution)
        XCTAssertEqual(events.first?.actors.first?.span.text, "Damascus")
    }

    func testEnglishSaidAndAccordingTo() {
        XCTAssertEqual(only("The rebels released 20 hostages, a spokesman said.", lang: "en")?.attribution?.span.text, "spokesman")
        XCTAssertEqual(only("According to Reuters, police arrested 40 people.", lang: "en")?.attribution?.span.text, "Reuters")
    }
}
