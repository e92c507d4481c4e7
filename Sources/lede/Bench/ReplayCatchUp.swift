import Dispatch
import LedeClient
import LedeWire

/// A consumer catching up on everything stored, as fast as a client can: it pages with `next_seq`,
/// splits every page into whole items, and counts them. The next page is asked for while the current
/// one is split on a second thread, when the end of the reply says where it starts; the `next_seq`
/// read there is checked against the one the split finds.
struct ReplayCatchUp {
    let requests: RequestClient
    var pageSize = 1000
    private let splitting = DispatchQueue(label: "lede.bench.replay-split")

    init(requests: RequestClient) { self.requests = requests }

    /// Replays from seq 1 to the end and returns the number of items received.
    func run() throws -> Int {
        var received = 0
        var reply = try requests.requestBytes(Requests.replay(fromSeq: 1, limit: pageSize))
        while true {
            let split = PageSplit(reply, on: splitting)
            let peeked = ReplayPageBytes.nextSeq(peekingAt: reply)
            var prefetched: [UInt8]?
            if case .some(.some(let next)) = peeked {
                prefetched = try requests.requestBytes(Requests.replay(fromSeq: next, limit: pageSize))
            }
            let page = try split.wait()
            received += page.items.count
            if let peeked, peeked != page.nextSeq {
                throw RequestClient.Failure(description: "next_seq read from the end of a page (\(peeked.map(String.init) ?? "null")) is not the page's (\(page.nextSeq.map(String.init) ?? "null"))")
            }
            guard let next = page.nextSeq else { return received }
            reply = try prefetched ?? requests.requestBytes(Requests.replay(fromSeq: next, limit: pageSize))
        }
    }
}

/// One page being split on another thread.
private final class PageSplit: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once on the splitting thread before `done` is signalled, read after.
    private var result: Result<ReplayPageBytes, any Error>?

    init(_ reply: [UInt8], on queue: DispatchQueue) {
        queue.async {
            self.result = Result { try ReplayPageBytes(reply) }
            self.done.signal()
        }
    }

    func wait() throws -> ReplayPageBytes {
        done.wait()
        return try result!.get()
    }
}
