/// Writes a `replay` reply item by item: `{"ok":true,"items":[…],"next_seq","last_seq"}`. Each stored
/// result's JSON is embedded as is, copied once from wherever it lies (SQLite's buffer while a page is
/// streamed), so a page is never held twice.
public struct ReplayPageWriter: Sendable {
    private var writer: JSONWriter
    public private(set) var itemCount = 0

    /// `reusing` hands back the bytes of an earlier reply once sent: its storage is kept, so large pages
    /// do not allocate (and fault in) fresh memory each time.
    public init(capacity: Int = 64 * 1024, reusing storage: consuming [UInt8] = []) {
        writer = JSONWriter(capacity: 0)
        writer.bytes = consume storage
        writer.bytes.removeAll(keepingCapacity: true)
        writer.bytes.reserveCapacity(capacity)
        writer.beginObject()
        writer.rawKey("\"ok\":")
        writer.bool(true)
        writer.rawKey("\"items\":")
        writer.beginArray()
    }

    /// Appends one stored result, which must be one complete JSON value (not checked).
    public mutating func append(item json: UnsafeRawBufferPointer) {
        writer.raw(json)
        itemCount += 1
    }

    /// Closes the page; `nextSeq` is null when there is nothing more to page through. `prunedBefore`,
    /// when the replay started in a pruned range, is the first seq that may still be stored.
    public consuming func finish(nextSeq: Int64?, lastSeq: Int64, prunedBefore: Int64? = nil) -> [UInt8] {
        writer.endArray()
        writer.rawKey("\"next_seq\":")
        if let nextSeq { writer.int64(nextSeq) } else { writer.null() }
        writer.rawKey("\"last_seq\":")
        writer.int64(lastSeq)
        if let prunedBefore {
            writer.rawKey("\"pruned_before\":")
            writer.int64(prunedBefore)
        }
        writer.endObject()
        return writer.bytes
    }
}
