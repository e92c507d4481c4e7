import Foundation
import LedeClient
import LedeWire
import XCTest

/// A client splitting replay pages says clearly when the service refused the request or the reply is
/// not a page, instead of returning an empty page.
final class ReplayPageBytesTests: XCTestCase {
    func testARefusedReplayIsAnErrorNamingTheServicesCode() throws {
        let service = try RunningService()
        defer { service.stop() }
        let reply = try service.requests().requestBytes(Array(#"{"op":"replay","from_seq":"one"}"#.utf8))
        XCTAssertThrowsError(try ReplayPageBytes(reply)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("replay refused"), text)
            XCTAssertTrue(text.contains((try? JSONReader.parse(reply))?["error"]?["code"]?.stringValue ?? "?"), text)
        }
        // The same service still pages normally.
        let page = try ReplayPageBytes(try service.requests().requestBytes(Requests.replay(fromSeq: 1)))
        XCTAssertEqual(page.items.count, 0)
        XCTAssertNil(page.nextSeq)
    }

    func testAReplyThatIsNotAPageIsAnError() {
        XCTAssertThrowsError(try ReplayPageBytes(Array(#"{"ok":true,"items":[{"seq":1}"#.utf8)), "cut short")
        XCTAssertThrowsError(try ReplayPageBytes(Array(#"{"ok":true}"#.utf8)), "no items")
        XCTAssertThrowsError(try ReplayPageBytes(Array("not json".utf8)))
    }
}
