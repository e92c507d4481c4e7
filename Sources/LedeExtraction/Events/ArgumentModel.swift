import LedeModel
/// Who acts and who is acted on, learnt: for each of an event's sentence's argument candidates the
/// role model gives the probability that it is the actor, the recipient or neither, from its side of
/// the trigger and its distance, the words that introduce it ("bởi", "by", "của", "từ", "cho"), the
/// passive and receiving cues around the trigger, what kind of participant it is, and which one the
/// position rules of `ArgumentRoles` chose. The rules stay the reading of a sentence the annotations
/// never showed; the model corrects them where the annotated articles disagree with them.
enum ArgumentModel {
    /// Classes of the role model, in this order.
    static let classes = ["NONE", "ACTOR", "RECIPIENT"]
    /// What the rules' choice adds to a candidate's probability for its role (chosen on the dev
    /// articles: with nothing added the model forgets rare readings, with much more it never corrects).
    static let ruleWeight: Float = 0.3

    private static let tag = EventFeatures.tag
    private static let biasTag = tag("rbias"), sideTag = tag("rside"), distanceTag = tag("rdist"), rankTag = tag("rrank")
    private static let kindTag = tag("rkind"), agentTag = tag("ragent"), ruleTag = tag("rrule"), beforeTag = tag("rprev")
    private static let before2Tag = tag("rprev2"), afterTag = tag("rnext"), typeTag = tag("rtype"), triggerTag = tag("rtrig")
    private static let passiveTag = tag("rpassive"), clauseTag = tag("rclause"), startTag = tag("rstart")
    private static let firstTag = tag("rfirst"), titleTag = tag("rtitle"), triggerPrevTag = tag("rtprev")
    private static let triggerNextTag = tag("rtnext"), markTag = tag("rmark"), countTag = tag("rcount")

    private static func bucket(_ d: Int) -> UInt32 {
        switch d {
        case ..<1: 0
        case 1: 1
        case 2: 2
        case 3: 3
        case 4...5: 4
        case 6...8: 5
        case 9...12: 6
        default: 7
        }
    }

    /// The features of candidate `c` for the event whose trigger is `trigger`; `type` is its PLOVER
    /// type, `rules` what the position rules chose, `others` the sentence's candidates beside the
    /// trigger (`c` among them).
    static func features(
        _ c: ArgumentCandidate, trigger: Range<Int>, sentence: Range<Int>, text: EventText, type: String,
        rules: ArgumentRoles, others: [ArgumentCandidate]
    ) -> [UInt64] {
        let w = text.words
        let after = c.words.lowerBound >= trigger.upperBound
        let side: UInt32 = after ? 2 : 1
        let sided = { (tag: UInt64) in FeatureHash.add(tag, side) }
        let distance = after ? c.words.lowerBound - trigger.upperBound : trigger.lowerBound - c.words.upperBound
        let between = after ? trigger.upperBound..<c.words.lowerBound : c.words.upperBound..<trigger.lowerBound
        let rank = others.filter { $0 != c && between.contains($0.words.lowerBound) }.count
        let kind = EventFeatures.kind(c)
        let typeKey = FeatureHash.string(type)
        let rule: UInt32 = c == rules.actor ? 1 : c == rules.recipient ? 2 : 0
        let marks: UInt32 = (c.isLocative ? 1 : 0) | (c.isModifier ? 2 : 0) | (c.isPlace ? 4 : 0) | (c.entity != nil ? 8 : 0)
            | (c.isPronoun ? 16 : 0)
        var out: [UInt64] = [
            biasTag, sided(biasTag),
            FeatureHash.add(sided(distanceTag), bucket(distance)),
            FeatureHash.add(sided(rankTag), UInt32(min(rank, 3))),
            FeatureHash.add(sided(kindTag), kind),
            FeatureHash.add(ruleTag, rule),
            FeatureHash.add(sided(ruleTag), rule),
            FeatureHash.add(sided(markTag), marks),
            FeatureHash.combine(sided(typeTag), typeKey),
            FeatureHash.add(FeatureHash.combine(sided(typeTag), typeKey), kind),
            FeatureHash.add(FeatureHash.combine(ruleTag, typeKey), rule),
            FeatureHash.combine(sided(triggerTag), w[trigger.lowerBound].key),
            FeatureHash.add(sided(countTag), UInt32(min(others.count, 4))),
        ]
        if let cameo = c.cameo, cameo.count >= 3 {
            out.append(FeatureHash.combine(sided(agentTag), FeatureHash.string(String(cameo.suffix(3)))))
        }
        // What introduces the candidate and what follows it: "bởi X", "của X", "từ X", "X cho".
        if c.words.lowerBound > sentence.lowerBound {
            out.append(FeatureHash.combine(sided(beforeTag), w[c.words.lowerBound - 1].key))
            if c.words.lowerBound - 1 > sentence.lowerBound {
                out.append(FeatureHash.combine(sided(before2Tag), w[c.words.lowerBound - 2].key))
            }
        } else {
            out.append(sided(startTag))
        }
        if c.words.upperBound < sentence.upperBound {
            out.append(FeatureHash.combine(sided(afterTag), w[c.words.upperBound].key))
        }
        // The words just around the trigger: "bị", "was", "nhận", "received", "của", "by".
        if trigger.lowerBound > sentence.lowerBound {
            out.append(FeatureHash.combine(sided(triggerPrevTag), w[trigger.lowerBound - 1].key))
        }
        if trigger.upperBound < sentence.upperBound {
            out.append(FeatureHash.combine(sided(triggerNextTag), w[trigger.upperBound].key))
        }
        let passive = (max(sentence.lowerBound, trigger.lowerBound - 4)..<trigger.lowerBound)
            .contains { ArgumentRoles.passiveWords.contains(w, $0) }
        if passive { out.append(FeatureHash.add(sided(passiveTag), kind)) }
        // A comma between them: another clause, often another subject.
        if between.contains(where: { text.commaBefore($0) }) || (after && text.commaBefore(c.words.lowerBound)) {
            out.append(sided(clauseTag))
        }
        if others.first(where: { !$0.isLocative && !$0.isPlace && !$0.isModifier }) == c { out.append(sided(firstTag)) }
        if text.field == .title { out.append(sided(titleTag)) }
        return out
    }

    /// The candidates of a trigger's sentence that may take a role: all but those that overlap the
    /// trigger. Training and extraction both take them from here, so they see the same ones.
    static func roleCandidates(_ candidates: [ArgumentCandidate], trigger: Range<Int>) -> [ArgumentCandidate] {
        candidates.filter { !$0.words.overlaps(trigger) }
    }

    /// The actor and the recipient the role model chooses among the sentence's `candidates` beside the
    /// trigger: for each role the likeliest, when its score reaches `threshold`; the location stays the
    /// rules'.
    static func assign(
        _ model: LinearClassifier, threshold: Float, trigger: Range<Int>, sentence: Range<Int>, text: EventText,
        type: String, rules: ArgumentRoles, candidates: [ArgumentCandidate]
    ) -> ArgumentRoles {
        let others = roleCandidates(candidates, trigger: trigger)
        var roles = rules
        roles.actor = nil
        roles.recipient = nil
        guard !others.isEmpty else { return roles }
        let p = others.map {
            model.probabilities(features($0, trigger: trigger, sentence: sentence, text: text, type: type, rules: rules, others: others))
        }
        // The rules' choice keeps a head start: they encode readings ("giải phóng X khỏi IS") the
        // annotated articles show too seldom for the model to learn.
        let bonus = ArgumentModel.ruleWeight
        func score(_ k: Int, _ role: Int) -> Float {
            p[k][role] + ((role == 1 ? rules.actor : rules.recipient) == others[k] ? bonus : 0)
        }
        let actor = others.indices.max { score($0, 1) < score($1, 1) }!
        if score(actor, 1) >= threshold { roles.actor = others[actor] }
        let recipient = others.indices.filter { others[$0] != roles.actor }.max { score($0, 2) < score($1, 2) }
        if let recipient, score(recipient, 2) >= threshold { roles.recipient = others[recipient] }
        return roles
    }
}
