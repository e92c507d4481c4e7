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
}

/// Finds argument candidates in a sentence.
struct ArgumentCandidates {
    let text: EventText
    let actors: ActorLexicon
    let lang: String
    /// Name mentions of the field with their word ranges.
    let mentions: [(mention: Mention, words: Range<Int>)]
    let entities: [Entity]
    /// Capitalised runs stand in for names only when the tagger found none in the field.
    let useCapitalisedRuns: Bool

    init(text: EventText, mentions: [Mention], entities: [Entity], lang: String) {
        self.text = text
        self.actors = ActorLexicon.shipped(lang: lang)
        self.lang = lang
        self.entities = entities
        var located: [(Mention, Range<Int>)] = []
        for m in mentions where m.type.isName && m.span.field == text.field {
            guard let first = text.wordIndex(atOrAfter: m.span.start), text.words[first].start < m.span.end else { continue }
            var last = first
            while last + 1 < text.words.count, text.words[last + 1].start < m.span.end { last += 1 }
            located.append((m, first..<(last + 1)))
        }
        self.mentions = located
        // The tagger misses names ("Damacus", "al-Bukamal"): capitalised runs it left alone still count.
        self.useCapitalisedRuns = true
    }

    static let locatives: [String: Set<String>] = [
        "vi": ["tại", "ở", "gần", "ngoài", "trên", "khắp", "quanh"],
        "en": ["in", "at", "near", "outside", "across", "inside", "around"],
    ]
    static let placeNouns: [String: Set<String>] = [
        "vi": ["thành", "phố", "tỉnh", "thủ", "đô", "thị", "trấn", "làng", "quận", "huyện", "vùng", "khu", "vực",
               "bang", "miền", "đảo", "biển", "the"],
        "en": ["the", "city", "town", "province", "region", "capital", "of", "village", "state", "district", "northern",
               "southern", "eastern", "western", "central", "strategic", "border"],
    ]
    /// Verbs of going somewhere: what follows is a place ("trở lại Geneva").
    static let motionVerbs: [String: Set<String>] = [
        "vi": ["trở lại", "quay lại", "đến", "tới", "sang", "thăm", "công du", "trở về", "xuống", "đáp xuống", "hạ cánh"],
        "en": ["travel to", "traveled to", "travelled to", "arrived in", "returned to", "flew to"],
    ]
    /// Capitalised words that are not names: photo credits, currencies, diseases.
    static let notNames: Set<String> = [
        "ảnh", "nguồn", "video", "usd", "euro", "eur", "vnd", "đồng", "covid-19", "covid", "sars-cov-2", "ncov",
        "photo", "getty", "twitter", "twiter", "facebook", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    static let sentenceStarters: Set<String> = [
        "theo", "trong", "sau", "trước", "với", "tuy", "khi", "nếu", "tại", "ở", "các", "những", "một",
        "người", "ngày", "năm", "tháng", "cũng", "đây", "điều", "việc", "vào", "từ", "do", "vì", "để",
        "nhưng", "và", "còn", "hôm", "phá", "vòng", "binh", "chỉ", "đó", "này", "hiện", "dù", "mặc",
        "the", "a", "an", "in", "on", "at", "but", "and", "after", "before", "when", "if", "this", "that",
        "it", "he", "she", "they", "we", "i", "there", "while", "as", "since", "for", "with", "by",
    ]

    func candidates(inSentence s: Int) -> [ArgumentCandidate] {
        let bound = text.sentences[s].words
        let words = text.words
        var found: [ArgumentCandidate] = []
        var covered = Set<Int>()
        var titleBefore: [Int: String?] = [:]  // word index of a name's first word → title's code
        var titleWords = Set<Int>()

        // 1. Actor phrases, chained with what follows: "Binh sỹ quân đội Chính phủ Syria".
        var i = bound.lowerBound
        while i < bound.upperBound {
            guard let e = actors.match(words, at: i, within: bound) else { i += 1; continue }
            if e.kind == .title {
                let next = i + e.words.count
                titleBefore[next] = e.cameo
                titleWords.formUnion(i..<next)
                // A role without a name after it ("the prime minister urged …") names its holder.
                if let role = e.cameo, next >= bound.upperBound || !words[next].capitalized || words[next].breakBefore {
                    var c = ArgumentCandidate(words: i..<next, cameo: role)
                    c.isPerson = true
                    found.append(c)
                    covered.formUnion(i..<next)
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
                } else if agent != nil, let m = mentions.first(where: { $0.words.lowerBound == end && $0.mention.type != .person }) {
                    entity = entity ?? m.mention.entity
                    if country == nil, let id = m.mention.entity, id < entities.count { country = entities[id].cameo }
                    end = m.words.upperBound
                } else if useCapitalisedRuns, agent != nil, words[end].capitalized {
                    end += 1
                } else {
                    break
                }
            }
            // A mention spanning the whole phrase ("Bộ Ngoại giao Syria" tagged ORG) is its entity.
            if let m = mentions.first(where: { $0.words == i..<end }) { entity = m.mention.entity }
            // "Tổng thống Nga Vladimir Putin": the title belongs to the name after the country.
            let qualifiesName = e.kind == .country && titleBefore[i] != nil && end < bound.upperBound && words[end].capitalized
            if qualifiesName, let title = titleBefore[i] {
                titleBefore[end] = title
            }
            var c = ArgumentCandidate(words: i..<end, entity: entity, cameo: ArgumentCandidates.compose(country, agent))
            c.country = country
            c.isCountry = agent == nil && country != nil
            c.isModifier = qualifiesName
            if agent == nil, e.kind == .country, end > i + e.words.count { c.isCountry = false }
            found.append(c)
            covered.formUnion(i..<end)
            i = end
        }

        // 2. Name mentions not inside an actor phrase.
        for (m, range) in mentions where range.lowerBound >= bound.lowerBound && range.upperBound <= bound.upperBound {
            if range.contains(where: { covered.contains($0) }) { continue }
            var c = ArgumentCandidate(words: range, entity: m.entity, mentionType: m.type)
            if let id = m.entity, id < entities.count { c.cameo = entities[id].cameo }
            c.isPerson = m.type == .person
            // "Tướng Valery Gerasimov" may come tagged with its title inside.
            let name = range.first(where: { !titleWords.contains($0) }) ?? range.lowerBound
            if let title = titleBefore[name] {
                c.isPerson = true
                if c.cameo == nil { c.cameo = title }
            }
            c.isPlace = m.type == .location && c.cameo == nil
            if m.type == .location, let code = c.cameo { c.isCountry = true; c.country = code }
            found.append(c)
            covered.formUnion(range)
        }

        // 3. Capitalised runs, when the tagger gave nothing; and, whatever it gave, a capitalised name
        // right after "thành phố", "tỉnh", "tại" (a place the tagger missed: "thành phố al-Bukamal").
        do {
            let placeWords = (ArgumentCandidates.placeNouns[lang] ?? []).union(ArgumentCandidates.locatives[lang] ?? [])
            var k = bound.lowerBound
            while k < bound.upperBound {
                guard words[k].capitalized, !covered.contains(k), !titleWords.contains(k),
                    useCapitalisedRuns || (k > bound.lowerBound && placeWords.contains(words[k - 1].text) && !words[k].breakBefore)
                else { k += 1; continue }
                var end = k + 1
                while end < bound.upperBound, words[end].capitalized, !words[end].breakBefore, !covered.contains(end),
                    !titleWords.contains(end)
                {
                    end += 1
                }
                var start = k
                // A capital that only starts the sentence ("Hai nguồn tin…", "Trong giai đoạn…") is no name.
                if start == bound.lowerBound, end == start + 1 || ArgumentCandidates.sentenceStarters.contains(words[start].text) {
                    start += 1
                }
                while start < end, ArgumentCandidates.notNames.contains(words[start].text) { start += 1 }
                while end > start, ArgumentCandidates.notNames.contains(words[end - 1].text) { end -= 1 }
                if start < end {
                    // "châu Âu": a continent, where things happen.
                    let continent = start > bound.lowerBound && ["châu", "continent"].contains(words[start - 1].text)
                    var c = ArgumentCandidate(words: (continent ? start - 1 : start)..<end)
                    c.isPlace = continent
                    if let title = titleBefore[start] {
                        c.isPerson = true
                        c.cameo = title
                    }
                    found.append(c)
                }
                k = end
            }
        }
        found.sort { $0.words.lowerBound < $1.words.lowerBound }

        // 4. Roles of place: after "tại/ở/in/at" (and "thành phố", "the city of"), or a place name.
        for index in found.indices {
            var p = found[index].words.lowerBound - 1
            let nouns = ArgumentCandidates.placeNouns[lang] ?? []
            while p >= bound.lowerBound, nouns.contains(words[p].text), found[index].words.lowerBound - p <= 3 { p -= 1 }
            let introduced = p >= bound.lowerBound && (ArgumentCandidates.locatives[lang] ?? []).contains(words[p].text)
            let placeNoun = found[index].words.lowerBound - 1 >= bound.lowerBound
                && ["phố", "tỉnh", "đô", "city", "province", "town", "village"].contains(
                    words[found[index].words.lowerBound - 1].text)
            let verbs = ArgumentCandidates.motionVerbs[lang] ?? []
            let moved = p >= bound.lowerBound
                && (verbs.contains(words[p].text)
                    || (p > bound.lowerBound && verbs.contains(words[p - 1].text + " " + words[p].text)))
            if introduced || placeNoun || moved { found[index].isLocative = true }
            if placeNoun { found[index].isPlace = true }
            // "Geneva, Thụy Sĩ": a place in apposition to a place is part of the location.
            if index > 0, found[index - 1].isLocative, words[found[index].words.lowerBound].breakBefore,
                found[index].isCountry || found[index].isPlace || (found[index].cameo == nil && !found[index].isPerson),
                found[index].words.lowerBound == found[index - 1].words.upperBound
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
