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
        // The first live message is the first heartbeat: from then on delivery is gap-free, and the
        // producer may start. Every message then takes the consumer 10 ms, a slow consumer on purpose.
        let live = DispatchSemaphore(value: 0)
        subscription.afterLiveMessage = {
            live.signal()
            Thread.sleep(forTimeInterval: 0.01)
        }
        let total = 300
        let pull = service.endpoints.ingestPull!
        let producer = ProducerThread {
            guard live.wait(timeout: .now() + 10) == .success else { throw TestFailure("the subscription never went live") }
            let push = try Socket(Context(), .push)
            try push.setLinger(milliseconds: 10_000)
            try push.connect(pull)
            for i in 0..<total { try push.send(articleJSON(id: "slow-\(i)", body: "Tin nhanh số \(i) từ Hà Nội.")) }
        }
        var seqs: [Int64] = []
        let deadline = Date(timeIntervalSinceNow: 60)
        try subscription.run(fromSeq: nil, shouldStop: { seqs.count >= total || Date() > deadline }) { seqs.append($0.seq ?? -1) }
        XCTAssertNil(producer.failure(), "the producer sent everything")
        XCTAssertEqual(seqs.count, total)
        XCTAssertEqual(Set(seqs), Set(1...Int64(total)), "every result, exactly once")
        XCTAssertGreaterThan(subscription.recoveries, 0, "the publisher dropped messages and heartbeats triggered replays")
    }
}
