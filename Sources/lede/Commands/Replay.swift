import ArgumentParser
import Foundation
import LedeClient
import LedeWire
import ZeroMQ

struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prints stored results as JSON lines, in seq order.")

    @Option(help: "API endpoint.") var api: String = "tcp://127.0.0.1:5559"
    @Option(name: .customLong("from-seq")) var fromSeq: Int64?
    @Option(name: .customLong("to-seq")) var toSeq: Int64?
    @Option(help: "Committed at or after (ISO 8601).") var since: String?
    @Option(help: "Committed at or before (ISO 8601).") var until: String?
    @Option(name: .customLong("type"), help: "PLOVER event type (repeatable).") var types: [String] = []
    @Option var lang: String?
    @Option var entity: String?
    @Option(help: "Most results to print.") var limit: Int?
    @OptionGroup var client: ClientOptions

    func run() async throws {
        let context = Context()
        let requests = RequestClient(context: context, endpoint: api, timeout: 10, retries: 2, curve: try client.curve())
        let out = LineWriter()
        var printed = 0
        var from: Int64? = fromSeq ?? 1
        while let start = from {
            let pageSize = min(1000, limit.map { $0 - printed } ?? 1000)
            if pageSize <= 0 { break }
            let reply: [UInt8]
            do {
                reply = try requests.requestBytes(Requests.replay(fromSeq: start, toSeq: toSeq, since: since, until: until, types: types, lang: lang, entity: entity, limit: pageSize))
            } catch { throw CLIError("\(error)") }
            // Stored results are passed through byte for byte, not parsed and re-written.
            let page: ReplayPageBytes
            do { page = try ReplayPageBytes(reply) } catch { throw CLIError("\(error)") }
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
