/// Why an input (an article, an API request, a multipart message) was refused.
///
/// `code` is stable and documented in `Protocols/README.md`; clients and the reject log branch on it.
/// `message` is for people: it names the field or byte offset at fault.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String

    public init(code: ErrorCode, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// Every code, for documentation and tests.
    public static let allCodes: [String] = ErrorCode.allCases.map(\.rawValue)
}

/// The stable error codes of the wire: refusals of input (recorded as rejects) and the API's answers
/// that are not about the input (`busy`, `unavailable`, `shutting_down`, `not_found`, `internal`). New codes may be
/// added; existing ones keep their meaning. `Protocols/README.md` lists exactly these (a test checks).
public enum ErrorCode: String, CaseIterable, Sendable, Hashable {
    /// The message is over `IngestLimits.maxMessageBytes` (checked before parsing).
    case tooLarge = "too_large"
    /// Invalid UTF-8, or a `\u` escape naming a lone surrogate.
    case badUTF8 = "bad_utf8"
    /// Not a JSON text (syntax error, trailing characters, raw control character in a string, …).
    case badJSON = "bad_json"
    /// Arrays/objects nested deeper than allowed.
    case tooDeep = "too_deep"
    /// An object has the same key twice.
    case duplicateKey = "duplicate_key"
    /// A number literal that is malformed or longer than allowed.
    case badNumber = "bad_number"
    /// An object or array with more members than `JSONLimits.maxMembers`.
    case tooManyMembers = "too_many_members"
    /// The article (or request) is valid JSON but not an object.
    case notObject = "not_object"
    case missingBody = "missing_body"
    /// `body` is empty or only whitespace.
    case emptyBody = "empty_body"
    /// A field has the wrong JSON type or an unusable value (e.g. `body` is a number, `id` is empty).
    case badFieldType = "bad_field_type"
    case bodyTooLong = "body_too_long"
    case titleTooLong = "title_too_long"
    /// More top-level fields than `IngestLimits.maxFields`.
    case tooManyFields = "too_many_fields"
    /// `lang` is not shaped like a language code (`vi`, `en`, `pt-BR`, `fil`).
    case unknownLang = "unknown_lang"
    /// `published_at` is not an ISO 8601 date or date-time, or names an impossible date.
    case badDate = "bad_date"
    /// U+0000 inside `body`, `title` or `id`.
    case nulByte = "nul_byte"
    /// Multipart message with more frames than the socket expects.
    case tooManyFrames = "too_many_frames"
    /// The JSON frame is empty.
    case emptyFrame = "empty_frame"
    /// Fewer frames than the socket expects (e.g. a topic with no payload).
    case missingFrame = "missing_frame"
    /// API request: missing or wrong `op`, missing or wrong fields.
    case badRequest = "bad_request"
    /// API request: `op` is a string but not a known operation.
    case unknownOp = "unknown_op"
    /// `submit`: the work queue stayed full; retry after a pause.
    case busy
    /// `submit`: the store cannot write for now (disk full, I/O error, read-only file); nothing was
    /// acknowledged. `replay`, `get`, `stats`: the store cannot be read for now. Retry after a pause: the service takes writes again by itself once the store does.
    case unavailable
    /// `submit`: the service is stopping; retry elsewhere or later.
    case shuttingDown = "shutting_down"
    /// `get`: no article with that id.
    case notFound = "not_found"
    /// The service failed on its side (the store could not commit): the input was not at fault.
    case `internal`

    /// Whether the same request may succeed if sent again unchanged after a pause: the service was
    /// busy, its store could not write, or it was stopping. Input errors and `not_found` stay as they are.
    public var isRetryable: Bool {
        switch self {
        case .busy, .unavailable, .shuttingDown, .internal: true
        default: false
        }
    }
}
