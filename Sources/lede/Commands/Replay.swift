import ArgumentParser
import Foundation
import LedeClient
import LedeModel
import LedeWire
import ZeroMQ

struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prints stored results as JSON lines, in seq order.")

    @Option(help: "API endpoint.") var api: String = "tcp://127.0.0.1:5559"
    @OptionGroup var filterOptions: ReplayFilterOptions
    @Option(help: "Most results to print.") var limit: Int?
    @OptionGroup var client: ClientOptions

    func run() async throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        var filter = try filterOptions.filter()
        let context = Context()
        let requests = RequestClient(context: context, endpoint: api, timeout: 10, retries: 2, curve: try client.curve())
        let out = LineWriter()
        var printed = 0
        var from: Int64? = filter.fromSeq
        while let start = from {
            let pageSize = min(ReplayFilter.maxLimit, limit.map { $0 - printed } ?? ReplayFilter.maxLimit)
            if pageSize <= 0 { break }
            filter.fromSeq = start
            filter.limit = pageSize
            let reply: [UInt8]
            do {
                reply = try requests.requestBytes(Requests.replay(filter))
            } catch { throw CLIError("\(error)") }
            // Stored results are passed through byte for byte, not parsed and re-written.
            let page: ReplayPageBytes
            do { page = try ReplayPageBytes(reply) } catch { throw CLIError("\(error)") }
            if start == filterOptions.fromSeq ?? 1, let pruned = page.prunedBefore {
                FileHandleOutput.stderr("lede: results before seq \(pruned) were pruned; replaying what is left")
            }
            for item in page.items { out.write(item) }
            printed += page.items.count
            from = page.nextSeq
        }
        out.flush()
    }
}

/// Options shared by the client commands.
struct ClientOptions: ParsableArguments {
    @Option(name: .customLong("server-key"), help: "The service's CURVE public key file (enables CURVE).") var serverKey: String?
    @Option(name: .customLong("client-key"), help: "Prefix of this client's key pair from `lede keygen` (PREFIX.key, PREFIX.pub).") var clientKey: String?

    func curve() throws -> ClientCurve? {
        guard let serverKey else { return nil }
        guard let clientKey else { throw ValidationError("--server-key needs --client-key") }
        return ClientCurve(
            serverKey: try KeyFile.read(serverKey), publicKey: try KeyFile.read(clientKey + ".pub"),
            secretKey: try KeyFile.read(clientKey + ".key"))
    }
}
