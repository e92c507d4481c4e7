import ArgumentParser
import Foundation
import LedeClient
import LedeWire
import ZeroMQ

struct Push: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sends articles: JSON, JSON lines or plain text files ('-' for stdin).",
        discussion: "Without --ack, articles go to the PULL socket (default tcp://127.0.0.1:5557). With --ack, each is submitted on the API (default tcp://127.0.0.1:5559) and retried until the service acknowledges it as committed (refusals that can pass, such as busy or unavailable, are retried too); refused articles are reported on stderr and make the exit code 1.")

    @Option(help: "Endpoint to send to (PULL socket, or the API with --ack).") var endpoint: String?
    @Flag(help: "Wait for each article's durable acknowledgement, retrying until there is one.") var ack = false
    @Option(help: "Language of plain-text files.") var lang: String?
    @Option(name: .customLong("published-at"), help: "Publication date of plain-text files (ISO 8601).") var publishedAt: String?
    @Option(help: "Seconds to wait for each acknowledgement before retrying.") var timeout: Double = 10
    @Option(help: "Retries per article with --ack.") var retries: Int = 30
    @Argument(help: "Files to send; none or '-' reads stdin.") var files: [String] = []
    @OptionGroup var client: ClientOptions

    func run() async throws {
        let wrapping = ArticleFiles.Wrapping(lang: lang, publishedAt: publishedAt)
        var messages: [[UInt8]] = []
        for file in files.isEmpty ? ["-"] : files {
            do { messages += ArticleFiles.messages(in: try ArticleFiles.read(file), wrapping: wrapping) } catch { throw CLIError("\(error)") }
        }
        let context = Context()
        let progress = Progress(total: messages.count)
        var refused = 0
        if ack {
            let requests = RequestClient(context: context, endpoint: endpoint ?? "tcp://127.0.0.1:5559", timeout: timeout, retries: retries, curve: try client.curve())
            for message in messages {
                var reply: JSONValue
                // A refusal that can pass (busy, unavailable, shutting_down, internal) is retried after
                // a growing pause, for as long as the time-outs would have been waited out.
                var pause = 0.1, waited = 0.0
                while true {
                    do { reply = try requests.request(Requests.submit(article: message)) } catch { throw CLIError("\(error)") }
                    guard reply["ok"]?.boolValue != true,
                        let code = reply["error"]?["code"]?.stringValue.flatMap(ErrorCode.init(rawValue:)), code.isRetryable,
                        waited < timeout * Double(retries)
                    else { break }
                    try await Task.sleep(for: .milliseconds(Int(pause * 1000)))
                    waited += pause
                    pause = min(pause * 2, 2)
                }
                if reply["ok"]?.boolValue == true {
                    let id = reply["article_id"]?.stringValue ?? "?", seq = reply["seq"]?.int64Value ?? 0
                    let dup = reply["duplicate"]?.boolValue == true ? " (already stored)" : ""
                    progress.note("\(id) seq \(seq)\(dup)")
                } else {
                    refused += 1
                    FileHandleOutput.stderr("lede: refused: \(reply["error"]?["code"]?.stringValue ?? "?"): \(reply["error"]?["message"]?.stringValue ?? "")")
                }
                progress.advance()
            }
        } else {
            let socket = try Socket(context, .push)
            if let curve = try client.curve() { try socket.makeCurveClient(serverKey: curve.serverKey, publicKey: curve.publicKey, secretKey: curve.secretKey) }
            try socket.setLinger(milliseconds: 30_000)  // deliver what is queued before exiting
            try socket.connect(endpoint ?? "tcp://127.0.0.1:5557")
            for message in messages {
                try socket.send(message)
                progress.advance()
            }
            socket.close()
        }
        progress.finish()
        if refused > 0 { throw ExitCode(1) }
    }
}

/// A progress line on stderr when it is a terminal; one summary line otherwise.
final class Progress {
    let total: Int
    var done = 0
    let terminal = isatty(STDERR_FILENO) != 0
    var lastDraw = Date.distantPast
    var lastNote: String?

    init(total: Int) { self.total = total }

    func note(_ s: String) { lastNote = s }

    func advance() {
        done += 1
        guard terminal, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = Date()
        let width = 30, filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    func finish() {
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        FileHandleOutput.stderr("lede: sent \(done) article(s)" + (lastNote.map { "; last: \($0)" } ?? ""))
    }
}
