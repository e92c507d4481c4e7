import XCTest
@testable import LedeExtraction
import LedeModel

final class TokenizerTests: XCTestCase {
    private func tokens(_ text: String) -> [String] {
        TextAnalyzer.analyze(text, field: .body).tokens.map(\.text)
    }

    func testNumbersKeepTheirSeparators() {
        XCTAssertEqual(
            tokens("cướp đi hơn 340.000 sinh mạng."),
            ["cướp", "đi", "hơn", "340.000", "sinh", "mạng", "."])
        XCTAssertEqual(tokens("tính đến ngày 7/12 tại Syria"), ["tính", "đến", "ngày", "7/12", "tại", "Syria"])
        XCTAssertEqual(tokens("ngày 10/12/2017, lúc 10:30"), ["ngày", "10/12/2017", ",", "lúc", "10:30"])
        XCTAssertEqual(tokens("tăng 5,2% so với"), ["tăng", "5,2%", "so", "với"])
    }

    /// A byline whose line break was lost runs into the source line: the author and the source are
    /// two sentences again, so the tagger reads a journalist and a newspaper, not one odd name.
    func testABylineGluedToItsSourceLineIsSplit() {
        let analyzed = TextAnalyzer.analyze("Giá dầu tăng mạnh.\nKim DungTheo Bloomberg", field: .body)
        XCTAssertEqual(analyzed.tokens.map(\.text), ["Giá", "dầu", "tăng", "mạnh", ".", "Kim", "Dung", "Theo", "Bloomberg"])
        XCTAssertEqual(analyzed.sentences.map { analyzed.tokens[$0.tokens].map(\.text) },
                       [["Giá", "dầu", "tăng", "mạnh", "."], ["Kim", "Dung"], ["Theo", "Bloomberg"]])
        XCTAssertEqual(tokens("Nhật LinhNguồn: Reuters"), ["Nhật", "Linh", "Nguồn", ":", "Reuters"])
        // Only a lower-case letter before the marker, and a space or colon after it: names stay whole.
        XCTAssertEqual(tokens("hãng TheoGroup và quỹ NguồnVốn"), ["hãng", "TheoGroup", "và", "quỹ", "NguồnVốn"])
    }

    func testHyphenatedArabicNamesStayWhole() {
        XCTAssertEqual(
            tokens("tại tỉnh Deir ez-Zor – một thành trì"),
            ["tại", "tỉnh", "Deir", "ez-Zor", "-", "một", "thành", "trì"])
        XCTAssertEqual(tokens("thành phố al-Bukamal từ tay IS"), ["thành", "phố", "al-Bukamal", "từ", "tay", "IS"])
    }

    func testDottedAbbreviationsKeepTheirDots() {
        XCTAssertEqual(tokens("tại TP.HCM hôm qua"), ["tại", "TP.HCM", "hôm", "qua"])
        XCTAssertEqual(tokens("the U.S. Army said."), ["the", "U.S.", "Army", "said", "."])
        XCTAssertEqual(tokens("Mr. Smith and J. Doe"), ["Mr.", "Smith", "and", "J.", "Doe"])
    }

    func testVietnameseNameInitialsKeepTheirDotUnlessASentenceEnds() {
        XCTAssertEqual(tokens("Anh Nh. kể lại"), ["Anh", "Nh.", "kể", "lại"])
        XCTAssertEqual(tokens("ông Th., giám đốc"), ["ông", "Th.", ",", "giám", "đốc"])
        XCTAssertEqual(tokens("sang Mỹ. Ông Th. Nguyễn"), ["sang", "Mỹ", ".", "Ông", "Th", ".", "Nguyễn"])
    }

    func testSentenceFinalLettersAndEllipsesDoNotTakeTheDot() {
        XCTAssertEqual(tokens("khu vực Đông Nam Á."), ["khu", "vực", "Đông", "Nam", "Á", "."])
        XCTAssertEqual(tokens("lên cho ông C..."), ["lên", "cho", "ông", "C", "..."])
        XCTAssertEqual(tokens("chắc cũng của L."), ["chắc", "cũng", "của", "L", "."])
    }

    /// Two dots after an initial or an abbreviation are its own dot and a full stop (VLSP 2016 writes
    /// "quan hệ với M.." and tags "M." as the name); three are an ellipsis.
    func testAnInitialBeforeAFullStopKeepsOneDot() {
        XCTAssertEqual(tokens("trong quan hệ với M.."), ["trong", "quan", "hệ", "với", "M.", "."])
        XCTAssertEqual(tokens("gặp anh Ph.. Sau đó"), ["gặp", "anh", "Ph.", ".", "Sau", "đó"])
        XCTAssertEqual(tokens("works for Acme Inc.."), ["works", "for", "Acme", "Inc.", "."])
        XCTAssertEqual(tokens("sang Mỹ.."), ["sang", "Mỹ", ".."])
        XCTAssertEqual(tokens("ông M... rồi"), ["ông", "M", "...", "rồi"])
        XCTAssertEqual(tokens("sáng tác: Mr.Siro"), ["sáng", "tác", ":", "Mr.", "Siro"])
    }

    func testHyphenBetweenVietnameseWordsSeparatesThem() {
        XCTAssertEqual(tokens("Thông tư 55/2011/TT-BGDĐT"), ["Thông", "tư", "55/2011", "/", "TT", "-", "BGDĐT"])
        XCTAssertEqual(tokens("Hương Trà-TT Huế"), ["Hương", "Trà", "-", "TT", "Huế"])
        XCTAssertEqual(tokens("EU-ASEAN"), ["EU", "-", "ASEAN"])
        XCTAssertEqual(tokens("Pakistan-born al-Assad, COVID-19"), ["Pakistan-born", "al-Assad", ",", "COVID-19"])
    }

    func testMissingSpaceAfterFullStopStillSplits() {
        XCTAssertEqual(tokens("ở Hà Nội.Chiều nay"), ["ở", "Hà", "Nội", ".", "Chiều", "nay"])
    }

    func testQuotesAndBracketsAreTokensOfTheirOwn() {
        XCTAssertEqual(
            tokens("\"Ngày hôm nay, không còn vùng lãnh thổ nào bị IS chiếm giữ tại Syria”, ông Gerasimov nói."),
            ["\"", "Ngày", "hôm", "nay", ",", "không", "còn", "vùng", "lãnh", "thổ", "nào", "bị", "IS", "chiếm", "giữ",
             "tại", "Syria", "\"", ",", "ông", "Gerasimov", "nói", "."])
        XCTAssertEqual(tokens("(Reuters) O'Brien's"), ["(", "Reuters", ")", "O'Brien's"])
    }

    func testOffsetsIndexTheFieldAsReceived() {
        let text = "Ông Putin cũng nêu ra những mục tiêu khác."
        let analyzed = TextAnalyzer.analyze(text, field: .body)
        XCTAssertEqual(analyzed.tokens[1].start, 4)
        XCTAssertEqual(analyzed.tokens[1].end, 9)
        XCTAssertEqual(analyzed.text(analyzed.tokens[1].start, analyzed.tokens[1].end), "Putin")
    }

    /// Each token carries the hash the tagger and event extraction key their look-ups by, and whether it
    /// is already its own lowercase core; both are the same whether the text came in NFC or NFD.
    func testTokensCarryTheirLookUpKey() {
        for text in ["Ông Putin nói: hòa đàm 340.000", "O\u{302}ng Putin no\u{301}i: ho\u{300}a \u{111}a\u{300}m 340.000"] {
            let tokens = TextAnalyzer.analyze(text, field: .body).tokens
            XCTAssertEqual(tokens.map(\.text), ["Ông", "Putin", "nói", ":", "hòa", "đàm", "340.000"])
            XCTAssertEqual(tokens.map(\.key), tokens.map { FeatureHash.string($0.text) })
            XCTAssertEqual(tokens.map(\.isPlainLowercase), [false, false, true, false, true, true, false])
            XCTAssertEqual(tokens.map(\.key), tokens.map { Token(text: $0.text, start: $0.start, end: $0.end).key })
        }
    }

    /// Listed abbreviations and Vietnamese name initials keep their dot; longer or non-ASCII words
    /// before a dot end a sentence instead.
    func testOnlyListedShortWordsKeepTheirDot() {
        XCTAssertEqual(tokens("Prof. Smith và ông Ngh. đến"), ["Prof.", "Smith", "và", "ông", "Ngh.", "đến"])
        XCTAssertEqual(tokens("TS. Lan"), ["TS.", "Lan"])
        XCTAssertEqual(tokens("Messrs. Lan"), ["Messrs", ".", "Lan"])
        XCTAssertEqual(tokens("đến Đà. Lan"), ["đến", "Đà", ".", "Lan"])
        XCTAssertEqual(tokens("\u{212A}S. Lan"), ["\u{212A}S", ".", "Lan"])
    }
}
