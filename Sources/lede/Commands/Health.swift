import ArgumentParser
import Foundation
import LedeClient
import LedeWire
import ZeroMQ

/// `lede health`: the API's `health` as one JSON line; exit 0 when the service takes input, 1 otherwise
/// (the store refuses writes, it is stopping, or it does not answer). A container's HEALTHCHECK.
struct Health: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Asks a running service how it is; exits 0 when healthy, 1 otherwise.")

    @OptionGroup var options: OneRequestOptions

    func run() async throws {
        let reply = try options.ask(Requests.simple("health"))
        print(String(decoding: reply.bytes, as: UTF8.self))
        guard reply.json["status"]?.stringValue == "ok" else { throw ExitCode(1) }
    }
}

/// `lede stats`: the API's counters as one JSON line.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prints a running service's counters as one JSON line.")

    @OptionGroup var options: OneRequestOptions

    func run() async throws {
        let reply = try options.ask(Requests.simple("stats"))
        print(String(decoding: reply.bytes, as: UTF8.self))
    }
}

/// `lede get ID`: a stored article with its result as one JSON line; exit 1 when there is none.
struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prints a stored article and its result as one JSON line.")

    @OptionGroup var options: OneRequestOptions
    @Argument(help: "The article's id.") var id: String

    func run() async throws {
        let reply = try options.ask(Requests.get(articleID: id))
        print(String(decoding: reply.bytes, as: UTF8.self))
    }
}

/// Where `health`, `stats` and `get` ask, and for how long.
struct OneRequestOptions: ParsableArguments {
    @Option(help: "API endpoint.") var api: String = "tcp://127.0.0.1:5559"
    @Option(help: "Seconds to wait for the answer.") var timeout: Double = 5
    @OptionGroup var client: ClientOptions

    /// One request; the reply as sent and parsed. A refusal (`"ok": false`) becomes the command's
    /// one-line error and exit 1.
    func ask(_ request: [UInt8]) throws -> (bytes: [UInt8], json: JSONValue) {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        let requests = RequestClient(context: Context(), endpoint: api, timeout: timeout, retries: 0, curve: try client.curve())
        let bytes: [UInt8]
        let json: JSONValue
        do {
            bytes = try requests.requestBytes(request)
            json = try JSONReader.parse(bytes)
        } catch { throw CLIError("\(error)") }
        if json["ok"]?.boolValue == false {
            throw CLIError("\(json["error"]?["code"]?.stringValue ?? "error"): \(json["error"]?["message"]?.stringValue ?? "")")
        }
        return (bytes, json)
    }
}
