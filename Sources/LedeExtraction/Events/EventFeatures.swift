import LedeModel
/// The features the event models read, as hashes. Tags keep the kinds apart; changing any feature
/// here changes what a model's weights mean, so `EventModel.featureVersion` must then be bumped and
/// the models retrained.
enum EventFeatures {
    static let version: UInt32 = 7

    static func tag(_ name: StaticString) -> UInt64 {
        var h = FeatureHash.seed
        name.withUTF8Buffer { for b in $0 { h = FeatureHash.add(h, UInt32(b)) } }
        return h
    }

    private static let wordTag = tag("w"), titleWordTag = tag("tw"), biasTag = tag("bias")

    /// What an article is about, from its words: each distinct word of the title and of the body once
    /// (a title word also counts apart: headlines say what the article is about).
    static func topic(_ fields: [EventText]) -> [UInt64] {
        var seen = Set<UInt64>()
        var out = [biasTag]
        for text in fields {
            let tagged = text.field == .title ? titleWordTag : wordTag
            for w in text.words where w.text.unicodeScalars.count > 1 {
                if seen.insert(FeatureHash.combine(tagged, w.key)).inserted {
                    out.append(FeatureHash.combine(tagged, w.key))
                    if text.field == .title { out.append(FeatureHash.combine(wordTag, w.key)) }
                }
            }
        }
        return out
    }

    private static let phraseTag = tag("p"), firstTag = tag("f"), lastTag = tag("l"), lexTag = tag("lex")
    private static let learnedTag = tag("learned"), needsTag = tag("needs"), capTag = tag("cap")
    private static let prevCapTag = tag("pcap"), nextCapTag = tag("ncap"), inNameTag = tag("inname")
    private static let leftTag = tag("L"), rightTag = tag("R"), leftBagTag = tag("LB"), rightBagTag = tag("RB")
    private static let leftPhraseTag = tag("Lp"), rightPhraseTag = tag("Rp"), topicTag = tag("topic")
    private static let topicLexTag = tag("topiclex"), topicPhraseTag = tag("topicp"), titleTag = tag("title")
    private static let nameBeforeTag = tag("nb"), nameAfterTag = tag("na"), noNameTag = tag("nn")
    private static let breakBeforeTag = tag("brk"), sentenceStartTag = tag("start"), countryTag = tag("country")
    private static let fineTag = tag("fine"), middleTag = tag("mid"), leftClassTag = tag("Lc"), rightClassTag = tag("Rc")
    private static let actorTag = tag("actor"), recipientTag = tag("recipient"), locationTag = tag("where")
    private static let afterDemandTag = tag("afterdemand"), quotedTag = tag("quoted"), unsureTopicTag = tag("unsure")

    /// How many of `trigger`'s first features name the candidate's own words: training drops them at
    /// random, so that the model also learns what the context says (it must judge phrases it never saw).
    static let identityFeatures = 3

    /// What kind of participant an argument is: 1 a person, 2 a country, 3 another place, 4 an
    /// organisation, 5 a listed actor word ("police", "quân đội"), 6 anything else.
    static func kind(_ a: ArgumentCandidate) -> UInt32 {
        if a.isCountry { return 2 }
        if a.isPerson || a.mentionType == .person { return 1 }
        if a.isPlace || a.mentionType == .location { return 3 }
        if a.mentionType == .organization { return 4 }
        if a.cameo != nil { return 5 }
        return 6
    }

    /// A trigger candidate: words `range` of sentence `sentence`, found by the lexicon (`entry`) or
    /// by the model's learned phrases; `names` marks the words inside name mentions with their type
    /// (PER 1, LOC 2, ORG 3, MISC 4; 0 outside).
    /// `afterDemand`: a request, threat, refusal or agreement stands shortly before in the same clause, so
    /// this may be its content ("called for a ceasefire"); `quoted`: inside quotation marks.
    static func trigger(
        _ range: Range<Int>, sentence: Range<Int>, text: EventText, entry: TriggerEntry?, names: [UInt8],
        topic: Topic?, afterDemand: Bool, quoted: Bool, clusters: WordClusters, roles: ArgumentRoles
    ) -> [UInt64] {
        let w = text.words
        var phrase = phraseTag
        for i in range { phrase = FeatureHash.combine(phrase, w[i].key) }
        let topicKey = topic.map { FeatureHash.string($0.label) } ?? unsureTopicTag
        var out: [UInt64] = [
            phrase, FeatureHash.combine(firstTag, w[range.lowerBound].key),
            FeatureHash.combine(lastTag, w[range.upperBound - 1].key),
            biasTag, FeatureHash.combine(topicTag, topicKey),
            FeatureHash.combine(topicPhraseTag, FeatureHash.combine(topicKey, phrase)),
        ]
        // Word classes generalise to words the annotations never showed ("jailed" is like "imprisoned").
        for k in [range.lowerBound, range.upperBound - 1] {
            let packed = clusters.entry(w[k].key).classes
            if packed != 0 {
                out.append(FeatureHash.combine(fineTag, WordClusters.fine(packed)))
                out.append(FeatureHash.combine(middleTag, WordClusters.middle(packed)))
            }
        }
        if range.lowerBound > sentence.lowerBound {
            let packed = clusters.entry(w[range.lowerBound - 1].key).classes
            if packed != 0 { out.append(FeatureHash.combine(leftClassTag, WordClusters.middle(packed))) }
        }
        if range.upperBound < sentence.upperBound {
            let packed = clusters.entry(w[range.upperBound].key).classes
            if packed != 0 { out.append(FeatureHash.combine(rightClassTag, WordClusters.middle(packed))) }
        }
        // Who the argument rules find on each side: a political event has participants.
        out.append(FeatureHash.add(actorTag, roles.actor.map(EventFeatures.kind) ?? 0))
        out.append(FeatureHash.add(recipientTag, roles.recipient.map(EventFeatures.kind) ?? 0))
        if roles.location != nil { out.append(locationTag) }
        if afterDemand { out.append(afterDemandTag) }
        if quoted { out.append(quotedTag) }
        if let entry {
            let type = FeatureHash.string(entry.type)
            out.append(FeatureHash.combine(lexTag, type))
            out.append(FeatureHash.combine(topicLexTag, FeatureHash.combine(topicKey, type)))
            if entry.needsParticipant { out.append(needsTag) }
        } else {
            out.append(learnedTag)
        }
        if text.field == .title { out.append(titleTag) }
        let i = range.lowerBound
        if i == sentence.lowerBound { out.append(sentenceStartTag) }
        if w[i].breakBefore { out.append(breakBeforeTag) }
        if w[i].capitalized, i > sentence.lowerBound { out.append(capTag) }
        if i > sentence.lowerBound, w[i - 1].capitalized, !w[i].breakBefore { out.append(prevCapTag) }
        if range.upperBound < sentence.upperBound, w[range.upperBound].capitalized { out.append(nextCapTag) }
        if let inside = range.lazy.map({ names[$0] }).first(where: { $0 != 0 }) {
            out.append(FeatureHash.add(inNameTag, UInt32(inside)))
        }
        // Words on each side, by position and as a bag, and joined with the phrase.
        for d in 1...3 {
            let l = i - d
            if l >= sentence.lowerBound {
                out.append(FeatureHash.combine(FeatureHash.add(leftTag, UInt32(d)), w[l].key))
                out.append(FeatureHash.combine(leftBagTag, w[l].key))
                if d == 1 { out.append(FeatureHash.combine(leftPhraseTag, FeatureHash.combine(phrase, w[l].key))) }
            }
            let r = range.upperBound - 1 + d
            if r < sentence.upperBound {
                out.append(FeatureHash.combine(FeatureHash.add(rightTag, UInt32(d)), w[r].key))
                out.append(FeatureHash.combine(rightBagTag, w[r].key))
                if d == 1 { out.append(FeatureHash.combine(rightPhraseTag, FeatureHash.combine(phrase, w[r].key))) }
            }
        }
        // Who is named in the clause around it: political actors are names; sport and market
        // reports name teams and firms too, which the topic and the words tell apart.
        var before: UInt8 = 0
        var after: UInt8 = 0
        var k = i - 1
        while k >= sentence.lowerBound, i - k <= 12 {
            if names[k] != 0 { before = names[k]; break }
            k -= 1
        }
        k = range.upperBound
        while k < sentence.upperBound, k - range.upperBound < 12 {
            if names[k] != 0 { after = names[k]; break }
            k += 1
        }
        if before != 0 { out.append(FeatureHash.add(nameBeforeTag, UInt32(before))) }
        if after != 0 { out.append(FeatureHash.add(nameAfterTag, UInt32(after))) }
        if before == 0, after == 0 { out.append(noNameTag) }
        if names[sentence].contains(5) { out.append(countryTag) }
        return out
    }
}
