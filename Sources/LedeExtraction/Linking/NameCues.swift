import LedeModel

/// The words around a name that say what it names, read over the whole article. The tagger decides
/// each mention from a few words and, for a one-word name it has not seen, leans to a person: "oil firm
/// Rosneft", "banking giant Citigroup", "hãng Sharp" came out PER in every mention. Where any mention
/// of a name has an organisation's cue ("firm X", "X Inc", "X's shares", "hãng X") and none has a
/// person's ("Mr X", "ông X"), every mention of that name the tagger read as a person or a
/// miscellaneous name is the organisation's; so are names listed right after the cued one ("firms Sony,
/// Philips and Matsushita"), and names the news corpora show with such cues in several articles
/// (`LearntNames`), where this article has no cue of its own. A work's or a product's cue ("the
/// film X", "file-sharing program X", "phim X", "ứng dụng X") makes the name miscellaneous, as the
/// data sets' guides have it, where neither other cue is found.
enum NameCues {
    /// The names of an article that its words call organisations, persons, works or products, places.
    /// `person` also holds the surnames of longer persons' names; `personCued` only names a person's cue
    /// stands right before.
    struct Evidence: Equatable {
        var organisation: Set<String> = []
        var person: Set<String> = []
        var personCued: Set<String> = []
        var work: Set<String> = []
        var place: Set<String> = []
    }

    static func retyped(_ mentions: [Mention], fields: [AnalyzedText], lang: String, learnt: LearntNames) -> [Mention] {
        var evidence = Self.evidence(mentions, fields: fields, lang: lang, surnames: false)
        let (learntOrganisations, learntWorks) = learnt.lists(lang: lang)
        var organisations = evidence.organisation
        var works = evidence.work
        // Learnt names where the article's own words say nothing: an organisation only over a person's
        // reading (a miscellaneous name may be the nationality or the product that shares it), a work
        // over any other reading.
        for m in mentions where m.type != .miscellaneous && m.type.isName {
            if m.type == .person, learntOrganisations.contains(m.span.text) { organisations.insert(m.span.text) }
            if learntWorks.contains(m.span.text) { works.insert(m.span.text) }
        }
        // Most articles have no cue and no learnt name: nothing to retype.
        if organisations.isEmpty, works.isEmpty, evidence.personCued.isEmpty, evidence.place.isEmpty { return mentions }
        evidence.person.formUnion(surnames(mentions))
        organisations.subtract(evidence.person)
        organisations.subtract(evidence.work)
        // A company the corpora know is not made a product by one cue ("the software Microsoft owns").
        works = works.subtracting(evidence.person).subtracting(evidence.organisation).filter { !learntOrganisations.contains($0) }
        // A person's cue right before a name makes it a person wherever the tagger read a place or an
        // organisation ("ca sĩ Mỹ Tâm", "Mr Marsh"), unless other words call it something else.
        let people = evidence.personCued.subtracting(evidence.organisation).subtracting(evidence.work).subtracting(evidence.place)
        // A place's cue ("xã Thủy Vân", "the town of Reading") makes a person's reading a place.
        let places = evidence.place.subtracting(evidence.person).subtracting(evidence.organisation)
        guard !organisations.isEmpty || !works.isEmpty || !people.isEmpty || !places.isEmpty else { return mentions }
        var out = mentions
        // Exact names only: a longer one that begins with the organisation's is as often its product
        // ("Toyota Hilux", "Airbus A380") as its part ("Nintendo Europe").
        for (i, m) in mentions.enumerated() where m.type.isName {
            let text = m.span.text
            if m.type == .person || m.type == .miscellaneous, organisations.contains(text) {
                out[i].type = .organization
            } else if m.type != .miscellaneous, works.contains(text) {
                out[i].type = .miscellaneous
            } else if m.type != .person, people.contains(text) {
                out[i].type = .person
            } else if m.type == .person, places.contains(text) {
                out[i].type = .location
            }
        }
        return out
    }

    /// `surnames`: whether `person` also holds the surnames of longer persons' names (`retyped` adds
    /// them only when it has something to retype).
    static func evidence(_ mentions: [Mention], fields: [AnalyzedText], lang: String,
                         gazetteer: Gazetteer = .shared, surnames withSurnames: Bool = true) -> Evidence {
        guard let cues = lang == "vi" ? vietnamese : lang == "en" ? englishWords : nil else { return Evidence() }
        var evidence = Evidence()
        var cuedMentions: [Int] = []
        if withSurnames { evidence.person = surnames(mentions) }
        for field in fields {
            let inField = mentions.indices.filter { mentions[$0].span.field == field.field && mentions[$0].type.isName }
            guard !inField.isEmpty else { continue }
            // The mention a token begins, for the lists after a cued name (few articles have one).
            var mentionAt: [Int: Int]?
            func mention(at k: Int) -> Int? {
                if mentionAt == nil {
                    var table: [Int: Int] = [:]
                    for i in inField { if let k = field.tokenIndex(startingAt: mentions[i].span.start) { table[k] = i } }
                    mentionAt = table
                }
                return mentionAt![k]
            }
            for i in inField {
                let m = mentions[i]
                // "công ty bầu Đức": a lowercase word begins a person's title, not a name.
                guard NameSpans.startsWithCapital(m.span.text), let first = field.tokenIndex(startingAt: m.span.start) else { continue }
                let (before, length) = cues.before(field.tokens, first)
                // The token after the name; a possessive the span left out is skipped over.
                var next = first
                while next < field.tokens.count, field.tokens[next].start < m.span.end { next += 1 }
                if before == .person || cues.personAfter(field.tokens, next) {
                    evidence.person.insert(m.span.text)
                    // Only a title no organisation follows ("chủ tịch Hòa Phát" is its chairman, "cầu thủ Hà
                    // Nội" a player of the club), a one-word one written in lower case in Vietnamese (a
                    // capitalised "Bà", "Anh" may begin a name: "Bà Rịa", "Anh Tuấn"); no listed place is made
                    // a person.
                    if before == .person, lang != "vi" || length > 1 || field.tokens[first - length].isPlainLowercase,
                       cues.personalTitles.contains(cues.phrase(field.tokens, first, length)),
                       !gazetteer.isPlace(m.span.text) {
                        evidence.personCued.insert(m.span.text)
                    }
                    continue
                }
                if before == .place {
                    if lang != "vi" || field.tokens[first - length].isPlainLowercase { evidence.place.insert(m.span.text) }
                    continue
                }
                if before == .work || m.type != .miscellaneous && cues.workAfter(field.tokens, next) {
                    // Not a work's cue before a name inside a longer noun ("Hiệp hội Doanh nghiệp CNTT và
                    // phần mềm VINASA", "Viện nghiên cứu và ứng dụng Kangaroo") or before an acronym, nor for a
                    // place or a name with an organisation's head word ("chương trình Trường Đại học FPT").
                    // After a name the noun is the product's own ("PSP console").
                    let joined = before == .work && first - length >= 1
                        && cues.closers.contains(Words.lowercase(field.tokens[first - length - 1]))
                    if !joined, before != .work || !isAcronym(m.span.text), !cues.startsWithOrganisationHead(m.span.text),
                       !gazetteer.isPlace(m.span.text) {
                        evidence.work.insert(m.span.text)
                    }
                    continue
                }
                var cued = before == .organization
                // Not for a miscellaneous name: "Japanese shareholders" are not a company's.
                if !cued, m.type != .miscellaneous,
                   cues.after(field.tokens, next, possessive: field.tokens[next - 1].end > m.span.end) { cued = true }
                guard cued else { continue }
                cuedMentions.append(i)
                // A list that follows a cued name shares its cue: ", B, C and D". Only a list that an
                // "and" closes: after a comma alone may come anyone ("bookmaker Ladbrokes, John …").
                var listed: [Int] = []
                var closed = false
                var k = next
                while k + 1 < field.tokens.count, cues.joins.contains(Words.lowercase(field.tokens[k])) {
                    var j = k + 1
                    if cues.closers.contains(Words.lowercase(field.tokens[k])) { closed = true }
                    if mention(at: j) == nil, cues.closers.contains(Words.lowercase(field.tokens[j])) { closed = true; j += 1 }
                    guard j < field.tokens.count, let named = mention(at: j) else { break }
                    listed.append(named)
                    k = j
                    while k < field.tokens.count, field.tokens[k].start < mentions[named].span.end { k += 1 }
                    if closed { break }
                }
                if closed { cuedMentions += listed }
            }
        }
        // A place is not made an organisation by the words after it ("US shares", "Asia shares"), nor
        // by a team's cue ("đội bóng Tây Ban Nha"): the tagger's reading of a place stands.
        for i in cuedMentions where !gazetteer.isPlace(mentions[i].span.text) {
            evidence.organisation.insert(mentions[i].span.text)
        }
        return evidence
    }

    /// The last words of persons' names of more than one word: "Ford" of "Harrison Ford", a surname,
    /// which a lone "Ford" in the same article stands for.
    static func surnames(_ mentions: [Mention]) -> Set<String> {
        var out: Set<String> = []
        for m in mentions where m.type == .person {
            if let space = m.span.text.lastIndex(of: " ") { out.insert(String(m.span.text[m.span.text.index(after: space)...])) }
        }
        return out
    }

    enum Cue { case organization, person, work, place, none }

    /// All capitals, two letters or more: an organisation's or a product's initials, never cued as a work.
    static func isAcronym(_ text: String) -> Bool {
        var letters = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
