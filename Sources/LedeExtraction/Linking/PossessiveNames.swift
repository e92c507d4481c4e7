import LedeModel

/// Two English names joined by a possessive are two names: the tagger reads "Germany's DaimlerChrysler",
/// "Nokia's N-Gage" or "Clint Eastwood's Million Dollar Baby" as one span, and then the owner is lost
/// and the whole links to neither. A span is cut at "'s " when what comes before is a name by itself:
/// a listed place, or the text of another name mention of the article. A day or month before it is
/// no name at all ("Saturday's Six Nations"). A possessive inside a name of its own ("People's Bank",
/// "Dead Man's Shoes", "St Egwin's Middle School") stays, since its first part is neither.
enum PossessiveNames {
    static func split(_ mentions: [Mention], lang: String, gazetteer: Gazetteer = .shared) -> [Mention] {
        guard lang == "en", mentions.contains(where: { $0.type.isName && possessiveCut($0.span.text) != nil }) else {
            return mentions
        }
        var typeOf: [String: MentionType] = [:]
        for m in mentions where m.type.isName && possessiveCut(m.span.text) == nil { typeOf[m.span.text] = typeOf[m.span.text] ?? m.type }
        var out: [Mention] = []
        out.reserveCapacity(mentions.count + 1)
        for m in mentions {
            guard m.type.isName, let cut = possessiveCut(m.span.text) else { out.append(m); continue }
            let scalars = Array(m.span.text.unicodeScalars)
            let owner = String(String.UnicodeScalarView(scalars[..<cut.ownerEnd]))
            let rest = String(String.UnicodeScalarView(scalars[cut.restStart...]))
            let ownerIsTime = timeWords.contains(owner)
            // The article's own reading of the owner first: "Nokia" is also a Finnish town.
            guard let ownerType = ownerIsTime ? .miscellaneous : typeOf[owner] ?? (isRegion(owner, gazetteer) ? .location : nil) else {
                out.append(m)
                continue
            }
            if !ownerIsTime {
                var first = m
                first.span.text = owner
                first.span.end = m.span.start + cut.ownerEnd
                first.type = ownerType
                out.append(first)
            }
            var second = m
            second.span.text = rest
            second.span.start = m.span.start + cut.restStart
            second.type = typeOf[rest] ?? (isRegion(rest, gazetteer) ? .location : m.type)
            out.append(second)
        }
        return out
    }

    /// A country or a region, province or state: names no company or person shares as often as
    /// cities' ("Bank", "Nokia" are towns).
    static func isRegion(_ text: String, _ gazetteer: Gazetteer) -> Bool {
        gazetteer.lookup(text).contains { $0.kind != .organization && $0.kind != .city }
    }

    /// Where the owner ends and the rest begins, for a span with "'s " (or "’s ") inside and a
    /// capitalised word after it.
    static func possessiveCut(_ text: String) -> (ownerEnd: Int, restStart: Int)? {
        let s = Array(text.unicodeScalars)
        guard s.count >= 5 else { return nil }
        for i in 1..<(s.count - 3) where (s[i] == "'" || s[i] == "\u{2019}") && s[i + 1] == "s" && s[i + 2] == " " {
            guard s[i - 1].properties.isAlphabetic, s[i + 3].properties.isUppercase else { return nil }
            return (i, i + 3)
        }
        return nil
    }

    static let timeWords: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday",
        "Tomorrow", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
}
