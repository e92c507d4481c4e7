/// Bounds the reader enforces while parsing, so hostile input costs bounded time and memory.
public struct JSONLimits: Sendable, Hashable {
    /// Maximum nesting of arrays and objects (the top-level container is depth 1).
    public var maxDepth: Int
    /// Maximum length of one string, in UTF-8 bytes after unescaping.
    public var maxStringBytes: Int
    /// Maximum members of one object or elements of one array.
    public var maxMembers: Int
    /// Maximum length of one number literal, in characters.
    public var maxNumberLength: Int

    public init(
        maxDepth: Int = 64, maxStringBytes: Int = 16 << 20, maxMembers: Int = 10_000,
        maxNumberLength: Int = 1_000
    ) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxMembers = maxMembers
        self.maxNumberLength = maxNumberLength
    }
}
