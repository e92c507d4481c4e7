import Foundation
import LedeModel

/// The learned event models of one language: the trigger model decides, for each candidate word or
/// phrase, whether it reports an event and of which PLOVER type (or none); the topic model says what
/// the article is about, which the trigger model reads and which raises the bar for events in
/// off-topic articles. Trained by `lede train events`; see `Resources/events/README.md`.
public struct EventModel: Sendable {
    /// Class 0 of the trigger model is "no event"; the others are PLOVER types.
    static let none = "NONE"

    public let lang: String
    let trigger: LinearClassifier
    let topic: LinearClassifier
    /// The role model: for an event's argument candidate, NONE, ACTOR or RECIPIENT (`ArgumentModel`).
    let roles: LinearClassifier
    /// Trigger phrases learnt from the annotations (lowercase normalised words), candidates beside the
    /// lexicon's.
    let phrases: [[String]]
    let learnedPhrases: CuePhrases
    /// An event needs at least this probability for its type; in an article whose topic is off-topic,
    /// at least `offTopicThreshold`.
    public let threshold: Float
    public let offTopicThreshold: Float
    /// A specific lexicon trigger (not an everyday word) with a named participant, outside an
    /// off-topic article, needs only this much: the lexicon's judgement stands unless the model is
    /// fairly sure it is wrong.
    public let lexiconFloor: Float
    /// An argument candidate takes a role when its probability for it reaches this (the likeliest one
    /// of the sentence, for each role).
    public let roleThreshold: Float

    init(lang: String, trigger: LinearClassifier, topic: LinearClassifier, roles: LinearClassifier, phrases: [[String]],
         threshold: Float, offTopicThreshold: Float, lexiconFloor: Float, roleThreshold: Float) {
        self.lang = lang
        self.trigger = trigger
        self.topic = topic
        self.roles = roles
        self.phrases = phrases
        self.learnedPhrases = CuePhrases(words: phrases)
        self.threshold = threshold
        self.offTopicThreshold = offTopicThreshold
        self.lexiconFloor = lexiconFloor
        self.roleThreshold = roleThreshold
    }

    /// The same model deciding with other thresholds (`lede eval events` tunes them on dev).
    public func with(
        threshold: Float? = nil, offTopicThreshold: Float? = nil, lexiconFloor: Float? = nil, roleThreshold: Float? = nil
    ) -> EventModel {
        EventModel(lang: lang, trigger: trigger, topic: topic, roles: roles, phrases: phrases,
                   threshold: threshold ?? self.threshold, offTopicThreshold: offTopicThreshold ?? self.offTopicThreshold,
                   lexiconFloor: lexiconFloor ?? self.lexiconFloor, roleThreshold: roleThreshold ?? self.roleThreshold)
    }

    /// The same model with other learnt candidate phrases (none: the lexicon's candidates alone).
    func with(phrases: [[String]]) -> EventModel {
        EventModel(lang: lang, trigger: trigger, topic: topic, roles: roles, phrases: phrases, threshold: threshold,
                   offTopicThreshold: offTopicThreshold, lexiconFloor: lexiconFloor, roleThreshold: roleThreshold)
    }

    /// The topic the trigger model and the off-topic bar may rely on: a confident one, of a text long
    /// enough to tell (a sentence or two say little about their section).
    static func telling(_ topic: Topic, of fields: [EventText]) -> Topic? {
        topic.score >= 0.5 && fields.reduce(0, { $0 + $1.words.count }) >= 50 ? topic : nil
    }

    func topic(of fields: [EventText]) -> Topic {
        let (k, p) = topic.best(EventFeatures.topic(fields))
        return Topic(label: topic.classes[k], score: (Double(p) * 1000).rounded() / 1000)
    }

    // MARK: File

    /// `decode`, refusing a model trained for another language: it would read every word with the
    /// wrong lexicon.
    static func decode(_ data: Data, of lang: String) throws -> EventModel {
        let model = try decode(data)
        guard model.lang == lang else { throw ModelFormatError(description: "a model of \"\(model.lang)\", not \"\(lang)\"") }
        return model
    }

    static let magic = Array("LEDEEVT1".utf8)

    /// The shipped model of `lang` (`events/<lang>.model`).
    public static func shipped(lang: String) throws -> EventModel {
        let path = "events/\(lang).model"
        guard let data = ResourceFiles.data(path) else {
            throw ModelFormatError(description: "the shipped event model \(path) is missing")
        }
        do {
            return try decode(data, of: lang)
        } catch let error as ModelFormatError {
            throw ModelFormatError(description: "\(path): \(error.description)")
        }
    }

    public func encoded(prune: Float = 1e-4) -> Data {
        var out = ByteWriter()
        out.bytes += EventModel.magic
        out.u32(EventFeatures.version)
        out.string(lang)
        out.f32(threshold)
        out.f32(offTopicThreshold)
        out.f32(lexiconFloor)
        out.f32(roleThreshold)
        out.u32(UInt32(phrases.count))
        for p in phrases { out.string(p.joined(separator: " ")) }
        trigger.encode(into: &out, prune: prune)
        topic.encode(into: &out, prune: prune)
        roles.encode(into: &out, prune: prune)
        return Data(out.bytes)
    }

    public static func decode(_ data: Data) throws -> EventModel {
        var r = ByteReader(bytes: [UInt8](data))
        guard Array(try r.take(magic.count)) == magic else { throw ModelFormatError(description: "not a Lede event model") }
        let version = try r.u32()
        guard version == EventFeatures.version else {
            throw ModelFormatError(description: "event model features version \(version), this build \(EventFeatures.version): retrain")
        }
        let lang = try r.string()
        let threshold = try r.f32()
        let offTopic = try r.f32()
        let floor = try r.f32()
        let roleThreshold = try r.f32()
        let n = try r.count(entryBytes: 4)
        var phrases: [[String]] = []
        for _ in 0..<n { phrases.append(try r.string().split(separator: " ").map(String.init)) }
        let trigger = try LinearClassifier(from: &r)
        guard trigger.classes.first == none, trigger.classes.dropFirst().allSatisfy(EventOntology.types.contains) else {
            throw ModelFormatError(description: "the trigger model's classes are not NONE and PLOVER types")
        }
        let topic = try LinearClassifier(from: &r)
        let roles = try LinearClassifier(from: &r)
        guard roles.classes == ArgumentModel.classes else {
            throw ModelFormatError(description: "the role model's classes are not \(ArgumentModel.classes)")
        }
        guard r.position == r.bytes.count else { throw ModelFormatError(description: "trailing bytes after the event model") }
        return EventModel(lang: lang, trigger: trigger, topic: topic, roles: roles, phrases: phrases, threshold: threshold,
                          offTopicThreshold: offTopic, lexiconFloor: floor, roleThreshold: roleThreshold)
    }
}
