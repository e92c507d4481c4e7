import XCTest
@testable import LedeWire

final class ReplayPageWriterTests: XCTestCase {
    func testAPageWrittenItemByItemIsTheDocumentedReply() throws {
        var page = ReplayPageWriter()
        for item in [#"{"seq":7}"#, #"{"seq":8}"#] { Array(item.utf8).withUnsafeBytes { page.append(item: $0) } }
        XCTAssertEqual(page.itemCount, 2)
        XCTAssertEqual(String(decoding: page.finish(nextSeq: 9, lastSeq: 20), as: UTF8.self),
                       #"{"ok":true,"items":[{"seq":7},{"seq":8}],"next_seq":9,"last_seq":20}"#)
        XCTAssertEqual(String(decoding: ReplayPageWriter().finish(nextSeq: nil, lastSeq: 0), as: UTF8.self),
                       #"{"ok":true,"items":[],"next_seq":null,"last_seq":0}"#)
    }

    func testReusingAnEarlierReplyKeepsItsStorageAndNothingOfItsText() throws {
        var first = ReplayPageWriter(capacity: 4096)
        Array(#""a long stored result""#.utf8).withUnsafeBytes { first.append(item: $0) }
        let sent = first.finish(nextSeq: 2, lastSeq: 2)
        let capacity = sent.capacity
        var second = ReplayPageWriter(capacity: 16, reusing: sent)
        Array("1".utf8).withUnsafeBytes { second.append(item: $0) }
        let reply = second.finish(nextSeq: nil, lastSeq: 2)
        XCTAssertEqual(String(decoding: reply, as: UTF8.self), #"{"ok":true,"items":[1],"next_seq":null,"last_seq":2}"#)
        XCTAssertGreaterThanOrEqual(reply.capacity, capacity)
    }
}
