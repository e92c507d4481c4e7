import Foundation
import LedeClient
import XCTest
import ZeroMQ

/// ZeroMQ's PUB drops messages for a subscriber that cannot keep up; the gap-free subscription notices
/// through heartbeats and replays, and still ends with every result exactly once.
final class SlowConsumerTests: XCTestCase {
    func testAThrottledSubscriberStillGetsEveryResultExactlyOnce() throws {
        let service = try RunningService { $0.publishHighWaterMark = 5 }
        defer { service.stop() }
        let subscription = GapFreeSubscription(context: service.context, publishEndpoint: service.endpoints.publish, api: service.requests(), topics: ["article."])
        subscription.receiveHighWaterMark = 5
        let total = 300
        var seqs: [Int64] = []
        // The first live message is the first heartbeat: from then on delivery is gap-free, and the
        // producer may start. After its first result the consumer stalls until every result is
        // stored, so the publisher runs far past the high-water mark of 5 and drops the rest.
        let live = DispatchSemaphore(value: 0)
        var stalled = false
        let stats = service.requests()
        subscription.afterLiveMessage = {
            live.signal()
            guard !stalled, !seqs.isEmpty else { return }
            stalled = true
            _ = try? eventually(timeout: 30) {
                try stats.request(Requests.simple("stats"))["results"]?.int64Value ?? 0 >= Int64(total)
            }
        }
        let pull = service.endpoints.ingestPull!
        let producer = ProducerThread {
            guard live.wait(timeout: .now() + 10) == .success else { throw TestFailure("the subscription never went live") }
            let push = try Socket(Context(), .push)
            try push.setLinger(milliseconds: 10_000)
            try push.connect(pull)
            for i in 0..<total { try push.send(articleJSON(id: "slow-\(i)", body: "Tin nhanh số \(i) từ Hà Nội.")) }
        }
        let deadline = Date(timeIntervalSinceNow: 60)
        try subscription.run(fromSeq: nil, shouldStop: { seqs.count >= total || Date() > deadline }) { seqs.append($0.seq ?? -1) }
        XCTAssertNil(producer.failure(), "the producer sent everything")
        XCTAssertEqual(seqs.count, total)
        XCTAssertEqual(Set(seqs), Set(1...Int64(total)), "every result, exactly once")
        XCTAssertGreaterThan(subscription.recoveries, 0, "the publisher dropped messages and heartbeats triggered replays")
    }
}
