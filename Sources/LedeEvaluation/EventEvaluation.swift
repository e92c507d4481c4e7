import LedeExtraction
import LedeModel

/// Event extraction measured against gold, at two levels:
/// - **mentions**: every place an event is told (gold mentions against each predicted event's
///   mentions), trigger alone and trigger + type, overall and per PLOVER type;
/// - **events**: one record per real-world event; a predicted event matches a gold one of the same
///   type when a mention of each overlaps (each used once).
///
/// On events matched that way it counts how often the actor, recipient, location, date, killed count,
/// modality and attribution are right, and it counts the events predicted in the gold's off-topic
/// sections (sport, entertainment, tech, travel, science), where few real events are told.
public struct EventEvaluation: Sendable {
    public struct Counts: Sendable, Hashable {
        public var tp = 0, fp = 0, fn = 0
        public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public struct Accuracy: Sendable, Hashable {
        public var right = 0, total = 0
        public var value: Double { total == 0 ? 0 : Double(right) / Double(total) }
        mutating func add(_ ok: Bool) { total += 1; if ok { right += 1 } }
    }

    /// Sections whose articles seldom tell an event an analyst wants: the ones the extractor holds to
    /// a higher bar.
    public static let offTopicSections = Topic.offTopic

    /// Mention level: a gold mention is found when a predicted mention overlaps it.
    public var triggers = Counts()
    /// Mention level, with the type of the mention's event.
    public var typed = Counts()
    public var perType: [String: Counts] = [:]
    /// Event level (clusters).
    public var events = Counts()
    public var actors = Accuracy(), recipients = Accuracy(), location = Accuracy(), dates = Accuracy()
    public var killed = Accuracy(), modality = Accuracy(), attribution = Accuracy()
    public var articles = 0
    /// Articles in off-topic sections, and the events predicted and annotated there.
    public var offTopicArticles = 0, offTopicPredicted = 0, offTopicGold = 0
    /// Articles with one gold event whose most confident predicted event has the gold type.
    public var singleEventType = Accuracy()
    /// Per-article differences, for `--verbose`.
    public var notes: [String] = []

    public init() {}

    public static func run(_ gold: [EventGoldArticle], extractor: Extractor) -> EventEvaluation {
        var report = EventEvaluation()
        for article in gold {
            let result = extractor.extract(article.article)
            report.add(article, predicted: result.events, entities: result.entities)
        }
        return report
    }

    /// `entities`: the result's entities, whose names stand for an argument's text too ("he" linked
    /// to Liam Fox names him).
    public mutating func add(_ article: EventGoldArticle, predicted all: [Event], entities: [Entity] = []) {
        articles += 1
        let annotated = { (s: Span) -> Bool in
            guard s.field == .body else { return article.from == nil }
            return s.start < (article.extent ?? Int.max) && s.start >= (article.from ?? 0)
        }
        let predicted = all.filter { annotated($0.trigger) }
        if let section = article.section, EventEvaluation.offTopicSections.contains(section) {
            offTopicArticles += 1
            offTopicPredicted += predicted.count
            offTopicGold += article.events.count
        }
        if article.events.count == 1 {
            let best = predicted.enumerated().max { ($0.element.confidence, -$0.offset) < ($1.element.confidence, -$1.offset) }
            singleEventType.add(best?.element.type == article.events[0].type)
        }
        addMentions(article, predicted: predicted, annotated: annotated)
        addEvents(article, predicted: predicted, entities: entities)
    }

    private mutating func addMentions(_ article: EventGoldArticle, predicted: [Event], annotated: (Span) -> Bool) {
        let said = predicted.flatMap { e in e.mentions.filter(annotated).map { (span: $0, type: e.type) } }
        var used = Set<Int>()
        for g in article.events {
            for m in g.mentions {
                let overlapping = said.indices.filter { !used.contains($0) && EventEvaluation.overlap(said[$0].span, m) }
                guard let k = overlapping.first(where: { said[$0].type == g.type }) ?? overlapping.first else {
                    triggers.fn += 1; typed.fn += 1; perType[g.type, default: Counts()].fn += 1
                    notes.append("\(article.id) MISSED \(g.type) '\(m.text)'@\(m.field.rawValue):\(m.start)")
                    continue
                }
                used.insert(k)
                triggers.tp += 1
                if said[k].type == g.type {
                    typed.tp += 1
                    perType[g.type, default: Counts()].tp += 1
                } else {
                    typed.fn += 1; typed.fp += 1
                    perType[g.type, default: Counts()].fn += 1
                    perType[said[k].type, default: Counts()].fp += 1
                    notes.append("\(article.id) TYPE '\(m.text)'@\(m.field.rawValue):\(m.start) gold \(g.type) got \(said[k].type)")
                }
            }
        }
        for (k, p) in said.enumerated() where !used.contains(k) {
            triggers.fp += 1; typed.fp += 1; perType[p.type, default: Counts()].fp += 1
            notes.append("\(article.id) EXTRA \(p.type) '\(p.span.text)'@\(p.span.field.rawValue):\(p.span.start)")
        }
    }

    private mutating func addEvents(_ article: EventGoldArticle, predicted: [Event], entities: [Entity]) {
        var used = Set<Int>()
        for g in article.events {
            let match = predicted.indices.first { k in
                !used.contains(k) && predicted[k].type == g.type
                    && predicted[k].mentions.contains { p in g.mentions.contains { EventEvaluation.overlap(p, $0) } }
            }
            guard let k = match else { events.fn += 1; continue }
            used.insert(k)
            events.tp += 1
            let p = predicted[k]
            // The gold marks the place the sentence names: a location borrowed from the article is none.
            let located = p.location?.place?.precision.isFromArticle == true ? nil : p.location
            func name(_ a: EventArgument?) -> String? {
                a.flatMap { $0.entity }.flatMap { id in entities.first { $0.id == id }?.name }
            }
            let checks: [(String, [String], String?, String?, WritableKeyPath<EventEvaluation, Accuracy>)] = [
                ("actor", g.actors, p.actors.first?.span.text, name(p.actors.first), \.actors),
                ("recipient", g.recipients, p.recipients.first?.span.text, name(p.recipients.first), \.recipients),
                ("location", g.location.map { [$0] } ?? [], located?.span.text, nil, \.location),
                ("attribution", g.attribution.map { [$0] } ?? [], p.attribution?.span.text, name(p.attribution), \.attribution),
            ]
            for (what, gold, got, entityName, path) in checks {
                let ok = EventEvaluation.agrees(gold, got) || (got != nil && entityName.map { EventEvaluation.agrees(gold, $0) } == true)
                self[keyPath: path].add(ok)
                if !ok { notes.append("\(article.id) \(what.uppercased()) '\(g.trigger.text)' gold \(gold) got \(got ?? "-")") }
            }
            if let date = g.date {
                dates.add(p.date?.value == date)
                if p.date?.value != date { notes.append("\(article.id) DATE '\(g.trigger.text)' gold \(date) got \(p.date?.value ?? "-")") }
            }
            if let n = g.killed {
                killed.add(p.counts.first { $0.kind == "killed" }?.value == n)
            }
            modality.add(p.modality.rawValue == g.modality)
            if p.modality.rawValue != g.modality {
                notes.append("\(article.id) MODALITY '\(g.trigger.text)' gold \(g.modality) got \(p.modality.rawValue)")
            }
        }
        events.fp += predicted.count - used.count
    }

    static func overlap(_ a: Span, _ b: Span) -> Bool {
        a.field == b.field && a.start < b.end && b.start < a.end
    }

    /// The first predicted string and a gold one contain each other, or neither side names one.
    static func agrees(_ gold: [String], _ got: String?) -> Bool {
        guard let got else { return gold.isEmpty }
        return EventModelTraining.agrees(gold, got)
    }

    /// The report as printed by `lede eval events`.
    public func formatted(verbose: Bool = false) -> String {
        func pct(_ v: Double) -> String {
            let s = String(Int((v * 1000).rounded()))
            let padded = String(repeating: "0", count: max(0, 2 - s.count)) + s
            return String(padded.dropLast()) + "." + String(padded.last!)
        }
        func row(_ name: String, _ c: Counts) -> String {
            let label = name.padding(toLength: 22, withPad: " ", startingAt: 0)
            return "\(label) P \(pct(c.precision))  R \(pct(c.recall))  F1 \(pct(c.f1))  (tp \(c.tp), fp \(c.fp), fn \(c.fn))"
        }
        func acc(_ name: String, _ a: Accuracy) -> String {
            "\(name.padding(toLength: max(22, name.count), withPad: " ", startingAt: 0)) \(pct(a.value))%  (\(a.right)/\(a.total))"
        }
        var lines = [
            "articles: \(articles)", row("mention trigger", triggers), row("mention trigger+type", typed),
            row("event (cluster)", events), "per type (mentions):",
        ]
        for t in EventOntology.types where perType[t] != nil { lines.append("  " + row(t, perType[t]!)) }
        lines.append("on \(events.tp) events matched with the right type:")
        lines += [acc("  actors", actors), acc("  recipients", recipients), acc("  location", location),
                  acc("  dates", dates), acc("  killed", killed), acc("  modality", modality),
                  acc("  attribution", attribution)]
        if offTopicArticles > 0 {
            let per100 = { (n: Int) in pct(Double(n) / Double(offTopicArticles)) }
            lines.append("off-topic sections (\(EventEvaluation.offTopicSections.sorted().joined(separator: ", "))): "
                + "\(offTopicArticles) articles, \(per100(offTopicPredicted)) events per 100 predicted, "
                + "\(per100(offTopicGold)) in the gold")
        }
        if singleEventType.total > 0 { lines.append(acc("single-event texts, right type", singleEventType)) }
        if verbose { lines += notes }
        return lines.joined(separator: "\n")
    }
}
