import LedeModel
/// Finds values — dates, times, money, percentages and quantities — with normalised values:
///
/// | type | examples | value |
/// |---|---|---|
/// | DATE | "ngày 7/12", "sáng 7/12", "10/12/2017", "December 7, 2017", "hôm qua", "last Tuesday" | `2017-12-07` |
/// | DATE | "tháng 12", "December 2017", "tháng trước" / "năm 2015", "năm ngoái" / "tuần trước" | `2017-12` / `2015` / `2017-W48` |
/// | TIME | "8h30", "8:30", "8 giờ tối", "10 a.m." | `08:30`, `20:00`, `10:00` |
/// | MONEY | "5 triệu USD", "2,5 tỷ đồng", "$5 million", "£3bn" | `5000000 USD`, `2500000000 VND` |
/// | PERCENT | "5,2%", "5.2 per cent", "15 phần trăm" | `5.2`, `15` |
/// | QUANTITY | "340.000" (vi), "340,000" (en), "hơn 550 tay súng", "100 chuyến", "3 ngày" | `340000`, `550` |
///
/// Dates without a year take the year that puts them nearest the publication date, leaning to the past
/// ("ngày 28/12" in an article of 3 January 2018 is 2017-12-28) unless the text points forward ("tới",
/// "next"). Without a publication date, relative dates get no value and a day or month without a year
/// gets TimeML's unknown year: `XXXX-12-07`, `XXXX-12`.
/// Spans include a cue word that is part of the expression ("ngày", "sáng", "hơn") and count code points
/// into the field as received; the rules scan the original scalars, not the tagger's tokens.
public enum ValueRules {
    public static func find(in text: AnalyzedText, lang: String, publishedAt: PublicationDate?) -> [Mention] {
        let tokens = RuleToken.scan(text.scalars)
        let scanner = RuleScanner(tokens: tokens, scalars: text.scalars, vi: lang == "vi", pub: publishedAt)
        var out: [Mention] = []
        var lastDay = publishedAt?.iso  // for "cùng ngày", "the same day"
        var i = 0
        while i < tokens.count {
            if var m = scanner.match(at: i) ?? scanner.sameDay(at: i) {
                if m.type == .date {
                    if m.value == nil, scanner.sameDay(at: m.first) != nil { m.value = lastDay }
                    if let v = m.value, v.utf8.count == 10, !v.hasPrefix("X") { lastDay = v }
                }
                let start = tokens[m.first].start
                let end = tokens[m.last].end
                let unit = m.unitTokens.map { text.text(tokens[$0.lowerBound].start, tokens[$0.upperBound].end).lowercased() }
                out.append(Mention(type: m.type, span: text.span(start, end), value: m.value, unit: unit, source: "rule"))
                i = m.last + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// Values in a plain string (the body field), for tests and tools.
    public static func find(in string: String, lang: String, publishedAt: PublicationDate?) -> [Mention] {
        find(in: TextAnalyzer.analyze(string, field: .body), lang: lang, publishedAt: publishedAt)
    }
}

/// A value found by one rule: its type, first and last token (inclusive) and normalised value.
struct RuleMatch {
    var type: MentionType
    var first: Int
    var last: Int
    var value: String?
    /// QUANTITY: the tokens of its unit or counted thing, when it has one.
    var unitTokens: ClosedRange<Int>? = nil
}

/// The rules' view of one field: scanned tokens and helpers to read them.
struct RuleScanner {
    let tokens: [RuleToken]
    /// The field's scalars, where numbers are read.
    let scalars: [Unicode.Scalar]
    /// Vietnamese number format and vocabulary; otherwise English (other languages are read as English).
    let vi: Bool
    let pub: PublicationDate?

    /// The first rule matching at token `i`: dates and times before amounts, so that "7/12" is a date
    /// and "8h30" a time rather than two numbers.
    func match(at i: Int) -> RuleMatch? {
        // Most tokens start nothing: one set lookup rules them out.
        switch tokens[i].kind {
        case .number: break
        case .symbol: return currencySymbol(i) != nil ? amount(at: i) : nil
        case .word: guard L.starters.contains(tokens[i].key) else { return nil }
        }
        if let m = date(at: i) { return m }
        if let m = time(at: i) { return m }
        return amount(at: i)
    }

    // MARK: token access

    /// The hash of token i's key when it is a word (compare with `RuleLexicon`'s words).
    func word(_ i: Int) -> UInt64? {
        i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].key : nil
    }

    /// Token i's `NameKey` key, built for the few rules that read a word's letters.
    func wordKey(_ i: Int) -> String { NameKey.word(scalars[tokens[i].start..<tokens[i].end]) }

    func isNumber(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .number }

    func isSymbol(_ i: Int, _ s: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .symbol && tokens[i].key == UInt64(s.value)
    }

    /// The currency of token i when it is a currency sign.
    func currencySymbol(_ i: Int) -> String? {
        i >= 0 && i < tokens.count && tokens[i].kind == .symbol ? L.currencySymbols[tokens[i].key] : nil
    }

    /// Token i as written (for numbers: digits and separators, all ASCII).
    func text(_ i: Int) -> String { UTF8Encoding.string(scalars, tokens[i].start..<tokens[i].end) }

    /// How many scalars token i has (for numbers, its characters).
    func length(_ i: Int) -> Int { tokens[i].end - tokens[i].start }

    /// Token i follows i-1 on the same line (an expression may continue into it).
    func continues(_ i: Int) -> Bool { i > 0 && i < tokens.count && !tokens[i].breakBefore }

    /// Token i is written tight against the previous one ("8h", "5%", "$5").
    func tight(_ i: Int) -> Bool { continues(i) && !tokens[i].spaceBefore }

    /// Token i continues the expression and is one of `words`.
    func next(_ i: Int, is words: WordSet) -> Bool { continues(i) && words.contains(word(i)) }

    /// Token i continues the expression and is the word `w`.
    func next(_ i: Int, is w: UInt64) -> Bool { continues(i) && word(i) == w }

    func capitalized(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].isCapitalized }

    /// An integer token without separators.
    func int(_ i: Int) -> Int? {
        guard isNumber(i), length(i) <= 9 else { return nil }
        var n = 0
        for s in scalars[tokens[i].start..<tokens[i].end] {
            guard WordScanner.isDigit(s.value) else { return nil }
            n = n * 10 + Int(s.value - 0x30)
        }
        return n
    }

    /// The number a token holds in this language's format.
    func number(_ i: Int) -> NumberValue? {
        isNumber(i) ? NumberValue(text(i), lang: vi ? "vi" : "en") : nil
    }

    /// The phrase of `table` at token i (whose later words continue the expression) that `accept` takes,
    /// the longest: its length and value.
    func phrase<V>(_ table: PhraseTable<V>, at i: Int, accept: (PhraseTable<V>.Phrase) -> Bool = { _ in true })
        -> (length: Int, value: V)?
    {
        guard let phrases = table[word(i)] else { return nil }
        search: for p in phrases {
            for n in 1..<p.words.count where !(continues(i + n) && word(i + n) == p.words[n]) { continue search }
            if accept(p) { return (p.words.count, p.value) }
        }
        return nil
    }

    /// Words of the phrase of `table` starting at i and continuing the expression, longest first.
    func phraseLength<V>(_ table: PhraseTable<V>, at i: Int) -> Int? {
        continues(i) ? phrase(table, at: i)?.length : nil
    }

    /// "cùng ngày", "the same day": the day of the last date before it (filled in by `ValueRules.find`).
    func sameDay(at i: Int) -> RuleMatch? {
        guard let w = word(i) else { return nil }
        if vi, w == L.cung, next(i + 1, is: L.ngay), !(continues(i + 2) && isNumber(i + 2)) {
            return RuleMatch(type: .date, first: i, last: i + 1, value: nil)
        }
        if !vi, w == L.the, next(i + 1, is: L.same), next(i + 2, is: L.day) {
            return RuleMatch(type: .date, first: i, last: i + 2, value: nil)
        }
        return nil
    }

    /// Whether the few words before token i say the text points forward ("sẽ", "will").
    func futureCue(before i: Int) -> Bool {
        var j = i - 1
        var seen = 0
        while j >= 0, seen < 6, !tokens[j + 1].breakBefore {
            if isSymbol(j, ".") { break }
            if RuleLexicon.futureMarkers.contains(word(j)) { return true }
            j -= 1
            seen += 1
        }
        return false
    }
}
