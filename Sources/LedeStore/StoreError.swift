import Foundation
import GRDB

/// A store failure an operator can act on: what was being done, the underlying error, and whether it
/// can pass by itself.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var underlying: String
    /// SQLite's name for the result code (`SQLITE_FULL`, `SQLITE_IOERR_WRITE`, …), when SQLite gave one.
    public var code: String?
    public var fault: StoreFault

    public init(operation: String, underlying: String, code: String? = nil, fault: StoreFault = .permanent) {
        self.operation = operation
        self.underlying = underlying
        self.code = code
        self.fault = fault
    }

    /// Classifies what SQLite (through GRDB) threw.
    init(operation: String, _ error: any Error) {
        if let error = error as? StoreError {
            self = error
            self.operation = operation
            return
        }
        self.operation = operation
        // One line: GRDB quotes the failing statement, which may span several.
        self.underlying = "\(error)".split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        if let error = error as? DatabaseError {
            code = StoreFault.name(of: error.extendedResultCode)
            fault = StoreFault(error.extendedResultCode)
        } else {
            code = nil
            fault = .permanent
        }
    }

    public var description: String { "\(operation): \(underlying)" }
}

/// Whether a store failure can pass without anyone changing the database file.
public enum StoreFault: Sendable, Equatable {
    /// The disk is full, an I/O call failed, the file is locked or read-only for now: the same write
    /// can succeed later. `reopen` says a fresh connection is needed to see the file as it is then (a
    /// connection that opened a read-only file stays read-only; one that saw an I/O error may hold a
    /// stale view of it).
    case transient(reopen: Bool)
    /// A corrupt file, a file that is not a database, a schema written by a newer release, a misuse:
    /// retrying cannot help.
    case permanent

    public var isTransient: Bool { if case .transient = self { true } else { false } }

    init(_ code: ResultCode) {
        switch code.primaryResultCode {
        case .SQLITE_FULL, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_NOMEM, .SQLITE_INTERRUPT, .SQLITE_PROTOCOL:
            self = .transient(reopen: false)
        case .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN:
            self = .transient(reopen: true)
        default:
            self = .permanent
        }
    }

    /// SQLite's name for a primary result code, with the extended code's number when there is one.
    static func name(of code: ResultCode) -> String {
        let primary = code.primaryResultCode.rawValue
        let name = primaryNames[primary].map { "SQLITE_\($0)" } ?? "SQLITE error \(primary)"
        return code.rawValue == primary ? name : "\(name) (extended \(code.rawValue))"
    }

    /// sqlite3.h's names of the primary result codes, by number.
    private static let primaryNames: [CInt: String] = [
        1: "ERROR", 2: "INTERNAL", 3: "PERM", 4: "ABORT", 5: "BUSY", 6: "LOCKED", 7: "NOMEM", 8: "READONLY",
        9: "INTERRUPT", 10: "IOERR", 11: "CORRUPT", 12: "NOTFOUND", 13: "FULL", 14: "CANTOPEN", 15: "PROTOCOL",
        16: "EMPTY", 17: "SCHEMA", 18: "TOOBIG", 19: "CONSTRAINT", 20: "MISMATCH", 21: "MISUSE", 22: "NOLFS",
        23: "AUTH", 24: "FORMAT", 25: "RANGE", 26: "NOTADB",
    ]
}
