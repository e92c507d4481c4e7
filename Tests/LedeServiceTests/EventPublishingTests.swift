import Foundation
import LedeClient
import LedeWire
import XCTest

/// The sample article, through the whole service: its events go out on `event.<TYPE>.<lang>` with the
/// result's seq, and replay finds it by event type and by entity.
final class EventPublishingTests: XCTestCase {
    func testTheSampleArticlesEventsArePublishedUnderTheirTypeAndFoundByReplay() throws {
        let service = try RunningService()
        defer { service.stop() }
        let sub = try service.subscriber(["event.", "article."])
        let ack = try service.submit(articleJSON(id: "syria", body: sampleArticleBody))
        let seq = try XCTUnwrap(ack["seq"]?.int64Value)

        let result = try XCTUnwrap(try service.replay(Requests.replay(fromSeq: seq, toSeq: seq))["items"]?.arrayValue?.first)
        let events = result["events"]?.arrayValue ?? []
        XCTAssertTrue(events.contains { $0["type"]?.stringValue == "ASSAULT" }, "the sample reports assaults")

        let messages = try receive(sub, count: 1 + events.count)
        XCTAssertEqual(messages.first?.topic, "article.vi", "a result is published before its events")
        let eventMessages = messages.dropFirst()
        XCTAssertEqual(eventMessages.count, events.count)
        for m in eventMessages {
            let type = try XCTUnwrap(m.json["event"]?["type"]?.stringValue)
            XCTAssertEqual(m.topic, "event.\(type).vi")
            XCTAssertEqual(m.json["seq"]?.int64Value, seq, "every message derived from a result carries its seq")
        }

        let byType = try service.replay(Requests.replay(fromSeq: 1, types: ["ASSAULT"]))["items"]?.arrayValue ?? []
        XCTAssertEqual(byType.compactMap { $0["article_id"]?.stringValue }, ["syria"])
        let byEntity = try service.replay(Requests.replay(fromSeq: 1, entity: "vladimir putin"))["items"]?.arrayValue ?? []
        XCTAssertEqual(byEntity.compactMap { $0["article_id"]?.stringValue }, ["syria"])
    }

    func testASubscriberToOneEventTypeCatchesUpWithTheSameFilter() throws {
        let service = try RunningService()
        defer { service.stop() }
        _ = try service.submit(articleJSON(id: "syria-1", body: sampleArticleBody))
        _ = try service.submit(articleJSON(id: "other", body: "Hà Nội hôm nay trời đẹp."))
        let subscription = GapFreeSubscription(context: service.context, publishEndpoint: service.endpoints.publish, api: service.requests(), topics: ["event.ASSAULT."])
        XCTAssertEqual(subscription.serverFilter.types, ["ASSAULT"])
        var delivered: [GapFreeSubscription.Delivery] = []
        let deadline = Date(timeIntervalSinceNow: 10)
        try subscription.run(fromSeq: 1, shouldStop: { !delivered.isEmpty && Date() > deadline.addingTimeInterval(-8) || Date() > deadline }) { delivered.append($0) }
        XCTAssertFalse(delivered.isEmpty)
        XCTAssertTrue(delivered.allSatisfy { $0.topic.hasPrefix("event.ASSAULT.") && $0.seq == 1 })
        XCTAssertEqual(Set(delivered.map { String(decoding: $0.json, as: UTF8.self) }).count, delivered.count, "no duplicates")
    }
}
