import LedeModel
/// Groups tokens into sentences. A line break always ends one (headlines and captions rarely end in
/// punctuation), and so does a lost one before a source line ("Kim DungTheo Bloomberg"); so does a token of full stops, question or exclamation marks, with any closing quotes
/// or brackets stuck to it, unless the next word starts in lower case ("năm 2016. đã không…").
/// Abbreviations and decimal numbers keep their dots inside their tokens, so they never end one.
enum SentenceSplitter {
    static func split(_ tokens: [Token], original: [Unicode.Scalar]) -> [Sentence] {
        var sentences: [Sentence] = []
        guard !tokens.isEmpty else { return sentences }
        var first = 0
        var k = 0
        while k < tokens.count {
            var end = k + 1
            var breaks = false
            if isTerminal(tokens[k].text) {
                while end < tokens.count, tokens[end].start == tokens[end - 1].end, isClosing(tokens[end].text) {
                    end += 1
                }
                breaks = end == tokens.count || !startsLower(tokens[end].text)
            }
            if !breaks, end < tokens.count, hasNewline(original, tokens[end - 1].end, tokens[end].start)
                || (tokens[end].start == tokens[end - 1].end && Tokenizer.gluedSource(original, at: tokens[end].start))
            {
                breaks = true
            }
            if breaks || end == tokens.count {
                sentences.append(Sentence(tokens: first..<end, start: tokens[first].start, end: tokens[end - 1].end))
                first = end
            }
            k = end
        }
        return sentences
    }

    private static func isTerminal(_ text: String) -> Bool {
        var any = false
        for s in text.unicodeScalars {
            guard s == "." || s == "!" || s == "?" else { return false }
            any = true
        }
        return any
    }

    private static func isClosing(_ text: String) -> Bool {
        text == "\"" || text == "'" || text == ")" || text == "]" || text == "}"
    }

    private static func startsLower(_ text: String) -> Bool {
        guard let s = text.unicodeScalars.first else { return false }
        return CharacterClass.isLetter(s) && !CharacterClass.isUpper(s)
    }

    private static func hasNewline(_ original: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            if CharacterClass.isNewline(original[i]) { return true }
            i += 1
        }
        return false
    }
}
