/// A store failure an operator can act on: what was being done, and the underlying error.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var underlying: String

    public var description: String { "\(operation): \(underlying)" }
}
