import ArgumentParser
import Foundation
import LedeClient
import LedeModel
import LedeStore
import LedeWire
import ZeroMQ

/// `lede export`: one row per event, for analysts, from a running service's API or straight from a
/// database file, with replay's filters. Results are read a page at a time and written as they come,
/// so memory stays flat however many events there are.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes one row per stored event (CSV, TSV or JSON lines) with a header row.",
        discussion: "From --api (a running service, the default) or --db (a database file). Every revision is exported unless --latest; the revision column tells them apart. Columns: Protocols/README.md.")

    @Option(help: "API endpoint of a running service.") var api: String?
    @Option(help: "A database file to read instead of a service.") var db: String?
    @Option(help: "csv, tsv or jsonl.") var format: String = "csv"
    @Option(help: "Write here instead of stdout.") var out: String?
    @OptionGroup var filterOptions: ReplayFilterOptions
    @OptionGroup var client: ClientOptions

    func run() async throws {
        if api != nil && db != nil { throw ValidationError("--api and --db: give one") }
        guard format == "jsonl" || DelimitedWriter.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be csv, tsv or jsonl, got \"\(format)\"")
        }
        let filter = try filterOptions.filter()
        if let db, !FileManager.default.fileExists(atPath: db) { throw CLIError("no database at \(db)") }
        let handle: FileHandle
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: nil), let h = FileHandle(forWritingAtPath: out) else {
                throw CLIError("cannot write \(out)")
            }
            handle = h
        } else {
            handle = .standardOutput
        }
        var sink = EventSink(format: format, handle: handle)
        do {
            if let db {
                let store = try Store(path: db, mapsReads: false)
                var page = filter
                while true {
                    let bounds = try store.replay(page) { row in try row.withJSON { sink.result(try JSONReader.parse([UInt8]($0))) } }
                    guard let next = bounds.nextSeq else { break }
                    page.fromSeq = next
                }
            } else {
                let requests = RequestClient(
                    context: Context(), endpoint: api ?? "tcp://127.0.0.1:5559", timeout: 30, retries: 2, curve: try client.curve())
                var page = filter
                while true {
                    let reply = try ReplayPageBytes(try requests.requestBytes(Requests.replay(page)))
                    for item in reply.items { sink.result(try JSONReader.parse(Array(item))) }
                    guard let next = reply.nextSeq else { break }
                    page.fromSeq = next
                }
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
        sink.finish()
        FileHandleOutput.stderr("lede: exported \(sink.events) events of \(sink.results) results")
    }
}

/// Where exported rows go: a header first, then each result's events, flushed in 64 KB pieces.
struct EventSink {
    let format: String
    let handle: FileHandle
    private var writer: DelimitedWriter?
    private var lines: [UInt8] = []
    private(set) var results = 0
    private(set) var events = 0

    init(format: String, handle: FileHandle) {
        self.format = format
        self.handle = handle
        if let delimited = DelimitedWriter.Format(rawValue: format) {
            var w = DelimitedWriter(format: delimited)
            w.row(EventTable.columns)
            writer = w
        }
    }

    mutating func result(_ result: JSONValue) {
        results += 1
        for row in EventTable.rows(result: result) {
            events += 1
            if writer != nil {
                writer!.row(row)
            } else {
                var w = JSONWriter()
                w.beginObject()
                for (key, value) in zip(EventTable.columns, row) {
                    w.key(key)
                    if value.isEmpty, EventTable.numericColumns.contains(key) {
                        w.null()
                    } else if EventTable.numericColumns.contains(key) {
                        w.raw(Array(value.utf8))  // the number literal as stored
                    } else {
                        w.string(value)
                    }
                }
                w.endObject()
                lines += w.bytes
                lines.append(0x0A)
            }
        }
        if (writer?.bytes.count ?? lines.count) > 1 << 16 { flush() }
    }

    mutating func flush() {
        if writer != nil {
            handle.write(Data(writer!.bytes))
            writer!.bytes.removeAll(keepingCapacity: true)
        } else {
            handle.write(Data(lines))
            lines.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish() {
        flush()
        try? handle.synchronize()
    }
}
