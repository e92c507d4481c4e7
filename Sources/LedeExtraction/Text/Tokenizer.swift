import LedeModel
/// Splits normalised text into news tokens. Numbers keep their separators ("340.000", "5,2%", "7/12",
/// "10/12/2017", "10:30"), hyphenated names stay whole ("al-Bukamal", "ez-Zor") while a hyphen between
/// Vietnamese words or two abbreviations separates them ("Trà-TT Huế", "EU-ASEAN"), dotted abbreviations
/// and initials keep their dots ("U.S.", "TP.HCM", "Mr.", "J.", "anh Nh. kể") unless the text, the line
/// or an ellipsis ends there, and every other punctuation mark is a token of its own (runs of the same
/// mark, like "...", stay together).
enum Tokenizer {
    /// Token boundaries as ranges of normalised scalars.
    static func tokenize(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(s.count / 4)
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if CharacterClass.isSpace(c) {
                i += 1
                continue
            }
            let start = i
            if CharacterClass.isWordScalar(c) {
                i = wordEnd(s, from: start)
            } else {
                i += 1
                if isRepeatable(c) { while i < n, s[i] == c { i += 1 } }
            }
            ranges.append(start..<i)
        }
        return ranges
    }

    private static func wordEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        let n = s.count
        var i = start + 1
        var part = start  // where the current dot- or hyphen-separated part began
        while true {
            while i < n, CharacterClass.isWordScalar(s[i]) {
                if gluedMarkerFirsts.contains(s[i]), gluedSource(s, at: i) { return i }
                i += 1
            }
            guard i + 1 < n, CharacterClass.isWordScalar(s[i + 1]) else { break }
            if s[i] == "-", splitsHyphen(s, part..<i) { break }
            if s[i] == ".", isTitle(s, part..<i) { break }  // "Mr.Siro": the title keeps its dot
            if joins(s[i - 1], s[i], s[i + 1]) || joinsDotted(s, part..<i) {
                i += 1
                part = i
            } else {
                break
            }
        }
        if i < n {
            if s[i] == ".", dotMayBelongToWord(s, i), isAbbreviation(s, start..<i) || isNameInitial(s, start..<i) {
                i += 1
            } else if s[i] == "%", CharacterClass.isDigit(s[i - 1]) {
                i += 1
            }
        }
        return i
    }

    /// "Kim DungTheo Bloomberg": a byline whose line break was lost runs into the source line after it
    /// ("Theo X", "Nguồn: X"), which starts a new token (and a new sentence) at `i`: a lower-case letter
    /// followed by one of those words, capitalised, then a space or a colon. Vietnamese syllables never
    /// carry a capital inside.
    static func gluedSource(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, CharacterClass.isLetter(s[i - 1]), !CharacterClass.isUpper(s[i - 1]) else { return false }
        for marker in gluedMarkers where i + marker.count < s.count {
            var k = 0
            while k < marker.count, s[i + k] == marker[k] { k += 1 }
            if k == marker.count, s[i + k] == " " || s[i + k] == ":" { return true }
        }
        return false
    }

    private static let gluedMarkers: [[Unicode.Scalar]] = ["Theo", "Nguồn"].map { Array($0.unicodeScalars) }
    /// Their first letters: a word is scanned for a glued marker only at one of these.
    private static let gluedMarkerFirsts: [Unicode.Scalar] = gluedMarkers.map { $0[0] }

    /// A hyphen written between Vietnamese words separates them ("TT-BGDĐT", "Hương Trà-TT Huế",
    /// "VOV-Miền Trung"); between ASCII words it joins them ("al-Bukamal", "ez-Zor", "Pakistan-born").
    private static func splitsHyphen(_ s: [Unicode.Scalar], _ before: Range<Int>) -> Bool {
        for k in before where s[k].value >= 0x80 { return true }
        // Two abbreviations: "TT-BTC", "EU-ASEAN".
        if before.count >= 2, before.allSatisfy({ CharacterClass.isUpper(s[$0]) }), CharacterClass.isUpper(s[before.upperBound + 1]) {
            return true
        }
        var k = before.upperBound + 1
        while k < s.count, CharacterClass.isWordScalar(s[k]) {
            if s[k].value >= 0x80 { return true }
            k += 1
        }
        return false
    }

    private static func isTitle(_ s: [Unicode.Scalar], _ part: Range<Int>) -> Bool {
        guard part.count >= 2, part.count <= 4, let key = ShortASCIIWord(s, part) else { return false }
        return titles.contains(key)
    }

    static let titles = ShortASCIIWord.set(["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov"])

    /// A full stop ends the text, its line or an ellipsis: it is punctuation, never part of the word.
    /// Of exactly two dots ("với M..", "anh Ph..", "Acme Inc.."), the first may be the word's and the
    /// second is the full stop; three are an ellipsis.
    @inline(__always)
    private static func dotMayBelongToWord(_ s: [Unicode.Scalar], _ dot: Int) -> Bool {
        let next = dot + 1
        guard next < s.count else { return false }
        if s[next] == "." { return next + 1 == s.count || s[next + 1] != "." }
        return !CharacterClass.isNewline(s[next])
    }

    /// Whether `mark` between `before` and `after` (both word characters) keeps them one token.
    @inline(__always)
    private static func joins(_ before: Unicode.Scalar, _ mark: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        let digits = CharacterClass.isDigit(before) && CharacterClass.isDigit(after)
        switch mark {
        case "-": return true
        case ".": return digits || (CharacterClass.isLetter(before) && CharacterClass.isLetter(after) && !CharacterClass.isUpper(after))
        case ",", "/", ":": return digits
        case "'": return !CharacterClass.isDigit(before) && !CharacterClass.isDigit(after)
        case "&": return CharacterClass.isUpper(before) && CharacterClass.isUpper(after)
        default: return false
        }
    }

    /// "U.S", "TP.HCM": a dot after a short capitalised part joins letters; "Nội.Chiều" (a missing space
    /// after a full stop) does not.
    @inline(__always)
    private static func joinsDotted(_ s: [Unicode.Scalar], _ part: Range<Int>) -> Bool {
        guard s[part.upperBound] == ".", part.count <= 2, CharacterClass.isUpper(s[part.lowerBound]) else { return false }
        return CharacterClass.isLetter(s[part.upperBound + 1])
    }

    @inline(__always)
    private static func isRepeatable(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "-", "!", "?", "*", "=", "_", "~", "#", "+": return true
        default: return false
        }
    }

    /// Whether a word followed by "." is an abbreviation that keeps the dot: single letters ("J."),
    /// dotted letters ("U.S", "e.g"), and the listed titles and short forms of up to five letters.
    private static func isAbbreviation(_ s: [Unicode.Scalar], _ word: Range<Int>) -> Bool {
        // A single capital is an initial ("J. Smith"); 'Á', 'Ý' are words ("châu Á.", "nước Ý.").
        if word.count == 1 { return s[word.lowerBound].value < 0x80 && CharacterClass.isUpper(s[word.lowerBound]) }
        var dots = 0
        var longest = 0
        var run = 0
        for k in word {
            if s[k] == "." {
                dots += 1
                longest = max(longest, run)
                run = 0
            } else {
                run += 1
            }
        }
        longest = max(longest, run)
        if dots > 0 && longest <= 2 { return true }
        guard word.count <= 5, let key = ShortASCIIWord(s, word) else { return false }
        return abbreviations.contains(key)
    }

    /// Vietnamese initials that shorten a name ("anh Nh. kể", "ông Th., giám đốc", "anh Ph.."): a
    /// capitalised consonant cluster and a dot, read as one token when no new sentence starts after it
    /// (a full stop right after the initial's own dot ends the sentence with the initial in it).
    private static func isNameInitial(_ s: [Unicode.Scalar], _ word: Range<Int>) -> Bool {
        guard isListedInitial(s, word) else { return false }
        var j = word.upperBound + 1
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count else { return false }
        let next = s[j]
        if CharacterClass.isLetter(next) { return !CharacterClass.isUpper(next) }
        return next == "," || next == ";" || next == ":" || next == ")" || next == "\"" || next == "."
    }

    private static func isListedInitial(_ s: [Unicode.Scalar], _ word: Range<Int>) -> Bool {
        guard word.count >= 2, word.count <= 3, let key = ShortASCIIWord(s, word) else { return false }
        return nameInitials.contains(key)
    }

    static let nameInitials = ShortASCIIWord.set([
        "Nh", "Ph", "Tr", "Th", "Ch", "Ng", "Kh", "Gi", "Qu", "Gh", "Ngh",
    ])

    static let abbreviations = ShortASCIIWord.set([
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm",
        "Gov", "Sen", "Rep", "Rev", "Pres", "Corp", "Inc", "Ltd", "Co", "Bros", "No", "vs", "etc",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mt", "Ft", "Ave", "Blvd", "Dept", "Univ", "Fig", "Vol", "pp",
        "TP", "Tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "TX", "TT",
    ])
}
