import LedeModel
/// Whether a lower-cased word could be one Vietnamese syllable: an initial consonant, one to three
/// vowels, a final consonant. "nga", "nguyễn", "bộ" could; "sergey", "rudskoi", "syria" could not. In
/// Vietnamese text a capitalised word that is no syllable is nearly always part of a foreign name.
enum VietnameseSyllable {
    @inline(__always)
    private static func isVowel(_ v: UInt32) -> Bool {
        switch v {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true  // a e i o u y
        case 0x111: return false  // đ
        case 0xC0...0x24F, 0x1EA0...0x1EF9: return true  // vowels with Vietnamese diacritics
        default: return false
        }
    }

    /// 0: could be a syllable, 1: could not (a foreign word), 2: not a word of letters at all.
    static func classify(_ w: [UInt32]) -> UInt64 {
        let n = w.count
        guard n > 0 else { return 2 }
        for v in w where !(v &- 0x61 < 26 || v >= 0xC0) { return 2 }
        guard n <= 7 else { return 1 }
        @inline(__always) func at(_ k: Int) -> UInt32 { k < n ? w[k] : 0 }
        // The initial consonant (a, e, … start a syllable without one).
        var i: Int
        switch w[0] {
        case 0x6E:  // n, ng, ngh, nh
            i = at(1) == 0x67 ? (at(2) == 0x68 ? 3 : 2) : (at(1) == 0x68 ? 2 : 1)
        case 0x63, 0x6B, 0x70:  // c, ch, k, kh, p, ph
            i = at(1) == 0x68 ? 2 : 1
        case 0x67:  // g, gh, gi + vowel
            i = at(1) == 0x68 ? 2 : (at(1) == 0x69 && isVowel(at(2)) ? 2 : 1)
        case 0x71:  // qu only
            guard at(1) == 0x75 else { return 1 }
            i = 2
        case 0x74:  // t, th, tr
            i = at(1) == 0x68 || at(1) == 0x72 ? 2 : 1
        case 0x62, 0x64, 0x111, 0x68, 0x6C, 0x6D, 0x72, 0x73, 0x76, 0x78:  // b d đ h l m r s v x
            i = 1
        default:
            guard isVowel(w[0]) else { return 1 }
            i = 0
        }
        let vowelsStart = i
        while i < n, isVowel(w[i]) { i += 1 }
        let vowels = i - vowelsStart
        guard vowels >= 1, vowels <= 3 else { return 1 }
        // The final consonant: c, ch, m, n, ng, nh, p, t, or none.
        switch n - i {
        case 0: return 0
        case 1:
            switch w[i] {
            case 0x63, 0x6D, 0x6E, 0x70, 0x74: return 0  // c m n p t
            default: return 1
            }
        case 2:
            let pair = (w[i], w[i + 1])
            return pair == (0x63, 0x68) || pair == (0x6E, 0x67) || pair == (0x6E, 0x68) ? 0 : 1
        default: return 1
        }
    }
}
