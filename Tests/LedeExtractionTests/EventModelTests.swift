import Foundation
import XCTest
@testable import LedeExtraction
import LedeEvaluation
import LedeModel

/// The event model file: what is written is read back unchanged, and a file that cannot serve is
/// refused with the reason instead of giving empty results.
final class EventModelTests: XCTestCase {
    func testAShippedModelReadsBackToTheSameBytes() throws {
        let model = Shipped.eventModel("vi")
        let again = try EventModel.decode(model.encoded())
        XCTAssertEqual(again.encoded(), model.encoded())
        XCTAssertEqual(again.threshold, model.threshold)
        XCTAssertEqual(again.phrases, model.phrases)
    }

    func testATruncatedModelIsRefused() throws {
        let bytes = Shipped.eventModel("en").encoded()
        XCTAssertThrowsError(try EventModel.decode(bytes.prefix(bytes.count / 2))) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
    }

    func testEachLanguageShipsItsOwnModel() throws {
        for lang in Extractor.supportedLanguages {
            XCTAssertEqual(try EventModel.shipped(lang: lang).lang, lang)
        }
        let english = try XCTUnwrap(ResourceFiles.data("events/en.model"))
        XCTAssertThrowsError(try EventModel.decode(english, of: "vi")) { error in
            XCTAssertEqual("\(error)", "a model of \"en\", not \"vi\"")
        }
    }

    func testAFileOfAnotherKindIsRefused() {
        XCTAssertThrowsError(try EventModel.decode(Data("LEDETAG1 not an event model".utf8))) { error in
            XCTAssertEqual("\(error)", "not a Lede event model")
        }
    }

    func testARoleModelOfOtherClassesIsRefused() {
        let shipped = Shipped.eventModel("en")
        let odd = EventModel(
            lang: "en", trigger: shipped.trigger, topic: shipped.topic,
            roles: LinearClassifier(bucketBits: 10, classes: ["NONE", "AGENT", "PATIENT"]), phrases: [],
            threshold: 0.4, offTopicThreshold: 0.8, lexiconFloor: 0.1, roleThreshold: 0.3)
        XCTAssertThrowsError(try EventModel.decode(odd.encoded())) { error in
            XCTAssertEqual("\(error)", "the role model's classes are not [\"NONE\", \"ACTOR\", \"RECIPIENT\"]")
        }
    }

    func testAModelOfOtherFeaturesAsksToBeRetrained() throws {
        var bytes = [UInt8](Shipped.eventModel("en").encoded())
        bytes[8] &+= 1  // the features version follows the 8-byte magic
        XCTAssertThrowsError(try EventModel.decode(Data(bytes))) { error in
            XCTAssertTrue("\(error)".hasSuffix("retrain"), "\(error)")
        }
    }

    func testTrainingRefusesATopicCorpusOfOneSection() {
        let one = (0..<3).map { (article: Article(id: "a\($0)", body: "Hai nước hội đàm tại Hà Nội.", lang: "vi"), label: "world") }
        XCTAssertThrowsError(try EventModelTraining(lang: "vi").train(topics: one, annotated: [])) { error in
            XCTAssertTrue("\(error)".contains("two sections"), "\(error)")
        }
    }

    func testTrainingIsDeterministicAndLearnsWhatItWasShown() throws {
        let body = "Công an tỉnh đã bắt giữ 3 đối tượng. Đội bóng đánh bại đối thủ 2-0 tối qua."
        let arrest = try XCTUnwrap(body.range(of: "bắt giữ"))
        let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: arrest.lowerBound)
        let annotated = (0..<20).map { k in
            EventModelTraining.Annotated(
                article: Article(id: "t\(k)", body: body, lang: "vi"),
                triggers: [.init(span: Span(field: .body, start: start, end: start + 7, text: "bắt giữ"), type: "COERCE",
                                actors: ["Công an tỉnh"], recipients: ["3 đối tượng"])])
        }
        let topics = [
            (article: Article(id: "w", body: "Hai nước hội đàm về an ninh biên giới.", lang: "vi"), label: "world"),
            (article: Article(id: "s", body: "Đội tuyển thắng trận chung kết bóng đá.", lang: "vi"), label: "sport"),
        ]
        let training = EventModelTraining(lang: "vi")
        let (first, summary) = try training.train(topics: topics, annotated: annotated)
        let (second, _) = try training.train(topics: topics, annotated: annotated)
        XCTAssertEqual(first.encoded(), second.encoded(), "the same data give the same model, byte for byte")
        XCTAssertEqual(summary.annotatedMentions, 20)
        XCTAssertEqual(summary.coveredMentions, 20, "every annotated trigger is a candidate")
        let events = EventExtractor().extract(
            TextAnalyzer.analyze(body, field: .body), mentions: [], entities: [], lang: "vi", publishedAt: nil,
            model: first, tagger: Shipped.tagger("vi"))
        XCTAssertEqual(events.map(\.trigger.text), ["bắt giữ"], "the arrest is learnt; the match's “đánh bại” is not")
        XCTAssertEqual(summary.roleCandidates, 20, "the one candidate of each annotated sentence is a role example")
        XCTAssertEqual(summary.actorCandidates, 20)
        XCTAssertEqual(events.first?.actors.first?.span.text, "Công an", "the candidate the annotated actor contains")
    }

    func testTrainingRefusesAnnotationsWhoseParticipantsNoCandidateMatches() {
        let body = "Công an tỉnh đã bắt giữ 3 đối tượng."
        let start = body.unicodeScalars.count - "bắt giữ 3 đối tượng.".unicodeScalars.count
        let annotated = (0..<5).map { k in
            EventModelTraining.Annotated(
                article: Article(id: "t\(k)", body: body, lang: "vi"),
                triggers: [.init(span: Span(field: .body, start: start, end: start + 7, text: "bắt giữ"), type: "COERCE",
                                actors: ["Quân đội Pháp"], recipients: [])])
        }
        let topics = [
            (article: Article(id: "w", body: "Hai nước hội đàm về an ninh biên giới.", lang: "vi"), label: "world"),
            (article: Article(id: "s", body: "Đội tuyển thắng trận chung kết bóng đá.", lang: "vi"), label: "sport"),
        ]
        XCTAssertThrowsError(try EventModelTraining(lang: "vi").train(topics: topics, annotated: annotated)) { error in
            XCTAssertTrue("\(error)".contains("no annotated actor or recipient"), "\(error)")
        }
    }

    /// The position rules stop at "who": a subject that a relative clause follows is lost to them. The
    /// role model learns from the annotated articles that it acts.
    func testTheRoleModelLearnsTheActorTheRulesMiss() throws {
        let body = "Mr Smith, who was appointed by the President last year, criticised the Treasury on Monday."
        let scalars = Array(body.unicodeScalars)
        let criticised = try XCTUnwrap(body.range(of: "criticised"))
        let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: criticised.lowerBound)
        let trigger = Span(field: .body, start: start, end: start + 10, text: String(String.UnicodeScalarView(scalars[start..<(start + 10)])))
        let annotated = (0..<30).map { k in
            EventModelTraining.Annotated(
                article: Article(id: "r\(k)", body: body, lang: "en"),
                triggers: [.init(span: trigger, type: "ACCUSE", actors: ["Mr Smith", "Smith"], recipients: ["the Treasury"])])
        }
        let topics = [
            (article: Article(id: "p", body: "The minister criticised the bill in parliament.", lang: "en"), label: "politics"),
            (article: Article(id: "s", body: "The striker scored twice in the final.", lang: "en"), label: "sport"),
        ]
        let analyzed = TextAnalyzer.analyze(body, field: .body)
        let mentions = Shipped.tagger("en").tag(analyzed)
        func actor(_ model: EventModel) -> String? {
            EventExtractor().extract(analyzed, mentions: mentions, entities: [], lang: "en", publishedAt: nil,
                                     model: model.with(threshold: 0, offTopicThreshold: 0), tagger: Shipped.tagger("en"))
                .first { $0.trigger.text == "criticised" }?.actors.first?.span.text
        }
        let text = EventText(analyzed)
        var ruled: String?? = .none
        EventExtractor.judge(
            text, topic: nil, mentions: mentions, entities: [],
            arguments: ArgumentCandidates(text: text, mentions: mentions, entities: [], lang: "en"), lang: "en",
            model: Shipped.eventModel("en"), clusters: .empty
        ) { judged in
            if text.span(judged.candidate.words).text == "criticised" { ruled = .some(judged.roles.actor.map { text.span($0.words).text }) }
        }
        let rules = try XCTUnwrap(ruled, "“criticised” is a candidate")
        XCTAssertNotEqual(rules.map { $0.contains("Smith") }, true, "the rules alone do not find him")
        let (learnt, summary) = try EventModelTraining(lang: "en").train(topics: topics, annotated: annotated)
        XCTAssertGreaterThanOrEqual(summary.actorCandidates, 30)
        XCTAssertEqual(actor(learnt).map { $0.contains("Smith") }, true, "learnt from the annotations")
    }
}

/// The data files besides the models: every one is checked at start, so a package built without one
/// stops with its name instead of finding nothing.
final class ShippedDataTests: XCTestCase {
    func testEveryRequiredFileIsShipped() throws {
        try ResourceFiles.checkRequired()
    }

    func testAMissingFileIsNamed() {
        XCTAssertThrowsError(try ResourceFiles.checkRequired { $0 == "events/triggers-vi.tsv" ? nil : "x" }) { error in
            XCTAssertEqual("\(error)", "the shipped data file events/triggers-vi.tsv is missing or empty")
        }
    }
}

/// `lede train events` refuses to learn from an article it is told to keep out.
final class EventTrainingTests: XCTestCase {
    func testAnArticleBothTrainedOnAndHeldOutIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let line = #"{"id": "a1", "lang": "vi", "body": "Công an đã bắt giữ 3 người.", "events": []}"#
        let train = directory.appendingPathComponent("train.jsonl"), dev = directory.appendingPathComponent("dev.jsonl")
        try Data((line + "\n").utf8).write(to: train)
        try Data((line + "\n").utf8).write(to: dev)
        var training = EventTraining(lang: "vi", data: [train.path], corpus: [train.path])
        training.holdout = [dev.path]
        XCTAssertThrowsError(try training.run()) { error in
            XCTAssertTrue("\(error)".contains("1 articles are also held out, e.g. a1"), "\(error)")
        }
    }
}

/// A gold file that says something the evaluation and training cannot use is refused with the line
/// and the reason, instead of being read as "no event".
final class EventGoldTests: XCTestCase {
    func testEveryMistakeInAGoldLineIsNamedWithItsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = "Công an đã bắt giữ 3 người."
        func event(_ fields: String) -> String {
            #"{"id": "a1", "lang": "vi", "body": "\#(body)", "events": [{\#(fields)}]}"#
        }
        let mention = #""mentions": [{"text": "bắt giữ", "start": 11, "end": 18}]"#
        let cases: [(line: String, says: String)] = [
            (event(#""type": "ARREST", "# + mention), "type \"ARREST\" is not a PLOVER type"),
            (event(#""type": "COERCE", "modality": "maybe", "# + mention), "modality \"maybe\""),
            (event(#""type": "COERCE", "mentions": [{"text": "bắt giữ", "start": 0, "end": 7}]"#), "is not at body[0..<7]"),
            (event(#""type": "COERCE""#), "has no mentions"),
            ("{not json", ".jsonl:1: not a gold line"),
        ]
        for (k, (line, says)) in cases.enumerated() {
            let file = directory.appendingPathComponent("gold-\(k).jsonl")
            try Data((line + "\n").utf8).write(to: file)
            XCTAssertThrowsError(try EventGold.read(path: file.path, corpora: []), line) { error in
                XCTAssertTrue("\(error)".contains(says), "\(error) should say \(says)")
            }
        }
        let good = directory.appendingPathComponent("good.jsonl")
        try Data((event(#""type": "COERCE", "modality": "asserted", "# + mention) + "\n").utf8).write(to: good)
        XCTAssertEqual(try EventGold.read(path: good.path, corpora: []).first?.events.first?.type, "COERCE", "the same line, right, is read")
    }
}
