/// Limits on incoming articles and API requests. Defaults are safe for a public ingest socket.
public struct IngestLimits: Sendable, Hashable {
    /// A message over this many bytes is refused (`too_large`) before it is parsed.
    public var maxMessageBytes: Int
    /// `body` longer than this many Unicode scalars is refused (`body_too_long`).
    public var maxBodyScalars: Int
    /// `title` longer than this many Unicode scalars is refused (`title_too_long`).
    public var maxTitleScalars: Int
    /// An article object with more top-level keys is refused (`too_many_fields`).
    public var maxFields: Int
    /// A multipart message with more frames is refused (`too_many_frames`).
    public var maxFrames: Int
    /// Nesting of arrays and objects in an article (inside `meta`, say) beyond this is refused (`too_deep`).
    public var maxDepth: Int

    public init(
        maxMessageBytes: Int = 1 << 20, maxBodyScalars: Int = 200_000, maxTitleScalars: Int = 2_000,
        maxFields: Int = 64, maxFrames: Int = 2, maxDepth: Int = 16
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxBodyScalars = maxBodyScalars
        self.maxTitleScalars = maxTitleScalars
        self.maxFields = maxFields
        self.maxFrames = maxFrames
        self.maxDepth = maxDepth
    }

    /// The reader limits that go with these ingest limits.
    var jsonLimits: JSONLimits {
        JSONLimits(maxDepth: maxDepth, maxStringBytes: maxMessageBytes, maxMembers: 10_000, maxNumberLength: 1_000)
    }
}
