import LedeModel
/// MONEY, PERCENT and QUANTITY: a number with its qualifier, multiplier, currency, percent sign or unit.
extension RuleScanner {
    func amount(at i: Int) -> RuleMatch? {
        let first = i
        var k = i
        let approx = approxBefore(number: i)
        if let approx { k = i + approx }
        if approx != nil, !continues(k) { return nil }

        // A currency written before the number: "$5", "US$1.2", "€2".
        var currency: String?
        if let w = word(k), let code = L.dollarPrefixes[w], isSymbol(k + 1, "$"), tight(k + 1), tight(k + 2), isNumber(k + 2) {
            currency = code
            k += 2
        } else if let code = currencySymbol(k), continues(k + 1), isNumber(k + 1) {
            currency = code
            k += 1
        }
        guard isNumber(k), currency != nil || !gluedToWord(k), var value = number(k) else { return nil }
        if approx == nil, currency == nil, let w = word(k - 1), continues(k), L.notQuantityBefore.contains(w) { return nil }
        if isSymbol(k + 1, "/"), tight(k + 1) { return nil }  // "100/2019/NĐ-CP"
        if isSymbol(k + 1, "-"), tight(k + 1), tight(k + 2), word(k + 2) != nil { return nil }  // "5-sao", "3-D"
        // "28 pence" is money we do not normalise; "1830 GMT" is a time.
        if continues(k + 1), let w = word(k + 1), L.notQuantityAfter.contains(w) { return nil }
        var last = k
        var power = 0
        var unitSpan = false

        // Letters written tight after the number.
        if tight(k + 1), let w = word(k + 1) {
            if let p = L.tightMultipliers[w], currency != nil || currencyAfter(k + 2, multiplied: true) != nil {
                power = p
                last = k + 1
            } else if let p = L.multipliers[w] {
                power = p
                last = k + 1
            } else if !vi, L.enOrdinalSuffixes.contains(w) {
                return nil  // "5th"
            } else if let code = L.currencyWords[w] {
                currency = currency ?? code
                last = k + 1
            } else if unitLength(at: k + 1, tightSingle: true) == 1 || hourMark(wordKey(k + 1)) != nil {
                unitSpan = true
                last = k + 1
            } else {
                return nil  // "4G", "3D"
            }
        }
        // Spaced multipliers: "5 triệu", "2,5 tỷ", "3 nghìn tỷ", "$5 million".
        if !unitSpan, power == 0 || currency != nil {
            var m = last + 1
            while continues(m), let w = word(m), let p = L.multipliers[w], !tokens[m].breakBefore {
                power += p
                last = m
                m += 1
            }
        }
        if power > 0 { value = value.times(powerOfTen: power) }

        // Percent.
        if currency == nil, !unitSpan {
            if isSymbol(last + 1, "%"), continues(last + 1) {
                return RuleMatch(type: .percent, first: first, last: last + 1, value: value.text)
            }
            if let n = phraseLength(L.percentWords, at: last + 1) {
                return RuleMatch(type: .percent, first: first, last: last + n, value: value.text)
            }
        }
        // Currency after the number: "5 triệu USD", "2,5 tỷ đồng", "5 million dollars", "5.000₫".
        if currency == nil, !unitSpan {
            if let (n, code) = currencyAfter(last + 1, multiplied: power > 0) {
                currency = code
                last += n
            }
        }
        if let currency {
            return RuleMatch(type: .money, first: first, last: last, value: value.text + " " + currency)
        }
        // A unit or counted thing.
        var unitTokens: ClosedRange<Int>? = unitSpan ? last...last : nil
        if !unitSpan, let n = unitLength(at: last + 1, tightSingle: false) {
            unitTokens = (last + 1)...(last + n)
            last += n
        }
        return RuleMatch(type: .quantity, first: first, last: last, value: value.text, unitTokens: unitTokens)
    }

    /// How many qualifier words ("hơn", "gần", "ít nhất", "more than", "about") come before a number at i.
    func approxBefore(number i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        if let pair = phrase(vi ? L.viApproxPairs : L.enApproxPairs, at: i), continues(i + pair.length),
           startsNumber(i + pair.length) {
            return pair.length
        }
        if (vi ? L.viApprox : L.enApprox).contains(w), continues(i + 1), startsNumber(i + 1) { return 1 }
        return nil
    }

    /// For a bare year: qualified like a count ("about 2000 people").
    func approxBefore(_ i: Int) -> Int? {
        guard continues(i), let w = word(i - 1) else { return nil }
        return (vi ? L.viApprox : L.enApprox).contains(w) ? 1 : nil
    }

    /// A number, or a currency sign before one.
    func startsNumber(_ i: Int) -> Bool {
        if isNumber(i) { return true }
        if currencySymbol(i) != nil { return isNumber(i + 1) }
        if L.dollarPrefixes[word(i)] != nil { return isSymbol(i + 1, "$") && isNumber(i + 2) }
        return false
    }

    func currencyAfter(_ i: Int, multiplied: Bool) -> (Int, String)? {
        guard continues(i) else { return nil }
        if let code = currencySymbol(i), code != "USD" { return (1, code) }
        // "5 pounds" may weigh; "5 million pounds", "5 pounds sterling" do not.
        let weighs = { (p: PhraseTable<String>.Phrase) in !multiplied && p.words.count == 1 && L.pounds.contains(p.words[0]) }
        if let found = phrase(L.currencyPhrases, at: i, accept: { !weighs($0) }) { return found }
        if let code = L.currencyWords[word(i)] { return (1, code) }
        return nil
    }

    /// The length of a unit phrase at i; with `tightSingle` only one-word units ("5km").
    func unitLength(at i: Int, tightSingle: Bool) -> Int? {
        let units = vi ? L.viUnits : L.enUnits
        if tightSingle { return phrase(units, at: i, accept: { $0.words.count == 1 }) != nil ? 1 : nil }
        return phraseLength(units, at: i)
    }

    /// A quantity word follows (for bare years: "2000 people" is a count).
    func quantityFollows(_ i: Int) -> Bool {
        guard continues(i) else { return false }
        if L.multipliers[word(i)] != nil { return true }
        return unitLength(at: i, tightSingle: false) != nil || isSymbol(i, "%")
    }
}
