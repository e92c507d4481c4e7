import LedeModel

/// A number right after an organisation's or a work's name is often part of it: "BBC Radio 4",
/// "Channel 4", "PlayStation 3", "Halo 2", "Firefox 1.0", "FTSE 100", "Maroon 5", and a year after an
/// event's ("Oscar 2021", "Euro 2004"). The value rules read the number as a quantity or a date of its
/// own, so the name lost it and the article gained a value it does not state. A number that is a
/// score stays a value ("Barbarians 19 Combined Services 3", "Italy 38-15"), and so does one after a
/// person or a place, where a name seldom has a number.
enum NumberedNames {
    static func joined(_ mentions: [Mention], fields: [AnalyzedText]) -> [Mention] {
        // Most articles have no organisation's or work's name with a digit after its space: look no further.
        func digitAfter(_ m: Mention) -> Bool {
            guard m.type == .organization || m.type == .miscellaneous,
                  let scalars = fields.first(where: { $0.field == m.span.field })?.scalars,
                  m.span.end + 1 < scalars.count, scalars[m.span.end] == " " else { return false }
            return ("0"..."9").contains(scalars[m.span.end + 1])
        }
        guard mentions.contains(where: digitAfter) else { return mentions }
        var out: [Mention] = []
        out.reserveCapacity(mentions.count)
        var skip: Set<Int> = []
        for (i, m) in mentions.enumerated() {
            if skip.contains(i) { continue }
            guard digitAfter(m),
                  let j = mentions.indices.first(where: { mentions[$0].span.field == m.span.field && mentions[$0].span.start == m.span.end + 1 }),
                  mentions[j].type == .quantity || mentions[j].type == .date,
                  let scalars = fields.first(where: { $0.field == m.span.field })?.scalars,
                  isNameNumber(mentions[j].span.text, date: mentions[j].type == .date),
                  !isScore(scalars, after: mentions[j].span.end), !hasNumber(scalars, before: m.span.start)
            else {
                out.append(m)
                continue
            }
            let number = mentions[j]
            var joined = m
            joined.span.end = number.span.end
            joined.span.text = String(String.UnicodeScalarView(scalars[m.span.start..<number.span.end]))
            out.append(joined)
            skip.insert(j)
        }
        // A value that came before its name in the list is left out too.
        return skip.isEmpty ? out : out.filter { o in !skip.contains(where: { mentions[$0] == o }) }
    }

    /// Up to three digits or a version ("1.0"); a date only as a bare year ("2021").
    /// A number a few characters before the name, on its line: the second side of a score ("Pohang 3
    /// Ulsan 2") or a scorecard ("(P. Simmons 4-38), Leicestershire 296").
    static func hasNumber(_ scalars: [Unicode.Scalar], before start: Int) -> Bool {
        var k = start - 1
        while k >= max(0, start - 12), scalars[k] != "\n" {
            if ("0"..."9").contains(scalars[k]) { return true }
            // The end of the sentence before: its numbers are its own.
            if k + 1 < start, scalars[k + 1] == " ", [".", "!", "?"].contains(scalars[k]) { return false }
            k -= 1
        }
        return false
    }

    static func isNameNumber(_ text: String, date: Bool) -> Bool {
        let s = Array(text.unicodeScalars)
        let digit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        if date { return s.count == 4 && s.allSatisfy(digit) && (s[0] == "1" || s[0] == "2") }
        if s.count <= 3, s.allSatisfy(digit) { return true }
        return s.count <= 5 && s.filter({ $0 == "." }).count == 1 && s.first.map(digit) == true && s.last.map(digit) == true
    }

    /// A score or a table: a dash or a colon after the number, another number within a few words
    /// ("Chelsea 5 3 1 1", "Somerset 83 and 174"), or another capitalised name and a number soon after it
    /// ("Barbarians 19 Combined Services 3").
    static func isScore(_ scalars: [Unicode.Scalar], after end: Int) -> Bool {
        var k = end
        while k < scalars.count, scalars[k] == " " { k += 1 }
        guard k < scalars.count else { return false }
        if ["-", "\u{2013}", ":"].contains(scalars[k]) { return true }
        var near = k
        while near < min(scalars.count, end + 12), scalars[near] != "\n" {
            if ("0"..."9").contains(scalars[near]) { return true }
            near += 1
        }
        guard scalars[k].properties.isUppercase else { return false }
        var seen = 0
        while k < scalars.count, seen < 40, scalars[k] != "\n", scalars[k] != "," {
            if ("0"..."9").contains(scalars[k]) { return true }
            k += 1
            seen += 1
        }
        return false
    }
}
