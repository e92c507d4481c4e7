import Foundation
import XCTest
import LedeModel
@testable import LedeWire

/// Validates what the encoders write against `Protocols/schemas`, so the schemas and the encoders
/// cannot drift apart silently. The validator covers the keywords those schemas use (`pattern` through
/// NSRegularExpression); Protocols/README.md shows how to run a full validator over the same samples.
final class SchemaConformanceTests: XCTestCase {
    static func schemaDirectory(file: String = #filePath) -> URL? {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Protocols/schemas")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    func schema(_ name: String) throws -> JSONValue {
        let dir = try XCTUnwrap(Self.schemaDirectory(), "Protocols/schemas not found above \(#filePath)")
        let data = try Data(contentsOf: dir.appendingPathComponent(name))
        return try JSONReader.parse([UInt8](data))
    }

    func assertValid(_ bytes: [UInt8], against name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try schema(name)
        let instance = try JSONReader.parse(bytes)
        var validator = SchemaValidator(root: root)
        validator.validate(instance, root, at: "$")
        XCTAssertEqual(validator.errors, [], "\(name): \(String(decoding: bytes, as: UTF8.self))", file: file, line: line)
        // LEDE_SCHEMA_SAMPLES=DIR keeps every validated instance, one JSON line per schema, so a full
        // validator (Python jsonschema, with pattern) can check them too; see Protocols/README.md.
        if let dir = ProcessInfo.processInfo.environment["LEDE_SCHEMA_SAMPLES"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name + "l")
            if !FileManager.default.fileExists(atPath: url.path) { FileManager.default.createFile(atPath: url.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: url)
            handle.seekToEndOfFile()
            handle.write(Data(bytes + [0x0A]))
            try handle.close()
        }
    }

    func assertInvalid(_ bytes: [UInt8], against name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try schema(name)
        var validator = SchemaValidator(root: root)
        validator.validate(try JSONReader.parse(bytes), root, at: "$")
        XCTAssertFalse(validator.errors.isEmpty, "\(name) accepted \(String(decoding: bytes, as: UTF8.self))", file: file, line: line)
    }

    func testEverySchemaIsStrictJSONForDraft2020_12() throws {
        for name in [
            "article", "result", "event-message", "reject", "heartbeat", "api-request", "api-reply",
        ] {
            let s = try schema("\(name).schema.json")
            XCTAssertEqual(s["$schema"]?.stringValue, "https://json-schema.org/draft/2020-12/schema", name)
            XCTAssertNotNil(s["description"]?.stringValue, name)
        }
    }

    func testResultMatchesItsSchema() throws {
        try assertValid(
            ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 1_795_608_000_123),
            against: "result.schema.json")
        let bare = Article(id: "a", body: "x")
        try assertValid(ResultEncoding.result(ExtractionResult(lang: "en"), seq: 2, article: bare, committedAtMillis: 0), against: "result.schema.json")
    }

    func testEventMessageMatchesItsSchema() throws {
        let r = Fixtures.result
        try assertValid(
            ResultEncoding.event(r.events[0], index: 0, seq: 1, article: Fixtures.article, lang: "vi", entities: r.entities),
            against: "event-message.schema.json")
        let minimal = Event(type: "CONSULT", cameo: "040", quadClass: 1, goldstein: 1, trigger: Fixtures.span(0, 3), modality: .future, confidence: 0.5, sentence: Fixtures.span(0, 10))
        try assertValid(
            ResultEncoding.event(minimal, index: 3, seq: 9, article: Article(id: "b", body: "x"), lang: "en", entities: []),
            against: "event-message.schema.json")
    }

    func testRejectHeartbeatMatchTheirSchemas() throws {
        try assertValid(
            ResultEncoding.reject(id: 1, code: "bad_json", message: "m", source: "sub", size: 3, sha256: Digest.sha256Hex([1, 2, 3]), articleID: nil, receivedAtMillis: 0),
            against: "reject.schema.json")
        try assertValid(
            ResultEncoding.reject(id: 2, code: "unknown_lang", message: "m", source: "api", size: 3, sha256: Digest.sha256Hex([1]), articleID: "x", receivedAtMillis: 5),
            against: "reject.schema.json")
        try assertValid(ResultEncoding.heartbeat(lastSeq: 0, timeMillis: 0), against: "heartbeat.schema.json")
    }

    func testAPIRepliesMatchTheirSchema() throws {
        let stored = ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0)
        for reply in [
            APIReplyEncoding.submitted(articleID: "a", seq: 1, duplicate: false),
            APIReplyEncoding.error(InputError(code: .badJSON, message: "m")),
            APIReplyEncoding.replayPage(items: [stored], nextSeq: 2, lastSeq: 5),
            APIReplyEncoding.replayPage(items: [], nextSeq: nil, lastSeq: 0),
            APIReplyEncoding.article(Fixtures.article, result: stored),
            APIReplyEncoding.article(Article(id: "a", body: "b"), result: nil),
            APIReplyEncoding.stats([("articles", 1), ("rejects", 0)]),
            APIReplyEncoding.health(status: "ok", lastSeq: 1, uptimeSeconds: 2, store: StoreStatus()),
            APIReplyEncoding.health(
                status: "store_unavailable", lastSeq: 1, uptimeSeconds: 2,
                store: StoreStatus(fault: .init(reason: "disk full", code: "SQLITE_FULL", sinceMillis: 0, held: 3), failures: 2)),
            APIReplyEncoding.health(
                status: "store_unavailable", lastSeq: 1, uptimeSeconds: 2,
                store: StoreStatus(fault: .init(reason: "no code", code: nil, sinceMillis: 0, held: 0), failures: 1)),
        ] {
            try assertValid(reply, against: "api-reply.schema.json")
        }
    }

    func testArticleAndRequestSchemasAgreeWithTheDecoders() throws {
        let articles = [
            #"{"body":"x"}"#, #"{"id":7,"body":"x","lang":"vi","meta":{"a":1},"extra":true}"#,
            #"{"id":"a","url":null,"title":"t","body":"x","published_at":"2017-12-07","source":"s"}"#,
        ]
        for a in articles {
            try assertValid(Array(a.utf8), against: "article.schema.json")
            XCTAssertNoThrow(try ArticleDecoder.decode(Array(a.utf8)).get(), a)
        }
        for bad in [#"{"title":"x"}"#, #"{"body":1}"#, #"{"body":"x","meta":[]}"#, #"{"id":true,"body":"x"}"#] {
            try assertInvalid(Array(bad.utf8), against: "article.schema.json")
            XCTAssertThrowsError(try ArticleDecoder.decode(Array(bad.utf8)).get(), bad)
        }
        let requests = [
            #"{"op":"submit","article":{"body":"x"}}"#, #"{"op":"replay"}"#,
            #"{"op":"replay","from_seq":1,"to_seq":2,"since":"2017-12-07","until":1,"types":["AID"],"lang":"vi","entity":"Nga","limit":5}"#,
            #"{"op":"get","article_id":"a"}"#, #"{"op":"stats"}"#, #"{"op":"health"}"#,
        ]
        for r in requests {
            try assertValid(Array(r.utf8), against: "api-request.schema.json")
            XCTAssertNoThrow(try APIRequestDecoder.decode(Array(r.utf8)).get(), r)
        }
        for bad in [#"{"op":"nope"}"#, #"{"op":"replay","form_seq":1}"#, #"{"op":"get"}"#, #"{"op":"stats","x":1}"#] {
            try assertInvalid(Array(bad.utf8), against: "api-request.schema.json")
            XCTAssertThrowsError(try APIRequestDecoder.decode(Array(bad.utf8)).get(), bad)
        }
    }

    func testEventDateValuesInEveryGranularityMatchTheSchema() throws {
        for (value, granularity) in [("2017-12-07", EventDate.Granularity.day), ("2017-W49", .week), ("2017-12", .month), ("2017", .year), ("--12-07", .day), ("--12", .month)] {
            var e = Fixtures.event
            e.date = EventDate(value: value, granularity: granularity, origin: .text, span: Fixtures.span(52, 61))
            try assertValid(
                ResultEncoding.event(e, index: 0, seq: 1, article: Fixtures.article, lang: "vi", entities: Fixtures.entities),
                against: "event-message.schema.json")
        }
        var e = Fixtures.event
        e.date = EventDate(value: "7/12/2017", granularity: .day, origin: .text)
        try assertInvalid(
            ResultEncoding.event(e, index: 0, seq: 1, article: Fixtures.article, lang: "vi", entities: Fixtures.entities),
            against: "event-message.schema.json")
    }

    func testEveryErrorCodeIsDocumentedInTheProtocolDescription() throws {
        let dir = try XCTUnwrap(Self.schemaDirectory())
        let readme = try String(contentsOf: dir.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        for code in InputError.allCodes {
            XCTAssertTrue(readme.contains("`\(code)`"), "\(code) is missing from Protocols/README.md's error table")
        }
        // And the table lists nothing else: its first column names exactly the codes of `ErrorCode`.
        let section = try XCTUnwrap(readme.components(separatedBy: "## Error codes").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let documented = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { row in
            row.split(separator: "|")[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        }
        XCTAssertEqual(Set(documented), Set(InputError.allCodes))
        XCTAssertEqual(documented.count, InputError.allCodes.count, "each code once")
    }

    func testTheValidatorItselfCatchesDrift() throws {
        // A result missing a required key, with an undeclared key, and with a wrong type.
        try assertInvalid(Array(#"{"last_seq":1}"#.utf8), against: "heartbeat.schema.json")
        try assertInvalid(Array(#"{"last_seq":1,"time":"2026-11-25T12:00:00.000Z","extra":1}"#.utf8), against: "heartbeat.schema.json")
        try assertInvalid(Array(#"{"last_seq":"1","time":"2026-11-25T12:00:00.000Z"}"#.utf8), against: "heartbeat.schema.json")
        var bytes = ResultEncoding.result(Fixtures.result, seq: 1, article: Fixtures.article, committedAtMillis: 0)
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"quad_class\":4", with: "\"quad_class\":\"4\"").utf8)
        try assertInvalid(bytes, against: "result.schema.json")
    }
}

/// A small JSON Schema (2020-12) validator: `$ref` (local), `type`, `enum`, `const`, `required`,
/// `properties`, `additionalProperties`, `items`, `oneOf`, `anyOf`, `minimum`, `maximum`, `minLength`,
/// `maxLength`, `minProperties`, `maxProperties`, `dependentRequired`, `pattern`.
struct SchemaValidator {
    let root: JSONValue
    var errors: [String] = []

    init(root: JSONValue) { self.root = root }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for part in ref.dropFirst().split(separator: "/") {
            guard let next = node[String(part)] else { return nil }
            node = next
        }
        return node
    }

    func typeMatches(_ v: JSONValue, _ type: String) -> Bool {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            return true
        case ("integer", .number): return v.isIntegerLiteral || (v.doubleValue.map { $0 == $0.rounded() } ?? false)
        default: return false
        }
    }

    func errorsFor(_ v: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        var sub = SchemaValidator(root: root)
        sub.validate(v, schema, at: path)
        return sub.errors
    }

    mutating func validate(_ v: JSONValue, _ schema: JSONValue, at path: String) {
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(path): not allowed") }
            return
        }
        if let ref = schema["$ref"]?.stringValue {
            guard let target = resolve(ref) else { return errors.append("\(path): unresolvable \(ref)") }
            validate(v, target, at: path)
        }
        if let type = schema["type"] {
            let types = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            if !types.contains(where: { typeMatches(v, $0) }) {
                errors.append("\(path): \(v.typeName) is not \(types.joined(separator: "|"))")
                return
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(v) { errors.append("\(path): \(v) not in enum") }
        if let c = schema["const"], c != v { errors.append("\(path): \(v) is not \(c)") }
        if let d = v.doubleValue {
            if let min = schema["minimum"]?.doubleValue, d < min { errors.append("\(path): \(d) < \(min)") }
            if let max = schema["maximum"]?.doubleValue, d > max { errors.append("\(path): \(d) > \(max)") }
        }
        if let s = v.stringValue {
            if let pattern = schema["pattern"]?.stringValue {
                if let regex = try? NSRegularExpression(pattern: pattern) {
                    if regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
                        errors.append("\(path): \(s.debugDescription) does not match \(pattern)")
                    }
                } else {
                    errors.append("\(path): schema pattern \(pattern) does not compile")
                }
            }
            if let min = schema["minLength"]?.intValue, s.unicodeScalars.count < min { errors.append("\(path): shorter than \(min)") }
            if let max = schema["maxLength"]?.intValue, s.unicodeScalars.count > max { errors.append("\(path): longer than \(max)") }
        }
        if let items = v.arrayValue, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { validate(item, itemSchema, at: "\(path)[\(i)]") }
        }
        if let members = v.objectValue {
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where v[key] == nil {
                errors.append("\(path): missing required \"\(key)\"")
            }
            if let min = schema["minProperties"]?.intValue, members.count < min { errors.append("\(path): fewer than \(min) keys") }
            if let max = schema["maxProperties"]?.intValue, members.count > max { errors.append("\(path): more than \(max) keys") }
            for dep in schema["dependentRequired"]?.objectValue ?? [] where v[dep.key] != nil {
                for needed in dep.value.arrayValue?.compactMap(\.stringValue) ?? [] where v[needed] == nil {
                    errors.append("\(path): \"\(dep.key)\" needs \"\(needed)\"")
                }
            }
            let properties = schema["properties"]
            for m in members {
                if let p = properties?[m.key] {
                    validate(m.value, p, at: "\(path).\(m.key)")
                } else if let extra = schema["additionalProperties"] {
                    if case .bool(false) = extra {
                        errors.append("\(path): undeclared key \"\(m.key)\"")
                    } else {
                        validate(m.value, extra, at: "\(path).\(m.key)")
                    }
                }
            }
        }
        if let options = schema["oneOf"]?.arrayValue {
            let matching = options.filter { errorsFor(v, $0, at: path).isEmpty }.count
            if matching != 1 { errors.append("\(path): matches \(matching) of oneOf, not exactly 1") }
        }
        if let options = schema["anyOf"]?.arrayValue, !options.contains(where: { errorsFor(v, $0, at: path).isEmpty }) {
            errors.append("\(path): matches none of anyOf")
        }
    }
}
