import LedeModel

/// The cue words `NameCues` reads around names, by language, and how they are looked up.
extension NameCues {
    struct Words: Sendable {
        /// Lowercase words (one or more tokens, joined by a space) right before a name.
        var organisationBefore: Set<String>
        var personBefore: Set<String>
        var workBefore: Set<String>
        var placeBefore: Set<String> = []
        /// Titles that only a person's name follows (a subset of `personBefore`).
        var personalTitles: Set<String> = []
        /// A lowercase word after a work's or a product's name ("PSP console").
        var workNounsAfter: Set<String> = []
        /// A word right after a name ("Inc"), as written.
        var organisationAfter: Set<String>
        var personAfterWords: Set<String> = []
        /// Capitalised words that begin an organisation's name ("Trường", "Công ty").
        var organisationHeads: [String] = []
        /// A lowercase word after a name or its possessive ("X shares", "X's shareholders").
        var organisationNounsAfter: Set<String>
        /// Words that join the names of a list, and those of them that close it.
        var joins: Set<String>
        var closers: Set<String>

        init(organisationBefore: [[String]], personBefore: [[String]], workBefore: [[String]], organisationAfter: Set<String>,
             organisationNounsAfter: Set<String>, joins: Set<String>, closers: Set<String>) {
            self.organisationBefore = Set(organisationBefore.map { $0.joined(separator: " ") })
            self.personBefore = Set(personBefore.map { $0.joined(separator: " ") })
            self.workBefore = Set(workBefore.map { $0.joined(separator: " ") })
            self.organisationAfter = organisationAfter
            self.organisationNounsAfter = organisationNounsAfter
            self.joins = joins
            self.closers = closers
        }

        /// Every cue before a name by its last word, longest first: most names have no cue word before
        /// them, and the others one or two cues to compare.
        var byLastWord: [String: [(words: [String], cue: Cue)]] = [:]

        /// The cue index, once every list is set.
        func indexed() -> Words {
            var out = self
            out.byLastWord = [:]
            // A phrase in two lists counts as the first: a person's, an organisation's, a work's, a place's.
            for (list, cue) in [(personBefore, Cue.person), (organisationBefore, .organization), (workBefore, .work), (placeBefore, .place)] {
                for phrase in list {
                    let words = phrase.split(separator: " ").map(String.init)
                    guard let last = words.last, out.byLastWord[last]?.contains(where: { $0.words == words }) != true else { continue }
                    out.byLastWord[last, default: []].append((words, cue))
                }
            }
            for key in out.byLastWord.keys { out.byLastWord[key]!.sort { $0.words.count > $1.words.count } }
            return out
        }

        /// The longest cue wins ("nhà báo" is no "báo").
        func before(_ tokens: [Token], _ first: Int) -> (cue: Cue, length: Int) {
            guard first >= 1, let candidates = byLastWord[Self.lowercase(tokens[first - 1])] else { return (.none, 0) }
            for candidate in candidates where candidate.words.count <= first {
                let n = candidate.words.count
                if n == 1 || zip(candidate.words.dropLast(), tokens[(first - n)..<(first - 1)]).allSatisfy({ $0 == Self.lowercase($1) }) {
                    return (candidate.cue, n)
                }
            }
            return (.none, 0)
        }

        /// The `length` tokens before `first`, lowercased and joined.
        func phrase(_ tokens: [Token], _ first: Int, _ length: Int) -> String {
            tokens[(first - length)..<first].map(Self.lowercase).joined(separator: " ")
        }

        func workAfter(_ tokens: [Token], _ next: Int) -> Bool {
            next < tokens.count && tokens[next].isPlainLowercase && workNounsAfter.contains(tokens[next].text)
        }

        func startsWithOrganisationHead(_ text: String) -> Bool {
            organisationHeads.contains { text.hasPrefix($0 + " ") }
        }

        static func lowercase(_ token: Token) -> String {
            token.isPlainLowercase ? token.text : token.text.lowercased()
        }

        /// Two lowercase words after a name that make it a person's ("X vào vai": X plays the part).
        func personAfter(_ tokens: [Token], _ next: Int) -> Bool {
            guard !personAfterWords.isEmpty, next + 1 < tokens.count, tokens[next].isPlainLowercase, tokens[next + 1].isPlainLowercase
            else { return false }
            return personAfterWords.contains(tokens[next].text + " " + tokens[next + 1].text)
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

    static let englishCues = Words(
        organisationBefore: words("""
            firm,firms,company,companies,giant,giants,maker,makers,manufacturer,manufacturers,carrier,carriers,\
            airline,airlines,operator,operators,retailer,retailers,bookmaker,bookmakers,bank,banks,lender,lenders,\
            insurer,insurers,broadcaster,broadcasters,studio,studios,brewer,conglomerate,\
            supermarket,supermarkets,chain,newspaper,website,network,agency,outfit,label,group,watchdog,regulator
            """),
        personBefore: words("""
            mr,mrs,ms,miss,dr,sir,lady,lord,president,minister,senator,chancellor,secretary,coach,manager,striker,\
            midfielder,defender,goalkeeper,singer,actor,actress,star,director,author,judge,pope,king,queen,prince,\
            presenter,writer,comedian,rapper,chairman,chief executive,boss
            """),
        workBefore: words("""
            film,movie,series,sitcom,programme,documentary,drama,album,single,song,novel,book,musical,\
            game,videogame,console,handset,software,program,browser,aircraft,jet,jets,fighter,helicopter,\
            tournament,championship,festival,festivals,ceremony
            """),
        organisationAfter: ["Inc", "Inc.", "Corp", "Corp.", "Corporation", "plc", "Plc", "PLC", "Ltd", "Ltd.", "LLC", "AG", "GmbH"],
        organisationNounsAfter: ["shares", "shareholders", "subscribers", "customers", "subsidiary", "profits", "revenues"],
        joins: [",", "and", "or", "&"], closers: ["and", "or", "&"])

    // Not "công ty", "doanh nghiệp" or "quỹ": Vietnamese puts an owner right after them without "của"
    // ("công ty bầu Đức", "phía công ty Seo Ye Ji"); not "tổ chức", also the verb "to hold" ("tổ chức Kỳ
    // thi"); not "báo", "nhà sản xuất", "mạng xã hội", which end a person's title ("nhà báo", "đạo diễn -
    // nhà sản xuất Lý Hải", "hot girl mạng xã hội Demi Rose"). Not "lễ hội": a festival is named by its
    // place ("lễ hội Tràng An").
    static let englishWords: Words = {
        var words = englishCues
        words.placeBefore = Set(Self.words("city of,town of,village of,county of,state of,province of,region of").map { $0.joined(separator: " ") })
        words.workNounsAfter = ["console", "consoles", "handset", "handsets", "browser", "album", "sitcom", "musical"]
        words.personalTitles = Set(Self.words("""
            mr,mrs,ms,miss,dr,sir,lady,lord,president,senator,king,queen,prince,pope,singer,actor,actress,comedian,\
            rapper,writer,author
            """).map { $0.joined(separator: " ") })
        return words.indexed()
    }()

    static let vietnamese: Words = {
        var words = vietnameseCues
        words.placeBefore = Set(Self.words("""
            xã,phường,thị trấn,thị xã,huyện,quận,tỉnh,thôn,ấp,làng,xóm,thành phố,đảo,sông,núi,vịnh,hồ
            """).map { $0.joined(separator: " ") })
        words.personalTitles = Set(Self.words("""
            ông,bà,anh,chị,cô,chú,bác,cụ,em,bé,cháu,ca sĩ,diễn viên,nghệ sĩ,nhà văn
            """).map { $0.joined(separator: " ") })
        words.personAfterWords = Set(Self.words("vào vai,đóng vai,thủ vai").map { $0.joined(separator: " ") })
        words.organisationHeads = Self.words("""
            Trường,Đại học,Học viện,Viện,Công ty,Tập đoàn,Ngân hàng,Bộ,Sở,Cục,Tổng cục,Hiệp hội,Trung tâm,Bệnh viện,\
            Ủy ban,Hội đồng,Ban,Đài,Báo
            """).map { phrase in phrase.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") }
        return words.indexed()
    }()

    static let vietnameseCues = Words(
        organisationBefore: words("""
            hãng,tập đoàn,ngân hàng,nhà mạng,đội bóng,câu lạc bộ,clb,hãng tin,thương hiệu,nhãn hàng,nhà bán lẻ,\
            hãng hàng không,nhà băng,tờ báo
            """),
        personBefore: words("""
            ông,bà,anh,chị,cô,chú,bác,cụ,em,bé,cháu,ca sĩ,diễn viên,cầu thủ,hlv,tiền đạo,tiền vệ,thủ môn,\
            tổng thống,thủ tướng,bộ trưởng,nghệ sĩ,nhà văn,giám đốc,chủ tịch,tỷ phú,nhà sáng lập,người sáng lập,\
            dẫn chương trình,người dẫn chương trình,nhà sản xuất phim,đạo diễn,biên kịch
            """),
        workBefore: words("""
            phim,bộ phim,chương trình,ca khúc,bài hát,album,cuốn sách,tiểu thuyết,trò chơi,ứng dụng,phần mềm,\
            mẫu xe,dòng xe,mẫu điện thoại,dòng điện thoại,smartphone,giải đấu,vở kịch,tàu
            """),
        organisationAfter: [],
        organisationNounsAfter: [],
        joins: [",", "và", "hoặc"], closers: ["và", "hoặc"])
}
