import LedeModel
/// Events on the map: an event's location is the place its own sentence names (found by the event
/// extractor); when the sentence names none, the article's main place stands in, marked as such in the
/// precision (`article_city`, `article_admin1`, `article_country`) so that a map can tell the two apart.
enum EventLocations {
    /// Gives each event's location its place: the located entity's, or the article's main place when
    /// the event has no location. A location whose entity has no place (a name the gazetteers do not
    /// know) keeps its words and has no coordinates: another place's point would misplace it.
    static func place(_ events: inout [Event], entities: [Entity], mentions: [Mention]) {
        guard !events.isEmpty else { return }
        let main = mainPlace(entities: entities, mentions: mentions)
        for k in events.indices {
            if var location = events[k].location {
                location.place = location.entity.flatMap { entities.indices.contains($0) ? entities[$0].place : nil }
                events[k].location = location
            } else if let main, var place = entities[main.entity].place {
                place.precision = place.precision.fromArticle
                events[k].location = EventArgument(entity: main.entity, span: main.span, place: place)
            }
        }
    }

    /// The article's main place: of the LOC entities with a place, the one named most often, a title
    /// mention counting twice (a headline names what the story is about); on a tie, the first named.
    /// Its first mention is the span the stand-in location points to.
    static func mainPlace(entities: [Entity], mentions: [Mention]) -> (entity: Int, span: Span)? {
        var weight = [Int](repeating: 0, count: entities.count)
        var first = [Span?](repeating: nil, count: entities.count)
        for m in mentions {
            guard let id = m.entity, entities.indices.contains(id), entities[id].type == .location,
                  entities[id].place != nil else { continue }
            weight[id] += m.span.field == .title ? 2 : 1
            if first[id] == nil { first[id] = m.span }
        }
        // Mentions come title first, then in text order: the lowest id named first among equals.
        var best: Int?
        for id in entities.indices where weight[id] > 0 {
            if best == nil || weight[id] > weight[best!] { best = id }
        }
        guard let best, let span = first[best] else { return nil }
        return (best, span)
    }
}
