import LedeModel
/// A decimal number read from text, kept as digits so that "2,5 tỷ" is exactly 2500000000.
struct NumberValue: Hashable, Sendable {
    /// Digits without separators, and how many of them are after the decimal point.
    var digits: String
    var scale: Int

    /// Reads "340.000" (Vietnamese: dot thousands, comma decimals), "340,000" and "5.2" (English), "12".
    /// Groups of exactly three digits after a separator are thousands; in Vietnamese a single comma is a
    /// decimal comma, in English a single dot is a decimal point. Nil for anything else ("7/12", "8:30").
    init?(_ text: String, lang: String) {
        // Read as bytes: every character of a number is ASCII, and most numbers are digits alone.
        let bytes = Array(text.utf8)
        var groups: [Range<Int>] = []  // digit runs between separators, as byte ranges
        var seps: [UInt8] = []
        var start = 0
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") {
                groups.append(start..<i)
                seps.append(b)
                start = i + 1
            } else if b &- UInt8(ascii: "0") >= 10 {
                return nil
            }
        }
        groups.append(start..<bytes.count)
        guard groups.allSatisfy({ !$0.isEmpty }) else { return nil }
        if seps.isEmpty { self.init(digits: text, scale: 0); return }

        func joined(_ parts: ArraySlice<Range<Int>>) -> String {
            var out: [UInt8] = []
            for part in parts { out += bytes[part] }
            return String(decoding: out, as: UTF8.self)
        }
        let comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
        let thousandsTail = groups.dropFirst().allSatisfy { $0.count == 3 }
        let decimal: UInt8? = {
            if seps.contains(comma) && seps.contains(dot) { return seps.last }  // "1.234,5" or "1,234.5"
            let sep = seps[0]
            let thousandsShape = groups[0].count <= 3 && thousandsTail
            if seps.count > 1 { return nil }  // "1.234.567", "1,234,567": thousands, checked below
            let vi = lang == "vi"
            if sep == comma { return vi || !thousandsShape ? comma : nil }
            return vi && thousandsShape ? nil : dot
        }()
        if let decimal {
            // Everything before the decimal separator must be thousands groups.
            guard let last = seps.lastIndex(of: decimal), seps.filter({ $0 == decimal }).count == 1 else { return nil }
            let intGroups = groups[...last]
            if intGroups.count > 1 {
                guard intGroups.first!.count <= 3, intGroups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            }
            let frac = groups[last + 1]
            self.init(digits: joined(groups[...(last + 1)]), scale: frac.count)
        } else {
            guard groups[0].count <= 3, thousandsTail, seps.allSatisfy({ $0 == seps[0] }) else { return nil }
            self.init(digits: joined(groups[...]), scale: 0)
        }
    }

    init(digits: String, scale: Int) {
        self.digits = digits
        self.scale = scale
    }

    /// Multiplied by 10^n ("triệu", "million": 6).
    func times(powerOfTen n: Int) -> NumberValue {
        if n <= scale { return NumberValue(digits: digits, scale: scale - n) }
        return NumberValue(digits: digits + String(repeating: "0", count: n - scale), scale: 0)
    }

    /// Plain decimal text: "340000", "5.2", "0.5"; no exponent, no trailing zeros after the point.
    var text: String {
        var intPart = String(digits.dropLast(scale))
        var frac = String(digits.suffix(scale))
        while frac.hasSuffix("0") { frac.removeLast() }
        while intPart.count > 1 && intPart.hasPrefix("0") { intPart.removeFirst() }
        if intPart.isEmpty { intPart = "0" }
        return frac.isEmpty ? intPart : intPart + "." + frac
    }
}
