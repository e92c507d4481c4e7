/// Topic names on the PUB socket: dot-separated so that prefix subscriptions filter naturally.
enum Topics {
    static func article(lang: String) -> [UInt8] { Array("article.\(lang)".utf8) }
    static func event(type: String, lang: String) -> [UInt8] { Array("event.\(type).\(lang)".utf8) }
    static let reject = Array("reject".utf8)
    static let heartbeat = Array("heartbeat".utf8)
}
