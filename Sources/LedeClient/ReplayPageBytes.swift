import LedeWire

/// A `replay` reply split into its items without parsing them: each item is the stored result's JSON
/// exactly as the service sent it, ready to pass on. The split checks the page's structure (see
/// `JSONBoundaries`), not the text inside the items, which the service wrote itself.
public struct ReplayPageBytes {
    public var items: [ArraySlice<UInt8>] = []
    /// The `from_seq` of the next page; nil when this page is the last.
    public var nextSeq: Int64?
    /// The last committed seq when the page was read.
    public var lastSeq: Int64?
    /// Set when the replay started in a pruned range: the first seq that may still be stored.
    public var prunedBefore: Int64?

    /// The `next_seq` of a reply (nil inside when there is no next page), read from its end without
    /// splitting it, so the next page can be asked for first; nil when the reply does not end with it.
    /// `init` reads the same field again from the whole page.
    public static func nextSeq(peekingAt reply: [UInt8]) -> Int64?? {
        guard let next = JSONBoundaries.trailingScalarMembers(reply).first(where: { $0.key == "next_seq" })?.value else { return nil }
        if reply[next] == ArraySlice("null".utf8) { return .some(nil) }
        return Int64(String(decoding: reply[next], as: UTF8.self)).map { .some($0) }
    }

    public init(_ reply: [UInt8]) throws {
        // One pass finds the members and the items.
        let (members, items) = try JSONBoundaries.members(reply, splitting: "items")
        func value(_ key: String) -> Range<Int>? { members.first { $0.key == key }?.value }
        guard let ok = value("ok"), reply[ok] == ArraySlice("true".utf8), value("items") != nil else {
            let parsed = try? JSONReader.parse(reply)
            throw RequestClient.Failure(description: "replay refused: \(parsed?["error"]?["code"]?.stringValue ?? "?"): \(parsed?["error"]?["message"]?.stringValue ?? "")")
        }
        self.items = items.map { reply[$0] }
        func integer(_ key: String) -> Int64? { value(key).flatMap { Int64(String(decoding: reply[$0], as: UTF8.self)) } }
        nextSeq = integer("next_seq")
        lastSeq = integer("last_seq")
        prunedBefore = integer("pruned_before")
    }
}
