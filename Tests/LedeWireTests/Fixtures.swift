import LedeModel

/// A small result in the shape of the Vietnamese sample: unicode text, an event with every part filled.
enum Fixtures {
    static let body = "Nga \"tiêu diệt\" hơn 550 tay súng\tIS 😀 ở Deir ez-Zor ngày 7/12.\nPutin nói."

    static let article = Article(
        id: "vn-1", url: "https://example.vn/a?x=\"1\"", title: "Nga: IS\n", body: body, lang: "vi",
        publishedAt: PublicationDate(year: 2017, month: 12, day: 7), source: "vnexpress")

    /// A span of `body` by code-point offsets, with its text cut from the body the way a client would.
    static func span(_ start: Int, _ end: Int, field: TextField = .body) -> Span {
        let scalars = Array((field == .body ? body : article.title!).unicodeScalars)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        return Span(field: field, start: start, end: end, text: text)
    }

    static var entities: [Entity] {
        [
            Entity(id: 0, type: .location, name: "Nga", country: "RU", geonamesID: 2_017_370, cameo: "RUS"),
            Entity(id: 1, type: .organization, name: "Nhà nước Hồi giáo", cameo: "IMGMUSISI"),
            Entity(id: 2, type: .person, name: "Vladimir Putin", country: "RU"),
        ]
    }

    static var event: Event {
        Event(
            type: "ASSAULT", mode: "aerial", context: nil, cameo: "190", quadClass: 4, goldstein: -10,
            trigger: span(5, 14),
            actors: [EventArgument(entity: 0, span: span(0, 3), cameo: "RUSMIL")],
            recipients: [EventArgument(entity: 1, span: span(33, 35))],
            location: EventArgument(entity: nil, span: span(40, 51)),
            date: EventDate(value: "2017-12-07", granularity: .day, origin: .text, span: span(52, 61)),
            counts: [
                EventCount(kind: "killed", value: 550, qualifier: .atLeast, span: span(16, 23)),
                EventCount(kind: "type", value: 1),  // collides with an event key: only in "counts"
                EventCount(kind: "killed", value: 3),  // second of a kind: only in "counts"
            ],
            modality: .asserted, attribution: EventArgument(entity: 2, span: span(63, 68)), confidence: 0.85,
            sentence: span(0, 62))
    }

    static var result: ExtractionResult {
        ExtractionResult(
            lang: "vi",
            mentions: [
                Mention(type: .location, span: span(0, 3), entity: 0, source: "gazetteer"),
                Mention(type: .quantity, span: span(20, 23), value: "550", source: "rule"),
                Mention(type: .organization, span: span(5, 7, field: .title), entity: 1, source: "tagger"),
            ],
            entities: entities, events: [event], extractorVersion: "test-1")
    }
}
