/// Finds PLOVER events in analysed text, given its mentions and entities.
///
/// Triggers come from the language's lexicon (leftmost-longest match within a sentence); each is coded
/// with the ontology (CAMEO code, PLOVER type, mode, context, quad class, Goldstein). Arguments come
/// from the trigger's sentence: the actor is the nearest candidate before it (or after "của", "by"),
/// recipients the first after it, the location the nearest place introduced by "tại/ở/in/at", the date
/// the nearest date expression (else the publication date, marked as such). Modality, attribution and
/// counts follow; the same event reported twice in a field is kept once.
public struct EventExtractor: Sendable {
    /// Cheap: the lexicons and the ontology are loaded once per process and shared.
    public init() {}

    public func extract(
        _ text: AnalyzedText, mentions: [Mention], entities: [Entity], lang: String,
        publishedAt: PublicationDate?
    ) -> [Event] {
        let language = lang == "vi" ? "vi" : "en"
        let words = EventText(text)
        guard !words.words.isEmpty else { return [] }
        let lexicon = TriggerLexicon.shipped(lang: language)
        let ontology = EventOntology.shipped
        let arguments = ArgumentCandidates(text: words, mentions: mentions, entities: entities, lang: language)
        let dates = EventDates(text: words, mentions: mentions, publishedAt: publishedAt, lang: language)
        let modality = ModalityDetector(text: words, lang: language)
        let attribution = AttributionFinder(text: words, lang: language)

        var events: [(Event, weak: Bool)] = []
        var lastDemand: (sentence: Int, end: Int)?
        for s in words.sentences.indices {
            let bound = words.sentences[s].words
            var candidates: [ArgumentCandidate]?
            var sentenceSpan: Span?
            var source: (candidate: ArgumentCandidate, introduced: Range<Int>?)?
            var i = bound.lowerBound
            while i < bound.upperBound {
                guard let (length, found) = lexicon.match(words.words, at: i, within: bound) else { i += 1; continue }
                defer { i += length }
                guard let entry = found, let code = ontology.code(entry.cameo) else { continue }
                let trigger = i..<(i + length)
                // Inside a capitalised name ("Bộ Tình trạng Khẩn cấp Nga") a trigger's words name, not report.
                if words.words[i].capitalized, i > bound.lowerBound, words.words[i - 1].capitalized, !words.words[i].breakBefore {
                    continue
                }
                // What a request or threat asks for is its content, not an event of its own (PLOVER
                // codes "call for a ceasefire" as one REQUEST): skip triggers right after one.
                if let last = lastDemand, last.sentence == s, i - last.end <= 8,
                    !(last.end..<i).contains(where: { words.words[$0].breakBefore && words.commaBefore($0) })
                {
                    continue
                }
                if candidates == nil {
                    candidates = arguments.candidates(inSentence: s)
                    source = attribution.source(sentence: s, candidates: candidates!)
                }
                // "Theo X, …" names a source, not a participant.
                let participants = source?.introduced.map { phrase in candidates!.filter { !phrase.overlaps($0.words) } } ?? candidates!
                let roles = ArgumentRoles.assign(
                    trigger: trigger, sentence: bound, candidates: participants, text: words, lang: language,
                    movesForces: entry.type == "MOBILIZE" || entry.type == "RETREAT")
                // "hỗ trợ học sinh", "gặp khó khăn": an everyday word with nobody named is no political event.
                if entry.needsParticipant, roles.actor == nil, roles.recipient == nil { continue }
                if EventExtractor.framing.contains(entry.type) { lastDemand = (s, i + length) }
                let date = dates.date(for: trigger, sentence: bound, publishedAt: publishedAt)
                let mood = modality.modality(trigger: trigger, sentence: bound, date: date, publishedAt: publishedAt)
                let counts = EventCounts.counts(
                    in: words, sentence: bound, trigger: trigger, kind: entry.counts, lang: language)
                // The sentence's text only for a sentence that reports an event.
                let sentence = sentenceSpan ?? words.sentenceSpan(s)
                sentenceSpan = sentence
                var event = Event(
                    type: entry.type, mode: code.mode, context: code.context, cameo: code.code,
                    quadClass: code.quadClass, goldstein: code.goldstein, trigger: words.span(trigger),
                    actors: roles.actor.map { [arguments.argument($0)] } ?? [],
                    recipients: roles.recipient.map { [arguments.argument($0)] } ?? [],
                    location: roles.location.map(arguments.argument), date: date, counts: counts, modality: mood,
                    attribution: source.map { arguments.argument($0.candidate) }, confidence: 0, sentence: sentence)
                event.confidence = EventExtractor.confidence(event, triggerWords: length)
                events.append((event, entry.needsParticipant))
            }
        }
        return EventExtractor.deduplicate(events)
    }

    /// Types whose trigger frames the next verb as its content: "called for a ceasefire", "rejected the
    /// proposal for talks", "agreed to cooperate" are one event each in PLOVER.
    static let framing: Set<String> = ["REQUEST", "THREATEN", "REJECT", "AGREE", "CONCEDE"]

    /// How sure the extractor is: a lexicon hit alone is weak evidence; arguments, a multi-word
    /// trigger and a date read from the text make it stronger.
    static func confidence(_ e: Event, triggerWords: Int) -> Double {
        var c = 0.45
        if triggerWords > 1 { c += 0.1 }
        if !e.actors.isEmpty { c += 0.15 }
        if !e.recipients.isEmpty { c += 0.1 }
        if e.location != nil { c += 0.05 }
        if e.date?.origin == .text { c += 0.05 }
        if !e.counts.isEmpty { c += 0.05 }
        return min(0.95, (c * 100).rounded() / 100)
    }

    /// Keeps one event where an article reports the same one twice: same type, and either the same
    /// sentence with the same actor, or the same trigger words with compatible dates (equal, or one of
    /// them only the publication date). The first report stays, filled in from the later ones.
    public static func deduplicate(_ events: [Event]) -> [Event] {
        deduplicate(events.map { ($0, weak: false) })
    }

    /// `weak` marks events found by an everyday word ("cung cấp"): merged with a report by a specific
    /// trigger ("viện trợ"), the specific one stays.
    static func deduplicate(_ events: [(Event, weak: Bool)]) -> [Event] {
        var kept: [(event: Event, key: DedupKey, weak: Bool)] = []
        for (e, weak) in events {
            let key = DedupKey(e)
            if let k = kept.firstIndex(where: { same($0.event, $0.key, e, key) }) {
                // The later report wins when the earlier trigger only named its participants, or was
                // an everyday word where the later one is specific.
                let later = e.actors.first?.span == kept[k].event.trigger || (kept[k].weak && !weak)
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
                merged.confidence = min(0.95, ((max(merged.confidence, e.confidence) + 0.05) * 100).rounded() / 100)
                kept[k] = (merged, DedupKey(merged), kept[k].weak && weak)
            } else {
                kept.append((e, key, weak))
            }
        }
        return kept.map(\.event)
    }

    /// What de-duplication compares, computed once per event.
    struct DedupKey {
        var trigger: String
        var actor: String?
        var participle: Bool
        init(_ e: Event) {
            trigger = e.trigger.text.lowercased()
            actor = e.actors.first?.span.text.lowercased()
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
        return datesAgree && actorsAgree && modalityAgrees
    }

}
