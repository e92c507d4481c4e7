import LedeModel
/// One CAMEO event code as PLOVER sees it: type, mode, context, quad class and Goldstein score.
public struct CameoCode: Sendable, Hashable {
    public var code: String
    /// One of the 16 PLOVER types.
    public var type: String
    public var mode: String?
    public var context: String?
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public var quadClass: Int
    public var goldstein: Double
    public var label: String
}

/// The PLOVER event ontology with its CAMEO coding, read from `events/cameo-plover.tsv` and
/// `events/plover-types.tsv` (both derived by `Scripts/build-ontology.py`).
public struct EventOntology: Sendable {
    /// The 16 PLOVER event types, in the manual's order.
    public static let types = PloverTypes.all

    public let codes: [String: CameoCode]
    /// Modes and contexts the manual allows for each type.
    public let modes: [String: Set<String>]
    public let contexts: [String: Set<String>]
    /// Each type's most general code (see `baseCode`), found once.
    private let baseCodes: [String: String]

    /// The shipped ontology, loaded once.
    public static let shipped = EventOntology(
        codes: ResourceFiles.requiredText("events/cameo-plover.tsv"),
        types: ResourceFiles.requiredText("events/plover-types.tsv"))

    public init(codes codesTSV: String, types typesTSV: String) {
        var codes: [String: CameoCode] = [:]
        for row in TSV.rows(codesTSV) where row.count >= 6 {
            let code = CameoCode(
                code: row[0], type: row[1], mode: row[2].isEmpty ? nil : row[2],
                context: row[3].isEmpty ? nil : row[3], quadClass: Int(row[4]) ?? 0,
                goldstein: Double(row[5]) ?? 0, label: row.count > 6 ? row[6] : "")
            codes[code.code] = code
        }
        var modes: [String: Set<String>] = [:]
        var contexts: [String: Set<String>] = [:]
        for row in TSV.rows(typesTSV) where !row.isEmpty {
            modes[row[0]] = Set((row.count > 2 ? row[2] : "").split(separator: ",").map(String.init))
            contexts[row[0]] = Set((row.count > 3 ? row[3] : "").split(separator: ",").map(String.init))
        }
        self.codes = codes
        var baseCodes: [String: String] = [:]
        for code in codes.values where baseCodes[code.type].map({ (code.code.count, code.code) < ($0.count, $0) }) ?? true {
            baseCodes[code.type] = code.code
        }
        self.baseCodes = baseCodes
        self.modes = modes
        self.contexts = contexts
    }

    public func code(_ code: String) -> CameoCode? { codes[code] }

    /// The most general CAMEO code of a PLOVER type (the shortest, then the lowest): the code of an
    /// event whose trigger no lexicon entry of that type found.
    public func baseCode(_ type: String) -> String { baseCodes[type] ?? "" }
}
