import Foundation
import LedeStore
import PostgresNIO

extension StoreError {
    /// What postgres-nio threw, as a store failure an operator can act on: the server's SQLSTATE and
    /// message, or why the connection failed, and whether it can pass.
    init(postgres operation: String, _ error: any Error) {
        if let error = error as? StoreError {
            self = error
            self.operation = operation
            return
        }
        guard let error = error as? PSQLError else {
            // Connecting failed below the protocol (refused, timed out, unreachable): the database may
            // come back.
            self.init(operation: operation, underlying: "PostgreSQL cannot be reached: " + Self.oneLine("\(error)"), code: "PostgreSQL connection", fault: .transient(reopen: true))
            return
        }
        if let server = error.serverInfo, let state = server[.sqlState] {
            let message = server[.message] ?? "error"
            self.init(operation: operation, underlying: Self.oneLine(message), code: "SQLSTATE \(state)", fault: StoreFault(sqlState: state))
            return
        }
        let reason = error.underlying.map { Self.oneLine(String(describing: $0)) } ?? "\(error.code)"
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            self.init(operation: operation, underlying: "the connection to PostgreSQL failed: \(reason)", code: "PostgreSQL connection", fault: .transient(reopen: true))
        default:
            self.init(operation: operation, underlying: reason, code: "\(error.code)", fault: .permanent)
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

extension StoreFault {
    /// PostgreSQL's SQLSTATE classes that can pass: a connection lost (08), a server shutting down or
    /// starting (57P), too little disk, memory or connections (53), a serialization failure or deadlock
    /// (40), a lock not available (55P03). A unique violation (23505) means another node committed the
    /// same article meanwhile: retrying finds it stored and answers it as a duplicate.
    init(sqlState state: String) {
        if state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") || state.hasPrefix("40") || state == "55P03" {
            self = .transient(reopen: state.hasPrefix("08") || state.hasPrefix("57P"))
        } else if state == "23505" {
            self = .transient(reopen: false)
        } else {
            self = .permanent
        }
    }
}
