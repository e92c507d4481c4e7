import XCTest
@testable import LedeExtraction
import LedeModel

/// What the shipped trigger model decides on real news sentences, each sent as a short article: the
/// negatives are the mistakes a lexicon alone made (words inside other words, things named after an
/// action, capabilities, sport and market metaphors, the content of a request); the positives are
/// plain reports of each kind.
final class TriggerModelTests: XCTestCase {
    private func types(_ text: String, _ lang: String) -> [String] {
        Shipped.extractor.extract(
            Article(id: "t", body: text, lang: lang, publishedAt: PublicationDate(year: 2021, month: 4, day: 20))
        ).events.map(\.type)
    }

    func testVietnameseWordsThatOnlyLookLikeEventsAreNone() {
        XCTAssertEqual(types("Người dân cần đăng ký tạm trú khi chuyển đến nơi ở mới.", "vi"), [], "“ký” inside “đăng ký” signs nothing")
        XCTAssertEqual(types("Dự án mang lại kết quả đầy hứa hẹn cho ngành nông nghiệp.", "vi"), [], "“đầy hứa hẹn” promises nothing")
        XCTAssertEqual(types("Tàu hỗ trợ hậu cần của hải quân đã cập cảng Cam Ranh.", "vi"), [], "a ship named after aid")
        XCTAssertEqual(types("Tên lửa có tầm tấn công 40 km.", "vi"), [], "a capability is no attack")
        XCTAssertEqual(types("Nhà trường hỗ trợ học sinh trong mùa thi.", "vi"), [], "no political actor")
        XCTAssertEqual(types("Đội tuyển Việt Nam đánh bại Thái Lan 2-0 trong trận đấu tối qua.", "vi"), [], "sport")
    }

    func testEnglishMetaphorsNamesAndCapabilitiesAreNone() {
        XCTAssertEqual(types("Lleyton Hewitt battled past Andy Roddick in a five-set battle at Wimbledon.", "en"), [])
        XCTAssertEqual(types("Bolton host Arsenal at the Reebok Stadium on Saturday.", "en"), [])
        XCTAssertEqual(types("Google released its new desktop search software on Thursday.", "en"), [])
        XCTAssertEqual(types("Users of Ask Jeeves can now search for images.", "en"), [])
        XCTAssertEqual(types("The missile can hit targets 2,000 km away.", "en"), [])
        XCTAssertEqual(types("Shares in the firm fell sharply after it warned of lower profits.", "en"), [])
        XCTAssertEqual(types("The actor won the Oscar for best supporting role.", "en"), [])
    }

    /// The lexicon gives "attack" one type; in an article whose topic it knows, the model, taught by
    /// the annotated articles, tells a verbal attack on a plan from an armed one on a base. A lone
    /// sentence says too little to overrule the lexicon.
    func testTheModelOverrulesTheLexiconsTypeInAnArticleWhoseTopicItKnows() {
        let politics = """
            The Conservatives attacked the government's plan to raise council tax in England on Monday. \
            The shadow chancellor told MPs in the Commons that families would pay more while the Treasury \
            wasted money. Labour ministers said the plan was fair and that the opposition had no costed \
            policy of its own. The vote on the budget is expected next week, before the general election.
            """
        XCTAssertEqual(types(politics, "en").first, "ACCUSE", "a verbal attack in a politics report")
        XCTAssertEqual(types("Rebels attacked an army base near Kabul, killing 12 soldiers.", "en"), ["ASSAULT"])
        XCTAssertEqual(types("The Conservatives attacked the government's plan.", "en"), ["ASSAULT"],
                       "alone, the sentence keeps the lexicon's type")
    }

    func testWhatARequestAsksForIsNotAnEventOfItsOwn() {
        XCTAssertFalse(types("Thái Lan kêu gọi quân đội Myanmar xuống thang căng thẳng.", "vi").contains("RETREAT"))
        XCTAssertFalse(types("The UN called for an immediate ceasefire in Darfur.", "en").contains("RETREAT"))
    }

    func testPlainReportsAreEvents() {
        XCTAssertEqual(types("Bộ Ngoại giao Trung Quốc lên án việc Mỹ điều tàu chiến vào Biển Đông.", "vi"), ["ACCUSE", "MOBILIZE"],
                       "the condemnation, and the warships sent (GUIDE.md §6)")
        XCTAssertEqual(types("Quân đội Nga đã tấn công các vị trí của phiến quân ở Idlib.", "vi"), ["ASSAULT"])
        XCTAssertEqual(types("Công an TP Hà Nội đã bắt giữ 3 đối tượng trộm cắp tài sản.", "vi"), ["COERCE"])
        XCTAssertEqual(types("Police arrested two men after a man was stabbed in Leeds on Sunday.", "en"), ["COERCE", "ASSAULT"])
        XCTAssertEqual(types("The Tories accused Labour of wasting money on consultants.", "en"), ["ACCUSE"])
        XCTAssertEqual(types("The UN called for an immediate ceasefire in Darfur.", "en"), ["REQUEST"], "the ceasefire is its content")
        XCTAssertEqual(types("Thái Lan kêu gọi quân đội Myanmar xuống thang căng thẳng.", "vi"), ["REQUEST"])
    }

    func testAnArticleGetsATopicFromItsWords() throws {
        let result = Shipped.extractor.extract(Article(
            id: "t", title: "Harbour City battle past Northfield to reach cup final",
            body: "Harbour City fought back from two goals down to beat Northfield 3-2 in a thrilling semi-final on Saturday. The visitors attacked from the first whistle and struck twice before half-time, but the captain scored the winner in stoppage time.",
            lang: "en"))
        XCTAssertEqual(result.topic?.label, "sport")
        XCTAssertEqual(result.events.map(\.type), [], "a match report's battles and attacks are no events")
    }
}
