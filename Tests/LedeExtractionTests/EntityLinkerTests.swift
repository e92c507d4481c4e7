import XCTest
@testable import LedeExtraction
import LedeModel

final class EntityLinkerTests: XCTestCase {
    let linker = EntityLinker()

    /// A tagger-style mention of the `occurrence`-th (from 0) appearance of `phrase` in `text`.
    func mention(_ type: MentionType, _ phrase: String, in text: String, occurrence: Int = 0,
                 source: String = "tagger", field: TextField = .body) -> Mention {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(phrase.unicodeScalars)
        var seen = 0
        var i = 0
        while i + needle.count <= scalars.count {
            if Array(scalars[i..<(i + needle.count)]) == needle {
                if seen == occurrence { break }
                seen += 1
            }
            i += 1
        }
        precondition(i + needle.count <= scalars.count, "\(phrase) not in text")
        return Mention(type: type, span: Span(field: field, start: i, end: i + needle.count, text: phrase), source: source)
    }

    func testARuleDateWinsOverATaggedPlace() {
        let text = "Quân đội Syria giành lại al-Bukamal ngày 20/11."
        let place = mention(.location, "20/11", in: text)
        let values = ValueRules.find(in: text, lang: "vi", publishedAt: PublicationDate(year: 2017, month: 12, day: 7))
        let merged = linker.merge(names: [place, mention(.location, "al-Bukamal", in: text)], values: values)
        XCTAssertEqual(merged.map(\.span.text), ["al-Bukamal", "ngày 20/11"])
        XCTAssertEqual(merged.last?.type, .date)
        XCTAssertEqual(merged.last?.value, "2017-11-20")
    }

    func testANameThatContainsADateOfItsOwnKeepsIt() {
        let text = "Kỷ niệm Cách mạng Tháng Tám."
        let name = mention(.miscellaneous, "Cách mạng Tháng Tám", in: text)
        let date = Mention(type: .date, span: mention(.date, "Tháng Tám", in: text).span, value: "2017-08", source: "rule")
        XCTAssertEqual(linker.merge(names: [name], values: [date]).map(\.span.text), ["Cách mạng Tháng Tám"])
    }

    func testLongestMatchWinsAndOutputIsSortedTitleFirst() {
        let body = "Bộ Ngoại giao Syria thông báo."
        let long = mention(.organization, "Bộ Ngoại giao Syria", in: body)
        let short = mention(.location, "Syria", in: body)
        let title = mention(.location, "Geneva", in: "Geneva", field: .title)
        XCTAssertEqual(linker.merge(names: [short, long, title], values: []).map(\.span.text), ["Geneva", "Bộ Ngoại giao Syria"])
    }

    func testGazetteerAddsPlacesTheTaggerMissedButNotPartsOfPersonalNames() {
        let text = "Phái đoàn sẽ trở lại Geneva, Thụy Sĩ. Chị Thu Nga và anh Minh Đức đến Hà Nội. Anh ấy nói Nga sẽ tham gia."
        let analyzed = TextAnalyzer.analyze(text, field: .body)
        let merged = linker.merge(names: [mention(.person, "Thu Nga", in: text)], values: [], in: analyzed, lang: "vi")
        XCTAssertEqual(merged.filter { $0.source == "gazetteer" }.map(\.span.text), ["Geneva", "Thụy Sĩ", "Hà Nội", "Nga"])
        XCTAssertFalse(merged.contains { $0.span.text == "Đức" }, "\"Minh Đức\" is a person, not Germany")
        XCTAssertFalse(merged.contains { $0.span.text == "Anh" }, "\"Anh ấy\" is a pronoun, not Britain")
        XCTAssertEqual(merged.first { $0.span.text == "Thu Nga" }?.source, "tagger")
    }

    func testGazetteerMentionsInDecomposedTextCountDecomposedScalars() {
        let text = "Phái đoàn Syria sẽ trở lại Geneva, Thụy Sĩ.".decomposedStringWithCanonicalMapping
        let found = linker.gazetteerMentions(in: TextAnalyzer.analyze(text, field: .body), lang: "vi")
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(found.count, 3)
        for m in found {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[m.span.start..<m.span.end])
            XCTAssertEqual(String(v), m.span.text)
        }
        let swiss = "Thụy Sĩ".decomposedStringWithCanonicalMapping
        XCTAssertEqual(found.last?.span.text, swiss)
        XCTAssertEqual(found.last?.span.end, scalars.count - 1)
        XCTAssertEqual(found.last?.span.start, scalars.count - 1 - swiss.unicodeScalars.count)
    }

    func testOneEntityPerRealWorldThingWithGazetteerCodes() {
        let text = """
            Tổng thống Nga Vladimir Putin cho biết Mỹ và Hoa Kỳ. Ông Putin nói Liên Hợp Quốc và LHQ sẽ họp tại Geneva. \
            Bộ Ngoại giao Syria và Bộ Tổng tư lệnh quân đội Nga. Nga đồng ý.
            """
        var mentions = linker.merge(names: [
            mention(.location, "Nga", in: text),
            mention(.person, "Vladimir Putin", in: text),
            mention(.location, "Mỹ", in: text),
            mention(.location, "Hoa Kỳ", in: text),
            mention(.person, "Putin", in: text, occurrence: 1),
            mention(.organization, "Liên Hợp Quốc", in: text),
            mention(.organization, "LHQ", in: text),
            mention(.location, "Geneva", in: text),
            mention(.organization, "Bộ Ngoại giao Syria", in: text),
            mention(.organization, "Bộ Tổng tư lệnh quân đội Nga", in: text),
            mention(.location, "Nga", in: text, occurrence: 2),
        ], values: [])
        let entities = linker.link(&mentions, lang: "vi")
        func entity(_ text: String, occurrence: Int = 0) -> Entity? {
            let ms = mentions.filter { $0.span.text == text }
            guard occurrence < ms.count, let id = ms[occurrence].entity else { return nil }
            return entities[id]
        }
        XCTAssertEqual(entity("Putin")?.id, entity("Vladimir Putin")?.id)
        XCTAssertEqual(entity("Putin")?.name, "Vladimir Putin")
        XCTAssertEqual(entity("Mỹ")?.id, entity("Hoa Kỳ")?.id)
        XCTAssertEqual(entity("Mỹ")?.name, "Hoa Kỳ")
        XCTAssertEqual(entity("Mỹ")?.country, "US")
        XCTAssertEqual(entity("Mỹ")?.cameo, "USA")
        XCTAssertEqual(entity("LHQ")?.id, entity("Liên Hợp Quốc")?.id)
        XCTAssertEqual(entity("LHQ")?.cameo, "IGOUNO")
        XCTAssertEqual(entity("Geneva")?.geonamesID, 2660646)
        XCTAssertEqual(entity("Geneva")?.country, "CH")
        XCTAssertEqual(entity("Bộ Ngoại giao Syria")?.cameo, "SYRGOV")
        XCTAssertEqual(entity("Bộ Ngoại giao Syria")?.country, "SY")
        XCTAssertEqual(entity("Bộ Tổng tư lệnh quân đội Nga")?.cameo, "RUSMIL")
        XCTAssertEqual(entity("Nga")?.id, entity("Nga", occurrence: 1)?.id)
        XCTAssertEqual(entity("Nga")?.cameo, "RUS")
        XCTAssertEqual(Set(entities.map(\.id)).count, entities.count)
        XCTAssertEqual(entities.count, 7, entities.map(\.name).description)
        // Values get no entity; every name has one.
        XCTAssertTrue(mentions.allSatisfy { $0.entity != nil })
    }

    func testEnglishCanonicalNamesAndAcronymsOfUnknownOrganisations() {
        let text = "The Shanghai Cooperation Organisation met. U.S. and United States officials said the SCO would not. Ủy ban Kiểm tra Trung ương và UBKTTƯ."
        var mentions = linker.merge(names: [
            mention(.organization, "Shanghai Cooperation Organisation", in: text),
            mention(.location, "U.S.", in: text),
            mention(.location, "United States", in: text),
            mention(.organization, "SCO", in: text),
            mention(.organization, "Ủy ban Kiểm tra Trung ương", in: text),
            mention(.organization, "UBKTTƯ", in: text),
        ], values: [])
        let entities = linker.link(&mentions, lang: "en")
        XCTAssertEqual(mentions[1].entity, mentions[2].entity)
        XCTAssertEqual(entities[mentions[1].entity!].name, "United States")
        XCTAssertEqual(mentions[0].entity, mentions[3].entity, "SCO abbreviates the name written before it")
        XCTAssertEqual(mentions[4].entity, mentions[5].entity, "UBKTTƯ abbreviates Ủy ban Kiểm tra Trung ương")
    }

    func testACanonicalPersonNameLeavesTheTitleOut() {
        let text = "Tướng Valery Gerasimov tuyên bố. Ông Gerasimov nói."
        var mentions = linker.merge(names: [
            mention(.person, "Tướng Valery Gerasimov", in: text), mention(.person, "Gerasimov", in: text, occurrence: 1),
        ], values: [])
        let entities = linker.link(&mentions, lang: "vi")
        XCTAssertEqual(entities.map(\.name), ["Valery Gerasimov"])
    }

    func testAPlaceWordInFrontDoesNotHideTheGazetteerEntry() {
        let text = "Cuộc họp ở thành phố Sochi. Sau Sochi, phái đoàn tới tỉnh Deir ez-Zor."
        var mentions = linker.merge(names: [
            mention(.location, "thành phố Sochi", in: text),
            mention(.location, "Sochi", in: text, occurrence: 1),
            mention(.location, "tỉnh Deir ez-Zor", in: text),
        ], values: [])
        let entities = linker.link(&mentions, lang: "vi")
        XCTAssertEqual(mentions[0].entity, mentions[1].entity)
        XCTAssertEqual(entities[mentions[0].entity!].name, "Sochi")
        XCTAssertEqual(entities[mentions[0].entity!].geonamesID, 491422)
        XCTAssertEqual(entities[mentions[2].entity!].country, "SY")
    }

    func testDecomposedMentionsLinkToTheSameEntity() {
        let nfd = "Hoa Kỳ".decomposedStringWithCanonicalMapping
        let text = "Mỹ và " + nfd
        var mentions = linker.merge(names: [mention(.location, "Mỹ", in: text), mention(.location, nfd, in: text)], values: [])
        let entities = linker.link(&mentions, lang: "vi")
        XCTAssertEqual(entities.count, 1)
        XCTAssertEqual(entities.first?.country, "US")
    }
}
