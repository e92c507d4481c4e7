/// What an article is about: a corpus section (`world`, `sport`, `politics`, …) and its probability.
public struct Topic: Sendable, Hashable {
    public var label: String
    public var score: Double

    public init(label: String, score: Double) {
        self.label = label
        self.score = score
    }

    /// Sections whose articles seldom report an event an analyst wants: their events must be surer.
    public static let offTopic: Set<String> = ["sport", "entertainment", "tech", "travel", "science"]
}
