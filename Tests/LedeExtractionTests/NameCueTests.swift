import LedeModel
import XCTest
@testable import LedeExtraction

/// The text analysed, and each listed name as a mention of the given type where it occurs (outside
/// the names listed before it).
func namedMentions(_ text: String, _ names: [(String, MentionType)]) -> ([Mention], [AnalyzedText]) {
    let field = TextAnalyzer.analyze(text, field: .body)
    let scalars = Array(text.unicodeScalars)
    var out: [Mention] = []
    for (name, type) in names {
        let n = Array(name.unicodeScalars)
        var i = 0
        while i + n.count <= scalars.count {
            if Array(scalars[i..<(i + n.count)]) == n, !out.contains(where: { $0.span.start <= i && i < $0.span.end }) {
                out.append(Mention(type: type, span: field.span(i, i + n.count), source: "tagger"))
                i += n.count
            } else { i += 1 }
        }
    }
    return (out.sorted { $0.span.start < $1.span.start }, [field])
}

/// What the words around a name say it is, read over the whole article: "oil firm Rosneft" is a
/// company in every sentence that names it, "Mr Marsh" a person; names the news shows as companies
/// again and again stay companies where an article gives no cue.
final class NameCueTests: XCTestCase {
    func mentions(_ text: String, _ names: [(String, MentionType)], lang: String = "en") -> ([Mention], [AnalyzedText]) {
        namedMentions(text, names)  // the language is the caller's to pass to NameCues
    }

    func types(_ mentions: [Mention]) -> [String] { mentions.map { "\($0.span.text):\($0.type.rawValue)" } }

    func testAnOrganisationsCueMakesEveryMentionOfTheNameAnOrganisation() {
        let text = "Shares in storage and delivery firm Exel closed up 9%. Exel declined to comment on the rumour."
        let (given, fields) = mentions(text, [("Exel", .person)])
        XCTAssertEqual(given.count, 2)
        let retyped = NameCues.retyped(given, fields: fields, lang: "en", learnt: .none)
        XCTAssertEqual(types(retyped), ["Exel:ORG", "Exel:ORG"])
    }

    func testWordsAfterANameCueItToo() {
        for text in ["Citigroup shares fell. Citigroup said it would appeal.", "Sophos Inc warned of the virus. Sophos said it spread by e-mail.",
                     "Yukos's shareholders met in Moscow. Yukos did not say more."] {
            let name = String(text.prefix { $0.isLetter })
            let (given, fields) = mentions(text, [(name, .person)])
            XCTAssertEqual(Set(NameCues.retyped(given, fields: fields, lang: "en", learnt: .none).map(\.type)), [.organization], text)
        }
    }

    func testAPersonsCueAnywhereKeepsTheNameAPerson() {
        let text = "The insurance firm Marsh was fined. Mr Marsh, no relation, said he was surprised."
        let (given, fields) = mentions(text, [("Marsh", .person)])
        XCTAssertEqual(Set(NameCues.retyped(given, fields: fields, lang: "en", learnt: .none).map(\.type)), [.person])
    }

    func testANameListedAfterACuedOneSharesTheCueOnlyWhenAnAndClosesTheList() {
        let text = "Technology firms Sony, Philips and Matsushita agreed on the format."
        let (given, fields) = mentions(text, [("Sony", .person), ("Philips", .person), ("Matsushita", .person)])
        XCTAssertEqual(types(NameCues.retyped(given, fields: fields, lang: "en", learnt: .none)),
                       ["Sony:ORG", "Philips:ORG", "Matsushita:ORG"])
        // After a comma alone may come anyone.
        let odds = "According to bookmaker Ladbrokes, John McCririck was 1/3 favourite to leave."
        let (people, oddsFields) = mentions(odds, [("Ladbrokes", .person), ("John McCririck", .person)])
        XCTAssertEqual(types(NameCues.retyped(people, fields: oddsFields, lang: "en", learnt: .none)),
                       ["Ladbrokes:ORG", "John McCririck:PER"])
    }

    func testAPlaceIsNotMadeAnOrganisationByTheWordsAfterIt() {
        let (given, fields) = mentions("US shares rose on Friday.", [("US", .miscellaneous)])
        XCTAssertEqual(types(NameCues.retyped(given, fields: fields, lang: "en", learnt: .none)), ["US:MISC"])
    }

    func testVietnameseCuesAndAnOwnerAfterCongTyThatStaysAPerson() {
        let text = "Hãng Sharp vừa công bố mẫu tivi mới. Sharp cho biết sẽ bán từ tháng sau."
        let (given, fields) = mentions(text, [("Sharp", .person)], lang: "vi")
        XCTAssertEqual(Set(NameCues.retyped(given, fields: fields, lang: "vi", learnt: .none).map(\.type)), [.organization])
        // "công ty bầu Đức" is Mr Đức's company; "nhà báo X" is a journalist.
        let owner = "Cổ phiếu của công ty bầu Đức giảm. Nhà báo Trần Quang Minh đã có mặt."
        let (people, ownerFields) = mentions(owner, [("bầu Đức", .person), ("Trần Quang Minh", .person)], lang: "vi")
        XCTAssertEqual(Set(NameCues.retyped(people, fields: ownerFields, lang: "vi", learnt: .none).map(\.type)), [.person])
    }

    func testALearntNameIsAnOrganisationWithoutACueButNotASurnameOrAProduct() {
        let learnt = LearntNames(organizations: ["en": ["Qualcomm", "Dell"]])
        let text = "Qualcomm said the chip would ship in May. Michael Dell said Dell would buy it."
        let (given, fields) = mentions(text, [("Qualcomm", .person), ("Michael Dell", .person), ("Dell", .person)])
        let retyped = NameCues.retyped(given, fields: fields, lang: "en", learnt: learnt)
        XCTAssertEqual(types(retyped), ["Qualcomm:ORG", "Michael Dell:PER", "Dell:PER"])
        // Another language's list does not apply.
        XCTAssertEqual(types(NameCues.retyped(given, fields: fields, lang: "en", learnt: LearntNames(organizations: ["vi": ["Qualcomm"]])))[0],
                       "Qualcomm:PER")
    }

    func testALearntWorkIsMiscellaneousWhereverTheTaggerReadItAsSomethingElse() {
        let learnt = LearntNames(works: ["en": ["Million Dollar Baby"]])
        let text = "Million Dollar Baby took $11.8m at the box office."
        let (given, fields) = mentions(text, [("Million Dollar Baby", .organization)])
        XCTAssertEqual(types(NameCues.retyped(given, fields: fields, lang: "en", learnt: learnt)), ["Million Dollar Baby:MISC"])
    }

    func testAPersonalTitleMakesAPlaceOrOrganisationReadingAPersonButAnOfficeDoesNot() {
        // "Mỹ" begins the singer's name; the tagger read a place.
        let singer = "Ca sĩ Mỹ Tâm tổ chức liveshow. Mỹ Tâm cho biết cô rất hồi hộp."
        let (given, fields) = mentions(singer, [("Mỹ Tâm", .location)], lang: "vi")
        XCTAssertEqual(Set(NameCues.retyped(given, fields: fields, lang: "vi", learnt: .none).map(\.type)), [.person])
        // "chủ tịch Hòa Phát" is the company's chairman: an office is followed by its organisation.
        let chairman = "Chủ tịch Hòa Phát Trần Đình Long cho biết. Ông là chủ tịch Hòa Phát từ lâu."
        let (company, companyFields) = mentions(chairman, [("Hòa Phát", .organization), ("Trần Đình Long", .person)], lang: "vi")
        XCTAssertEqual(NameCues.retyped(company, fields: companyFields, lang: "vi", learnt: .none).filter { $0.span.text == "Hòa Phát" }.map(\.type),
                       [.organization, .organization])
        // "Celtic host Dundee United": not every title-like word is one.
        let (club, clubFields) = mentions("Celtic host Dundee United on Saturday.", [("Dundee United", .organization)])
        XCTAssertEqual(types(NameCues.retyped(club, fields: clubFields, lang: "en", learnt: .none)), ["Dundee United:ORG"])
    }

    func testAPlacesCueMakesAPersonReadingAPlace() {
        let text = "Lũ cuốn trôi nhà ở xã Thủy Vân. Thủy Vân có 200 hộ bị ảnh hưởng."
        let (given, fields) = mentions(text, [("Thủy Vân", .person)], lang: "vi")
        XCTAssertEqual(Set(NameCues.retyped(given, fields: fields, lang: "vi", learnt: .none).map(\.type)), [.location])
        let (reading, readingFields) = mentions("The town of Reading voted. Reading is near London.", [("Reading", .person)])
        XCTAssertEqual(Set(NameCues.retyped(reading, fields: readingFields, lang: "en", learnt: .none).map(\.type)), [.location])
    }

    func testAProductsCueAfterItsName() {
        let (given, fields) = mentions("Sony said PSP console sales rose. The PSP is sold out.", [("Sony", .organization), ("PSP", .organization)])
        XCTAssertEqual(types(NameCues.retyped(given, fields: fields, lang: "en", learnt: .none)), ["Sony:ORG", "PSP:MISC", "PSP:MISC"])
    }

    func testTheWholeExtractorReadsACompanyTheTaggerTookForAPerson() {
        let body = "Russian oil firm Rosneft has bought the unit. Rosneft said the deal was final, and Rosneft will pay in cash."
        let mentions = Shipped.extractor.extract(Article(id: "t", body: body, lang: "en")).mentions.filter { $0.span.text == "Rosneft" }
        XCTAssertEqual(mentions.count, 3)
        XCTAssertEqual(Set(mentions.map(\.type)), [.organization])
    }

    func testTheShippedListsAreLearntAndLoaded() {
        XCTAssertGreaterThan(Shipped.learntNames.count(.organization, lang: "en"), 50)
        XCTAssertGreaterThan(Shipped.learntNames.count(.organization, lang: "vi"), 5)
        XCTAssertGreaterThan(Shipped.learntNames.count(.miscellaneous, lang: "en"), 20)
        XCTAssertTrue(Shipped.learntNames.isOrganization("Yukos", lang: "en"))
        XCTAssertTrue(Shipped.learntNames.isWork("Million Dollar Baby", lang: "en"))
    }

    func testAListFileWithoutItsHeaderOrWithABadLineIsRefusedNamingTheLine() {
        let parsed = try? LearntNames.parse("# c\nname\ttype\tarticles\nYukos\tORG\t20\nHalo 2\tMISC\t3\n", path: "x.tsv")
        XCTAssertEqual(parsed?.organizations, ["Yukos"])
        XCTAssertEqual(parsed?.works, ["Halo 2"])
        XCTAssertThrowsError(try LearntNames.parse("Yukos\tORG\t20\n", path: "x.tsv")) { error in
            XCTAssertTrue("\(error)".contains("x.tsv line 1"), "\(error)")
        }
        for bad in ["Yukos\t20", "Yukos\tPER\t20", "Yukos\tORG\tmany"] {
            XCTAssertThrowsError(try LearntNames.parse("name\ttype\tarticles\n\(bad)\n", path: "x.tsv"), bad) { error in
                XCTAssertTrue("\(error)".contains("x.tsv line 2"), "\(error)")
            }
        }
    }

    func testAMissingListStopsTheExtractorAtStart() {
        let shipped: (String) -> String? = { path in path == "names/learnt-en.tsv" ? nil : ResourceFiles.text(path) }
        XCTAssertThrowsError(try ResourceFiles.checkRequired(load: shipped)) { error in
            XCTAssertTrue("\(error)".contains("names/learnt-en.tsv"), "\(error)")
        }
    }

    func testDerivingKeepsNamesCuedInEnoughArticlesAndNeverAsAPerson() throws {
        let articles = [
            Article(id: "a", body: "Shares in delivery firm Exel rose. Exel said little.", lang: "en"),
            Article(id: "b", body: "Logistics firm Exel won a contract. Storage company Arcadia lost one.", lang: "en"),
            Article(id: "c", body: "Retail firm Arcadia grew. Mr Arcadia, its founder's son, spoke.", lang: "en"),
            Article(id: "d", body: "Retail firm Arcadia grew again.", lang: "en"),
        ]
        let films = [
            Article(id: "e", body: "The film Sideways won the prize. Sideways was made cheaply.", lang: "en"),
            Article(id: "f", body: "She starred in the film Sideways last year.", lang: "en"),
        ]
        let derived = LearntNames.derive(from: articles + films, lang: "en", extractor: try Extractor.namesOnly(), minimumArticles: 2)
        XCTAssertEqual(derived.map { "\($0.name):\($0.type.rawValue):\($0.articles)" }, ["Exel:ORG:2", "Sideways:MISC:2"],
                       "Arcadia is cued in three articles but called Mr Arcadia in one")
        let text = LearntNames.tsv(derived, lang: "en", corpus: ["/some/where/en-news.jsonl"])
        XCTAssertEqual(try LearntNames.parse(text, path: "t").organizations, ["Exel"])
        XCTAssertEqual(try LearntNames.parse(text, path: "t").works, ["Sideways"])
        XCTAssertTrue(text.contains("From: en-news.jsonl\n"), "no machine's path in a shipped file")
    }
}

/// Two names joined by a possessive are two names; a possessive inside one name stays.
final class PossessiveNameTests: XCTestCase {
    func mention(_ text: String, _ type: MentionType, at start: Int) -> Mention {
        Mention(type: type, span: Span(field: .body, start: start, end: start + text.unicodeScalars.count, text: text), source: "tagger")
    }

    func testACountrysPossessiveBeforeACompanyIsTwoNames() {
        let split = PossessiveNames.split([mention("Germany's DaimlerChrysler", .person, at: 10)], lang: "en")
        XCTAssertEqual(split.map(\.span.text), ["Germany", "DaimlerChrysler"])
        XCTAssertEqual(split.map(\.type), [.location, .person])
        XCTAssertEqual(split.map(\.span.start), [10, 20])
        XCTAssertEqual(split.map(\.span.end), [17, 35])
    }

    func testTheOwnersTypeIsTheArticlesReadingOfItNotATownOfTheSameName() {
        let split = PossessiveNames.split([mention("Nokia", .organization, at: 0), mention("Nokia's N-Gage", .miscellaneous, at: 30)], lang: "en")
        XCTAssertEqual(split.map { "\($0.span.text):\($0.type.rawValue)" }, ["Nokia:ORG", "Nokia:ORG", "N-Gage:MISC"])
    }

    func testADayBeforeAPossessiveIsDroppedAndANamesOwnPossessiveStays() {
        let day = PossessiveNames.split([mention("Saturday's Six Nations", .miscellaneous, at: 0)], lang: "en")
        XCTAssertEqual(day.map(\.span.text), ["Six Nations"])
        for name in ["People's Bank", "Dead Man's Shoes", "St Egwin's Middle School"] {
            XCTAssertEqual(PossessiveNames.split([mention(name, .organization, at: 0)], lang: "en").map(\.span.text), [name])
        }
        XCTAssertEqual(PossessiveNames.split([mention("Germany's DaimlerChrysler", .person, at: 0)], lang: "vi").count, 1)
    }

    func testAPersonsPossessiveLeavingACountryIsAPlaceButAPersonsStaysAPerson() {
        let trimmed = NameSpans.trimmed([mention("Libya's", .person, at: 0), mention("Howard's", .person, at: 20)], lang: "en")
        XCTAssertEqual(trimmed.map { "\($0.span.text):\($0.type.rawValue)" }, ["Libya:LOC", "Howard:PER"])
    }

    func testAContractionOfIIsNoName() {
        for text in ["I've", "I'm", "I’d", "I'll"] { XCTAssertTrue(NameSpans.isContraction(text), text) }
        for text in ["Ive", "Ian", "I'mran", "Il"] { XCTAssertFalse(NameSpans.isContraction(text), text) }
        let trimmed = NameSpans.trimmed([mention("I've", .person, at: 0), mention("Roddick", .person, at: 10)], lang: "en")
        XCTAssertEqual(trimmed.map(\.span.text), ["Roddick"])
    }
}

/// An age-group team is named by its age and its country, and is an organisation.
final class AgeGroupTeamTests: XCTestCase {
    func testTheAgeJoinsTheCountrysNameAndTheTeamIsAnOrganisation() {
        let text = "U16 Việt Nam thắng U16 Mông Cổ với tỷ số 2-0 tại giải U16 châu Á."
        let field = TextAnalyzer.analyze(text, field: .body)
        func place(_ name: String, at start: Int) -> Mention {
            Mention(type: .location, span: field.span(start, start + name.unicodeScalars.count), source: "tagger")
        }
        let given = [place("Việt Nam", at: 4), place("Mông Cổ", at: 23), place("châu Á", at: 58)]
        let joined = AgeGroupTeams.joined(given, fields: [field], lang: "vi")
        XCTAssertEqual(joined.map { "\($0.span.text):\($0.type.rawValue)" }, ["U16 Việt Nam:ORG", "U16 Mông Cổ:ORG", "châu Á:LOC"],
                       "a continent after the age names a tournament, not a team")
        XCTAssertEqual(joined[0].span.start, 0)
        XCTAssertEqual(joined[1].span.start, 19)
        // A span the tagger drew whole is typed, not cut again; English text is left alone.
        let whole = Mention(type: .location, span: field.span(0, 12), source: "tagger")
        XCTAssertEqual(AgeGroupTeams.joined([whole], fields: [field], lang: "vi").map(\.type), [.organization])
        XCTAssertEqual(AgeGroupTeams.joined(given, fields: [field], lang: "en"), given)
    }
}

/// A work's or a product's cue makes a name miscellaneous, as the data sets' guides have it.
final class WorkCueTests: XCTestCase {
    func testAFilmsCueMakesItsTitleMiscellaneousInEveryMention() {
        let text = "Eastwood's film Million Dollar Baby led the field. Million Dollar Baby took $11.8m."
        let (given, fields) = namedMentions(text, [("Million Dollar Baby", .organization), ("Eastwood", .person)])
        let retyped = NameCues.retyped(given, fields: fields, lang: "en", learnt: .none)
        XCTAssertEqual(retyped.filter { $0.span.text == "Million Dollar Baby" }.map(\.type), [.miscellaneous, .miscellaneous])
        XCTAssertEqual(retyped.first { $0.span.text == "Eastwood" }?.type, .person)
    }

    func testAPersonsCueOrAKnownCompanyOutweighsAWorksCue() {
        // "Người dẫn chương trình X" is a host, "X vào vai" plays a part, though "chương trình" and
        // "phim" stand before them.
        let host = "Người dẫn chương trình Nick Cannon có con. Trong phim Jeffrey Walker vào vai cậu em trai."
        let (people, fields) = namedMentions(host, [("Nick Cannon", .person), ("Jeffrey Walker", .person)])
        XCTAssertEqual(Set(NameCues.retyped(people, fields: fields, lang: "vi", learnt: .none).map(\.type)), [.person])
        let owns = "The program could be based on the software Microsoft owns."
        let (company, ownsFields) = namedMentions(owns, [("Microsoft", .organization)])
        XCTAssertEqual(NameCues.retyped(company, fields: ownsFields, lang: "en", learnt: LearntNames(organizations: ["en": ["Microsoft"]])).map(\.type),
                       [.organization])
    }

    func testAWorksCueInsideALongerNounOrBeforeAnInstitutionIsNone() {
        let text = "Hiệp hội Doanh nghiệp CNTT và phần mềm VINASA tổ chức. Đây là chương trình Trường Đại học FPT dành cho học sinh."
        let (given, fields) = namedMentions(text, [("VINASA", .organization), ("Trường Đại học FPT", .organization)])
        XCTAssertEqual(Set(NameCues.retyped(given, fields: fields, lang: "vi", learnt: .none).map(\.type)), [.organization])
    }
}

/// "người" and a country's name is a nationality; after a number an organisation's or a work's name may go on.
final class NationalityAndNumberTests: XCTestCase {
    func testNguoiAndACountryIsANationalityButNotAHomeTownOrAHumanBeing() {
        let text = "Nhiều người Hà Lan đến đây. Anh là người Hà Tĩnh. Con người Việt Nam thân thiện."
        let field = TextAnalyzer.analyze(text, field: .body)
        let places = namedMentions(text, [("Hà Lan", .location), ("Hà Tĩnh", .location), ("Việt Nam", .location)]).0
        let joined = Nationalities.joined(places, fields: [field], lang: "vi")
        XCTAssertEqual(joined.map { "\($0.span.text):\($0.type.rawValue)" }, ["người Hà Lan:MISC", "Hà Tĩnh:LOC", "Việt Nam:LOC"])
    }

    func testANumberAfterAStationOrAGameIsPartOfItsNameButAScoreIsNot() {
        let mentions = { (body: String) in
            Shipped.extractor.extract(Article(id: "t", body: body, lang: "en")).mentions.map { "\($0.span.text):\($0.type.rawValue)" }
        }
        XCTAssertTrue(mentions("He told BBC Radio 4 on Monday that he would stay.").contains { $0.hasPrefix("BBC Radio 4:") },
                      "\(mentions("He told BBC Radio 4 on Monday that he would stay."))")
        let score = mentions("Pohang 3 Ulsan 2 (halftime 1-0)")
        XCTAssertFalse(score.contains { $0.hasPrefix("Ulsan 2") || $0.hasPrefix("Pohang 3") }, "\(score)")
        XCTAssertTrue(NumberedNames.isNameNumber("1.0", date: false))
        XCTAssertTrue(NumberedNames.isNameNumber("2021", date: true))
        XCTAssertFalse(NumberedNames.isNameNumber("4,000", date: false))
        XCTAssertFalse(NumberedNames.isNameNumber("6/4/2021", date: true))
    }
}

/// A peer's title and the letters after a name are not the name; a maker and a model code are one product.
final class TitleAndModelTests: XCTestCase {
    func names(_ body: String, lang: String = "en") -> [String] {
        Shipped.extractor.extract(Article(id: "t", body: body, lang: lang)).mentions.filter(\.type.isName)
            .map { "\($0.span.text):\($0.type.rawValue)" }
    }

    func testAPeersTitleAndTheLettersAfterANameStayOutside() {
        let found = names("Lord Goldsmith and Philippe Sands QC spoke at the inquiry.")
        XCTAssertTrue(found.contains("Goldsmith:PER"), "\(found)")
        XCTAssertTrue(found.contains("Philippe Sands:PER"), "\(found)")
        XCTAssertFalse(found.contains { $0.hasPrefix("QC") || $0.hasPrefix("Lord") }, "\(found)")
        XCTAssertEqual(NameSpans.postNominalLength("Tessa Jowell MP"), 3)
        XCTAssertNil(NameSpans.postNominalLength("Tessa Jowell"))
    }

    func testAMakerAndAModelCodeAreOneProduct() {
        let text = "Samsung Galaxy A32 giá rẻ. Realme C20 cũng vậy."
        let field = TextAnalyzer.analyze(text, field: .body)
        let makers = [Mention(type: .organization, span: field.span(0, 7), source: "tagger"),
                      Mention(type: .person, span: field.span(27, 33), source: "tagger")]
        let joined = ProductModels.joined(makers, fields: [field])
        XCTAssertEqual(joined.map { "\($0.span.text):\($0.type.rawValue)" }, ["Samsung Galaxy A32:MISC", "Realme C20:MISC"])
        for word in ["N10", "A32", "V7+", "S20"] { XCTAssertTrue(ProductModels.isCode(Array(word.unicodeScalars)), word) }
        for word in ["800m", "2in1", "5G", "Q2", "H1", "Galaxy", "12"] { XCTAssertFalse(ProductModels.isCode(Array(word.unicodeScalars)), word) }
    }

    func testAScoreAfterANameIsNoModel() {
        let text = "Shrewsbury 0 Brentford3"
        let field = TextAnalyzer.analyze(text, field: .body)
        let club = Mention(type: .organization, span: field.span(0, 10), source: "tagger")
        XCTAssertEqual(ProductModels.joined([club], fields: [field]), [club])
    }
}
