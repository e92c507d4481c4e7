import Hummingbird
import LedeModel
import LedeStore
import LedeWire
import NIOCore

/// `/v1/replay`: stored results as JSON lines in seq order, read page by page (so an answer of any
/// size streams in bounded memory) until the filter's end; `total` bounds the whole answer when the
/// request gave a `limit`.
enum ReplayLines {
    static func write(_ store: any ResultStore, _ filter: ReplayFilter, total: Int?, to writer: inout any ResponseBodyWriter) async throws {
        var page = filter
        var remaining = total ?? Int.max
        while remaining > 0 {
            page.limit = min(ReplayFilter.maxLimit, remaining)
            var buffer = ByteBuffer()
            var count = 0
            let bounds = try store.replay(page) { row in
                try row.withJSON { json in
                    buffer.writeBytes(json)
                    buffer.writeInteger(UInt8(ascii: "\n"))
                }
                count += 1
            }
            try await writer.write(buffer)
            remaining -= count
            guard let next = bounds.nextSeq else { break }
            page.fromSeq = next
        }
        try await writer.finish(nil)
    }
}
