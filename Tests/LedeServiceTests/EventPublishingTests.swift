import Foundation
import LedeClient
import LedeWire
import XCTest

/// The example article, through the whole service: its events go out on `event.<TYPE>.<lang>` with the
/// result's seq, and replay finds it by event type and by entity.
final class EventPublishingTests: XCTestCase {
    func testTheExampleArticlesEventsArePublishedUnderTheirTypeAndFoundByReplay() throws {
        let service = try RunningService()
        defer { service.stop() }
        let sub = try service.subscriber(["event.", "article."])
        let ack = try service.submit(articleJSON(id: "border", body: exampleArticleBody))
        let seq = try XCTUnwrap(ack["seq"]?.int64Value)

        let result = try XCTUnwrap(try service.replay(Requests.replay(fromSeq: seq, toSeq: seq))["items"]?.arrayValue?.first)
        let events = result["events"]?.arrayValue ?? []
        XCTAssertTrue(events.contains { $0["type"]?.stringValue == "COERCE" }, "the example reports arrests")

        let messages = try receive(sub, count: 1 + events.count)
        XCTAssertEqual(messages.first?.topic, "article.vi", "a result is published before its events")
        let eventMessages = messages.dropFirst()
        XCTAssertEqual(eventMessages.count, events.count)
        for m in eventMessages {
            let type = try XCTUnwrap(m.json["event"]?["type"]?.stringValue)
            XCTAssertEqual(m.topic, "event.\(type).vi")
            XCTAssertEqual(m.json["seq"]?.int64Value, seq, "every message derived from a result carries its seq")
        }

        let byType = try service.replay(Requests.replay(fromSeq: 1, types: ["COERCE"]))["items"]?.arrayValue ?? []
        XCTAssertEqual(byType.compactMap { $0["article_id"]?.stringValue }, ["border"])
        let byEntity = try service.replay(Requests.replay(fromSeq: 1, entity: "phnôm pênh"))["items"]?.arrayValue ?? []
        XCTAssertEqual(byEntity.compactMap { $0["article_id"]?.stringValue }, ["border"])
    }

    func testASubscriberToOneEventTypeCatchesUpWithTheSameFilter() throws {
        let service = try RunningService()
        defer { service.stop() }
        _ = try service.submit(articleJSON(id: "border-1", body: exampleArticleBody))
        _ = try service.submit(articleJSON(id: "other", body: "Hà Nội hôm nay trời đẹp."))
        let subscription = GapFreeSubscription(context: service.context, publishEndpoint: service.endpoints.publish, api: service.requests(), topics: ["event.COERCE."])
        XCTAssertEqual(subscription.serverFilter.types, ["COERCE"])
        var delivered: [GapFreeSubscription.Delivery] = []
        let deadline = Date(timeIntervalSinceNow: 10)
        try subscription.run(fromSeq: 1, shouldStop: { !delivered.isEmpty && Date() > deadline.addingTimeInterval(-8) || Date() > deadline }) { delivered.append($0) }
        XCTAssertFalse(delivered.isEmpty)
        XCTAssertTrue(delivered.allSatisfy { $0.topic.hasPrefix("event.COERCE.") && $0.seq == 1 })
        XCTAssertEqual(Set(delivered.map { String(decoding: $0.json, as: UTF8.self) }).count, delivered.count, "no duplicates")
    }
}
