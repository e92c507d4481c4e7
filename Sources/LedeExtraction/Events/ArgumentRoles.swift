import LedeModel
/// Which candidate plays which part in an event, by position around its trigger.
struct ArgumentRoles {
    var actor: ArgumentCandidate?
    var recipient: ArgumentCandidate?
    var location: ArgumentCandidate?

    /// Words an actor search does not cross going back ("nhằm", "nếu": a new purpose or condition clause).
    static let actorStops = CuePhrases(["về", "about", "nhằm", "mà", "nếu", "khi", "vì", "because", "if", "when", "while", "whereas", "which", "who"])
    /// Words a recipient search does not cross going forward ("về": the topic of talks follows).
    static let recipientStops = CuePhrases(["về", "nhằm", "mà", "nếu", "khi", "vì", "rằng", "sau", "trước",
                                            "about", "that", "because", "if", "when", "while", "after", "before"])
    /// Words that open a sentence with a phrase before its subject.
    static let openers = CuePhrases(["trong", "tại", "sau", "trước", "in", "during", "after", "at"])
    static let receiveWords = CuePhrases(["nhận", "received", "receives", "receive", "got"])
    static let betweenWords = CuePhrases(["giữa", "between"])
    static let andWords = CuePhrases(["và", "với", "and"])
    static let passiveWords = CuePhrases(["bị", "were", "was"])
    static let toWords = CuePhrases(["cho", "tới", "đến", "to"])
    static let afterBefore = CuePhrases(["sau khi", "trước khi", "after", "before"])
    static let fromWords = CuePhrases(["khỏi", "from"])
    /// "từ tay IS" (from the hands of): who loses follows "tay".
    static let fromHands = CuePhrases(["từ tay"])
    /// "nhận viện trợ từ Nga": the giver follows.
    static let giverWords = CuePhrases(["từ", "from"])
    static let ofWords = CuePhrases(["của", "of"])
    static let byWords = CuePhrases(["bởi", "by"])
    /// "the release of": an English trigger after one is a noun.
    static let determiners = CuePhrases(["the", "a", "an", "its", "their", "his", "her"])

    /// `movesForces`: the trigger moves the actor's own forces (MOBILIZE, RETREAT), so "troops" after it
    /// are what moves, not a recipient.
    static func assign(trigger: Range<Int>, sentence: Range<Int>, candidates: [ArgumentCandidate], text: EventText,
                       lang: String, movesForces: Bool = false) -> ArgumentRoles {
        let w = text.words
        let others = candidates.filter { !$0.words.overlaps(trigger) }
        let agents = others.filter { !$0.isLocative && !$0.isPlace && !$0.isModifier }
        var roles = ArgumentRoles()

        // Location: the nearest place introduced by "tại/ở/in/at", else the nearest place name after.
        let places = others.filter(\.isLocative)
        func gap(_ c: ArgumentCandidate) -> Int {
            c.words.lowerBound >= trigger.upperBound ? c.words.lowerBound - trigger.upperBound : trigger.lowerBound - c.words.upperBound + 2
        }
        roles.location = places.filter { gap($0) <= 25 }.min { gap($0) < gap($1) }
            ?? others.filter { $0.isPlace && $0.words.lowerBound >= trigger.upperBound && gap($0) <= 10 }.first
        // "Geneva, Thụy Sĩ": the first place of an apposition is the precise one.
        while let loc = roles.location,
            let before = places.last(where: { $0.words.upperBound == loc.words.lowerBound }), w[loc.words.lowerBound].breakBefore
        {
            roles.location = before
        }

        // "cuộc giao tranh giữa quân đội và các nhóm vũ trang", "clashes between X and Y": both sides.
        if trigger.upperBound < sentence.upperBound - 1, betweenWords.contains(w, trigger.upperBound),
            let first = agents.first(where: { $0.words.lowerBound == trigger.upperBound + 1 })
        {
            roles.actor = first
            if let and = (first.words.upperBound..<min(sentence.upperBound, first.words.upperBound + 4))
                .first(where: { andWords.contains(w, $0) })
            {
                roles.recipient = agents.first { $0.words.lowerBound > and && $0.words.lowerBound - and <= 3 }
            }
            return roles
        }
        // Passive: "lực lượng Armenia bị phá hủy", "bị IS chiếm giữ", "were arrested by police".
        if let b = (max(sentence.lowerBound, trigger.lowerBound - 4)..<min(trigger.upperBound, sentence.upperBound))
            .last(where: { passiveWords.contains(w, $0) && $0 <= trigger.lowerBound })
        {
            let between = agents.first { $0.words.lowerBound > b && $0.words.upperBound <= trigger.lowerBound }
            roles.actor = between
            roles.recipient = agents.last { $0.words.upperBound <= b && b - $0.words.upperBound <= 6 }
            if roles.actor == nil, trigger.upperBound + 1 < sentence.upperBound, byWords.contains(w, trigger.upperBound) {
                roles.actor = agents.first { $0.words.lowerBound == trigger.upperBound + 1 }
            }
            return roles
        }
        // "Ấn Độ đã nhận được lô hàng cứu trợ từ Nga", "received aid from Japan": the subject receives,
        // the giver follows "từ/from".
        if let r = (max(sentence.lowerBound, trigger.lowerBound - 3)..<trigger.lowerBound).last(where: { receiveWords.contains(w, $0) }) {
            roles.recipient = agents.last { $0.words.upperBound <= r && r - $0.words.upperBound <= 8 }
            var f = trigger.upperBound
            while f < sentence.upperBound - 1, f - trigger.upperBound <= 8 {
                if giverWords.contains(w, f), let c = agents.first(where: { $0.words.lowerBound == f + 1 }) {
                    roles.actor = c
                    break
                }
                f += 1
            }
            return roles
        }
        // "sự trợ giúp của Nga", "attack by rebels": the actor follows the trigger. In English "of"
        // only follows a noun trigger ("the release of"), not a verb's object ("captured the town of").
        let nominal = lang != "en" || (trigger.lowerBound > sentence.lowerBound
            && determiners.contains(w, trigger.lowerBound - 1))
        var k = trigger.upperBound
        while k < sentence.upperBound, k - trigger.upperBound <= 3, !w[k].breakBefore || k == trigger.upperBound {
            // A place can act here: "theo đề nghị của Damascus" is the government's request.
            if (ofWords.contains(w, k) && nominal) || byWords.contains(w, k),
                let after = others.first(where: { $0.words.lowerBound == k + 1 && !$0.isModifier })
            {
                roles.actor = after
                if byWords.contains(w, k) {
                    roles.recipient = agents.last { $0.words.upperBound <= trigger.lowerBound && trigger.lowerBound - $0.words.upperBound <= 6 }
                } else {
                    // "hàng cứu trợ của Mỹ cho Ấn Độ": the recipient follows "cho".
                    var r = after.words.upperBound
                    while r < sentence.upperBound - 1, r - after.words.upperBound <= 4, !recipientStops.contains(w, r) {
                        if toWords.contains(w, r), let c = agents.first(where: { $0.words.lowerBound == r + 1 }) {
                            roles.recipient = c
                            break
                        }
                        r += 1
                    }
                }
                return roles
            }
            k += 1
        }

        // Actor: the nearest candidate before, not across a purpose or condition clause.
        var p = trigger.lowerBound - 1
        while p >= sentence.lowerBound, trigger.lowerBound - p <= 22 {
            // "Sau khi quét sạch IS ở Syria, quân đội Nga …": a clause-initial "after/before" clause has
            // its subject after the comma that closes it.
            let single = afterBefore.contains(w, p)
            if p > sentence.lowerBound, single || afterBefore.containsPair(w, endingAt: p) {
                let opener = single ? p : p - 1
                if opener == sentence.lowerBound || text.commaBefore(opener) {
                    if let comma = (trigger.upperBound..<sentence.upperBound).first(where: { w[$0].breakBefore }),
                        let c = agents.first(where: { $0.words.lowerBound >= comma && $0.words.lowerBound - comma <= 2 })
                    {
                        roles.actor = c
                    }
                    break
                }
                p = opener - 1
                continue
            }
            if actorStops.contains(w, p) { break }
            if let c = agents.last(where: { $0.words.contains(p) }) {
                roles.actor = c
                break
            }
            p -= 1
        }
        // "giải phóng Syria khỏi IS", "từ tay IS", "from IS": who loses is the recipient.
        var f = trigger.upperBound
        while f < sentence.upperBound - 1, f - trigger.upperBound <= 8, !recipientStops.contains(w, f) {
            let hands = fromHands.containsPair(w, endingAt: f + 1)
            if fromWords.contains(w, f) || hands {
                let next = hands ? f + 2 : f + 1
                if let c = agents.first(where: { $0.words.lowerBound == next }) {
                    roles.recipient = c
                    return roles
                }
            }
            f += 1
        }
        // "Trong cuộc điện đàm hôm qua, Tổng thống Putin và Thủ tướng Modi …": a trigger in an opening
        // phrase takes the subject after the comma that closes it.
        if roles.actor == nil, openers.contains(w, sentence.lowerBound),
            !agents.contains(where: { $0.words.upperBound <= trigger.lowerBound }),
            let comma = (trigger.upperBound..<sentence.upperBound).first(where: { text.commaBefore($0) }),
            let subject = agents.first(where: { $0.words.lowerBound >= comma && $0.words.lowerBound - comma <= 3 })
        {
            roles.actor = subject
            return roles
        }
        // Recipient: the first candidate after, within eight words, not across a topic or clause.
        var q = trigger.upperBound
        while q < sentence.upperBound, q - trigger.upperBound <= 8 {
            if recipientStops.contains(w, q) { break }
            if let c = agents.first(where: { $0.words.lowerBound == q }) {
                if movesForces, c.country == nil, c.entity == nil, c.cameo.map({ $0.hasPrefix("MIL") }) ?? false {
                    q = c.words.upperBound
                    continue
                }
                roles.recipient = c
                break
            }
            q += 1
        }
        if let r = roles.recipient, let a = roles.actor, r == a { roles.recipient = nil }
        return roles
    }
}
