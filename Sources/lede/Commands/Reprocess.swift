import ArgumentParser
import Foundation
import LedeClient
import LedeModel
import LedeWire
import ZeroMQ

/// `lede reprocess`: the running service extracts stored articles again with its current extractor.
/// Each new result is the article's next revision, with a new seq, published like any result.
struct Reprocess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Makes the running service re-extract stored articles with its current extractor.",
        discussion: """
            Takes the articles whose newest result is in the range (seq and commit time, as replay reads them); \
            without a range, every stored article. Live input keeps flowing: the job has a few articles in the \
            service's queue at a time. Prints progress on stderr and, at the end, one JSON line.
            """)

    @Option(help: "API endpoint.") var api: String = "tcp://127.0.0.1:5559"
    @Option(name: .customLong("from-seq")) var fromSeq: Int64?
    @Option(name: .customLong("to-seq")) var toSeq: Int64?
    @Option(help: "Committed at or after (ISO 8601).") var since: String?
    @Option(help: "Committed at or before (ISO 8601).") var until: String?
    @Flag(help: "Start the job and return; `lede stats` shows its progress.") var detach = false
    @Option(help: "Seconds between progress lines.") var interval: Double = 1
    @OptionGroup var client: ClientOptions

    func run() async throws {
        guard interval > 0 else { throw ValidationError("--interval must be a positive number of seconds") }
        let filter = try ReplayFilterOptions.filter(fromSeq: fromSeq, toSeq: toSeq, since: since, until: until)
        let requests = RequestClient(context: Context(), endpoint: api, timeout: 10, retries: 0, curve: try client.curve())
        let started = try ask(requests, Requests.reprocess(filter))
        guard let job = started["job"]?.intValue, let total = started["articles"]?.intValue else {
            throw CLIError("unexpected reply to reprocess: \(started)")
        }
        if detach || total == 0 {
            print(#"{"job":\#(job),"articles":\#(total),"through_seq":\#(started["through_seq"]?.intValue ?? 0),"done":\#(total == 0)}"#)
            return
        }
        let begin = Date()
        while true {
            try await Task.sleep(for: .seconds(interval))
            let stats = try ask(requests, Requests.simple("stats"))
            guard stats["reprocess.job"]?.intValue == job else { throw CLIError("the service no longer reports job \(job) (restarted?)") }
            let done = stats["reprocess.done"]?.intValue ?? 0
            let seconds = Date().timeIntervalSince(begin)
            let rate = Double(done) / max(seconds, 0.001)
            if stats["reprocess.running"]?.intValue == 0 {
                print(#"{"job":\#(job),"articles":\#(done),"through_seq":\#(stats["reprocess.through_seq"]?.intValue ?? 0),"seconds":\#(format(seconds, 2)),"per_second":\#(format(rate, 0))}"#)
                return
            }
            FileHandleOutput.stderr("reprocess \(job): \(done) of \(total) articles (\(format(Double(done) * 100 / Double(max(total, 1)), 0)) %), \(format(rate, 0))/s")
        }
    }

    private func ask(_ requests: RequestClient, _ request: [UInt8]) throws -> JSONValue {
        let reply: JSONValue
        do { reply = try JSONReader.parse(try requests.requestBytes(request)) } catch { throw CLIError("\(error)") }
        if reply["ok"]?.boolValue != true {
            throw CLIError("\(reply["error"]?["code"]?.stringValue ?? "refused"): \(reply["error"]?["message"]?.stringValue ?? "")")
        }
        return reply
    }
}
