import LedeModel

extension ExtractionResult {
    /// The lower-cased names replay's entity filter finds a result by: each entity's canonical name and
    /// the text of each name mention. Every store indexes these.
    public var entityNameKeys: Set<String> {
        var names = Set<String>()
        for m in mentions where m.type.isName {
            // Most name mentions read exactly as their entity's name, whose key is added below: lowercasing
            // (Unicode case mapping) and hashing the same text again cost more than comparing its bytes.
            if !readsAsItsEntityName(m) { names.insert(m.span.text.lowercased()) }
        }
        for e in entities { names.insert(e.name.lowercased()) }
        return names
    }

    /// Whether a mention's text is, byte for byte, the name of the entity it refers to.
    private func readsAsItsEntityName(_ m: Mention) -> Bool {
        guard let index = m.entity, entities.indices.contains(index) else { return false }
        return m.span.text.utf8.elementsEqual(entities[index].name.utf8)
    }
}
