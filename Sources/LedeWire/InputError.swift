/// Why an input (an article, an API request, a multipart message) was refused.
///
/// `code` is stable and documented in `Protocols/README.md`; clients and the reject log branch on it.
/// `message` is for people: it names the field or byte offset at fault.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// The stable error codes. New codes may be added; existing ones keep their meaning.
    public enum Code {
        /// The message is over `IngestLimits.maxMessageBytes` (checked before parsing).
        public static let tooLarge = "too_large"
        /// Invalid UTF-8, or a `\u` escape naming a lone surrogate.
        public static let badUTF8 = "bad_utf8"
        /// Not a JSON text (syntax error, trailing characters, raw control character in a string, …).
        public static let badJSON = "bad_json"
        /// Arrays/objects nested deeper than allowed.
        public static let tooDeep = "too_deep"
        /// An object has the same key twice.
        public static let duplicateKey = "duplicate_key"
        /// A number literal that is malformed or longer than allowed.
        public static let badNumber = "bad_number"
        /// An object or array with more members than `JSONLimits.maxMembers`.
        public static let tooManyMembers = "too_many_members"
        /// The article (or request) is valid JSON but not an object.
        public static let notObject = "not_object"
        public static let missingBody = "missing_body"
        /// `body` is empty or only whitespace.
        public static let emptyBody = "empty_body"
        /// A field has the wrong JSON type or an unusable value (e.g. `body` is a number, `id` is empty).
        public static let badFieldType = "bad_field_type"
        public static let bodyTooLong = "body_too_long"
        public static let titleTooLong = "title_too_long"
        /// More top-level fields than `IngestLimits.maxFields`.
        public static let tooManyFields = "too_many_fields"
        /// `lang` is not shaped like a language code (`vi`, `en`, `pt-BR`, `fil`).
        public static let unknownLang = "unknown_lang"
        /// `published_at` is not an ISO 8601 date or date-time, or names an impossible date.
        public static let badDate = "bad_date"
        /// U+0000 inside `body`, `title` or `id`.
        public static let nulByte = "nul_byte"
        /// Multipart message with more frames than the socket expects.
        public static let tooManyFrames = "too_many_frames"
        /// The JSON frame is empty.
        public static let emptyFrame = "empty_frame"
        /// Fewer frames than the socket expects (e.g. a topic with no payload).
        public static let missingFrame = "missing_frame"
        /// API request: missing or wrong `op`, missing or wrong fields.
        public static let badRequest = "bad_request"
        /// API request: `op` is a string but not a known operation.
        public static let unknownOp = "unknown_op"
    }

    /// Every code above, for documentation and tests.
    public static let allCodes: [String] = [
        Code.tooLarge, Code.badUTF8, Code.badJSON, Code.tooDeep, Code.duplicateKey, Code.badNumber,
        Code.tooManyMembers, Code.notObject, Code.missingBody, Code.emptyBody, Code.badFieldType,
        Code.bodyTooLong, Code.titleTooLong, Code.tooManyFields, Code.unknownLang, Code.badDate,
        Code.nulByte, Code.tooManyFrames, Code.emptyFrame, Code.missingFrame, Code.badRequest,
        Code.unknownOp,
    ]
}
