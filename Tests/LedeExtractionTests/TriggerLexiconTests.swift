import XCTest
@testable import LedeExtraction
import LedeModel

final class TriggerLexiconTests: XCTestCase {
    func testOntologyHasTheSixteenPloverTypesAndTheirCameoCodes() {
        let ontology = EventOntology.shipped
        XCTAssertEqual(Set(ontology.codes.values.map(\.type)), Set(EventOntology.types))
        XCTAssertEqual(ontology.code("190")?.type, "ASSAULT")
        XCTAssertEqual(ontology.code("190")?.quadClass, 4)
        XCTAssertEqual(ontology.code("190")?.goldstein, -10.0)
        XCTAssertEqual(ontology.code("046")?.type, "CONSULT")
        XCTAssertEqual(ontology.code("046")?.quadClass, 1)
        XCTAssertEqual(ontology.code("0871")?.mode, "ceasefire")
        XCTAssertEqual(ontology.code("072")?.context, "military")
        XCTAssertEqual(ontology.modes["CONSULT"], ["phone", "visit", "third-party"])
    }

    func testEveryVietnameseEntryLoadsWithAPloverTypeAndAKnownCameoCode() throws {
        try assertLexiconIsClean("vi", atLeast: 300)
    }

    func testEveryEnglishEntryLoadsWithAPloverTypeAndAKnownCameoCode() throws {
        try assertLexiconIsClean("en", atLeast: 250)
    }

    private func assertLexiconIsClean(_ lang: String, atLeast minimum: Int) throws {
        let tsv = try XCTUnwrap(ResourceFiles.text("events/triggers-\(lang).tsv"))
        let (entries, problems) = TriggerLexicon.parse(tsv, lang: lang)
        XCTAssertEqual(problems, [], "every line of triggers-\(lang).tsv is usable")
        XCTAssertGreaterThanOrEqual(entries.count, minimum)
        let ontology = EventOntology.shipped
        for e in entries {
            XCTAssertTrue(EventOntology.types.contains(e.type), e.phrase)
            XCTAssertEqual(ontology.code(e.cameo)?.type, e.type, "\(e.phrase): CAMEO \(e.cameo) is coded as its type")
        }
        XCTAssertEqual(Set(entries.map(\.type)).count, lang == "vi" ? 16 : 16, "all 16 PLOVER types have triggers")
    }

    func testActorWordsUseCameoAgentAndCountryCodes() throws {
        let agents = Set(TSV.rows(try XCTUnwrap(ResourceFiles.text("events/actor-agents.tsv"))).map { $0[0] })
        let countries = Set(TSV.rows(try XCTUnwrap(ResourceFiles.text("events/actor-countries.tsv"))).map { $0[1] })
        XCTAssertTrue(agents.isSuperset(of: ["GOV", "MIL", "OPP", "REB", "COP", "IGO", "IMG"]))
        // A code is a country, an agent, or a country/IGO/IMG followed by agents (RUSMIL, IGOUNO, IMGMOSSUN).
        func known(_ code: String) -> Bool {
            if code.isEmpty { return true }
            for n in [6, 3] where code.count >= n {
                let head = String(code.prefix(n))
                if agents.contains(head) || countries.contains(head) || ["UNO", "WST", "NAT", "EUR", "EEC", "CHE"].contains(head),
                    known(String(code.dropFirst(n)))
                {
                    return true
                }
            }
            return false
        }
        for lang in ["vi", "en"] {
            for row in TSV.rows(try XCTUnwrap(ResourceFiles.text("events/actors-\(lang).tsv"))) where row[1] != "-" {
                XCTAssertTrue(known(row[1]), "\(lang): \(row[0]) → \(row[1])")
            }
        }
    }

    func testAMalformedLineIsReportedWithItsReason() {
        let (entries, problems) = TriggerLexicon.parse("tấn công\tATTACK\t190\nbắn\tASSAULT\t999\nhọp\tCONSULT\n", lang: "vi")
        XCTAssertTrue(entries.isEmpty)
        XCTAssertEqual(problems.map(\.reason), ["unknown PLOVER type", "unknown CAMEO code", "fewer than 3 columns"])
    }

    func testTheLongestTriggerWinsSoTakingATownIsOneEvent() {
        let events = extract("Quân đội Syria đã giành quyền kiểm soát thành phố al-Bukamal.")
        XCTAssertEqual(events.map(\.trigger.text), ["giành quyền kiểm soát"])
        XCTAssertEqual(events.first?.type, "ASSAULT")
    }

    func testAPhraseListedAsNoTriggerHidesTheTriggerInsideIt() {
        XCTAssertEqual(extract("Bộ Ngoại giao Mỹ đánh giá cao kết quả bắt đầu từ tuần trước.").map(\.type), ["SUPPORT"],
                       "“đánh giá cao” is praise; “bắt đầu” is not an arrest")
        XCTAssertTrue(extract("He suffered a heart attack at home.", lang: "en").isEmpty)
    }

    func testEnglishVerbFormsMatchTheirBaseEntry() {
        XCTAssertEqual(extract("Rebels attacked the convoy.", lang: "en").map(\.type), ["ASSAULT"])
        XCTAssertEqual(extract("The ministry condemns the raid on the embassy.", lang: "en").first?.type, "ACCUSE")
        XCTAssertEqual(extract("Police are arresting the suspects.", lang: "en").map(\.type), ["COERCE"])
    }

    func testMatchingIgnoresToneMarkStyleAndCase() {
        XCTAssertEqual(extract("HOÀ ĐÀM sẽ diễn ra tại Geneva.").map(\.type), ["CONSULT"])
        XCTAssertEqual(extract("Hai bên hoà đàm tại Geneva.").map(\.type), ["CONSULT"])
    }

    private func extract(_ text: String, lang: String = "vi") -> [Event] {
        Shipped.events(text, lang: lang, publishedAt: PublicationDate(year: 2017, month: 12, day: 7))
    }
}
