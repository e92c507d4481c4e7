import LedeWire

/// libFuzzer entry: any bytes through the article decoder and the API request decoder. A crash, a
/// hang or an ASan report is a bug; a refusal is the expected answer to garbage.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = ArticleDecoder.decode(bytes, limits: IngestLimits())
    _ = APIRequestDecoder.decode(bytes, limits: IngestLimits())
    if let value = try? JSONReader.parse(bytes) {
        // What we read, we can write back and read again.
        var w = JSONWriter()
        w.value(value)
        precondition((try? JSONReader.parse(w.bytes)) != nil, "a re-encoded value must parse")
    }
    return 0
}
