import LedeModel

/// Decodes and validates one article JSON object (`Protocols/README.md`, "Articles in").
///
/// `{"id"?, "url"?, "title"?, "body", "lang"?, "published_at"?, "source"?, "meta"?}`; optional fields may
/// be `null` (same as absent). Unknown top-level keys are ignored, up to `IngestLimits.maxFields` keys in
/// all. Plain-text wrapping is not done here: the CLI wraps text files.
public enum ArticleDecoder {
    /// Decodes one article message: the size is checked first (`too_large`), then the JSON (reader
    /// codes), then the fields (article codes). Without `id`, the id is `contentID(…)`.
    public static func decode(_ bytes: [UInt8], limits: IngestLimits = .init()) -> Result<Article, InputError> {
        if bytes.count > limits.maxMessageBytes { return .failure(tooLarge(bytes.count, limits)) }
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes, limits: limits.jsonLimits)
        } catch {
            return .failure(error)
        }
        return decode(value: value, limits: limits)
    }

    /// Decodes an already parsed article object (for example the `article` of an API `submit`).
    public static func decode(value: JSONValue, limits: IngestLimits = .init()) -> Result<Article, InputError> {
        Result { () throws(InputError) -> Article in try decodeObject(value, limits: limits) }
    }

    /// `"sha256:"` + the first 32 hex digits of SHA-256 over `title + "\n" + body + "\n" + (publishedAt ?? "")`
    /// in UTF-8, with `title` nil read as empty and `publishedAt` the text as received.
    public static func contentID(title: String?, body: String, publishedAt: String?) -> String {
        var hasher = SHA256Hasher()
        hasher.update((title ?? "").utf8)
        hasher.update(CollectionOfOne(UInt8(ascii: "\n")))
        hasher.update(body.utf8)
        hasher.update(CollectionOfOne(UInt8(ascii: "\n")))
        hasher.update((publishedAt ?? "").utf8)
        return "sha256:" + hasher.finalizeHex().prefix(32)
    }

    static func tooLarge(_ size: Int, _ limits: IngestLimits) -> InputError {
        InputError(code: ErrorCode.tooLarge, message: "message of \(size) bytes is over the limit of \(limits.maxMessageBytes)")
    }

    static let maxIDScalars = 256

    static func decodeObject(_ value: JSONValue, limits: IngestLimits) throws(InputError) -> Article {
        guard case .object(let members) = value else {
            throw InputError(code: ErrorCode.notObject, message: "an article must be a JSON object, got \(value.typeName)")
        }
        if members.count > limits.maxFields {
            throw InputError(
                code: ErrorCode.tooManyFields,
                message: "article has \(members.count) fields, the limit is \(limits.maxFields)")
        }
        var id: String?
        var url: String?
        var title: String?
        var body: String?
        var lang: String?
        var publishedAtText: String?
        var publishedAt: PublicationDate?
        var source: String?
        for m in members {
            switch m.key {
            case "id":
                id = try decodeID(m.value, field: "id")
            case "url":
                url = try optionalString(m.value, field: "url")
            case "title":
                title = try optionalString(m.value, field: "title")
                if let t = title {
                    let (scalars, hasNul) = scan(t)
                    if hasNul { throw nulByte("title") }
                    if scalars > limits.maxTitleScalars {
                        throw InputError(
                            code: ErrorCode.titleTooLong,
                            message: "title has \(scalars) characters, the limit is \(limits.maxTitleScalars)")
                    }
                }
            case "body":
                guard case .string(let b) = m.value else {
                    throw badType("body", expected: "a string", got: m.value)
                }
                body = b
            case "lang":
                if let code = try optionalString(m.value, field: "lang") {
                    guard let normalized = LanguageCode.normalized(code) else {
                        throw InputError(
                            code: ErrorCode.unknownLang,
                            message: "lang \(quoted(code)) is not a language code like \"vi\", \"en\" or \"pt-BR\"")
                    }
                    lang = normalized
                }
            case "published_at":
                if let text = try optionalString(m.value, field: "published_at") {
                    guard let parsed = ISODateTime.parse(text) else {
                        throw InputError(
                            code: ErrorCode.badDate,
                            message: "published_at \(quoted(text)) is not an ISO 8601 date or date-time (2017-12-07, 2017-12-07T08:30:00+07:00)")
                    }
                    publishedAtText = text
                    publishedAt = parsed.date
                }
            case "source":
                source = try optionalString(m.value, field: "source")
            case "meta":
                switch m.value {
                case .object, .null: break
                default: throw badType("meta", expected: "an object", got: m.value)
                }
            default:
                break  // unknown keys are allowed and ignored
            }
        }
        guard let body else {
            throw InputError(code: ErrorCode.missingBody, message: "article has no \"body\"")
        }
        let (scalars, hasNul) = scan(body)
        if hasNul { throw nulByte("body") }
        if body.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw InputError(code: ErrorCode.emptyBody, message: "body is empty or only whitespace")
        }
        if scalars > limits.maxBodyScalars {
            throw InputError(
                code: ErrorCode.bodyTooLong,
                message: "body has \(scalars) characters, the limit is \(limits.maxBodyScalars)")
        }
        let articleID = id ?? contentID(title: title, body: body, publishedAt: publishedAtText)
        return Article(
            id: articleID, url: url, title: title, body: body, lang: lang, publishedAt: publishedAt, source: source)
    }

    /// `id`: a string (trimmed, 1…256 characters) or an integer (its decimal text); null means absent.
    static func decodeID(_ value: JSONValue, field: String) throws(InputError) -> String? {
        switch value {
        case .null:
            return nil
        case .number(let literal):
            guard value.isIntegerLiteral, literal.utf8.count <= maxIDScalars else {
                throw InputError(code: ErrorCode.badFieldType, message: "\(field) must be a string or an integer, got \(literal)")
            }
            return literal
        case .string(let s):
            let trimmed = trimWhitespace(s)
            let (scalars, hasNul) = scan(trimmed)
            if hasNul { throw nulByte(field) }
            guard scalars >= 1, scalars <= maxIDScalars else {
                throw InputError(
                    code: ErrorCode.badFieldType,
                    message: "\(field) must have 1 to \(maxIDScalars) characters, it has \(scalars)")
            }
            return trimmed
        default:
            throw badType(field, expected: "a string or an integer", got: value)
        }
    }

    static func optionalString(_ value: JSONValue, field: String) throws(InputError) -> String? {
        switch value {
        case .null: return nil
        case .string(let s): return s
        default: throw badType(field, expected: "a string", got: value)
        }
    }

    static func badType(_ field: String, expected: String, got: JSONValue) -> InputError {
        InputError(code: ErrorCode.badFieldType, message: "\(field) must be \(expected), got \(got.typeName)")
    }

    static func nulByte(_ field: String) -> InputError {
        InputError(code: ErrorCode.nulByte, message: "\(field) contains U+0000")
    }

    /// Unicode scalar count and whether U+0000 occurs, in one pass over the UTF-8, eight bytes at a time.
    static func scan(_ s: String) -> (scalars: Int, hasNul: Bool) {
        var s = s
        return s.withUTF8 { utf8 -> (Int, Bool) in
            var count = 0
            var nul = false
            var i = 0
            let n = utf8.count
            if let base = utf8.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    count += 8 - ByteWords.continuation(w).nonzeroBitCount
                    if ByteWords.zero(w) != 0 { nul = true }
                    i += 8
                }
            }
            while i < n {
                let b = utf8[i]
                if b & 0xC0 != 0x80 { count += 1 }
                if b == 0 { nul = true }
                i += 1
            }
            return (count, nul)
        }
    }

    static func trimWhitespace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// A value quoted for an error message, cut to 40 characters.
    static func quoted(_ s: String) -> String {
        let cut = s.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(40))) + "…" : s
        var w = JSONWriter(capacity: 48)
        w.string(cut)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
