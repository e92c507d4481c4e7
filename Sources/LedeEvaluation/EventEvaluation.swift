import LedeExtraction

/// Event extraction measured against gold: trigger and trigger+type precision, recall and F1 (overall
/// and per PLOVER type), and, on events matched with the right type, how often the actor, recipient,
/// location, date, killed count, modality and attribution are right.
///
/// A predicted event matches a gold one when their triggers overlap in the same field (each used
/// once; a same-type candidate is preferred). An argument is right when the first predicted one and
/// one of the gold strings contain each other (case-insensitive), or both are absent.
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

    public var triggers = Counts()
    public var typed = Counts()
    public var perType: [String: Counts] = [:]
    public var actors = Accuracy(), recipients = Accuracy(), location = Accuracy(), dates = Accuracy()
    public var killed = Accuracy(), modality = Accuracy(), attribution = Accuracy()
    public var articles = 0
    /// Articles with one gold event whose most confident predicted event has the gold type.
    public var singleEventType = Accuracy()
    /// Per-article differences, for `--verbose`.
    public var notes: [String] = []

    public init() {}

    public static func run(_ gold: [EventGoldArticle], extractor: Extractor) -> EventEvaluation {
        var report = EventEvaluation()
        for article in gold {
            let result = extractor.extract(article.article)
            report.add(article, predicted: result.events)
        }
        return report
    }

    public mutating func add(_ article: EventGoldArticle, predicted all: [Event]) {
        articles += 1
        let predicted = all.filter { e in
            guard e.trigger.field == .body else { return article.from == nil }
            return e.trigger.start < (article.extent ?? Int.max) && e.trigger.start >= (article.from ?? 0)
        }
        if article.events.count == 1 {
            let best = predicted.enumerated().max { ($0.element.confidence, -$0.offset) < ($1.element.confidence, -$1.offset) }
            singleEventType.add(best?.element.type == article.events[0].type)
        }
        var used = Set<Int>()
        for g in article.events {
            let overlapping = predicted.indices.filter {
                !used.contains($0) && predicted[$0].trigger.field == g.field
                    && predicted[$0].trigger.start < g.end && g.start < predicted[$0].trigger.end
            }
            let pick = overlapping.first { predicted[$0].type == g.type } ?? overlapping.first
            guard let k = pick else {
                triggers.fn += 1; typed.fn += 1; perType[g.type, default: Counts()].fn += 1
                notes.append("\(article.id) MISSED \(g.type) '\(g.trigger)'@\(g.start)")
                continue
            }
            used.insert(k)
            let p = predicted[k]
            triggers.tp += 1
            guard p.type == g.type else {
                typed.fn += 1; typed.fp += 1
                perType[g.type, default: Counts()].fn += 1
                perType[p.type, default: Counts()].fp += 1
                notes.append("\(article.id) TYPE '\(g.trigger)'@\(g.start) gold \(g.type) got \(p.type)")
                continue
            }
            typed.tp += 1
            perType[g.type, default: Counts()].tp += 1
            let checks: [(String, [String], String?, WritableKeyPath<EventEvaluation, Accuracy>)] = [
                ("actor", g.actors, p.actors.first?.span.text, \.actors),
                ("recipient", g.recipients, p.recipients.first?.span.text, \.recipients),
                ("location", g.location.map { [$0] } ?? [], p.location?.span.text, \.location),
                ("attribution", g.attribution.map { [$0] } ?? [], p.attribution?.span.text, \.attribution),
            ]
            for (what, gold, got, path) in checks {
                let ok = EventEvaluation.agrees(gold, got)
                self[keyPath: path].add(ok)
                if !ok { notes.append("\(article.id) \(what.uppercased()) '\(g.trigger)' gold \(gold) got \(got ?? "-")") }
            }
            if let date = g.date {
                dates.add(p.date?.value == date)
                if p.date?.value != date { notes.append("\(article.id) DATE '\(g.trigger)' gold \(date) got \(p.date?.value ?? "-")") }
            }
            if let k = g.killed {
                let got = p.counts.first { $0.kind == "killed" }?.value
                killed.add(got == k)
            }
            modality.add(p.modality.rawValue == g.modality)
            if p.modality.rawValue != g.modality {
                notes.append("\(article.id) MODALITY '\(g.trigger)' gold \(g.modality) got \(p.modality.rawValue)")
            }
        }
        for (k, p) in predicted.enumerated() where !used.contains(k) {
            triggers.fp += 1; typed.fp += 1; perType[p.type, default: Counts()].fp += 1
            notes.append("\(article.id) EXTRA \(p.type) '\(p.trigger.text)'@\(p.trigger.start)")
        }
    }

    /// The first predicted string and a gold one contain each other, or neither side names one.
    static func agrees(_ gold: [String], _ got: String?) -> Bool {
        guard let got else { return gold.isEmpty }
        let a = got.lowercased()
        return gold.contains { let b = $0.lowercased(); return a.contains(b) || b.contains(a) }
    }

    /// The report as printed by `lede eval events`.
    public func formatted(verbose: Bool = false) -> String {
        func pct(_ v: Double) -> String {
            let s = String(Int((v * 1000).rounded()))
            let padded = String(repeating: "0", count: max(0, 2 - s.count)) + s
            return String(padded.dropLast()) + "." + String(padded.last!)
        }
        func row(_ name: String, _ c: Counts) -> String {
            let label = name.padding(toLength: 16, withPad: " ", startingAt: 0)
            return "\(label) P \(pct(c.precision))  R \(pct(c.recall))  F1 \(pct(c.f1))  (tp \(c.tp), fp \(c.fp), fn \(c.fn))"
        }
        func acc(_ name: String, _ a: Accuracy) -> String {
            "\(name.padding(toLength: max(16, name.count), withPad: " ", startingAt: 0)) \(pct(a.value))%  (\(a.right)/\(a.total))"
        }
        var lines = ["articles: \(articles)", row("trigger", triggers), row("trigger+type", typed), "per type:"]
        for t in EventOntology.types where perType[t] != nil { lines.append("  " + row(t, perType[t]!)) }
        lines.append("on \(typed.tp) events matched with the right type:")
        lines += [acc("  actors", actors), acc("  recipients", recipients), acc("  location", location),
                  acc("  dates", dates), acc("  killed", killed), acc("  modality", modality),
                  acc("  attribution", attribution)]
        if singleEventType.total > 0 { lines.append(acc("single-event texts, right type", singleEventType)) }
        if verbose { lines += notes }
        return lines.joined(separator: "\n")
    }
}
