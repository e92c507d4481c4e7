import ArgumentParser
import Foundation
import LedeClient
import LedeWire
import ZeroMQ

struct Subscribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints published messages as JSON lines: {\"topic\", \"seq\", \"message\"}.",
        discussion: "With --from-seq it first replays stored results from that seq, then continues live with no gap and no duplicate. Heartbeats that reveal missed messages trigger a replay with the same filter.")

    @Option(help: "PUB endpoint.") var endpoint: String = "tcp://127.0.0.1:5558"
    @Option(help: "API endpoint (for replay).") var api: String = "tcp://127.0.0.1:5559"
    @Option(name: .customLong("topic"), help: "Topic prefix (repeatable): article, article.vi, event.ASSAULT, reject, heartbeat.") var topics: [String] = []
    @Option(name: .customLong("from-seq")) var fromSeq: Int64?
    @Option(help: "Stop after this many messages.") var count: Int?
    @OptionGroup var client: ClientOptions

    func run() async throws {
        let context = Context()
        let curve = try client.curve()
        let requests = RequestClient(context: context, endpoint: api, timeout: 10, retries: 2, curve: curve)
        let subscription = GapFreeSubscription(context: context, publishEndpoint: endpoint, api: requests, topics: topics)
        subscription.curve = curve
        let out = LineWriter()
        var delivered = 0
        let stop = SignalFlag.install()
        do {
            try subscription.run(fromSeq: fromSeq, shouldStop: { stop.isSet || (count.map { delivered >= $0 } ?? false) }) { d in
                var line = Array("{\"topic\":\"\(d.topic)\",\"seq\":\(d.seq.map(String.init) ?? "null"),\"message\":".utf8)
                line += d.json
                line.append(UInt8(ascii: "}"))
                out.write(line)
                out.flush()
                delivered += 1
            }
        } catch { throw CLIError("\(error)") }
    }
}
