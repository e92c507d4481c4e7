import Foundation
import LedeModel

/// A word of a field as event extraction sees it: a token without the punctuation around it,
/// lowercased for lexicon look-ups, with its code-point offsets into the field as received.
struct EventWord: Sendable, Hashable {
    /// Normalised, lowercased text ("hòa đàm" whatever the tone-mark style of the input).
    var text: String
    /// `text.wordKey`, computed once: lexicons are indexed by it, which spares String hashing.
    var key: UInt64
    var start: Int
    var end: Int
    /// The word starts with a capital letter ("Syria", "al-Bukamal" counts too).
    var capitalized: Bool
    /// Punctuation or a line break stands between the previous word and this one, or it starts a
    /// sentence (a clause break: "," ";" "“" …).
    var breakBefore: Bool
}

/// A field cut into words and sentences for event extraction. Built from `AnalyzedText`, so it
/// follows the shared tokenizer and sentence splitter; punctuation glued to a word is peeled off.
struct EventText: Sendable {
    let field: TextField
    let analyzed: AnalyzedText
    let words: [EventWord]
    /// Word ranges of the sentences, with their code-point offsets.
    let sentences: [(words: Range<Int>, start: Int, end: Int)]

    static let maxSentenceWords = 160

    init(_ text: AnalyzedText) {
        field = text.field
        analyzed = text
        var words: [EventWord] = []
        words.reserveCapacity(text.tokens.count)
        var sentences: [(words: Range<Int>, start: Int, end: Int)] = []
        var pendingBreak = false
        for sentence in text.sentences {
            let first = words.count
            pendingBreak = false
            for t in sentence.tokens {
                let token = text.tokens[t]
                var start = token.start
                var end = token.end
                while start < end, !EventText.isWordScalar(text.scalars[start]) { start += 1 }
                while end > start, !EventText.isWordScalar(text.scalars[end - 1]) { end -= 1 }
                if start == end {
                    pendingBreak = true
                    continue
                }
                let (core, key) = token.isPlainLowercase ? (token.text, token.key) : EventText.word(token.text)
                guard !core.isEmpty else { pendingBreak = true; continue }
                if start > token.start { pendingBreak = true }
                if words.count > first, EventText.hasNewline(text.scalars, words[words.count - 1].end, start) {
                    pendingBreak = true
                }
                words.append(EventWord(
                    text: core, key: key, start: start, end: end,
                    capitalized: EventText.isCapitalized(text.scalars, start, end),
                    breakBefore: pendingBreak || words.count == first))
                pendingBreak = end < token.end
            }
            // A "sentence" longer than any news sentence (a list, a run-on, hostile input) is cut into
            // pieces, so the per-sentence argument search stays linear in the text.
            var piece = first
            while piece < words.count {
                let end = min(words.count, piece + EventText.maxSentenceWords)
                let start = piece == first ? sentence.start : words[piece].start
                sentences.append((piece..<end, start, end == words.count ? sentence.end : words[end - 1].end))
                piece = end
            }
        }
        self.words = words
        self.sentences = sentences
    }

    /// The original text of words `range`, as a span.
    func span(_ range: Range<Int>) -> Span {
        analyzed.span(words[range.lowerBound].start, words[range.upperBound - 1].end)
    }

    func sentenceSpan(_ index: Int) -> Span {
        analyzed.span(sentences[index].start, sentences[index].end)
    }

    /// An odd number of quotation marks stands between the sentence's start and word `i`.
    func quoted(_ i: Int, sentence: Range<Int>) -> Bool {
        guard i > sentence.lowerBound else { return false }
        var open = false
        for s in analyzed.scalars[words[sentence.lowerBound].start..<words[i].start] {
            switch s {
            case "\"", "“", "”", "«", "»": open.toggle()
            default: break
            }
        }
        return open
    }

    /// A comma, semicolon or colon stands between word `i` and the word before it.
    func commaBefore(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        return analyzed.scalars[words[i - 1].end..<words[i].start].contains { $0 == "," || $0 == ";" || $0 == ":" }
    }

    /// The word whose span contains or starts at code point `offset`, searching forward.
    func wordIndex(atOrAfter offset: Int) -> Int? {
        var lo = 0
        var hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < words.count ? lo : nil
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        // Vietnamese letters and combining marks, without a Unicode property look-up.
        if (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x1EA0 && v <= 0x1EF9) || (v >= 0x300 && v <= 0x36F) {
            return true
        }
        return UnicodeLookup.isLetterNumberOrDiacritic(s)
    }

    /// The token without the punctuation around it, lowercased as `String.lowercased()` would.
    static func lowercasedCore(_ text: String) -> String {
        word(text).core
    }

    /// `lowercasedCore(text)` and its `wordKey`, in one pass over the scalars: the text itself in the
    /// common case of a plain lowercase word, otherwise built in a stack buffer.
    static func word(_ text: String) -> (core: String, key: UInt64) {
        var key = FeatureHash.seed
        for s in text.unicodeScalars {
            guard let lower = CharacterClass.isLowerOrDigit(s), lower else { return lowercased(core: text) }
            key = FeatureHash.add(key, s.value)
        }
        return (text, key)
    }

    private static func lowercased(core text: String) -> (core: String, key: UInt64) {
        // A lowercase mapping is at most three times as long in UTF-8 as its scalar ("İ" → "i̇").
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.utf8.count * 3 + 4) { buffer in
            var n = 0
            var key = FeatureHash.seed
            // What was written up to the last word scalar: punctuation after it is dropped.
            var core = (n: 0, key: key)
            func put(_ v: UInt32) {
                n = UTF8Encoding.put(v, into: buffer, at: n)
                key = FeatureHash.add(key, v)
            }
            for s in text.unicodeScalars {
                let lower = CharacterClass.isLowerOrDigit(s) == true
                let word = lower || isWordScalar(s)
                guard word || n > 0 else { continue }  // punctuation before the word
                if lower {
                    put(s.value)
                } else if let lower = CharacterClass.simpleLower(s.value) {
                    put(lower)
                } else {
                    for l in s.properties.lowercaseMapping.unicodeScalars { put(l.value) }
                }
                if word { core = (n, key) }
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: buffer[..<core.n]), as: UTF8.self), core.key)
        }
    }

    static func isCapitalized(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        if let lower = CharacterClass.isLowerOrDigit(scalars[start]) {
            if !lower { return true }
        } else if scalars[start].properties.isUppercase {
            return true
        }
        // "al-Bukamal", "ez-Zor": a short lowercase particle, a hyphen, a capital.
        var i = start
        while i < end, i - start <= 3, scalars[i] != "-" { i += 1 }
        return i + 1 < end && scalars[i] == "-" && scalars[i + 1].properties.isUppercase
    }

    static func hasNewline(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return scalars[from..<to].contains { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" }
    }
}

extension String {
    /// FNV-1a of the scalars (`FeatureHash.string`): a cheap key for normalised words (String's own
    /// hash normalises again); `EventText.word` computes it while lowercasing.
    var wordKey: UInt64 {
        FeatureHash.string(self)
    }

    /// Byte equality. Every word and lexicon entry went through the same normalisation, so this is
    /// exact, and much cheaper than `==`, which compares canonical equivalence.
    @inline(__always)
    func same(_ other: String) -> Bool {
        var a = self
        var b = other
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }
}
