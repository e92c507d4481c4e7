import LedeModel
/// Something in a sentence that can be an event's actor, recipient, location or source: a name
/// mention, an actor phrase ("quân đội Chính phủ Syria", "phe đối lập"), or — when the tagger found
/// no names in the field — a run of capitalised words.
struct ArgumentCandidate: Sendable, Hashable {
    var words: Range<Int>
    var entity: Int?
    var mentionType: MentionType?
    var cameo: String?
    /// The CAMEO country code within `cameo`, where there is one ("RUS" in "RUSMIL").
    var country: String?
    /// A country or a country-like body (RUS, IGOUNO): may act, or be where something happens.
    var isCountry = false
    /// A city, province or region: where something happens, not who acts.
    var isPlace = false
    /// Introduced by "tại", "ở", "in", "at": the event's location.
    var isLocative = false
    /// Names a person (a PER mention, or a capitalised run after a person's title).
    var isPerson = false
    /// Only qualifies the name after it ("Nga" in "Tổng thống Nga Vladimir Putin"): not a participant.
    var isModifier = false
    /// A personal pronoun ("he", "ông") standing for the person named last before it (`entity`).
    var isPronoun = false
}

/// Finds argument candidates in a sentence.
struct ArgumentCandidates {
    let text: EventText
    let actors: ActorLexicon
    let cues: Cues
    /// Name mentions of the field with their word ranges (what of them the search needs: plain
    /// values, so that scanning them costs no reference counting).
    let mentions: [(type: MentionType, entity: Int?, words: Range<Int>)]
    let entities: [Entity]
    /// Capitalised runs stand in for names only when the tagger found none in the field.
    let useCapitalisedRuns: Bool

    init(text: EventText, mentions: [Mention], entities: [Entity], lang: String) {
        self.text = text
        self.actors = ActorLexicon.shipped(lang: lang)
        self.cues = lang == "vi" ? ArgumentCandidates.vi : ArgumentCandidates.en
        self.entities = entities
        var located: [(type: MentionType, entity: Int?, words: Range<Int>)] = []
        for m in mentions where m.type.isName && m.span.field == text.field {
            guard let first = text.wordIndex(atOrAfter: m.span.start), text.words[first].start < m.span.end else { continue }
            var last = first
            while last + 1 < text.words.count, text.words[last + 1].start < m.span.end { last += 1 }
            located.append((m.type, m.entity, first..<(last + 1)))
        }
        self.mentions = located
        // The tagger misses names ("Damacus", "al-Bukamal"): capitalised runs it left alone still count.
        self.useCapitalisedRuns = true
    }

    /// The words of one language that place a candidate.
    struct Cues {
        /// "tại", "in": what follows is where something happens.
        var locatives: CuePhrases
        /// "thành phố", "the city of": may stand between a locative and its place.
        var placeNouns: CuePhrases
        /// Both: a capitalised word after one of them is a place the tagger may have missed.
        var placeWords: CuePhrases
        /// Verbs of going somewhere: what follows is a place ("trở lại Geneva").
        var motionVerbs: CuePhrases
        /// Personal pronouns that stand for a person named before.
        var pronouns: CuePhrases
    }

    static let vi = Cues(lang: "vi")
    static let en = Cues(lang: "en")

    static let locatives: [String: [String]] = [
        "vi": ["tại", "ở", "gần", "ngoài", "trên", "khắp", "quanh"],
        "en": ["in", "at", "near", "outside", "across", "inside", "around"],
    ]
    static let placeNouns: [String: [String]] = [
        "vi": ["thành", "phố", "tỉnh", "thủ", "đô", "thị", "trấn", "làng", "quận", "huyện", "vùng", "khu", "vực",
               "bang", "miền", "đảo", "biển", "the"],
        "en": ["the", "city", "town", "province", "region", "capital", "of", "village", "state", "district", "northern",
               "southern", "eastern", "western", "central", "strategic", "border"],
    ]
    static let pronouns: [String: [String]] = ["vi": ["ông", "bà"], "en": ["he", "she"]]
    static let motionVerbs: [String: [String]] = [
        "vi": ["trở lại", "quay lại", "đến", "tới", "sang", "thăm", "công du", "trở về", "xuống", "đáp xuống", "hạ cánh"],
        "en": ["travel to", "traveled to", "travelled to", "arrived in", "returned to", "flew to"],
    ]
    /// Capitalised words that are not names: photo credits, currencies, diseases.
    static let notNames = CuePhrases([
        "ảnh", "nguồn", "video", "usd", "euro", "eur", "vnd", "đồng", "covid-19", "covid", "sars-cov-2", "ncov",
        "photo", "getty", "twitter", "twiter", "facebook", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ])
    /// "châu Âu": a continent, where things happen.
    static let continent = CuePhrases(["châu", "continent"])
    /// "thành phố X", "the city X": X is a place.
    static let placeHeads = CuePhrases(["phố", "tỉnh", "đô", "city", "province", "town", "village"])
    static let sentenceStarters = CuePhrases([
        "theo", "trong", "sau", "trước", "với", "tuy", "khi", "nếu", "tại", "ở", "các", "những", "một",
        "người", "ngày", "năm", "tháng", "cũng", "đây", "điều", "việc", "vào", "từ", "do", "vì", "để",
        "nhưng", "và", "còn", "hôm", "phá", "vòng", "binh", "chỉ", "đó", "này", "hiện", "dù", "mặc",
        "the", "a", "an", "in", "on", "at", "but", "and", "after", "before", "when", "if", "this", "that",
        "it", "he", "she", "they", "we", "i", "there", "while", "as", "since", "for", "with", "by",
    ])

    func candidates(inSentence s: Int) -> [ArgumentCandidate] {
        let bound = text.sentences[s].words
        let words = text.words
        var found: [ArgumentCandidate] = []
        // Words already in a candidate, and words of a title, by position in the sentence.
        var covered = [Bool](repeating: false, count: bound.count)
        var titleWords = [Bool](repeating: false, count: bound.count)
        func mark(_ marks: inout [Bool], _ range: Range<Int>) {
            for k in range.clamped(to: bound) { marks[k - bound.lowerBound] = true }
        }
        // Word index of a name's first word → title's code; the latest entry for a word counts.
        var titleBefore: [(word: Int, cameo: String?)] = []
        func title(at word: Int) -> (word: Int, cameo: String?)? { titleBefore.last { $0.word == word } }

        // 1. Actor phrases, chained with what follows: "Binh sỹ quân đội Chính phủ Syria".
        var i = bound.lowerBound
        while i < bound.upperBound {
            guard let e = actors.match(words, at: i, within: bound) else { i += 1; continue }
            if e.kind == .title {
                let next = i + e.words.count
                titleBefore.append((next, e.cameo))
                mark(&titleWords, i..<next)
                // A role without a name after it ("the prime minister urged …") names its holder.
                if let role = e.cameo, next >= bound.upperBound || !words[next].capitalized || words[next].breakBefore {
                    var c = ArgumentCandidate(words: i..<next, cameo: role)
                    c.isPerson = true
                    found.append(c)
                    mark(&covered, i..<next)
                }
                i = next
                continue
            }
            var end = i + e.words.count
            var country: String? = e.kind == .country ? e.cameo : nil
            var agent: String? = e.kind == .agent ? e.cameo : nil
            var entity: Int? = nil
            while end < bound.upperBound, !words[end].breakBefore {
                if let next = actors.match(words, at: end, within: bound), next.kind != .title {
                    if next.kind == .country, country == nil { country = next.cameo }
                    if next.kind == .agent, agent == nil { agent = next.cameo }
                    end += next.words.count
                } else if agent != nil, let m = mentions.first(where: { $0.words.lowerBound == end && $0.type != .person }) {
                    entity = entity ?? m.entity
                    if country == nil, let id = m.entity, id < entities.count { country = entities[id].cameo }
                    end = m.words.upperBound
                } else if useCapitalisedRuns, agent != nil, words[end].capitalized {
                    end += 1
                } else {
                    break
                }
            }
            // A mention spanning the whole phrase ("Bộ Ngoại giao Syria" tagged ORG) is its entity.
            if let m = mentions.first(where: { $0.words == i..<end }) { entity = m.entity }
            // "Tổng thống Nga Vladimir Putin": the title belongs to the name after the country.
            let titled = title(at: i)
            let qualifiesName = e.kind == .country && titled != nil && end < bound.upperBound && words[end].capitalized
            if qualifiesName, let titled {
                titleBefore.append((end, titled.cameo))
            }
            var c = ArgumentCandidate(words: i..<end, entity: entity, cameo: ArgumentCandidates.compose(country, agent))
            c.country = country
            c.isCountry = agent == nil && country != nil
            c.isModifier = qualifiesName
            if agent == nil, e.kind == .country, end > i + e.words.count { c.isCountry = false }
            found.append(c)
            mark(&covered, i..<end)
            i = end
        }

        // 2. Name mentions not inside an actor phrase.
        for m in mentions where m.words.lowerBound >= bound.lowerBound && m.words.upperBound <= bound.upperBound {
            let range = m.words
            if range.contains(where: { covered[$0 - bound.lowerBound] }) { continue }
            var c = ArgumentCandidate(words: range, entity: m.entity, mentionType: m.type)
            if let id = m.entity, id < entities.count { c.cameo = entities[id].cameo }
            c.isPerson = m.type == .person
            // "Tướng Valery Gerasimov" may come tagged with its title inside.
            let name = range.first(where: { !titleWords[$0 - bound.lowerBound] }) ?? range.lowerBound
            if let title = title(at: name) {
                c.isPerson = true
                if c.cameo == nil { c.cameo = title.cameo }
            }
            c.isPlace = m.type == .location && c.cameo == nil
            if m.type == .location, let code = c.cameo { c.isCountry = true; c.country = code }
            found.append(c)
            mark(&covered, range)
        }

        // 2b. "He said …", "Ông cho biết …": a personal pronoun stands for the person the field named
        // last before it; without one it is left out.
        for k in bound where !covered[k - bound.lowerBound] && cues.pronouns.contains(words, k) {
            // "ông Putin" is a title before a name, not a pronoun.
            if k + 1 < bound.upperBound, words[k + 1].capitalized, !words[k + 1].breakBefore { continue }
            guard let antecedent = mentions.last(where: { $0.type == .person && $0.words.upperBound <= k }) else { continue }
            var c = ArgumentCandidate(words: k..<(k + 1), entity: antecedent.entity, mentionType: .person)
            c.isPerson = true
            c.isPronoun = true
            found.append(c)
            mark(&covered, k..<(k + 1))
        }

        // 3. Capitalised runs, when the tagger gave nothing; and, whatever it gave, a capitalised name
        // right after "thành phố", "tỉnh", "tại" (a place the tagger missed: "thành phố al-Bukamal").
        var k = bound.lowerBound
        while k < bound.upperBound {
            guard words[k].capitalized, !covered[k - bound.lowerBound], !titleWords[k - bound.lowerBound],
                useCapitalisedRuns || (k > bound.lowerBound && cues.placeWords.contains(words, k - 1) && !words[k].breakBefore)
            else { k += 1; continue }
            var end = k + 1
            while end < bound.upperBound, words[end].capitalized, !words[end].breakBefore, !covered[end - bound.lowerBound],
                !titleWords[end - bound.lowerBound]
            {
                end += 1
            }
            var start = k
            // A capital that only starts the sentence ("Hai nguồn tin…", "Trong giai đoạn…") is no name.
            if start == bound.lowerBound, end == start + 1 || ArgumentCandidates.sentenceStarters.contains(words, start) {
                start += 1
            }
            while start < end, ArgumentCandidates.notNames.contains(words, start) { start += 1 }
            while end > start, ArgumentCandidates.notNames.contains(words, end - 1) { end -= 1 }
            if start < end {
                // "châu Âu": a continent, where things happen.
                let continent = start > bound.lowerBound && ArgumentCandidates.continent.contains(words, start - 1)
                var c = ArgumentCandidate(words: (continent ? start - 1 : start)..<end)
                c.isPlace = continent
                if let title = title(at: start) {
                    c.isPerson = true
                    c.cameo = title.cameo
                }
                found.append(c)
            }
            k = end
        }
        found.sort { $0.words.lowerBound < $1.words.lowerBound }

        // 4. Roles of place: after "tại/ở/in/at" (and "thành phố", "the city of"), or a place name.
        for index in found.indices {
            let first = found[index].words.lowerBound
            var p = first - 1
            while p >= bound.lowerBound, cues.placeNouns.contains(words, p), first - p <= 3 { p -= 1 }
            let introduced = p >= bound.lowerBound && cues.locatives.contains(words, p)
            let placeNoun = first - 1 >= bound.lowerBound && ArgumentCandidates.placeHeads.contains(words, first - 1)
            let moved = p >= bound.lowerBound
                && (cues.motionVerbs.contains(words, p) || (p > bound.lowerBound && cues.motionVerbs.containsPair(words, endingAt: p)))
            if introduced || placeNoun || moved { found[index].isLocative = true }
            if placeNoun { found[index].isPlace = true }
            // "Geneva, Thụy Sĩ": a place in apposition to a place is part of the location.
            if index > 0, found[index - 1].isLocative, words[first].breakBefore,
                found[index].isCountry || found[index].isPlace || (found[index].cameo == nil && !found[index].isPerson),
                first == found[index - 1].words.upperBound
            {
                found[index].isLocative = true
            }
        }
        // 5. Persons take their country from the title phrase or apposition before them (RUSGOV).
        for index in found.indices where found[index].isPerson {
            var p = found[index].words.lowerBound - 1
            var country: String?
            while p >= bound.lowerBound, found[index].words.lowerBound - p <= 8 {
                if let c = found.last(where: { $0.words.contains(p) }), let code = c.country {
                    country = code
                    break
                }
                p -= 1
            }
            let role = found[index].cameo
            guard role != nil else { continue }
            if found[index].entity.map({ $0 < entities.count ? entities[$0].cameo : nil }) ?? nil == nil {
                found[index].cameo = country.map { $0 + (role ?? "") } ?? role
            }
        }
        return found
    }

    /// "RUS" + "MIL" → "RUSMIL"; an IGO or a group code stands alone.
    static func compose(_ country: String?, _ agent: String?) -> String? {
        switch (country, agent) {
        case let (c?, a?): return c + a
        case let (c?, nil): return c
        case let (nil, a?): return a
        default: return nil
        }
    }

    func argument(_ c: ArgumentCandidate) -> EventArgument {
        EventArgument(entity: c.entity, span: text.span(c.words), cameo: c.cameo)
    }
}

extension ArgumentCandidates.Cues {
    init(lang: String) {
        let locatives = ArgumentCandidates.locatives[lang] ?? []
        let placeNouns = ArgumentCandidates.placeNouns[lang] ?? []
        self.init(
            locatives: CuePhrases(locatives), placeNouns: CuePhrases(placeNouns),
            placeWords: CuePhrases(placeNouns + locatives), motionVerbs: CuePhrases(ArgumentCandidates.motionVerbs[lang] ?? []),
            pronouns: CuePhrases(ArgumentCandidates.pronouns[lang] ?? []))
    }
}
