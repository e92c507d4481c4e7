import LedeModel
import XCTest
@testable import LedeExtraction

/// A person's title and an English possessive are not part of the name: "Mr Howard" is Howard, the same
/// person as "Michael Howard"; "Chile's president" names Chile, a place.
final class NameSpanTests: XCTestCase {
    func names(_ body: String, lang: String = "en") -> (mentions: [Mention], entities: [Entity]) {
        let result = Shipped.extractor.extract(Article(id: "t", body: body, lang: lang))
        return (result.mentions.filter(\.type.isName), result.entities)
    }

    func testATitleStaysOutsideThePersonsNameSoBothMentionsAreOnePerson() {
        let body = "Mr Michael Howard said on Tuesday the party would fight. Mr Howard, the Tory leader, spoke in Leeds."
        let (mentions, entities) = names(body)
        let people = mentions.filter { $0.type == .person }
        XCTAssertEqual(people.map(\.span.text), ["Michael Howard", "Howard"])
        XCTAssertEqual(Set(people.map(\.entity)).count, 1, "one person")
        XCTAssertEqual(entities.first { $0.type == .person }?.name, "Michael Howard")
        // Offsets still point at the name in the text.
        let scalars = Array(body.unicodeScalars)
        for m in people {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[m.span.start..<m.span.end])), m.span.text)
        }
    }

    func testAPossessiveIsCutAndACountryLeftByItIsAPlace() {
        let body = "Mr Michael Howard said that Dr Jane Smith of Harvard University and Chile's president had met. He praised Harvard's work."
        let (mentions, _) = names(body)
        let chile = mentions.first { $0.span.text.hasPrefix("Chile") }
        XCTAssertEqual(chile?.span.text, "Chile")
        XCTAssertEqual(chile?.type, .location)
        XCTAssertFalse(mentions.contains { $0.span.text.hasSuffix("'s") }, "\(mentions.map(\.span.text))")
    }

    func testAnApostropheAfterASpaceBelongsToTheName() {
        XCTAssertNil(NameSpans.possessiveLength("Lord 's"), "tokenised text: the cricket ground")
        XCTAssertEqual(NameSpans.possessiveLength("Lord's"), 2)
        XCTAssertEqual(NameSpans.possessiveLength("the Joneses’"), 1)
        XCTAssertNil(NameSpans.possessiveLength("Paris"))
    }

    func testACapitalisedVietnameseKinshipWordBeginsANameAndIsKept() {
        let span = { (text: String) in Span(field: .body, start: 10, end: 10 + text.unicodeScalars.count, text: text) }
        let given = Mention(type: .person, span: span("Anh Tuấn"), source: "tagger")
        let titled = Mention(type: .person, span: span("ông Putin"), source: "tagger")
        let trimmed = NameSpans.trimmed([given, titled], lang: "vi")
        XCTAssertEqual(trimmed[0].span.text, "Anh Tuấn")
        XCTAssertEqual(trimmed[1].span.text, "Putin")
        XCTAssertEqual(trimmed[1].span.start, 14)
        XCTAssertEqual(trimmed[1].span.end, 19)
    }

    func testTheSameNameHasOneTypeInAnArticleSoItIsOneEntity() {
        let (mentions, entities) = names("Yukos was fined on Monday. Shares in Yukos fell sharply after the ruling.")
        let yukos = mentions.filter { $0.span.text == "Yukos" }
        XCTAssertEqual(yukos.count, 2)
        XCTAssertEqual(Set(yukos.map(\.type)).count, 1, "\(yukos.map(\.type))")
        XCTAssertEqual(entities.filter { $0.name == "Yukos" }.count, 1)
    }

    func testATieGoesToTheOrganisationNotThePerson() {
        let span = { (start: Int) in Span(field: .body, start: start, end: start + 5, text: "Sharp") }
        let unified = ArticleTypes.unified([
            Mention(type: .person, span: span(0), source: "tagger"), Mention(type: .organization, span: span(20), source: "tagger"),
        ])
        XCTAssertEqual(unified.map(\.type), [.organization, .organization])
    }

    func testAnAbbreviationInBracketsIsTheOrganisationItFollowsWhereverItIsUsedAgain() {
        let body = "Công ty Hoàng Anh Gia Lai Agrico (HAGL Agrico) đã ký hợp đồng. HAGL Agrico cho biết lợi nhuận tăng."
        let (mentions, entities) = names(body, lang: "vi")
        let orgs = mentions.filter { $0.type == .organization }
        XCTAssertEqual(orgs.count, 3, "\(mentions.map(\.span.text))")
        XCTAssertEqual(Set(orgs.map(\.entity)).count, 1)
        // "Anh" inside the company's name is not England: no nationality for it.
        XCTAssertNil(entities.first { $0.type == .organization }?.cameo)
    }

    func testACountryInBracketsAfterAPersonIsNoAbbreviation() {
        let (mentions, _) = names("The race was won by Michael Johnson (U.S.) ahead of Frankie Fredericks (Namibia).")
        XCTAssertEqual(mentions.first { $0.span.text == "U.S." }?.type, .location)
    }
}
