import LedeModel

/// Decodes API requests. Errors: `too_large`, the JSON reader's codes, `not_object`, `bad_request`
/// (missing or mistyped `op` or fields, unknown fields), `unknown_op`, and the article codes for `submit`.
public enum APIRequestDecoder {
    /// Decodes one request frame. The article of a `submit` gets the same checks as on the ingest
    /// sockets (its nesting counts from the article, not from the request).
    public static func decode(_ bytes: [UInt8], limits: IngestLimits = .init()) -> Result<APIRequest, InputError> {
        if bytes.count > limits.maxMessageBytes { return .failure(ArticleDecoder.tooLarge(bytes.count, limits)) }
        var jsonLimits = limits.jsonLimits
        jsonLimits.maxDepth += 1  // the article sits one level down
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes, limits: jsonLimits)
        } catch {
            return .failure(error)
        }
        return Result { () throws(InputError) -> APIRequest in try decode(value: value, limits: limits) }
    }

    static func decode(value: JSONValue, limits: IngestLimits) throws(InputError) -> APIRequest {
        guard case .object(let members) = value else {
            throw InputError(code: ErrorCode.notObject, message: "a request must be a JSON object, got \(value.typeName)")
        }
        guard let opValue = value["op"] else { throw badRequest("request has no \"op\"") }
        guard case .string(let op) = opValue else { throw badRequest("\"op\" must be a string, got \(opValue.typeName)") }
        switch op {
        case "submit":
            try allowOnly(["op", "article"], in: members, op: op)
            guard let article = value["article"] else { throw badRequest("submit needs an \"article\" object") }
            return .submit(try ArticleDecoder.decode(value: article, limits: limits).get())
        case "replay":
            try allowOnly(
                ["op", "from_seq", "to_seq", "since", "until", "types", "lang", "entity", "latest", "limit"], in: members, op: op)
            return .replay(try replayQuery(value))
        case "reprocess":
            try allowOnly(["op", "from_seq", "to_seq", "since", "until"], in: members, op: op)
            return .reprocess(try replayQuery(value))
        case "get":
            try allowOnly(["op", "article_id"], in: members, op: op)
            guard let idValue = value["article_id"] else { throw badRequest("get needs \"article_id\"") }
            let id: String?
            do throws(InputError) {
                id = try ArticleDecoder.decodeID(idValue, field: "article_id")
            } catch {
                throw badRequest(error.message)
            }
            guard let id else { throw badRequest("get needs \"article_id\"") }
            return .get(articleID: id)
        case "stats":
            try allowOnly(["op"], in: members, op: op)
            return .stats
        case "health":
            try allowOnly(["op"], in: members, op: op)
            return .health
        default:
            throw InputError(
                code: ErrorCode.unknownOp,
                message: "unknown op \(ArticleDecoder.quoted(op)); known: submit, replay, get, stats, health, reprocess")
        }
    }

    static func replayQuery(_ v: JSONValue) throws(InputError) -> ReplayFilter {
        var q = ReplayFilter()
        q.fromSeq = try optionalInteger(v["from_seq"], "from_seq") ?? 1
        q.toSeq = try optionalInteger(v["to_seq"], "to_seq")
        q.since = try optionalInstant(v["since"], "since")
        q.until = try optionalInstant(v["until"], "until")
        switch v["types"] {
        case nil, .null?: break
        case .string(let t)?: q.types = [t]
        case .array(let items)?:
            for item in items {
                guard case .string(let t) = item else { throw badRequest("\"types\" must be an array of strings") }
                q.types.append(t)
            }
        case let other?: throw badRequest("\"types\" must be an array of strings, got \(other.typeName)")
        }
        if let lang = try optionalString(v["lang"], "lang") {
            guard let normalized = LanguageCode.normalized(lang) else {
                throw InputError(code: ErrorCode.unknownLang, message: "lang \(ArticleDecoder.quoted(lang)) is not a language code")
            }
            q.lang = normalized
        }
        q.entity = try optionalString(v["entity"], "entity")
        switch v["latest"] {
        case nil, .null?: break
        case .bool(let b)?: q.latest = b
        case let other?: throw badRequest("\"latest\" must be true or false, got \(other.typeName)")
        }
        if let limit = try optionalInteger(v["limit"], "limit") {
            guard limit >= 1 else { throw badRequest("\"limit\" must be at least 1") }
            q.limit = Int(min(limit, Int64(ReplayFilter.maxLimit)))  // larger pages are capped, not refused
        }
        return q
    }

    static func optionalInteger(_ v: JSONValue?, _ field: String) throws(InputError) -> Int64? {
        switch v {
        case nil, .null?: return nil
        case .number(let literal)?:
            guard let n = Int64(literal) else { throw badRequest("\"\(field)\" must be an integer, got \(literal)") }
            return n
        case let other?: throw badRequest("\"\(field)\" must be an integer, got \(other.typeName)")
        }
    }

    static func optionalString(_ v: JSONValue?, _ field: String) throws(InputError) -> String? {
        switch v {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let other?: throw badRequest("\"\(field)\" must be a string, got \(other.typeName)")
        }
    }

    /// An ISO 8601 date or date-time string, or an integer of milliseconds since 1970.
    static func optionalInstant(_ v: JSONValue?, _ field: String) throws(InputError) -> Int64? {
        switch v {
        case nil, .null?: return nil
        case .number(let literal)?:
            guard let n = Int64(literal) else { throw badRequest("\"\(field)\" must be epoch milliseconds or ISO 8601, got \(literal)") }
            return n
        case .string(let s)?:
            guard let t = ISODateTime.parse(s) else {
                throw InputError(code: ErrorCode.badDate, message: "\"\(field)\" \(ArticleDecoder.quoted(s)) is not an ISO 8601 date or date-time")
            }
            return t.millisSince1970
        case let other?: throw badRequest("\"\(field)\" must be an ISO 8601 string or epoch milliseconds, got \(other.typeName)")
        }
    }

    static func allowOnly(_ allowed: Set<String>, in members: [JSONMember], op: String) throws(InputError) {
        for m in members where !allowed.contains(m.key) {
            throw badRequest("\(op) does not take \(ArticleDecoder.quoted(m.key)); allowed: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    static func badRequest(_ message: String) -> InputError {
        InputError(code: ErrorCode.badRequest, message: message)
    }
}

extension APIRequestDecoder {
    /// Replay's filters from URL query parameters (`/v1/replay?from_seq=1&types=ASSAULT,AID&lang=vi`):
    /// the same names, checks and errors as the API's `replay` request. `types` may be repeated or
    /// comma-separated; `since`/`until` are ISO 8601 or epoch milliseconds.
    public static func replayFilter(query: [(name: String, value: String)]) -> Result<ReplayFilter, InputError> {
        var members: [JSONMember] = []
        var types: [JSONValue] = []
        for (name, value) in query {
            switch name {
            case "types", "type":
                types += value.split(separator: ",").map { .string(String($0)) }
            case "from_seq", "to_seq", "limit", "since", "until":
                // Digits are a number (a seq, a count, epoch milliseconds); anything else stays text and
                // is refused or read as a date by the same checks as the API's.
                members.append(JSONMember(name, value.allSatisfy(\.isASCIIDigit) && !value.isEmpty ? .number(value) : .string(value)))
            case "lang", "entity":
                members.append(JSONMember(name, .string(value)))
            case "latest":
                members.append(JSONMember(name, value == "true" ? .bool(true) : value == "false" ? .bool(false) : .string(value)))
            default:
                return .failure(badRequest("unknown parameter \(ArticleDecoder.quoted(name)); known: from_seq, to_seq, since, until, types, lang, entity, latest, limit"))
            }
        }
        if !types.isEmpty { members.append(JSONMember("types", .array(types))) }
        do throws(InputError) {
            return .success(try replayQuery(.object(members)))
        } catch {
            return .failure(error)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
