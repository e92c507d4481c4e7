import LedeModel
/// The BIO tags of the entity tagger: O, then B- and I- for PER, LOC, ORG and MISC, as numbers 0...8.
enum EntityTag {
    static let count = 9
    static let outside: UInt8 = 0
    static let types: [MentionType] = [.person, .location, .organization, .miscellaneous]

    static func begin(_ type: MentionType) -> UInt8? {
        types.firstIndex(of: type).map { UInt8(1 + 2 * $0) }
    }

    static func isBegin(_ tag: UInt8) -> Bool { tag != 0 && tag & 1 == 1 }
    static func isInside(_ tag: UInt8) -> Bool { tag != 0 && tag & 1 == 0 }
    static func type(_ tag: UInt8) -> MentionType? { tag == 0 ? nil : types[Int(tag - 1) / 2] }

    /// Whether `current` may follow `previous` (nil at the start): an I- tag only continues its own type.
    static func allowed(_ previous: UInt8?, _ current: UInt8) -> Bool {
        guard isInside(current) else { return true }
        guard let previous, previous != 0 else { return false }
        return (previous + 1) / 2 == current / 2
    }

    /// Token ranges and types of the entities a tag sequence marks.
    static func spans(_ tags: [UInt8]) -> [(tokens: Range<Int>, type: MentionType)] {
        var out: [(tokens: Range<Int>, type: MentionType)] = []
        var k = 0
        while k < tags.count {
            guard let type = type(tags[k]) else { k += 1; continue }
            let start = k
            k += 1
            while k < tags.count, isInside(tags[k]), self.type(tags[k]) == type { k += 1 }
            out.append((start..<k, type))
        }
        return out
    }
}
