import XCTest
@testable import LedeWire

/// `lede export`'s rows: one per event, columns from the stored result's JSON, and CSV/TSV text that
/// spreadsheet programs and CSV readers take back unchanged, Vietnamese included.
final class EventTableTests: XCTestCase {
    func testEachEventIsARowWithItsArticleActorsPlaceAndCounts() throws {
        let result = try JSONReader.parse(#"""
            {"seq":9,"article_id":"a-1","revision":2,"supersedes":4,"article":{"id":"a-1","url":"https://x.vn/1","published_at":"2017-12-07"},
             "entities":[{"id":0,"type":"LOC","name":"Hà Nội","country":"VN","geonames_id":1581130,"latitude":21.0245,"longitude":105.84117}],
             "events":[
              {"type":"ASSAULT","mode":"aerial","cameo":"195","quad_class":4,"goldstein":-10.0,"trigger":{"text":"không kích"},
               "actors":[{"entity":null,"name":"Nga","text":"Nga","cameo":"RUS"},{"entity":null,"text":"quân đội Syria","cameo":"SYRMIL"}],
               "recipients":[{"entity":null,"text":"IS"}],"location":{"entity":0,"name":"Hà Nội","text":"Hà Nội"},
               "date":{"value":"2017-12-06"},"killed":550,"modality":"asserted","attribution":null,"confidence":0.9},
              {"type":"AGREE","cameo":"030","quad_class":1,"goldstein":4.0,"trigger":{"text":"nhất trí"},"actors":[],"recipients":[],
               "location":null,"date":null,"modality":"future","attribution":{"entity":null,"text":"ông Putin"},"confidence":0.5}]}
            """#)
        let rows = EventTable.rows(result: result)
        XCTAssertEqual(rows.count, 2)
        let first = Dictionary(uniqueKeysWithValues: zip(EventTable.columns, rows[0]))
        XCTAssertEqual(first["seq"], "9")
        XCTAssertEqual(first["revision"], "2")
        XCTAssertEqual(first["url"], "https://x.vn/1")
        XCTAssertEqual(first["date"], "2017-12-06")
        XCTAssertEqual(first["actors"], "Nga; quân đội Syria")
        XCTAssertEqual(first["actor_codes"], "RUS; SYRMIL")
        XCTAssertEqual(first["recipients"], "IS")
        XCTAssertEqual(first["location"], "Hà Nội")
        XCTAssertEqual(first["country"], "VN", "from the entity the location names")
        XCTAssertEqual(first["latitude"], "21.0245")
        XCTAssertEqual(first["killed"], "550")
        XCTAssertEqual(first["injured"], "")
        XCTAssertEqual(first["trigger"], "không kích")
        let second = Dictionary(uniqueKeysWithValues: zip(EventTable.columns, rows[1]))
        XCTAssertEqual(second["attribution"], "ông Putin")
        XCTAssertEqual(second["location"], "")
        XCTAssertEqual(second["date"], "")
        XCTAssertEqual(second["revision"], "2")
    }

    func testAResultWithoutEventsHasNoRows() throws {
        XCTAssertEqual(EventTable.rows(result: try JSONReader.parse(#"{"seq":1,"events":[]}"#)).count, 0)
    }

    func testCSVQuotesOnlyWhatNeedsIt() {
        var csv = DelimitedWriter(format: .csv)
        csv.row(["Hà Nội", "a, b", "say \"no\"", "two\nlines", ""])
        XCTAssertEqual(String(decoding: csv.bytes, as: UTF8.self), "Hà Nội,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\",\r\n")
    }

    func testCSVReadsBackAsTheSameFieldsWithPythonsReader() throws {
        let fields = ["Đà Nẵng, Việt Nam", "\"quoted\"", "line\r\nbreak", "plain", "tab\there"]
        var csv = DelimitedWriter(format: .csv)
        csv.row(fields)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lede-csv-\(UUID().uuidString).csv")
        try Data(csv.bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import csv,json,sys; print(json.dumps(next(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", file.path]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: data) as? [String], fields)
    }

    func testTSVHasNoQuotingSoTabsAndLineBreaksInsideAFieldBecomeSpaces() {
        var tsv = DelimitedWriter(format: .tsv)
        tsv.row(["a\tb", "c\nd", "\"e\""])
        XCTAssertEqual(String(decoding: tsv.bytes, as: UTF8.self), "a b\tc d\t\"e\"\n")
    }
}
