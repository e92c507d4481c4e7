/// One page of a replay: the results, where the next page starts (nil when this is the last), and the
/// last committed seq overall.
public struct ReplayPage: Sendable, Equatable {
    public var items: [StoredResult]
    public var nextSeq: Int64?
    public var lastSeq: Int64
    /// Set when the replay started in a pruned range: the first seq that may still be stored.
    public var prunedBefore: Int64?
}
