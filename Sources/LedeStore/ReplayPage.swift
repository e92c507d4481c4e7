/// One page of a replay: the results, where the next page starts (nil when this is the last), and the
/// last committed seq overall.
public struct ReplayPage: Sendable, Equatable {
    public var items: [StoredResult]
    public var nextSeq: Int64?
    public var lastSeq: Int64
}
