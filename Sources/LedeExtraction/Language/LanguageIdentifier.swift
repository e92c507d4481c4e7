import LedeModel
/// Identifies an article's language from its first few thousand characters: by script for non-Latin
/// writing (zh, ja, ko, ru, uk, ar, fa, he, th, lo, km, hi, el, ka, hy), and for Latin script by frequent
/// words (profiles derived from the Vietnamese and English corpora, hand-written function words for fr,
/// de, es, it, pt, nl, id, tl, sv, pl, tr) and by Vietnamese's own letters (ă ơ ư đ ạ ế …).
/// "und" when the text is too short or matches nothing well.
public enum LanguageIdentifier {
    /// Characters read: enough for a stable answer, cheap on long articles.
    static let sample = 1200

    /// "vi", "en", another ISO 639-1 code, or "und".
    public static func identify(_ text: String) -> String {
        var letters = 0
        var latin = 0
        var viLetters = 0
        var scripts: [String: Int] = [:]
        var kana = 0
        var ukrainian = 0
        var persian = 0
        var words: [String] = []
        var word: [Unicode.Scalar] = []
        var seen = 0
        let profiles = LanguageProfiles.shared

        func flush() {
            if !word.isEmpty { words.append(NameKey.word(word)); word.removeAll(keepingCapacity: true) }
        }
        for s in text.unicodeScalars {
            seen += 1
            if seen > sample { break }
            let v = s.value
            guard NameKey.isWordScalar(s), !(v >= 0x30 && v <= 0x39) else { flush(); continue }
            word.append(s)
            if CharacterClass.isMark(s) {
                if v == 0x306 || v == 0x31B || v == 0x323 || v == 0x309 { viLetters += 1 }
                continue
            }
            letters += 1
            if v < 0x250 || (v >= 0x1E00 && v <= 0x1EFF) {
                latin += 1
                if profiles.vietnameseLetters.contains(v) { viLetters += 1 }
                continue
            }
            switch v {
            case 0x370...0x3FF: scripts["el", default: 0] += 1
            case 0x400...0x4FF:
                scripts["ru", default: 0] += 1
                if v == 0x456 || v == 0x457 || v == 0x454 || v == 0x491 { ukrainian += 1 }
            case 0x530...0x58F: scripts["hy", default: 0] += 1
            case 0x590...0x5FF: scripts["he", default: 0] += 1
            case 0x600...0x6FF, 0x750...0x77F:
                scripts["ar", default: 0] += 1
                if v == 0x67E || v == 0x686 || v == 0x698 || v == 0x6AF || v == 0x6CC { persian += 1 }
            case 0x900...0x97F: scripts["hi", default: 0] += 1
            case 0xE00...0xE7F: scripts["th", default: 0] += 1
            case 0xE80...0xEFF: scripts["lo", default: 0] += 1
            case 0x10A0...0x10FF: scripts["ka", default: 0] += 1
            case 0x1780...0x17FF: scripts["km", default: 0] += 1
            case 0x3040...0x30FF: kana += 1; scripts["ja", default: 0] += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: scripts["zh", default: 0] += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF: scripts["ko", default: 0] += 1
            default: break
            }
        }
        flush()
        guard letters >= 8 else { return "und" }

        if latin * 2 < letters {
            guard var (lang, count) = scripts.max(by: { $0.value < $1.value }) else { return "und" }
            if lang == "zh" || lang == "ja" {
                // Japanese mixes kanji with kana; Chinese has none.
                lang = kana * 10 >= letters ? "ja" : "zh"
                count = (scripts["zh"] ?? 0) + (scripts["ja"] ?? 0)
            }
            if lang == "ru" && ukrainian * 50 >= count { lang = "uk" }
            if lang == "ar" && persian * 30 >= count { lang = "fa" }
            return count * 2 >= letters ? lang : "und"
        }

        var hits: [String: Int] = [:]
        for w in words {
            guard let langs = profiles.languages[w] else { continue }
            for l in langs { hits[l, default: 0] += 1 }
        }
        let viShare = Double(viLetters) / Double(letters)
        let viHits = hits["vi"] ?? 0
        if viShare >= 0.04 && viHits * 2 >= (hits.values.max() ?? 0) { return "vi" }
        guard let (best, count) = hits.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
        else { return viLetters >= 2 ? "vi" : "und" }
        if count >= 2 && Double(count) >= 0.1 * Double(words.count) { return best }
        return viLetters >= 2 ? "vi" : "und"
    }
}

/// The word profiles shipped in `Resources/language/profiles.tsv` (see Scripts/build-language-profiles.py).
struct LanguageProfiles: Sendable {
    static let shared = LanguageProfiles(text: ResourceFiles.requiredText("language/profiles.tsv"))

    /// Word key → the languages it is frequent in.
    var languages: [String: [String]] = [:]
    /// Letters only Vietnamese uses among Latin-script languages (precomposed, lowercase and capitals).
    let vietnameseLetters: Set<UInt32>

    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cols = line.split(separator: "\t")
            guard cols.count >= 2 else { continue }
            languages[NameKey.of(String(cols[1])), default: []].append(String(cols[0]))
        }
        let own = "ăơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ"
        var set = Set<UInt32>()
        for s in own.unicodeScalars {
            set.insert(s.value)
            for u in String(s).uppercased().unicodeScalars { set.insert(u.value) }
        }
        vietnameseLetters = set
    }
}
