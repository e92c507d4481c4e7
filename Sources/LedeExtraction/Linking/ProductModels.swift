import LedeModel

/// A product is named by its maker and its model: "OnePlus Nord N10", "Realme C20", "Samsung Galaxy A32",
/// "iPhone 12 Pro". The tagger takes the maker ("OnePlus") and leaves the model, so the span names a
/// company where the text names a phone. A name followed on its line by capitalised words and a model
/// code (a capital, then letters and digits in one word: "N10", "A32") is one product, MISC as the data
/// sets tag it. Not a score or a table (`NumberedNames`); a plain number after a name is `NumberedNames`'.
enum ProductModels {
    /// A model code: a capital first, letters and digits, maybe a "+" ("N10", "A32", "V7+"). Not a
    /// measure or a mixture ("800m", "2in1", which begin with a digit), not a network generation ("5G"),
    /// a quarter or a half-year ("Q2", "H1").
    static func isCode(_ word: [Unicode.Scalar]) -> Bool {
        guard let first = word.first, first.properties.isUppercase else { return false }
        let digits = word.filter { ("0"..."9").contains($0) }.count
        guard digits > 0, word.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" }) else { return false }
        if word.count == 2, "QH".unicodeScalars.contains(first) { return false }
        return true
    }

    /// A digit within the next few words on the line: most names have none after them, and then
    /// nothing more is looked at.
    static func hasDigitSoon(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var k = start
        while k < min(scalars.count, start + 32), scalars[k] != "\n" {
            if ("0"..."9").contains(scalars[k]) { return true }
            k += 1
        }
        return false
    }

    static func joined(_ mentions: [Mention], fields: [AnalyzedText]) -> [Mention] {
        var out = mentions
        var dropped: Set<Int> = []
        for (i, m) in mentions.enumerated() where m.type == .person || m.type == .organization || m.type == .miscellaneous {
            guard let field = fields.first(where: { $0.field == m.span.field }),
                  m.span.end + 1 < field.scalars.count, field.scalars[m.span.end] == " ",
                  field.scalars[m.span.end + 1].properties.isUppercase,
                  hasDigitSoon(field.scalars, from: m.span.end + 1),
                  let next = field.tokenIndex(startingAt: m.span.end + 1) else { continue }
            // The model's words: capitalised words and codes, one space apart, on the name's line.
            var k = next
            var end = m.span.end
            var lastCode: Int?
            while k < field.tokens.count, field.tokens[k].start == end + 1, field.scalars[end] == " " {
                let word = Array(field.tokens[k].text.unicodeScalars)
                if isCode(word) {
                    lastCode = field.tokens[k].end
                } else if !(word.first?.properties.isUppercase == true && word.allSatisfy({ $0.properties.isAlphabetic })) {
                    break
                }
                end = field.tokens[k].end
                k += 1
            }
            guard let codeEnd = lastCode, !NumberedNames.isScore(field.scalars, after: codeEnd),
                  !NumberedNames.hasNumber(field.scalars, before: m.span.start) else { continue }
            // A word after the last code stays outside, but for an edition's ("Galaxy S20 Ultra").
            var close = codeEnd
            if let after = field.tokens[next..<k].first(where: { $0.start == codeEnd + 1 }),
               ["Pro", "Max", "Plus", "Mini", "Ultra", "Lite"].contains(after.text) { close = after.end }
            out[i].type = .miscellaneous
            out[i].span.end = close
            out[i].span.text = String(String.UnicodeScalarView(field.scalars[m.span.start..<close]))
            // Values and names inside the model are the product's now.
            for (j, o) in mentions.enumerated() where j != i && o.span.field == m.span.field && o.span.start >= m.span.end && o.span.start < close {
                dropped.insert(j)
            }
        }
        return dropped.isEmpty ? out : out.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}
