import LedeModel

/// Articles as JSON, for producers (`lede push` wrapping text files) and for `get`.
public enum ArticleEncoding {
    /// The article object with its body; reads back through `ArticleDecoder.decode` to an equal article.
    public static func json(_ a: Article) -> [UInt8] {
        var w = JSONWriter(capacity: a.body.utf8.count + 256)
        w.article(a)
        return w.bytes
    }
}
