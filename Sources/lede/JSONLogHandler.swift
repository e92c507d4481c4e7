import Foundation
import LedeWire
import Logging

/// `--log-format json`: one JSON object a line on stderr, `{"time","level","label","message", …metadata}`,
/// for log collectors that parse fields instead of text.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    /// One writer for the process: lines from several threads never interleave.
    private static let lock = NSLock()

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message, extra = event.metadata
        var w = JSONWriter()
        w.beginObject()
        w.key("time"); w.string(Timestamps.iso8601(millisSince1970: Int64(Date().timeIntervalSince1970 * 1000)))
        w.key("level"); w.string(level.rawValue)
        w.key("label"); w.string(label)
        w.key("message"); w.string(message.description)
        for (key, value) in metadata.merging(extra ?? [:], uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key })
        where !["time", "level", "label", "message"].contains(key) {
            w.key(key); w.string("\(value)")
        }
        if let error = event.error { w.key("error"); w.string("\(error)") }
        w.endObject()
        let bytes = w.bytes + [0x0A]
        Self.lock.withLock { FileHandle.standardError.write(Data(bytes)) }
    }
}
