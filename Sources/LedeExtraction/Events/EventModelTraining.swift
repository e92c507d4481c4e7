import LedeModel
/// Trains the event models of one language, deterministically:
/// - the **topic model** on news articles labelled with their section (what the corpora give);
/// - the **trigger model** on whole articles annotated under `Gold/GUIDE.md`: every candidate the
///   lexicon or the annotations' own trigger phrases find is an example, labelled with the type of the
///   annotated mention it overlaps, or "no event".
public struct EventModelTraining: Sendable {
    public var lang: String
    public var topicBucketBits = 16
    public var triggerBucketBits = 16
    public var topicTraining: LinearClassifierTraining = {
        var t = LinearClassifierTraining()
        t.epochs = 8
        return t
    }()
    public var triggerTraining: LinearClassifierTraining = {
        var t = LinearClassifierTraining()
        t.identityFeatures = EventFeatures.identityFeatures
        t.identityDropout = 0.5
        t.positiveWeight = 3
        t.l2 = 0.001
        return t
    }()
    /// Decision thresholds written into the model (tune them on dev with `lede eval events`).
    public var threshold: Float = 0.4
    public var offTopicThreshold: Float = 0.8
    public var lexiconFloor: Float = 0.1
    public var roleThreshold: Float = 0.3
    public var roleBucketBits = 14
    public var roleTraining: LinearClassifierTraining = {
        var t = LinearClassifierTraining()
        t.l2 = 0.001
        return t
    }()
    /// The share of annotated articles learnt as if their topic were unknown.
    public var topicDropout = 0.3
    /// Annotated phrases longer than this are not learnt as candidates.
    public var maxPhraseWords = 4

    public init(lang: String) {
        self.lang = lang
    }

    /// An annotated article: its text and every annotated trigger mention with its event's type and
    /// participants.
    public struct Annotated: Sendable {
        public var article: Article
        public var triggers: [Trigger]

        public init(article: Article, triggers: [Trigger]) {
            self.article = article
            self.triggers = triggers
        }
    }

    /// One annotated mention of an event: where it is told, the event's type, and the strings that
    /// name its actor and its recipient (any one of them is right; none when the text names none).
    public struct Trigger: Sendable {
        public var span: Span
        public var type: String
        public var actors: [String]
        public var recipients: [String]

        public init(span: Span, type: String, actors: [String] = [], recipients: [String] = []) {
            self.span = span
            self.type = type
            self.actors = actors
            self.recipients = recipients
        }
    }

    /// What training saw, for the command's report.
    public struct Summary: Sendable {
        public var topicArticles = 0
        public var topicLabels: [String] = []
        public var annotatedArticles = 0
        public var annotatedMentions = 0
        /// Annotated mentions that some candidate overlaps: the recall the candidates allow.
        public var coveredMentions = 0
        public var candidates = 0
        public var positiveCandidates = 0
        public var learnedPhrases = 0
        /// Argument candidates of annotated triggers, and those the annotators named actor or recipient.
        public var roleCandidates = 0
        public var actorCandidates = 0
        public var recipientCandidates = 0
    }

    public func train(topics: [(article: Article, label: String)], annotated: [Annotated]) throws -> (EventModel, Summary) {
        var summary = Summary()
        // Topic model.
        let labels = Array(Set(topics.map(\.label))).sorted()
        guard labels.count >= 2 else { throw TrainingError("the topic model needs articles of at least two sections") }
        let topicExamples = topics.map { item in
            (features: EventFeatures.topic(Extractor.fields(of: item.article).map(EventText.init)),
             label: labels.firstIndex(of: item.label)!)
        }
        let topic = topicTraining.train(topicExamples, bucketBits: topicBucketBits, classes: labels)
        summary.topicArticles = topics.count
        summary.topicLabels = labels

        // Candidate phrases from the annotations, beside the lexicon's.
        let tagger = try EntityTagger.shipped(lang: lang)
        let extractor = Extractor(taggers: [lang: tagger], eventModels: [:], learntNames: try LearntNames.shipped())
        let analyses = annotated.map { extractor.analyze($0.article) }
        var phrases = Set<[String]>()
        for (item, analysis) in zip(annotated, analyses) {
            for text in analysis.fields.map(EventText.init) {
                for span in item.triggers.map(\.span) where span.field == text.field {
                    let words = text.words.filter { $0.start < span.end && span.start < $0.end }.map(\.text)
                    if !words.isEmpty, words.count <= maxPhraseWords { phrases.insert(words) }
                }
            }
        }
        let sortedPhrases = phrases.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
        summary.learnedPhrases = sortedPhrases.count
        let classes = [EventModel.none] + EventOntology.types
        let untrainedRoles = LinearClassifier(bucketBits: roleBucketBits, classes: ArgumentModel.classes)
        var model = EventModel(
            lang: lang, trigger: LinearClassifier(bucketBits: triggerBucketBits, classes: classes), topic: topic,
            roles: untrainedRoles, phrases: sortedPhrases, threshold: threshold, offTopicThreshold: offTopicThreshold,
            lexiconFloor: lexiconFloor, roleThreshold: roleThreshold)

        // Trigger model.
        var examples: [(features: [UInt64], label: Int)] = []
        var roleExamples: [(features: [UInt64], label: Int)] = []
        for (item, analysis) in zip(annotated, analyses) {
            summary.annotatedArticles += 1
            summary.annotatedMentions += item.triggers.count
            let texts = analysis.fields.map(EventText.init)
            // A share of the articles is learnt without its topic, as a text too short to tell is
            // judged (which one is fixed by its id, so training stays deterministic).
            let topicless = FeatureHash.finish(FeatureHash.string(item.article.id)) % 100 < UInt64(topicDropout * 100)
            let articleTopic = topicless ? nil : EventModel.telling(model.topic(of: texts), of: texts)
            var covered = Set<Int>()
            for text in texts {
                let inField = analysis.mentions.filter { $0.span.field == text.field }
                let arguments = ArgumentCandidates(text: text, mentions: inField, entities: analysis.entities, lang: lang == "vi" ? "vi" : "en")
                EventExtractor.judge(
                    text, topic: articleTopic, mentions: inField, entities: analysis.entities, arguments: arguments, lang: lang,
                    model: model, clusters: tagger.features.clusters
                ) { judged in
                    let start = text.words[judged.candidate.words.lowerBound].start
                    let end = text.words[judged.candidate.words.upperBound - 1].end
                    let hit = item.triggers.indices.first {
                        item.triggers[$0].span.field == text.field && item.triggers[$0].span.start < end
                            && start < item.triggers[$0].span.end
                    }
                    if let hit { covered.insert(hit) }
                    let label = hit.map { classes.firstIndex(of: item.triggers[$0].type) ?? 0 } ?? 0
                    examples.append((judged.features, label))
                    if label != 0 { summary.positiveCandidates += 1 }
                    guard let hit, label != 0 else { return }
                    // Roles: every candidate of the sentence beside the trigger, labelled by the
                    // annotated participant strings it agrees with.
                    let gold = item.triggers[hit]
                    let bound = text.sentences[judged.sentence].words
                    let rules = EventExtractor.rules(judged, type: gold.type, in: text, lang: lang)
                    let others = ArgumentModel.roleCandidates(judged.participants, trigger: judged.candidate.words)
                    for c in others {
                        // A candidate names what its text says, and what its entity is called ("he"
                        // standing for "Liam Fox").
                        let said = [text.span(c.words).text] + (c.entity.map { [analysis.entities[$0].name] } ?? [])
                        let role = said.contains { EventModelTraining.agrees(gold.actors, $0) } ? 1
                            : said.contains { EventModelTraining.agrees(gold.recipients, $0) } ? 2 : 0
                        roleExamples.append((ArgumentModel.features(
                            c, trigger: judged.candidate.words, sentence: bound, text: text, type: gold.type, rules: rules,
                            others: others), role))
                        summary.roleCandidates += 1
                        if role == 1 { summary.actorCandidates += 1 }
                        if role == 2 { summary.recipientCandidates += 1 }
                    }
                }
            }
            summary.coveredMentions += covered.count
        }
        summary.candidates = examples.count
        guard summary.positiveCandidates > 0 else { throw TrainingError("no annotated trigger matches a candidate") }
        // With no role example the role model's weights stay zero: every role scores a third, above the
        // threshold, and every sentence would get an actor it was never shown.
        guard summary.actorCandidates + summary.recipientCandidates > 0 else {
            throw TrainingError("no annotated actor or recipient matches an argument candidate")
        }
        model = EventModel(
            lang: lang, trigger: triggerTraining.train(examples, bucketBits: triggerBucketBits, classes: classes),
            topic: topic, roles: roleTraining.train(roleExamples, bucketBits: roleBucketBits, classes: ArgumentModel.classes),
            phrases: sortedPhrases, threshold: threshold, offTopicThreshold: offTopicThreshold,
            lexiconFloor: lexiconFloor, roleThreshold: roleThreshold)
        return (model, summary)
    }

    /// A participant string and an annotated one name the same thing when either contains the other
    /// ("Nga" and "quân đội Nga"), as `lede eval events` judges them.
    public static func agrees(_ gold: [String], _ said: String) -> Bool {
        let a = said.lowercased()
        return gold.contains { let b = $0.lowercased(); return a.contains(b) || b.contains(a) }
    }

    public struct TrainingError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
