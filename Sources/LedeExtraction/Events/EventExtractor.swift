import LedeModel
/// Finds PLOVER events in analysed text, given its mentions and entities.
///
/// Candidates are the words and phrases of the language's trigger lexicon and those the event model
/// learnt from the annotations (leftmost-longest within a sentence); the model decides for each, from
/// its context (the words around it, whether it stands inside a name, who the clause names, the
/// article's topic), whether it reports an event and of which PLOVER type. Each event is coded with
/// the ontology (CAMEO code, mode, context, quad class, Goldstein). Arguments come from the trigger's
/// sentence: position rules propose the actor (the nearest candidate before it, or after "của", "by")
/// and the recipient (the first after it), and the role model (`ArgumentModel`) decides, the location the nearest place introduced by "tại/ở/in/at", the date the nearest date
/// expression (else the publication date, marked as such). Modality, attribution and counts follow;
/// the reports of one event in an article become one event with all its mentions.
public struct EventExtractor: Sendable {
    /// Cheap: the lexicons and the ontology are loaded once per process and shared.
    public init() {}

    /// A trigger candidate of a sentence: its words and the lexicon entry that found it, if any.
    struct Candidate {
        var words: Range<Int>
        var entry: TriggerEntry?
    }

    /// The candidates of sentence `bound`, leftmost-longest: a lexicon phrase or a learnt one, the
    /// longer winning (a lexicon entry on a tie); a blocking phrase ("heart attack") is skipped whole.
    static func candidates(in words: [EventWord], _ bound: Range<Int>, lexicon: TriggerLexicon, model: EventModel) -> [Candidate] {
        var out: [Candidate] = []
        var i = bound.lowerBound
        while i < bound.upperBound {
            let lexical = lexicon.match(words, at: i, within: bound)
            let learned = model.learnedPhrases.longest(words, startingAt: i, before: bound.upperBound)
            guard lexical != nil || learned != nil else { i += 1; continue }
            if let (length, entry) = lexical, length >= (learned ?? 0) {
                if let entry { out.append(Candidate(words: i..<(i + length), entry: entry)) }
                i += length
            } else {
                out.append(Candidate(words: i..<(i + learned!), entry: nil))
                i += learned!
            }
        }
        return out
    }

    /// For each word, the type of the name mention it stands in (PER 1, LOC 2, ORG 3, MISC 4, a place
    /// with a country code 5; 0 outside a name): what the trigger model reads about names.
    static func nameMarks(_ words: EventText, mentions: [Mention], entities: [Entity]) -> [UInt8] {
        var marks = [UInt8](repeating: 0, count: words.words.count)
        for m in mentions where m.span.field == words.field {
            let mark: UInt8
            switch m.type {
            case .person: mark = 1
            case .location: mark = m.entity.flatMap { entities[$0].country } != nil ? 5 : 2
            case .organization: mark = 3
            case .miscellaneous: mark = 4
            default: continue
            }
            guard var k = words.wordIndex(atOrAfter: m.span.start) else { continue }
            while k < marks.count, words.words[k].start < m.span.end {
                marks[k] = mark
                k += 1
            }
        }
        return marks
    }

    /// Events of one field, whose topic the article's words gave.
    public func extract(
        _ text: AnalyzedText, mentions: [Mention], entities: [Entity], lang: String,
        publishedAt: PublicationDate?, model: EventModel, tagger: EntityTagger?
    ) -> [Event] {
        let words = EventText(text)
        return extract(words, topic: EventModel.telling(model.topic(of: [words]), of: [words]), mentions: mentions, entities: entities, lang: lang,
                       publishedAt: publishedAt, model: model, clusters: tagger?.features.clusters ?? .empty)
    }

    /// A candidate as the trigger model sees it, with what the rules found around it.
    struct Judged {
        var sentence: Int
        var candidate: Candidate
        var features: [UInt64]
        /// The sentence's argument candidates without the quoted source, and the roles they take.
        var participants: [ArgumentCandidate]
        var roles: ArgumentRoles
        var source: (candidate: ArgumentCandidate, introduced: Range<Int>?)?
        /// It comes right after a request, threat, refusal or agreement in the same clause.
        var afterDemand: Bool
    }

    /// Walks every trigger candidate of a field in reading order with its features: extraction decides
    /// on them, training learns from them, so both see exactly the same thing.
    /// `arguments` are the field's argument candidates (`ArgumentCandidates(text:mentions:entities:lang:)`),
    /// made once by the caller, which needs them too.
    static func judge(
        _ words: EventText, topic: Topic?, mentions: [Mention], entities: [Entity], arguments: ArgumentCandidates,
        lang: String, model: EventModel, clusters: WordClusters, _ body: (Judged) -> Void
    ) {
        let language = lang == "vi" ? "vi" : "en"
        guard !words.words.isEmpty else { return }
        let lexicon = TriggerLexicon.shipped(lang: language)
        let attribution = AttributionFinder(text: words, lang: language)
        let names = EventExtractor.nameMarks(words, mentions: mentions, entities: entities)
        var lastDemand: (sentence: Int, end: Int)?
        for s in words.sentences.indices {
            let bound = words.sentences[s].words
            var inSentence: (participants: [ArgumentCandidate], source: (candidate: ArgumentCandidate, introduced: Range<Int>?)?)?
            for candidate in EventExtractor.candidates(in: words.words, bound, lexicon: lexicon, model: model) {
                let trigger = candidate.words
                if inSentence == nil {
                    let all = arguments.candidates(inSentence: s)
                    let source = attribution.source(sentence: s, candidates: all)
                    // "Theo X, …" names a source, not a participant.
                    inSentence = (source?.introduced.map { phrase in all.filter { !phrase.overlaps($0.words) } } ?? all, source)
                }
                let type = candidate.entry?.type
                let roles = ArgumentRoles.assign(
                    trigger: trigger, sentence: bound, candidates: inSentence!.participants, text: words, lang: language,
                    movesForces: type == "MOBILIZE" || type == "RETREAT")
                let afterDemand = EventExtractor.follows(lastDemand, sentence: s, at: trigger.lowerBound, in: words)
                let features = EventFeatures.trigger(
                    trigger, sentence: bound, text: words, entry: candidate.entry, names: names, topic: topic,
                    afterDemand: afterDemand,
                    quoted: words.quoted(trigger.lowerBound, sentence: bound), clusters: clusters, roles: roles)
                if let type, EventExtractor.framing.contains(type) { lastDemand = (s, trigger.upperBound) }
                body(Judged(sentence: s, candidate: candidate, features: features, participants: inSentence!.participants,
                            roles: roles, source: inSentence!.source, afterDemand: afterDemand))
            }
        }
    }

    func extract(
        _ words: EventText, topic: Topic?, mentions: [Mention], entities: [Entity], lang: String,
        publishedAt: PublicationDate?, model: EventModel, clusters: WordClusters
    ) -> [Event] {
        let language = lang == "vi" ? "vi" : "en"
        let ontology = EventOntology.shipped
        let arguments = ArgumentCandidates(text: words, mentions: mentions, entities: entities, lang: language)
        let dates = EventDates(text: words, mentions: mentions, publishedAt: publishedAt, lang: language)
        let modality = ModalityDetector(text: words, lang: language)
        let threshold = topic.map { Topic.offTopic.contains($0.label) } == true
            ? max(model.threshold, model.offTopicThreshold) : model.threshold
        var events: [Event] = []
        var sentenceSpan: (index: Int, span: Span)?
        let onTopic = topic.map { !Topic.offTopic.contains($0.label) } ?? true
        EventExtractor.judge(
            words, topic: topic, mentions: mentions, entities: entities, arguments: arguments, lang: lang, model: model,
            clusters: clusters
        ) { judged in
            // Whether it is an event at all (one minus "no event"), then which type.
            // What a request or threat asks for is its content, not an event of its own (PLOVER codes
            // "call for a ceasefire" as one REQUEST).
            guard !judged.afterDemand else { return }
            let probabilities = model.trigger.probabilities(judged.features)
            let p = 1 - probabilities[0]
            let vouched = onTopic && judged.candidate.entry.map { !$0.needsParticipant } == true
                && (judged.roles.actor != nil || judged.roles.recipient != nil)
            guard p >= threshold || (vouched && p >= model.lexiconFloor) else { return }
            // The type: the lexicon's, unless the model is much surer of another one in an article
            // whose topic it knows (the annotations taught it that "attacked the plan" in a politics
            // report is an accusation; a lone sentence says too little to overrule the lexicon);
            // the likeliest for a phrase learnt from the annotations alone. The lexicon's CAMEO code
            // only where its type stands.
            let k = probabilities.indices.dropFirst().max { probabilities[$0] < probabilities[$1] }!
            let entry = judged.candidate.entry
            let type = entry.flatMap { e in
                model.trigger.classes.firstIndex(of: e.type).map {
                    topic != nil && probabilities[k] >= probabilities[$0] + EventExtractor.typeMargin ? nil : e.type
                } ?? nil
            } ?? model.trigger.classes[k]
            let cameo = entry.flatMap { $0.type == type ? $0.cameo : nil }
            guard let code = ontology.code(cameo ?? ontology.baseCode(type)) else { return }
            let trigger = judged.candidate.words
            let s = judged.sentence
            let bound = words.sentences[s].words
            let roles = ArgumentModel.assign(
                model.roles, threshold: model.roleThreshold, trigger: trigger, sentence: bound, text: words, type: type,
                rules: EventExtractor.rules(judged, type: type, in: words, lang: language), candidates: judged.participants)
            let date = dates.date(for: trigger, sentence: bound, publishedAt: publishedAt)
            let mood = modality.modality(trigger: trigger, sentence: bound, date: date, publishedAt: publishedAt)
            let counts = EventCounts.counts(in: words, sentence: bound, trigger: trigger, kind: cameo == nil ? nil : entry?.counts,
                                           lang: language)
            // The sentence's text only for a sentence that reports an event.
            let sentence = sentenceSpan?.index == s ? sentenceSpan!.span : words.sentenceSpan(s)
            sentenceSpan = (s, sentence)
            events.append(Event(
                type: type, mode: code.mode, context: code.context, cameo: code.code,
                quadClass: code.quadClass, goldstein: code.goldstein, trigger: words.span(trigger),
                actors: roles.actor.map { [arguments.argument($0)] } ?? [],
                recipients: roles.recipient.map { [arguments.argument($0)] } ?? [],
                location: roles.location.map(arguments.argument), date: date, counts: counts, modality: mood,
                attribution: judged.source.map { arguments.argument($0.candidate) },
                confidence: (Double(p) * 100).rounded() / 100, sentence: sentence))
        }
        return EventExtractor.deduplicate(events)
    }

    /// What the position rules say of a judged candidate's participants once its type is known: a
    /// learnt phrase that moves forces reads "troops" after it as what moves, not a recipient.
    static func rules(_ judged: Judged, type: String, in words: EventText, lang: String) -> ArgumentRoles {
        guard judged.candidate.entry == nil, type == "MOBILIZE" || type == "RETREAT" else { return judged.roles }
        return ArgumentRoles.assign(
            trigger: judged.candidate.words, sentence: words.sentences[judged.sentence].words,
            candidates: judged.participants, text: words, lang: lang == "vi" ? "vi" : "en", movesForces: true)
    }

    /// How much surer of another type than of its lexicon entry's the trigger model must be to
    /// overrule the lexicon (chosen on the dev articles and the written single-event sentences: below
    /// 0.4 rare types the annotations hardly show turn into common ones, "deployed troops" into AGREE).
    static let typeMargin: Float = 0.5

    /// Word `i` of sentence `s` comes within 8 words after a request, threat, refusal or agreement
    /// that ended at `last`, with no clause break between: it may be what that one asks for.
    static func follows(_ last: (sentence: Int, end: Int)?, sentence s: Int, at i: Int, in words: EventText) -> Bool {
        guard let last, last.sentence == s, i - last.end <= 8 else { return false }
        return !(last.end..<i).contains { words.words[$0].breakBefore && words.commaBefore($0) }
    }

    /// Types whose trigger frames the next verb as its content: "called for a ceasefire", "rejected the
    /// proposal for talks", "agreed to cooperate" are one event each in PLOVER.
    static let framing: Set<String> = ["REQUEST", "THREATEN", "REJECT", "AGREE", "CONCEDE"]

    /// Keeps one event where an article reports the same one twice: same type, and either the same
    /// sentence with the same actor, or the same trigger words with compatible dates (equal, or one of
    /// them only the publication date). The first report stays, filled in from the later ones, and
    /// every report is one of its mentions.
    public static func deduplicate(_ events: [Event]) -> [Event] {
        var kept: [(event: Event, key: DedupKey)] = []
        for e in events {
            let key = DedupKey(e)
            if let k = kept.firstIndex(where: { same($0.event, $0.key, e, key) }) {
                // The later report wins when the earlier trigger only named its participants.
                let later = e.actors.first?.span == kept[k].event.trigger
                var merged = later ? e : kept[k].event
                let e = later ? kept[k].event : e
                // The kept trigger first, then the other reports in reading order.
                let others = (merged.mentions + e.mentions).filter { $0 != merged.trigger }
                merged.mentions = [merged.trigger] + Set(others).sorted {
                    ($0.field == .title ? 0 : 1, $0.start) < ($1.field == .title ? 0 : 1, $1.start)
                }
                if merged.actors.isEmpty { merged.actors = e.actors }
                if merged.recipients.isEmpty { merged.recipients = e.recipients }
                if merged.location == nil { merged.location = e.location }
                if merged.attribution == nil { merged.attribution = e.attribution }
                if merged.counts.isEmpty { merged.counts = e.counts }
                if merged.date?.origin != .text, e.date?.origin == .text { merged.date = e.date }
                merged.confidence = max(merged.confidence, e.confidence)
                kept[k] = (merged, DedupKey(merged))
            } else {
                kept.append((e, key))
            }
        }
        return kept.map(\.event)
    }

    /// What de-duplication compares, computed once per event.
    struct DedupKey {
        var trigger: String
        var actor: String?
        /// The actor is a name of the title or body (an entity), not a common noun ("the two sides").
        var actorIsName: Bool
        var participle: Bool
        init(_ e: Event) {
            trigger = e.trigger.text.lowercased()
            actor = e.actors.first?.span.text.lowercased()
            actorIsName = e.actors.first?.entity != nil
            participle = EventExtractor.participle(e)
        }
    }

    /// "…, killing 12 soldiers": an English participle after a comma continues the event before it.
    static func participle(_ e: Event) -> Bool {
        guard e.trigger.text.hasSuffix("ing") else { return false }
        let before = Array(e.sentence.text.unicodeScalars.prefix(max(0, e.trigger.start - e.sentence.start)))
        return before.last(where: { $0 != " " }) == ","
    }

    static func same(_ a: Event, _ ka: DedupKey, _ b: Event, _ kb: DedupKey) -> Bool {
        guard a.type == b.type else { return false }
        let actorsAgree = ka.actor == kb.actor || ka.actor == nil || kb.actor == nil
        if a.sentence == b.sentence {
            // Two triggers close together in one sentence ("“khiêu khích” và “vô trách nhiệm”") tell one
            // event; so does a later trigger with no actor of its own ("attacked the base, killing 12").
            let close = b.trigger.start - a.trigger.end <= 25 && a.trigger.start - b.trigger.end <= 25
            // "người biểu tình … tổ chức các cuộc tuần hành": the participants named as a trigger are
            // the actor of the other one.
            let namesTheActor = b.actors.first?.span == a.trigger || a.actors.first?.span == b.trigger
            return (close && actorsAgree) || kb.actor == nil || kb.participle || namesTheActor
        }
        guard ka.trigger == kb.trigger else { return false }
        let datesAgree = a.date?.value == b.date?.value || a.date?.origin == .publication || b.date?.origin == .publication
        let modalityAgrees = a.modality == b.modality || (a.modality != .historical && b.modality != .historical
            && a.modality != .negated && b.modality != .negated)
        // Across sentences an article names the same participants in other words ("Việt Nam" in the
        // title, "Bộ Công an" in the body; "the two sides", then "both sides"): only two different
        // names stand against it.
        return datesAgree && modalityAgrees && (actorsAgree || !ka.actorIsName || !kb.actorIsName)
    }

}
