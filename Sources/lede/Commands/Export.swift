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
    @Option(help: "csv, tsv, jsonl, or geojson (the events that have a place, as points for a map).") var format: String = "csv"
    @Option(help: "Write here instead of stdout.") var out: String?
    @OptionGroup var filterOptions: ReplayFilterOptions
    @OptionGroup var client: ClientOptions

    func run() async throws {
        if api != nil && db != nil { throw ValidationError("--api and --db: give one") }
        guard let format = EventSink.Format(rawValue: format) else {
            throw ValidationError("--format must be csv, tsv, jsonl or geojson, got \"\(format)\"")
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
        FileHandleOutput.stderr("lede: exported \(sink.events - sink.unplaced) events of \(sink.results) results"
            + (sink.unplaced > 0 ? "; \(sink.unplaced) without a place left out" : ""))
    }
}

/// Where exported rows go, flushed in 64 KB pieces: CSV or TSV with a header row, JSON lines, or a GeoJSON
/// FeatureCollection of the events that have a place (a point each, the row as its properties).
struct EventSink {
    enum Format: String, CaseIterable {
        case csv, tsv, jsonl, geojson
    }

    let format: Format
    let handle: FileHandle
    private var delimited: DelimitedWriter?
    private var bytes: [UInt8] = []
    private(set) var results = 0
    private(set) var events = 0
    /// GeoJSON: events left out for want of coordinates.
    private(set) var unplaced = 0

    init(format: Format, handle: FileHandle) {
        self.format = format
        self.handle = handle
        switch format {
        case .csv, .tsv:
            var w = DelimitedWriter(format: format == .csv ? .csv : .tsv)
            w.row(EventTable.columns)
            delimited = w
        case .geojson:
            bytes += Array(#"{"type":"FeatureCollection","features":["#.utf8)
        case .jsonl:
            break
        }
    }

    mutating func result(_ result: JSONValue) {
        results += 1
        for row in EventTable.rows(result: result) {
            events += 1
            switch format {
            case .csv, .tsv:
                delimited!.row(row)
            case .jsonl:
                bytes += Self.object(row)
                bytes.append(0x0A)
            case .geojson:
                let field = Dictionary(uniqueKeysWithValues: zip(EventTable.columns, row))
                guard let lat = field["latitude"], let lon = field["longitude"], !lat.isEmpty, !lon.isEmpty else {
                    unplaced += 1
                    continue
                }
                if events - unplaced > 1 { bytes.append(UInt8(ascii: ",")) }
                // GeoJSON puts longitude first (RFC 7946).
                bytes += Array(#"{"type":"Feature","geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]},"properties":"#.utf8)
                bytes += Self.object(row)
                bytes.append(UInt8(ascii: "}"))
                bytes.append(0x0A)
            }
        }
        if (delimited?.bytes.count ?? bytes.count) > 1 << 16 { flush() }
    }

    /// A row as one JSON object: numbers as numbers (the literal as stored), empty numbers as null.
    static func object(_ row: [String]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        for (key, value) in zip(EventTable.columns, row) {
            w.key(key)
            if EventTable.numericColumns.contains(key) {
                if value.isEmpty { w.null() } else { w.raw(Array(value.utf8)) }
            } else {
                w.string(value)
            }
        }
        w.endObject()
        return w.bytes
    }

    mutating func flush() {
        if delimited != nil {
            handle.write(Data(delimited!.bytes))
            delimited!.bytes.removeAll(keepingCapacity: true)
        } else {
            handle.write(Data(bytes))
            bytes.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish() {
        if format == .geojson { bytes += Array("]}\n".utf8) }
        flush()
        try? handle.synchronize()
    }
}
