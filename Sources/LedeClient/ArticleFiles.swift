import Foundation
import LedeWire

/// Reads what `lede push` and `lede extract` take: a JSON article, JSON lines, or plain text (wrapped
/// as `{"body": …}`, with the language and publication date given on the command line).
public enum ArticleFiles {
    public struct Wrapping: Sendable {
        public var lang: String?
        public var publishedAt: String?
        public init(lang: String? = nil, publishedAt: String? = nil) {
            self.lang = lang
            self.publishedAt = publishedAt
        }
    }

    /// The messages of one input, each a JSON article as bytes (not validated: the service decides).
    public static func messages(in data: [UInt8], wrapping: Wrapping = .init()) -> [[UInt8]] {
        var start = 0
        while start < data.count, [0x20, 0x09, 0x0A, 0x0D].contains(data[start]) { start += 1 }
        if start < data.count, data[start] == UInt8(ascii: "{") {
            // One JSON document, or JSON lines.
            if (try? JSONReader.parse(data)) != nil { return [Array(data)] }
            return data.split(separator: 0x0A, omittingEmptySubsequences: true)
                .map { Array($0) }
                .filter { line in line.contains { ![0x20, 0x09, 0x0D].contains($0) } }
        }
        let text = String(decoding: data, as: UTF8.self)
        return [plainText(text, wrapping: wrapping)]
    }

    /// Plain text as an article: the whole text is the body.
    public static func plainText(_ text: String, wrapping: Wrapping) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("body"); w.string(text)
        if let lang = wrapping.lang { w.key("lang"); w.string(lang) }
        if let published = wrapping.publishedAt { w.key("published_at"); w.string(published) }
        w.endObject()
        return w.bytes
    }

    /// Reads a file, or standard input for "-".
    public static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RequestClient.Failure(description: "cannot read \(path)")
        }
        return [UInt8](data)
    }
}
