/// Which extraction of an article a result is: 1 for its first, then one more each time the article is
/// reprocessed. From 2 on, `supersedes` is the seq of the result it replaces.
public struct Revision: Sendable, Hashable {
    public var number: Int
    public var supersedes: Int64?

    public init(number: Int, supersedes: Int64?) {
        self.number = number
        self.supersedes = supersedes
    }

    public static let first = Revision(number: 1, supersedes: nil)
}
