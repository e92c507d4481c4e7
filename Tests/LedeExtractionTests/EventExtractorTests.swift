import XCTest
@testable import LedeEvaluation
@testable import LedeExtraction
import LedeModel

final class EventExtractorTests: XCTestCase {
    private let published = PublicationDate(year: 2017, month: 12, day: 7)

    private func events(_ text: String, lang: String = "vi", mentions: [Mention] = [], entities: [Entity] = []) -> [Event] {
        Shipped.events(text, lang: lang, mentions: mentions, entities: entities, publishedAt: published)
    }

    // MARK: The article the product was specified with, as a user expects to see it

    /// The sample article's events. By default every trigger candidate is an event, so that these tests
    /// check the argument, date, count and modality rules on each event the product lists;
    /// `testTheShippedModelKeepsTheSampleEventsTheProductLists` checks what the trigger model keeps.
    private func sample(everyCandidate: Bool = true) throws -> (body: String, events: [Event]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/samples/vi-syria-2017-12-07.txt").standardized
        guard let body = try? String(contentsOf: url, encoding: .utf8) else {
            throw XCTSkip("needs ../shared/samples/vi-syria-2017-12-07.txt (the team's data beside the checkout, not in the repository)")
        }
        let extractor = everyCandidate ? Shipped.everyCandidate : Shipped.extractor
        let result = extractor.extract(Article(id: "sample", body: body, lang: "vi", publishedAt: published))
        return (body, result.events)
    }

    func testTheShippedModelKeepsTheSampleEventsTheProductLists() throws {
        let found = try sample(everyCandidate: false).events
        let listed: [(type: String, trigger: String)] = [
            ("ASSAULT", "tiêu diệt"), ("ASSAULT", "giành quyền kiểm soát"), ("AID", "hỗ trợ quân sự"),
            ("CONSULT", "cuộc họp"), ("CONSULT", "hòa đàm"), ("CONSULT", "vòng đàm phán"), ("REJECT", "không đồng ý"),
            ("ACCUSE", "khiêu khích"), ("ASSAULT", "cướp đi"),
        ]
        let kept = listed.filter { l in found.contains { $0.type == l.type && $0.mentions.contains { $0.text == l.trigger } } }
        let missed = listed.filter { l in !kept.contains { $0 == l } }.map { "\($0.type) “\($0.trigger)”" }
        // Four of the nine today: the three CONSULTs, the accusation and "cướp đi" (the war's toll, told
        // as background) are missed; what is missed is listed, so a better model shows up here first.
        XCTAssertGreaterThanOrEqual(kept.count, 4, "missed: \(missed)")
        XCTAssertFalse(found.contains { $0.modality == .asserted && $0.counts.contains { $0.value == 340_000 } },
                       "the conflict's toll is background, never a new event")
    }

    private func event(_ events: [Event], _ type: String, _ trigger: String) throws -> Event {
        try XCTUnwrap(events.first { $0.type == type && $0.trigger.text == trigger }, "\(type) “\(trigger)”")
    }

    func testSampleRussianAircraftKilledMoreThan550Fighters() throws {
        let (body, found) = try sample()
        let e = try event(found, "ASSAULT", "tiêu diệt")
        XCTAssertEqual(e.trigger.start, 432)
        XCTAssertEqual(e.trigger.end, 441)
        XCTAssertEqual(String(String.UnicodeScalarView(Array(body.unicodeScalars)[432..<441])), "tiêu diệt")
        XCTAssertEqual(e.counts.map(\.kind), ["killed"])
        XCTAssertEqual(e.counts.first?.value, 550)
        XCTAssertEqual(e.counts.first?.qualifier, .atLeast)
        XCTAssertEqual(e.modality, .asserted)
        XCTAssertEqual(e.cameo, "190")
        XCTAssertEqual(e.quadClass, 4)
    }

    func testSampleSyrianTroopsTakeAlBukamalFromISOn20November() throws {
        let e = try event(try sample().events, "ASSAULT", "giành quyền kiểm soát")
        XCTAssertEqual(e.trigger.start, 890)
        XCTAssertEqual(e.recipients.first?.span.text, "IS")
        XCTAssertTrue(e.location?.span.text.hasSuffix("al-Bukamal") ?? false)
        XCTAssertEqual(e.date?.value, "2017-11-20")
        XCTAssertEqual(e.date?.granularity, .day)
        XCTAssertEqual(e.date?.origin, .text)
        XCTAssertTrue(e.actors.first?.span.text.contains("Syria") ?? false, "the Syrian government troops act: \(e.actors)")
    }

    func testSampleRussianMilitaryAidSince2015IsHistorical() throws {
        let e = try event(try sample().events, "AID", "hỗ trợ quân sự")
        XCTAssertEqual(e.context, "military")
        XCTAssertEqual(e.modality, .historical)
        XCTAssertEqual(e.date?.value, "2015")
        XCTAssertEqual(e.actors.first?.span.text, "Nga")
        XCTAssertEqual(e.recipients.first?.span.text, "Syria")
    }

    func testSampleSochiMeetingIsFutureAsPutinSays() throws {
        let e = try event(try sample().events, "CONSULT", "cuộc họp")
        XCTAssertEqual(e.modality, .future)
        XCTAssertTrue(e.location?.span.text.hasSuffix("Sochi") ?? false, "\(String(describing: e.location))")
        XCTAssertTrue(e.attribution?.span.text.contains("Putin") ?? false)
    }

    func testSampleGenevaTalksOn10DecemberAreFutureAsTheForeignMinistrySays() throws {
        let e = try event(try sample().events, "CONSULT", "hòa đàm")
        XCTAssertEqual(e.modality, .future)
        XCTAssertEqual(e.date?.value, "2017-12-10")
        XCTAssertTrue(e.location?.span.text.hasSuffix("Geneva") ?? false)
        XCTAssertTrue(e.attribution?.span.text.contains("Bộ Ngoại giao Syria") ?? false)
    }

    func testSampleEighthRoundResumedInGenevaOn5December() throws {
        let e = try event(try sample().events, "CONSULT", "vòng đàm phán")
        XCTAssertEqual(e.modality, .asserted)
        XCTAssertEqual(e.date?.value, "2017-12-05")
        XCTAssertTrue(e.location?.span.text.hasSuffix("Geneva") ?? false)
    }

    func testSampleOppositionRejectsAnyRoleForAssadAndJaafariAccusesThem() throws {
        let found = try sample().events
        let reject = try event(found, "REJECT", "không đồng ý")
        XCTAssertEqual(reject.modality, .asserted, "“không” is part of the trigger, not a negation of it")
        XCTAssertEqual(reject.actors.first?.span.text, "phe đối lập")
        XCTAssertTrue(reject.recipients.first?.span.text.contains("Bashar al-Assad") ?? false)
        let accuse = try event(found, "ACCUSE", "khiêu khích")
        XCTAssertTrue(accuse.actors.first?.span.text.contains("al-Jaafari") ?? false)
        XCTAssertEqual(found.filter { $0.type == "ACCUSE" }.count, 1, "“khiêu khích” và “vô trách nhiệm” are one accusation")
        XCTAssertEqual(accuse.mentions.count, 2, "both words are mentions of it")
    }

    func testSampleConflictsDeathTollIsHistoricalNeverANewEvent() throws {
        let found = try sample().events
        let toll = found.filter { $0.counts.contains { $0.value == 340_000 } }
        XCTAssertEqual(toll.count, 1)
        XCTAssertEqual(toll.first?.modality, .historical)
        XCTAssertFalse(found.contains { $0.modality == .asserted && $0.counts.contains { $0.value == 340_000 } })
    }

    func testSampleEventsAreWellFormed() throws {
        let (body, found) = try sample()
        let scalars = Array(body.unicodeScalars)
        XCTAssertGreaterThanOrEqual(found.count, 12)
        for e in found {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[e.trigger.start..<e.trigger.end])), e.trigger.text)
            XCTAssertTrue(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end)
            XCTAssertTrue((0...1).contains(e.confidence))
            XCTAssertTrue(EventOntology.types.contains(e.type))
            XCTAssertNotNil(e.date, "every event has a date, from the text or the publication")
            for a in e.actors + e.recipients + [e.location, e.attribution].compactMap({ $0 }) {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[a.span.start..<a.span.end])), a.span.text)
            }
        }
    }

    // MARK: One real sentence for each PLOVER type

    func testEachPloverTypeFromAVietnameseNewsSentence() {
        let cases: [(String, String)] = [
            ("AGREE", "Hai nước đã nhất trí tăng cường trao đổi thương mại."),
            ("CONSULT", "Ngoại trưởng hai nước đã hội đàm tại Hà Nội hôm qua."),
            ("SUPPORT", "Liên minh châu Âu hoan nghênh quyết định của Iran."),
            ("RETREAT", "Thủ tướng Italy đã từ chức sau cuộc bỏ phiếu tín nhiệm."),
            ("COOPERATE", "Mỹ và Ấn Độ tiến hành tập trận chung ở Ấn Độ Dương."),
            ("AID", "Nhật Bản viện trợ 10 triệu USD cho Lebanon."),
            ("RETREAT", "Phiến quân đã trả tự do cho 20 con tin."),
            ("CONCEDE", "Bị cáo đã nhận tội tại phiên tòa."),
            ("REQUEST", "Liên Hợp Quốc kêu gọi các bên kiềm chế."),
            ("ACCUSE", "Bắc Kinh lên án việc Washington bán vũ khí cho Đài Loan."),
            ("REJECT", "Iran bác bỏ cáo buộc của Mỹ."),
            ("THREATEN", "Triều Tiên đe dọa đáp trả mạnh mẽ."),
            ("PROTEST", "Hàng nghìn người biểu tình tại thủ đô Yangon."),
            ("SANCTION", "Anh áp lệnh trừng phạt 14 quan chức Nga."),
            ("MOBILIZE", "Nga triển khai thêm quân tới biên giới."),
            ("COERCE", "Cảnh sát Campuchia đã bắt giữ 3 người Trung Quốc."),
            ("ASSAULT", "Máy bay Nga không kích các vị trí của IS ở Idlib."),
        ]
        for (type, sentence) in cases {
            XCTAssertEqual(events(sentence).first?.type, type, sentence)
        }
        XCTAssertEqual(Set(cases.map(\.0)), Set(EventOntology.types))
    }

    func testEachPloverTypeFromAnEnglishNewsSentence() {
        let cases: [(String, String)] = [
            ("AGREE", "The two sides agreed to a prisoner exchange."),
            ("CONSULT", "The foreign ministers met in Moscow on Thursday."),
            ("SUPPORT", "Israel and Bahrain signed a peace deal."),
            ("RETREAT", "The prime minister resigned after the vote."),
            ("COOPERATE", "The navies will hold joint exercises next week."),
            ("AID", "Japan sent humanitarian aid to Lebanon."),
            ("RETREAT", "The army withdrew from the city."),
            ("CONCEDE", "The former minister pleaded guilty to fraud."),
            ("REQUEST", "The UN urged both sides to show restraint."),
            ("ACCUSE", "Washington accused Beijing of cyber espionage."),
            ("REJECT", "Iran rejected the proposal."),
            ("THREATEN", "North Korea threatened a strong response."),
            ("PROTEST", "Thousands protested in the capital."),
            ("SANCTION", "The EU imposed sanctions on six officials."),
            ("MOBILIZE", "Russia deployed troops to the border."),
            ("COERCE", "Police arrested 40 people."),
            ("ASSAULT", "Gunmen killed 12 soldiers near Kidal."),
        ]
        for (type, sentence) in cases {
            XCTAssertEqual(events(sentence, lang: "en").first?.type, type, sentence)
        }
        XCTAssertEqual(Set(cases.map(\.0)), Set(EventOntology.types))
    }

    // MARK: Arguments from the tagger's mentions

    func testActorIsTheEntityBeforeTheTriggerAndTheTitleGivesItsCameoCode() {
        let text = "Tổng thống Nga Vladimir Putin đã hội đàm với Tổng thống Syria Bashar al-Assad tại Sochi ngày 20/11."
        let mentions = [
            mention(text, "Nga", .location, entity: 0), mention(text, "Vladimir Putin", .person, entity: 1),
            mention(text, "Syria", .location, entity: 2), mention(text, "Bashar al-Assad", .person, entity: 3),
            mention(text, "Sochi", .location, entity: 4),
            mention(text, "ngày 20/11", .date, value: "2017-11-20"),
        ]
        let entities = [
            Entity(id: 0, type: .location, name: "Nga", country: "RU", cameo: "RUS"),
            Entity(id: 1, type: .person, name: "Vladimir Putin"),
            Entity(id: 2, type: .location, name: "Syria", country: "SY", cameo: "SYR"),
            Entity(id: 3, type: .person, name: "Bashar al-Assad"),
            Entity(id: 4, type: .location, name: "Sochi", country: "RU"),
        ]
        let e = events(text, mentions: mentions, entities: entities)
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.first?.type, "CONSULT")
        XCTAssertEqual(e.first?.actors.first?.entity, 1)
        XCTAssertEqual(e.first?.actors.first?.span.text, "Vladimir Putin")
        XCTAssertEqual(e.first?.actors.first?.cameo, "RUSGOV")
        XCTAssertEqual(e.first?.recipients.first?.entity, 3)
        XCTAssertEqual(e.first?.recipients.first?.cameo, "SYRGOV")
        XCTAssertEqual(e.first?.location?.entity, 4)
        XCTAssertEqual(e.first?.date, EventDate(value: "2017-11-20", granularity: .day, origin: .text, span: mentions[5].span))
    }

    func testWithoutADateInTheSentenceThePublicationDateStandsInAndSaysSo() {
        let e = events("Cảnh sát đã bắt giữ 3 nghi phạm.")
        XCTAssertEqual(e.first?.date, EventDate(value: "2017-12-07", granularity: .day, origin: .publication))
        XCTAssertEqual(e.first?.counts.first?.kind, "arrested")
        XCTAssertEqual(e.first?.counts.first?.value, 3)
    }

    func testAppositionGivesThePersonTheCountryOfHisOffice() {
        let text = "Người đứng đầu Bộ Tổng tư lệnh quân đội Nga, Tướng Valery Gerasimov đã tuyên bố giải phóng hoàn toàn Syria khỏi IS."
        let e = events(text)
        XCTAssertEqual(e.first?.actors.first?.span.text, "Valery Gerasimov")
        XCTAssertEqual(e.first?.actors.first?.cameo, "RUSMIL")
        XCTAssertEqual(e.first?.recipients.first?.span.text, "IS", "“giải phóng X khỏi IS”: IS loses")
    }

    /// "He accused …": the pronoun is the actor, and its entity is the person named before it, so a
    /// client reads who acted without resolving it itself.
    func testAPronounActorStandsForThePersonNamedBefore() throws {
        for (text, lang, pronoun, person) in [
            ("Michael Howard visited a school in Leeds on Monday. He accused the government of wasting money.", "en", "He", "Michael Howard"),
            ("Bộ trưởng Nguyễn Văn Hùng đến thăm Hà Nội hôm qua. Ông đã chỉ trích cách làm của các doanh nghiệp.", "vi", "Ông", "Nguyễn Văn Hùng"),
        ] {
            let result = Shipped.extractor.extract(Article(id: "p", body: text, lang: lang, publishedAt: published))
            let accuse = try XCTUnwrap(result.events.first { $0.type == "ACCUSE" }, text)
            let actor = try XCTUnwrap(accuse.actors.first, text)
            XCTAssertEqual(actor.span.text, pronoun)
            XCTAssertEqual(actor.entity.map { result.entities[$0].name }, person)
        }
        XCTAssertEqual(events("Ông Putin đã chỉ trích phương Tây.").first?.actors.first?.span.text, "Putin",
                       "“ông” before a name is a title, not a pronoun")
        XCTAssertNil(events("He criticised the plan.", lang: "en").first?.actors.first,
                     "with nobody named before it, “he” stands for no one")
    }

    func testPassiveVoiceMakesTheSubjectTheRecipient() {
        let e = events("Đoàn xe của lực lượng vũ trang Armenia bị quân đội Azerbaijan phá hủy.")
        XCTAssertEqual(e.first?.actors.first?.span.text, "quân đội Azerbaijan")
        XCTAssertTrue(e.first?.recipients.first?.span.text.contains("Armenia") ?? false)
    }

    func testEnglishPassiveMakesTheAgentAfterByTheActor() {
        let e = events("Protesters were arrested by police in Minsk on Sunday.", lang: "en")
        XCTAssertEqual(e.first?.type, "COERCE")
        XCTAssertEqual(e.first?.actors.first?.span.text, "police")
        XCTAssertEqual(e.first?.recipients.first?.span.text, "Protesters")
    }

    func testOneEventToldTwiceIsOneEventWithBothMentions() {
        let text = "Công an tỉnh Tây Ninh đã bắt giữ 12 đối tượng buôn lậu. Vụ bắt giữ diễn ra tại cửa khẩu Mộc Bài."
        let e = events(text)
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.first?.mentions.map(\.text), ["bắt giữ", "bắt giữ"])
        XCTAssertEqual(e.first?.mentions.first, e.first?.trigger, "the trigger is the first mention")
    }

    func testSameEventTwiceInAnArticleIsKeptOnce() {
        let text = "Quân đội Azerbaijan đã phá hủy đoàn xe Armenia. Bộ Quốc phòng cho biết quân đội Azerbaijan phá hủy đoàn xe này hôm 30/9."
        let e = events(text)
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.first?.date?.value, "2017-09-30", "the report with a date fills the one without")
    }

    func testTwoDifferentEventsInOneSentenceAreBothKept() {
        let e = events("Nga đã sử dụng không quân và chỉ trong 5 ngày đã tiêu diệt hơn 550 tay súng, đồng thời bắt giữ 20 người.")
        XCTAssertEqual(e.map(\.type), ["ASSAULT", "COERCE"])
    }

    func testProtestersNamedBeforeTheirMarchAreItsActorsNotASecondProtest() {
        let e = events("Người biểu tình vẫn đang tổ chức các cuộc tuần hành tại Yangon.")
        XCTAssertEqual(e.map(\.trigger.text), ["tuần hành"])
        XCTAssertEqual(e.first?.actors.first?.span.text, "Người biểu tình")
        XCTAssertEqual(e.first?.actors.first?.cameo, "OPP")
    }

    func testTheRequestedActionIsPartOfTheRequest() {
        XCTAssertEqual(events("Thái Lan kêu gọi quân đội Myanmar xuống thang căng thẳng.").map(\.type), ["REQUEST"])
        XCTAssertEqual(events("The UN called for an immediate ceasefire.", lang: "en").map(\.type), ["REQUEST"])
    }

    private func mention(_ text: String, _ s: String, _ type: MentionType, entity: Int? = nil, value: String? = nil) -> Mention {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(s.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
        return Mention(
            type: type, span: Span(field: .body, start: start, end: start + needle.count, text: s), value: value,
            entity: entity, source: "test")
    }

    // MARK: Evaluation

    func testEvaluationCountsMatchesMissesAndArguments() {
        let body = "Cảnh sát đã bắt giữ 3 nghi phạm. Hai nước sẽ hội đàm."
        let article = EventGoldArticle(
            id: "t", lang: "vi", publishedAt: published, title: nil, body: body,
            events: [
                EventGoldEvent(type: "COERCE", mentions: [span("bắt giữ", in: body)], actors: ["Cảnh sát"],
                               date: "2017-12-07"),
                EventGoldEvent(type: "ASSAULT", mentions: [span("hội đàm", in: body)], modality: "future"),
            ])
        var report = EventEvaluation()
        report.add(article, predicted: Shipped.everyCandidate.extract(article.article).events)
        XCTAssertEqual(report.triggers.tp, 2)
        XCTAssertEqual(report.typed.tp, 1, "hội đàm is CONSULT, not the gold's ASSAULT")
        XCTAssertEqual(report.typed.fn, 1)
        XCTAssertEqual(report.events.tp, 1)
        XCTAssertEqual(report.events.fn, 1)
        XCTAssertEqual(report.actors.value, 1)
        XCTAssertEqual(report.dates.value, 1)
        XCTAssertTrue(report.formatted().contains("trigger+type"))
    }

    func testEvaluationMatchesAnEventByAnyOfItsMentions() {
        // Gold tells one event twice; a prediction that found only the second mention still matches the
        // event, and the first mention counts as missed at the mention level.
        let body = "Hai nước đã hội đàm tại Hà Nội. Cuộc hội đàm kéo dài hai giờ."
        let first = span("hội đàm", in: body)
        let second = span("hội đàm", in: body, after: first.end)
        let article = EventGoldArticle(
            id: "m", lang: "vi", section: "sport", publishedAt: published, title: nil, body: body,
            events: [EventGoldEvent(type: "CONSULT", mentions: [first, second], location: "Hà Nội")])
        var predicted = Event(type: "CONSULT", cameo: "040", quadClass: 1, goldstein: 1, trigger: second,
                              confidence: 0.5, sentence: second)
        predicted.mentions = [second]
        var report = EventEvaluation()
        report.add(article, predicted: [predicted])
        XCTAssertEqual(report.events.tp, 1)
        XCTAssertEqual(report.typed.tp, 1)
        XCTAssertEqual(report.typed.fn, 1)
        XCTAssertEqual(report.location.right, 0, "the prediction named no place")
        XCTAssertEqual(report.offTopicArticles, 1)
        XCTAssertEqual(report.offTopicPredicted, 1)
    }

    func testEvaluationCreditsAPronounLinkedToTheAnnotatedActor() {
        let body = "Michael Howard spoke in Leeds. He accused the government of waste."
        let trigger = span("accused", in: body)
        let article = EventGoldArticle(
            id: "h", lang: "en", section: "politics", publishedAt: published, title: nil, body: body,
            events: [EventGoldEvent(type: "ACCUSE", mentions: [trigger], actors: ["Michael Howard", "Mr Howard"])])
        var predicted = Event(type: "ACCUSE", cameo: "111", quadClass: 2, goldstein: -2, trigger: trigger,
                              confidence: 0.9, sentence: trigger)
        predicted.actors = [EventArgument(entity: 0, span: span("He", in: body))]
        var linked = EventEvaluation()
        linked.add(article, predicted: [predicted], entities: [Entity(id: 0, type: .person, name: "Michael Howard")])
        XCTAssertEqual(linked.actors.right, 1, "“He”, linked to Michael Howard, names him")
        var unlinked = EventEvaluation()
        unlinked.add(article, predicted: [predicted], entities: [Entity(id: 0, type: .person, name: "Gordon Brown")])
        XCTAssertEqual(unlinked.actors.right, 0, "linked to someone else, it does not")
    }

    private func span(_ s: String, in text: String, after: Int = 0) -> Span {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(s.unicodeScalars)
        let start = (after...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
        return Span(field: .body, start: start, end: start + needle.count, text: s)
    }
}
