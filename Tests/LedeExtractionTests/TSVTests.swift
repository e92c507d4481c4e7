import XCTest
@testable import LedeExtraction
import LedeModel

/// The data files' reader: what a hand-edited table may contain still reads as its rows.
final class TSVTests: XCTestCase {
    func testCommentsBlankLinesWindowsLineEndsAndPaddedCellsReadAsTheRowsMeant() {
        let text = "# iso2\tname\r\nVN\t Việt Nam\u{00A0}\r\n\r\n   \t \nSY\tSyria\t\n# the end\n"
        XCTAssertEqual(TSV.rows(text), [["VN", "Việt Nam"], ["SY", "Syria", ""]])
    }

    func testGazetteerTablesSkipTheirHeaderLine() {
        let text = "iso2\tname\nVN\tViệt Nam\r\n"
        XCTAssertEqual(Gazetteer.rows(text), [["VN", "Việt Nam"]])
    }
}
