// PROVISIONAL: the rules helper replaces this with overlap resolution, gazetteer lookups and merging.

/// Resolves overlaps between tagged names and rule values, and merges mentions into entities.
public struct EntityLinker: Sendable {
    public init() {}

    /// Rule values win over names where they overlap; the longest match wins among equals.
    public func merge(names: [Mention], values: [Mention]) -> [Mention] {
        (names + values).sorted { ($0.span.field == .title ? 0 : 1, $0.span.start) < ($1.span.field == .title ? 0 : 1, $1.span.start) }
    }

    /// Sets `entity` on every name mention and returns the entities.
    public func link(_ mentions: inout [Mention], lang: String) -> [Entity] {
        var entities: [Entity] = []
        var byKey: [String: Int] = [:]
        for i in mentions.indices where mentions[i].type.isName {
            let key = mentions[i].type.rawValue + "|" + mentions[i].span.text.lowercased()
            if let id = byKey[key] { mentions[i].entity = id; continue }
            let id = entities.count
            entities.append(Entity(id: id, type: mentions[i].type, name: mentions[i].span.text))
            byKey[key] = id
            mentions[i].entity = id
        }
        return entities
    }
}
