import LedeModel
/// Vietnamese writes the tone of an open "oa", "oe" or "uy" syllable in two styles: on the second vowel
/// ("hoá", "khoẻ", "thuỷ") or on the first ("hóa", "khỏe", "thủy"). Lookups see one style: the first.
enum ToneMarks {
    // Each string lists a vowel without tone, then with grave, acute, hook above, tilde and dot below.
    private static let rows: [String] = [
        "aàáảãạ", "AÀÁẢÃẠ", "eèéẻẽẹ", "EÈÉẺẼẸ", "yỳýỷỹỵ", "YỲÝỶỸỴ",
        "oòóỏõọ", "OÒÓỎÕỌ", "uùúủũụ", "UÙÚỦŨỤ",
    ]

    private struct Toned { var base: UInt32; var tone: Int }

    /// Toned 'a', 'e', 'y' (either case): their base vowel and tone number 1...5.
    private static let tonedSecond: [UInt32: Toned] = {
        var table: [UInt32: Toned] = [:]
        for row in rows.prefix(6) {
            let scalars = Array(row.unicodeScalars)
            for tone in 1..<6 { table[scalars[tone].value] = Toned(base: scalars[0].value, tone: tone) }
        }
        return table
    }()

    /// 'o', 'O', 'u', 'U' with each tone, indexed [base][tone].
    private static let firstWithTone: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for row in rows.suffix(4) {
            let scalars = Array(row.unicodeScalars)
            table[scalars[0].value] = scalars
        }
        return table
    }()

    /// Moves the tone of a word-final "oa", "oe", "uy" (not "quy") from the second vowel to the first,
    /// in place, for every word in `range`. The scalar count never changes, so offsets stay valid.
    static func fold(_ s: inout [Unicode.Scalar], _ range: Range<Int>) {
        var k = range.lowerBound + 1
        while k < range.upperBound {
            let v = s[k].value
            // Toned a/e/y all lie in Latin-1 or Latin Extended Additional.
            if v >= 0xC0, isWordEnd(s, k + 1, range.upperBound), let toned = tonedSecond[v] {
                let first = s[k - 1].value | 0x20  // ASCII lower case
                let base = toned.base | 0x20
                let pairs = (first == 0x6F && (base == 0x61 || base == 0x65)) || (first == 0x75 && base == 0x79)
                let afterQ = first == 0x75 && k >= range.lowerBound + 2 && (s[k - 2].value | 0x20) == 0x71
                if pairs && !afterQ, let withTone = firstWithTone[s[k - 1].value],
                    let plain = Unicode.Scalar(toned.base)
                {
                    s[k - 1] = withTone[toned.tone]
                    s[k] = plain
                }
            }
            k += 1
        }
    }

    @inline(__always)
    private static func isWordEnd(_ s: [Unicode.Scalar], _ k: Int, _ end: Int) -> Bool {
        k >= end || !CharacterClass.isWordScalar(s[k])
    }
}
