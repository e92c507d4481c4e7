import Foundation
import XCTest
@testable import LedeExtraction
import LedeModel

final class TaggerTests: XCTestCase {
    private static let sample = """
        Theo thông báo của người đứng đầu Sở chỉ huy tác chiến Bộ Tổng tư lệnh quân đội Nga Sergey Rudskoi, tính đến ngày 7/12 tại Syria đã không còn một điểm dân cư hay khu vực nào còn nằm dưới sự kiểm soát của IS.
        Theo Tổng thống Nga Vladimir Putin, cuộc họp về tiến trình chính trị cho cuộc khủng hoảng Syria tổ chức ở thành phố Sochi sẽ trở thành điểm chú trọng mới.
        Ở một diễn biến có liên quan, cũng trong ngày 7/12, Bộ Ngoại giao Syria thông báo phái đoàn của chính phủ nước này sẽ trở lại Geneva, Thụy Sĩ, vào ngày 10/12 tới để tham gia tiến trình hòa đàm về Syria do Liên Hợp Quốc bảo trợ.
        """

    private func tagged(_ text: String, lang: String) throws -> [(String, String)] {
        let tagger = try EntityTagger.shipped(lang: lang)
        return tagger.tag(TextAnalyzer.analyze(text, field: .body)).map { ($0.type.rawValue, $0.span.text) }
    }

    func testSampleArticleNamesPeoplePlacesAndOrganisations() throws {
        let found = try tagged(Self.sample, lang: "vi")
        let names = Set(found.map { "\($0.0) \($0.1)" })
        for expected in [
            "PER Vladimir Putin", "LOC Syria", "LOC Geneva", "LOC Thụy Sĩ", "ORG Liên Hợp Quốc", "ORG IS",
        ] {
            XCTAssertTrue(names.contains(expected), "\(expected) in \(names.sorted())")
        }
        XCTAssertTrue(names.contains { $0.hasPrefix("ORG Bộ Ngoại giao") }, "the ministry is an organisation")
        XCTAssertTrue(names.contains { $0.hasPrefix("ORG Bộ Tổng tư lệnh") }, "the command is an organisation")
        XCTAssertTrue(names.contains { $0.contains("Rudskoi") }, "Rudskoi is found")
        XCTAssertFalse(names.contains { $0.hasSuffix(" Theo") }, "a sentence-initial 'Theo' is no name")
        XCTAssertFalse(names.contains { $0.hasSuffix(" Tổng thống") }, "a title alone is no name")
    }

    func testMentionsFromDecomposedTextIndexTheTextAsReceived() throws {
        let nfd = Self.sample.decomposedStringWithCanonicalMapping
        let tagger = try EntityTagger.shipped(lang: "vi")
        let mentions = tagger.tag(TextAnalyzer.analyze(nfd, field: .body))
        let scalars = Array(nfd.unicodeScalars)
        XCTAssertFalse(mentions.isEmpty)
        for m in mentions {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[m.span.start..<m.span.end])
            XCTAssertEqual(String(view), m.span.text)
        }
        let composed = tagger.tag(TextAnalyzer.analyze(Self.sample, field: .body))
        XCTAssertEqual(
            mentions.map { $0.span.text.precomposedStringWithCanonicalMapping }, composed.map(\.span.text),
            "decomposed input finds the same names")
    }

    func testEnglishNewsSentence() throws {
        let found = try tagged(
            "German Chancellor Angela Merkel met U.S. President Barack Obama in Washington on Monday, the White House said.",
            lang: "en")
        let names = Set(found.map { "\($0.0) \($0.1)" })
        for expected in ["PER Angela Merkel", "PER Barack Obama", "LOC Washington", "MISC German"] {
            XCTAssertTrue(names.contains(expected), "\(expected) in \(names.sorted())")
        }
    }

    func testOnlyTokensFarFromAnyNameGoUnscored() throws {
        let tagger = try EntityTagger.shipped(lang: "vi")
        let text = TextAnalyzer.analyze(
            "Nhà máy sản xuất phân bón DAP 2 đã ngừng hoạt động, vì giá nguyên liệu tăng cao trong nhiều tháng liền và thị trường tiêu thụ ở trong nước cũng như ở nước ngoài đều giảm mạnh.",
            field: .body)
        let traits = tagger.features.traits(text)
        let quiet = TaggerFeatures.quietTokens(traits, listed: tagger.features.names.mark(traits))
        let words = text.tokens.map(\.text)
        func isQuiet(_ word: String) -> Bool { quiet[words.firstIndex(of: word)!] }
        // Every word of the factory's name is within reach of its capitals, however long the lowercase middle.
        for word in ["Nhà", "máy", "sản", "xuất", "phân", "bón", "DAP", "2", "đã"] {
            XCTAssertFalse(isQuiet(word), "\(word) is scored")
        }
        // After the comma, a lowercase clause with no capital in reach.
        for word in ["nguyên", "liệu", "thị", "trường", "giảm"] {
            XCTAssertTrue(isQuiet(word), "\(word) goes unscored")
        }
        // Unscored tokens are tagged outside, so the name is still found whole.
        XCTAssertEqual(
            tagger.tag(text).map(\.span.text).first, "Nhà máy sản xuất phân bón DAP 2",
            "the factory is one name")
    }

    func testANameFoundOnceIsFoundWhereItRecurs() {
        let text = TextAnalyzer.analyze("Ông Nguyễn Văn Bốn kể rằng Bốn hai mốt tuổi, bốn lần bị thương.", field: .body)
        // Tokens: Ông Nguyễn Văn Bốn kể rằng Bốn hai mốt tuổi , bốn lần …; the tagger found only the first.
        var tags = [UInt8](repeating: 0, count: text.tokens.count)
        tags[3] = 1
        EntityTagger.repeatNames(&tags, text)
        XCTAssertEqual(tags[6], 1, "the second 'Bốn' is the same person")
        XCTAssertEqual(tags[11], 0, "the number 'bốn' is not")
    }

    func testNoNameRunsOnIntoTheNextSentence() {
        // Emissions that would join "Thái Bình Dương" and the line after it into one place.
        var emissions = [SIMD16<Float>](repeating: .zero, count: 4)
        emissions[0][3] = 5  // B-LOC
        emissions[1][4] = 5  // I-LOC
        emissions[2][4] = 5  // I-LOC: the first token of the next line
        emissions[2][3] = 4  // B-LOC
        emissions[3][4] = 5
        let transitions = [SIMD16<Float>](repeating: .zero, count: 10)
        let joined = Viterbi.decode(emissions, transitions: transitions, starts: [true, false, false, false])
        XCTAssertEqual(joined, [3, 4, 4, 4])
        let split = Viterbi.decode(emissions, transitions: transitions, starts: [true, false, true, false])
        XCTAssertEqual(split, [3, 4, 3, 4], "a sentence begins afresh")
    }

    func testInsideTagsOnlyContinueTheirOwnType() {
        // O B-PER I-PER I-LOC B-LOC: the stray I-LOC after a person is no entity of its own.
        XCTAssertTrue(EntityTag.allowed(1, 2))
        XCTAssertFalse(EntityTag.allowed(2, 4))
        XCTAssertFalse(EntityTag.allowed(nil, 2))
        XCTAssertFalse(EntityTag.allowed(0, 8))
        let spans = EntityTag.spans([0, 1, 2, 3, 4, 0, 7])
        XCTAssertEqual(spans.map(\.tokens), [1..<3, 3..<5, 6..<7])
        XCTAssertEqual(spans.map(\.type), [.person, .location, .miscellaneous])
    }

    func testTrainingIsDeterministicAndTheModelFileRoundTrips() throws {
        let examples = [
            EntityTaggerTraining.Example(text: "Ông Putin đến Sochi.", entities: [(4, 9, .person), (14, 19, .location)]),
            EntityTaggerTraining.Example(text: "Bà Merkel thăm Hà Nội.", entities: [(3, 9, .person), (15, 21, .location)]),
            EntityTaggerTraining.Example(text: "Bộ Ngoại giao Nga cho biết.", entities: [(0, 17, .organization)]),
        ]
        for learner in EntityTaggerTraining.Learner.allCases {
            var training = EntityTaggerTraining()
            training.learner = learner
            training.bucketBits = 16
            training.epochs = 5
            let first = training.train(lang: "vi", examples: examples, unlabelled: []).serialized(prune: 0)
            let second = training.train(lang: "vi", examples: examples, unlabelled: []).serialized(prune: 0)
            XCTAssertEqual(first, second, "\(learner): same data, same settings: the same bytes")
            let loaded = try EntityTagger(model: first)
            XCTAssertEqual(loaded.lang, "vi")
            let mentions = loaded.tag(TextAnalyzer.analyze("Ông Putin đến Sochi.", field: .body))
            XCTAssertEqual(mentions.map(\.span.text), ["Putin", "Sochi"], "\(learner)")
            XCTAssertEqual(mentions.map(\.type), [.person, .location], "\(learner)")
        }
    }

    func testTrainingSettingsOutOfRangeAreRefusedByTheirOptionName() {
        XCTAssertNoThrow(try EntityTaggerTraining().validate(), "the defaults are valid")
        func refusal(_ change: (inout EntityTaggerTraining) -> Void) -> String? {
            var settings = EntityTaggerTraining()
            change(&settings)
            do {
                try settings.validate()
                return nil
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(refusal { $0.l2 = 1000 }, "--l2 must be 0...100")
        XCTAssertEqual(refusal { $0.margin = -1 }, "--margin must be 0 or more")
        XCTAssertEqual(refusal { $0.wordDropout = -0.1 }, "--word-dropout must be 0 or more and under 1")
        XCTAssertEqual(refusal { $0.wordDropout = 1 }, "--word-dropout must be 0 or more and under 1")
        XCTAssertEqual(refusal { $0.epochs = 0 }, "--epochs must be 1...100")
        XCTAssertEqual(refusal { $0.bucketBits = 30 }, "--bucket-bits must be 16...24")
        XCTAssertEqual(refusal { $0.prune = -0.5 }, "--prune must be 0 or more")
        XCTAssertEqual(refusal { $0.clustering.fineClasses = 10 }, "--word-classes must be 64...4000")
        XCTAssertNil(refusal { $0.learner = .perceptron; $0.epochs = 100; $0.l2 = 0; $0.wordDropout = 0 })
    }

    func testAGoldNameAcrossASentenceBreakBeginsAgainInTheNextSentence() throws {
        // An annotation running past the end of a sentence: decoding starts each sentence afresh, so
        // training must not ask for an I- tag at a sentence's first token.
        let text = TextAnalyzer.analyze("Họ gặp ông Lê Văn Tám.\nTám nói.", field: .body)
        let (tags, _) = EntityTaggerTraining.goldTags(
            text, [(start: 11, end: 27, type: .person)], starts: TaggerFeatures.sentenceStarts(text))
        let second = try XCTUnwrap(text.sentences.dropFirst().first?.tokens.lowerBound)
        XCTAssertEqual(text.tokens[second].text, "Tám")
        XCTAssertEqual(tags[second], EntityTag.begin(.person))
        XCTAssertEqual(tags[second - 1], EntityTag.begin(.person)! + 1, "the first sentence keeps its I- tags")
    }

    func testTheCRFsMarginalsAreThoseOfEveryTagSequenceSpelledOut() {
        // Three tokens, the last beginning a new sentence, with arbitrary scores: the marginals from
        // forward-backward must equal the probabilities summed over all 9^3 sequences BIO allows.
        var generator = SplitMix64(seed: 3)
        func arbitrary() -> Float { Float(generator.next() % 2001) / 500 - 2 }
        let scores = (0..<3).map { _ in SIMD16<Float>((0..<16).map { $0 < EntityTag.count ? arbitrary() : 0 }) }
        let transitions = (0..<10).map { _ in SIMD16<Float>((0..<16).map { $0 < EntityTag.count ? arbitrary() : 0 }) }
        let starts = [true, false, true]
        let expected = ForwardBackward(scores, transitions: transitions, starts: starts)

        var marginals = [[Double]](repeating: [Double](repeating: 0, count: EntityTag.count), count: 3)
        var pairs = [[Double]](repeating: [Double](repeating: 0, count: EntityTag.count), count: EntityTag.count)
        var total = 0.0
        for a in 0..<9 {
            for b in 0..<9 where EntityTag.allowed(UInt8(a), UInt8(b)) {
                for c in 0..<9 where EntityTag.allowed(nil, UInt8(c)) {
                    guard EntityTag.allowed(nil, UInt8(a)) else { continue }
                    let score = transitions[9][a] + scores[0][a] + transitions[a][b] + scores[1][b]
                        + transitions[9][c] + scores[2][c]
                    let p = exp(Double(score))
                    total += p
                    marginals[0][a] += p
                    marginals[1][b] += p
                    marginals[2][c] += p
                    pairs[a][b] += p
                }
            }
        }
        for i in 0..<3 {
            for t in 0..<EntityTag.count {
                XCTAssertEqual(Double(expected.marginals[i][t]), marginals[i][t] / total, accuracy: 1e-5, "token \(i), tag \(t)")
            }
        }
        // Tag pairs only between the first two tokens; the sentence-start row counts both starts.
        for p in 0..<EntityTag.count {
            for t in 0..<EntityTag.count {
                XCTAssertEqual(Double(expected.pairs[p][t]), pairs[p][t] / total, accuracy: 1e-5, "pair \(p) → \(t)")
            }
        }
        for t in 0..<EntityTag.count {
            XCTAssertEqual(Double(expected.pairs[9][t]), (marginals[0][t] + marginals[2][t]) / total, accuracy: 1e-5)
        }
    }

    func testForeignWordsAreToldFromVietnameseSyllables() {
        func classify(_ word: String) -> UInt64 {
            VietnameseSyllable.classify(word.unicodeScalars.map { CharacterClass.lower($0).value })
        }
        for word in ["Nga", "nguyễn", "Bộ", "quốc", "nghiêng", "gì", "anh", "Thủy"] {
            XCTAssertEqual(classify(word), 0, word)
        }
        for word in ["Sergey", "Rudskoi", "Syria", "Putin", "Geneva"] {
            XCTAssertEqual(classify(word), 1, word)
        }
        XCTAssertEqual(classify("7/12"), 2)
    }

    func testCorruptModelFileIsAnErrorNotACrash() {
        XCTAssertThrowsError(try EntityTagger(model: Data("not a model".utf8)))
        XCTAssertThrowsError(try EntityTagger(model: Data("LEDETAG1".utf8)))
    }
}
