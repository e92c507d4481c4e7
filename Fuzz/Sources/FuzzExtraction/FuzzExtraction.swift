import LedeExtraction

let extractor: Extractor = {
    do { return try Extractor() } catch { fatalError("the shipped models load: \(error)") }
}()

/// libFuzzer entry: arbitrary text (decoded leniently as UTF-8) through the whole extraction pipeline,
/// checking the offset contract on every mention.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for lang in ["vi", "en"] {
        let article = Article(id: "fuzz", body: text, lang: lang, publishedAt: PublicationDate(year: 2017, month: 12, day: 7))
        let result = extractor.extract(article)
        let scalars = Array(text.unicodeScalars)
        for m in result.mentions {
            precondition(m.span.start >= 0 && m.span.start <= m.span.end && m.span.end <= scalars.count, "offsets in range")
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[m.span.start..<m.span.end])
            precondition(String(v) == m.span.text, "text matches its offsets")
        }
    }
    return 0
}
