import LedeModel

/// The words around a name that say what it names, read over the whole article. The tagger decides
/// each mention from a few words and, for a one-word name it has not seen, leans to a person: "oil firm
/// Rosneft", "banking giant Citigroup", "hãng Sharp" came out PER in every mention. Where any mention
/// of a name has an organisation's cue ("firm X", "X Inc", "X's shares", "hãng X") and none has a
/// person's ("Mr X", "ông X"), every mention of that name the tagger read as a person or a
/// miscellaneous name is the organisation's; so are names listed right after the cued one ("firms Sony,
/// Philips and Matsushita"), and names the news corpora show with such cues in several articles
/// (`OrganizationNames`), where this article has no cue of its own.
enum NameCues {
    /// The names of an article that its words call organisations, and those they call persons.
    struct Evidence: Equatable {
        var organisation: Set<String> = []
        var person: Set<String> = []
    }

    static func retyped(_ mentions: [Mention], fields: [AnalyzedText], lang: String,
                        learnt: OrganizationNames) -> [Mention] {
        let evidence = Self.evidence(mentions, fields: fields, lang: lang)
        var names = evidence.organisation
        // Learnt names only over a person's reading: a miscellaneous one may be the nationality or the
        // product that shares the name.
        for m in mentions where m.type == .person {
            if learnt.contains(m.span.text, lang: lang) { names.insert(m.span.text) }
        }
        names.subtract(evidence.person)
        guard !names.isEmpty else { return mentions }
        var out = mentions
        // Exact names only: a longer one that begins with the organisation's is as often its product
        // ("Toyota Hilux", "Airbus A380") as its part ("Nintendo Europe").
        for (i, m) in mentions.enumerated() where m.type == .person || m.type == .miscellaneous {
            if names.contains(m.span.text) { out[i].type = .organization }
        }
        return out
    }

    static func evidence(_ mentions: [Mention], fields: [AnalyzedText], lang: String,
                         gazetteer: Gazetteer = .shared) -> Evidence {
        guard let cues = lang == "vi" ? vietnamese : lang == "en" ? english : nil else { return Evidence() }
        var evidence = Evidence()
        var cuedMentions: [Int] = []
        // A word that ends a longer person's name is that person's surname ("Harrison Ford" … "Ford").
        for m in mentions where m.type == .person {
            if let space = m.span.text.lastIndex(of: " ") {
                evidence.person.insert(String(m.span.text[m.span.text.index(after: space)...]))
            }
        }
        for field in fields {
            let inField = mentions.indices.filter { mentions[$0].span.field == field.field && mentions[$0].type.isName }
            guard !inField.isEmpty else { continue }
            // The first token of each mention, and the mention each such token begins.
            var firstToken: [Int: Int] = [:]
            var mentionAt: [Int: Int] = [:]
            for i in inField {
                guard let k = tokenIndex(field.tokens, startingAt: mentions[i].span.start) else { continue }
                firstToken[i] = k
                mentionAt[k] = i
            }
            for i in inField {
                let m = mentions[i]
                // "công ty bầu Đức": a lowercase word begins a person's title, not a name.
                guard let first = firstToken[i], NameSpans.startsWithCapital(m.span.text) else { continue }
                let before = cues.before(field.tokens, first)
                if before == .person { evidence.person.insert(m.span.text); continue }
                var cued = before == .organization
                // The token after the name; a possessive the span left out is skipped over.
                var next = first
                while next < field.tokens.count, field.tokens[next].start < m.span.end { next += 1 }
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
                while k + 1 < field.tokens.count, cues.joins.contains(field.tokens[k].text.lowercased()) {
                    var j = k + 1
                    if cues.closers.contains(field.tokens[k].text.lowercased()) { closed = true }
                    if mentionAt[j] == nil, cues.closers.contains(field.tokens[j].text.lowercased()) { closed = true; j += 1 }
                    guard j < field.tokens.count, let named = mentionAt[j] else { break }
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
        for i in cuedMentions where !gazetteer.lookup(mentions[i].span.text).contains(where: { $0.kind != .organization }) {
            evidence.organisation.insert(mentions[i].span.text)
        }
        return evidence
    }

    enum Cue { case organization, person, none }

    /// The token that starts at `offset` (tokens are in text order), if one does.
    static func tokenIndex(_ tokens: [Token], startingAt offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && tokens[low].start == offset ? low : nil
    }

    struct Words: Sendable {
        /// Lowercase words (one or more tokens) right before a name.
        var organisationBefore: [[String]]
        var personBefore: [[String]]
        /// A word right after a name ("Inc"), as written.
        var organisationAfter: Set<String>
        /// A lowercase word after a name or its possessive ("X shares", "X's shareholders").
        var organisationNounsAfter: Set<String>
        /// Words that join the names of a list, and those of them that close it.
        var joins: Set<String>
        var closers: Set<String>

        func before(_ tokens: [Token], _ first: Int) -> Cue {
            func matches(_ cue: [String]) -> Bool {
                guard first >= cue.count else { return false }
                return zip(cue, tokens[(first - cue.count)..<first]).allSatisfy { $0 == $1.text.lowercased() }
            }
            if personBefore.contains(where: matches) { return .person }
            if organisationBefore.contains(where: matches) { return .organization }
            return .none
        }

        func after(_ tokens: [Token], _ next: Int, possessive: Bool) -> Bool {
            var k = next
            guard k < tokens.count else { return false }
            if !possessive, organisationAfter.contains(tokens[k].text) { return true }
            if !possessive, ["'s", "\u{2019}s", "'", "\u{2019}"].contains(tokens[k].text) { k += 1 }
            guard k < tokens.count else { return false }
            return organisationNounsAfter.contains(tokens[k].text)
        }
    }

    /// Written in the tokens' normalised form (NFC, one tone-mark style): the analyser's output.
    static func words(_ text: String) -> [[String]] {
        text.split(separator: ",").map { phrase in
            TextAnalyzer.analyze(String(phrase), field: .body).tokens.map { $0.text.lowercased() }
        }
    }

    static let english = Words(
        organisationBefore: words("""
            firm,firms,company,companies,giant,giants,maker,makers,manufacturer,manufacturers,carrier,carriers,\
            airline,airlines,operator,operators,retailer,retailers,bookmaker,bookmakers,bank,banks,lender,lenders,\
            insurer,insurers,broadcaster,broadcasters,studio,studios,brewer,conglomerate,\
            supermarket,supermarkets,chain,newspaper,website,network,agency,outfit,label,group,watchdog,regulator
            """),
        personBefore: words("""
            mr,mrs,ms,miss,dr,sir,lady,lord,president,minister,senator,chancellor,secretary,coach,manager,striker,\
            midfielder,defender,goalkeeper,singer,actor,actress,star,director,author,judge,pope,king,queen,prince
            """),
        organisationAfter: ["Inc", "Inc.", "Corp", "Corp.", "Corporation", "plc", "Plc", "PLC", "Ltd", "Ltd.", "LLC", "AG", "GmbH"],
        organisationNounsAfter: ["shares", "shareholders", "subscribers", "customers", "subsidiary", "profits", "revenues"],
        joins: [",", "and", "or", "&"], closers: ["and", "or", "&"])

    // Not "công ty", "doanh nghiệp" or "quỹ": Vietnamese puts an owner right after them without "của"
    // ("công ty bầu Đức", "phía công ty Seo Ye Ji"); not "tổ chức", also the verb "to hold" ("tổ chức Kỳ
    // thi"); not "báo", "nhà sản xuất", "mạng xã hội", which end a person's title ("nhà báo", "đạo diễn -
    // nhà sản xuất Lý Hải", "hot girl mạng xã hội Demi Rose").
    static let vietnamese = Words(
        organisationBefore: words("""
            hãng,tập đoàn,ngân hàng,nhà mạng,đội bóng,câu lạc bộ,clb,hãng tin,thương hiệu,nhãn hàng,nhà bán lẻ,\
            hãng hàng không,nhà băng,tờ báo
            """),
        personBefore: words("""
            ông,bà,anh,chị,cô,chú,bác,cụ,em,bé,cháu,ca sĩ,diễn viên,cầu thủ,hlv,tiền đạo,tiền vệ,thủ môn,\
            tổng thống,thủ tướng,bộ trưởng,nghệ sĩ,nhà văn,giám đốc,chủ tịch,tỷ phú,nhà sáng lập,người sáng lập
            """),
        organisationAfter: [],
        organisationNounsAfter: [],
        joins: [",", "và", "hoặc"], closers: ["và", "hoặc"])
}
