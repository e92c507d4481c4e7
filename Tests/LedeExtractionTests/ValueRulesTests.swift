import XCTest
@testable import LedeExtraction
import LedeModel

/// Sentences from the sample article (Đất Việt, 7 December 2017) and real news phrasing.
final class ValueRulesTests: XCTestCase {
    let december7 = PublicationDate(year: 2017, month: 12, day: 7)

    /// Values found in `text`, each checked to slice the text exactly at its code-point offsets.
    func values(_ text: String, lang: String, pub: PublicationDate?, file: StaticString = #filePath, line: UInt = #line) -> [Mention] {
        let found = ValueRules.find(in: text, lang: lang, publishedAt: pub)
        let scalars = Array(text.unicodeScalars)
        for m in found {
            XCTAssertEqual(m.source, "rule", file: file, line: line)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[m.span.start..<m.span.end])
            XCTAssertEqual(String(slice), m.span.text, "offsets slice the field as received", file: file, line: line)
        }
        return found
    }

    func value(_ phrase: String, in found: [Mention]) -> (MentionType, String?)? {
        found.first { $0.span.text == phrase }.map { ($0.type, $0.value) }
    }

    func assertValue(_ phrase: String, _ type: MentionType, _ expected: String?, in found: [Mention],
                     file: StaticString = #filePath, line: UInt = #line) {
        guard let (t, v) = value(phrase, in: found) else {
            XCTFail("no value spans \"\(phrase)\"; found \(found.map(\.span.text))", file: file, line: line)
            return
        }
        XCTAssertEqual(t, type, phrase, file: file, line: line)
        XCTAssertEqual(v, expected, phrase, file: file, line: line)
    }

    func testSampleArticleDatesResolveAgainstThePublicationDate() {
        let text = """
            Theo thông báo của người đứng đầu Sở chỉ huy tác chiến Bộ Tổng tư lệnh quân đội Nga Sergey Rudskoi, \
            tính đến ngày 7/12 tại Syria đã không còn một điểm dân cư hay khu vực nào còn nằm dưới sự kiểm soát của IS.
            Binh sỹ quân đội Chính phủ Syria sau khi giành quyền kiểm soát thành phố al-Bukamal từ tay IS ngày 20/11. |
            Nga đã hỗ trợ quân sự giúp Syria chống khủng bố theo lời đề nghị chính thức của Damacus từ năm 2015.
            Bộ Ngoại giao Syria thông báo phái đoàn của chính phủ nước này sẽ trở lại Geneva, Thụy Sĩ, vào ngày 10/12 tới.
            "Ngày hôm nay, không còn vùng lãnh thổ nào bị IS chiếm giữ tại Syria”, ông Gerasimov nói.
            """
        let found = values(text, lang: "vi", pub: december7)
        assertValue("ngày 7/12", .date, "2017-12-07", in: found)
        assertValue("ngày 20/11", .date, "2017-11-20", in: found)
        assertValue("năm 2015", .date, "2015", in: found)
        assertValue("ngày 10/12", .date, "2017-12-10", in: found)
        assertValue("Ngày hôm nay", .date, "2017-12-07", in: found)
        // "7/12" is a date, never a fraction or a quantity.
        XCTAssertFalse(found.contains { $0.type == .quantity })
    }

    func testSampleArticleCountsKeepTheirQualifierAndUnit() {
        let text = """
            các máy bay chiến đấu mỗi ngày thực hiện không dưới 100 chuyến cất cánh, và chỉ trong 5 ngày gần đây \
            đã tiêu diệt hơn 550 tay súng. Cuộc xung đột đã kéo dài gần 7 năm qua và cướp đi hơn 340.000 sinh mạng. \
            Vòng đàm phán thứ 8 về Syria.
            """
        let found = values(text, lang: "vi", pub: december7)
        assertValue("hơn 550 tay súng", .quantity, "550", in: found)
        assertValue("hơn 340.000 sinh mạng", .quantity, "340000", in: found)
        assertValue("5 ngày", .quantity, "5", in: found)
        assertValue("gần 7 năm", .quantity, "7", in: found)
        XCTAssertTrue(found.contains { $0.span.text.hasSuffix("100 chuyến") && $0.value == "100" })
        XCTAssertFalse(found.contains { $0.span.text.contains("8") }, "\"thứ 8\" is an ordinal")
    }

    func testAQuantityKeepsWhatItCountsSoSixtyYearsAreNotSixtyTonnes() {
        let vi = ValueRules.find(in: TextAnalyzer.analyze("Sau 60 năm, công ty thuê 200 công nhân.", field: .body), lang: "vi", publishedAt: nil)
        XCTAssertEqual(vi.filter { $0.type == .quantity }.map { [$0.value ?? "", $0.unit ?? "-"] }, [["60", "năm"], ["200", "công nhân"]])
        let en = ValueRules.find(
            in: TextAnalyzer.analyze("They seized 5 tonnes over 3km; about 12,000 People marched and 30 stayed.", field: .body), lang: "en", publishedAt: nil)
        XCTAssertEqual(en.filter { $0.type == .quantity }.map { [$0.value ?? "", $0.unit ?? "-"] },
                       [["5", "tonnes"], ["3", "km"], ["12000", "people"], ["30", "-"]])
    }

    func testADayLaterThanPublicationInEarlyJanuaryBelongsToThePreviousYear() {
        let pub = PublicationDate(year: 2018, month: 1, day: 3)
        let found = values("Hội nghị diễn ra ngày 28/12 và kết thúc vào tháng 12, trước khi đoàn về nước ngày 2/1.",
                           lang: "vi", pub: pub)
        assertValue("ngày 28/12", .date, "2017-12-28", in: found)
        assertValue("tháng 12", .date, "2017-12", in: found)
        assertValue("ngày 2/1", .date, "2018-01-02", in: found)
    }

    func testVietnameseRelativeDatesCountFromThePublicationDay() {
        let found = values(
            "Sáng 7/12, Thủ tướng cho biết hôm qua đã ký. Tuần trước, năm ngoái và 3 ngày trước đều vậy; tháng trước cũng thế. Chủ nhật (10/12) tới sẽ họp.",
            lang: "vi", pub: december7)
        assertValue("Sáng 7/12", .date, "2017-12-07", in: found)
        assertValue("hôm qua", .date, "2017-12-06", in: found)
        assertValue("Tuần trước", .date, "2017-W48", in: found)
        assertValue("năm ngoái", .date, "2016", in: found)
        assertValue("3 ngày trước", .date, "2017-12-04", in: found)
        assertValue("tháng trước", .date, "2017-11", in: found)
        assertValue("Chủ nhật (10/12)", .date, "2017-12-10", in: found)
    }

    func testDecomposedTextGivesTheSameValuesAtOffsetsIntoTheTextAsReceived() {
        let composed = "Sáng 7/12, Thủ tướng cho biết hôm qua đã ký; ngày 10 tháng 12 tới sẽ họp, chi 340.000 đồng."
        let nfd = composed.decomposedStringWithCanonicalMapping
        XCTAssertGreaterThan(nfd.unicodeScalars.count, composed.unicodeScalars.count, "the input really is decomposed")
        // `values` checks that every span slices the decomposed text exactly.
        let found = values(nfd, lang: "vi", pub: december7)
        XCTAssertEqual(
            found.map { "\($0.type.rawValue) \($0.value ?? "")" },
            values(composed, lang: "vi", pub: december7).map { "\($0.type.rawValue) \($0.value ?? "")" })
        XCTAssertTrue(found.contains { $0.value == "2017-12-06" }, "hôm qua, decomposed, is still yesterday")
        XCTAssertTrue(found.contains { $0.value == "2017-12-10" }, "ngày 10 tháng 12, decomposed")
    }

    func testARangeOfDaysSharesTheMonthWrittenOnce() {
        let found = values("Kỳ thi diễn ra trong hai ngày 10 và 11/6, hệ chuyên từ ngày 12 đến ngày 14/6.", lang: "vi", pub: december7)
        assertValue("ngày 10", .date, "2017-06-10", in: found)
        assertValue("11/6", .date, "2017-06-11", in: found)
        assertValue("ngày 12", .date, "2017-06-12", in: found)
        assertValue("ngày 14/6", .date, "2017-06-14", in: found)
    }

    func testTheSameDayIsTheDayLastNamed() {
        let found = values("""
            Tính đến ngày 5/12 tại Syria đã không còn IS. Trước đó cùng ngày, Tướng Valery Gerasimov đã tuyên bố giải phóng Syria.
            """, lang: "vi", pub: december7)
        assertValue("cùng ngày", .date, "2017-12-05", in: found)
        let en = values("The same day, troops withdrew.", lang: "en", pub: december7)
        assertValue("The same day", .date, "2017-12-07", in: en)  // no date before it: the publication day
        XCTAssertEqual(values("cùng ngày 6/12", lang: "vi", pub: december7).map(\.span.text), ["ngày 6/12"],
                       "a written date is read as such")
    }

    func testFullAndMonthOnlyDates() {
        let found = values("Ngày 10/12/2017, tức ngày 7 tháng 12 năm 2017 theo lịch cũ, và trong tháng 12.", lang: "vi", pub: december7)
        assertValue("Ngày 10/12/2017", .date, "2017-12-10", in: found)
        assertValue("ngày 7 tháng 12 năm 2017", .date, "2017-12-07", in: found)
        assertValue("tháng 12", .date, "2017-12", in: found)
        XCTAssertEqual(values("Hạn chót 2017/12/20 và 20-12-2017.", lang: "vi", pub: december7).map(\.value),
                       ["2017-12-20", "2017-12-20"])
    }

    func testEnglishDates() {
        let found = values(
            "The ministry said on Dec. 7 that talks held yesterday and last Tuesday would resume on December 10, 2017. The war began in 2011.",
            lang: "en", pub: december7)
        assertValue("Dec. 7", .date, "2017-12-07", in: found)
        assertValue("yesterday", .date, "2017-12-06", in: found)
        assertValue("last Tuesday", .date, "2017-12-05", in: found)
        assertValue("December 10, 2017", .date, "2017-12-10", in: found)
        assertValue("2011", .date, "2011", in: found)
        let more = values("Sales recovered by mid-2016 and again in mid-December; in the 1990s they fell.", lang: "en", pub: december7)
        assertValue("mid-2016", .date, "2016", in: more)
        assertValue("mid-December", .date, "2017-12", in: more)
        XCTAssertFalse(more.contains { $0.span.text.contains("1990") }, "a decade is neither a year nor a count")
    }

    func testTimes() {
        let vi = values("Lúc 8h30 sáng nay, đến 20h và 8 giờ tối, trận đấu kéo dài trong 2 giờ.", lang: "vi", pub: december7)
        assertValue("8h30", .time, "08:30", in: vi)
        assertValue("sáng nay", .date, "2017-12-07", in: vi)
        assertValue("20h", .time, "20:00", in: vi)
        assertValue("8 giờ tối", .time, "20:00", in: vi)
        XCTAssertFalse(vi.contains { $0.type == .time && $0.span.text.hasPrefix("2 giờ") }, "\"trong 2 giờ\" is a duration")
        let en = values("The vote opens at 10 a.m. and closes at 8:30 tonight.", lang: "en", pub: december7)
        assertValue("10 a.m.", .time, "10:00", in: en)
        assertValue("8:30", .time, "08:30", in: en)
    }

    func testMoneyNormalisesAmountAndCurrency() {
        let vi = values("Dự án trị giá 5 triệu USD và khoản vay 2,5 tỷ đồng.", lang: "vi", pub: december7)
        assertValue("5 triệu USD", .money, "5000000 USD", in: vi)
        assertValue("2,5 tỷ đồng", .money, "2500000000 VND", in: vi)
        let en = values("The firm paid $5 million for the unit and raised £3bn from investors.", lang: "en", pub: december7)
        assertValue("$5 million", .money, "5000000 USD", in: en)
        assertValue("£3bn", .money, "3000000000 GBP", in: en)
        let euros = values("Fiat made an 800m euro loss, ruled on 30 July, 2002.", lang: "en", pub: december7)
        assertValue("800m euro", .money, "800000000 EUR", in: euros)
        assertValue("30 July, 2002", .date, "2002-07-30", in: euros)
    }

    func testPercentInBothNumberFormats() {
        let vi = values("GDP tăng 5,2% trong khi lạm phát là 15 phần trăm.", lang: "vi", pub: december7)
        assertValue("5,2%", .percent, "5.2", in: vi)
        assertValue("15 phần trăm", .percent, "15", in: vi)
        let en = values("Output rose 5.2 per cent.", lang: "en", pub: december7)
        assertValue("5.2 per cent", .percent, "5.2", in: en)
    }

    func testThousandsSeparatorsFollowTheLanguage() {
        XCTAssertEqual(values("khoảng 340.000 người", lang: "vi", pub: nil).first?.value, "340000")
        XCTAssertEqual(values("about 340,000 people", lang: "en", pub: nil).first?.value, "340000")
        XCTAssertEqual(values("about 340,000 people", lang: "en", pub: nil).first?.span.text, "about 340,000 people")
    }

    func testIdentifiersAreNotQuantities() {
        let found = values("Theo Nghị định 100/2019/NĐ-CP, đại dịch COVID-19 và mạng 4G.", lang: "vi", pub: december7)
        XCTAssertEqual(found, [], "law numbers, names with digits and 4G are not values")
    }

    func testWithoutPublicationDateRelativeDatesHaveNoValue() {
        let found = values("hôm qua, ngày 7/12", lang: "vi", pub: nil)
        assertValue("hôm qua", .date, nil, in: found)
        assertValue("ngày 7/12", .date, "XXXX-12-07", in: found)
    }

    func testDecomposedInputKeepsOffsetsIntoTheFieldAsReceived() {
        let nfc = "Sáng 7/12, hơn 340.000 người ở Hà Nội đã nhận 2,5 tỷ đồng từ năm 2015."
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertGreaterThan(nfd.unicodeScalars.count, nfc.unicodeScalars.count)
        let found = values(nfd, lang: "vi", pub: december7)
        XCTAssertEqual(found.map(\.value), ["2017-12-07", "340000", "2500000000 VND", "2015"])
        // Offsets count the decomposed scalars: "Sáng" is five of them.
        XCTAssertEqual(found.first?.span.start, 0)
        XCTAssertEqual(found.first?.span.end, "Sáng 7/12".decomposedStringWithCanonicalMapping.unicodeScalars.count)
        XCTAssertEqual(found[1].span.start, Array(nfd.unicodeScalars).count - Array("hơn 340.000 người ở Hà Nội đã nhận 2,5 tỷ đồng từ năm 2015.".decomposedStringWithCanonicalMapping.unicodeScalars).count)
    }
}
