import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One PostgreSQL connection, used by one thread at a time: each call blocks on postgres-nio's future,
/// which completes on NIO's event loop. Waiting on a future, not on an async task, is what lets the
/// service's own threads, and the HTTP side's tasks, call the store synchronously without needing a
/// free thread of Swift's cooperative pool to finish (two on this machine).
final class PostgresLink: @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger

    private init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static func connect(_ url: PostgresURL, id: Int, logger: Logger) throws -> PostgresLink {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable)
        // An unreachable database is a fault to wait out: found quickly, retried by the committer.
        configuration.options.connectTimeout = .seconds(3)
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
        ).wait()
        return PostgresLink(connection: connection, logger: logger)
    }

    /// How long one statement may take before the connection is given up on. A query sent on a
    /// connection whose server went away without a word (killed, a host lost) may otherwise never be
    /// answered; the longest statements here (a prune batch, a page) take milliseconds.
    static let statementDeadline: TimeAmount = .seconds(30)

    /// The connection is gone (closed by the server, or silent past the deadline): a fault that can
    /// pass, on a new connection.
    struct ConnectionLost: Error, CustomStringConvertible {
        var description: String
    }

    private struct DeadlinePassed: Error {}

    /// Runs one statement (`$1`, `$2`, … bound to `binds`) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        guard !connection.isClosed else { throw ConnectionLost(description: "the connection to PostgreSQL was closed") }
        let answer = connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        let bounded = answer.eventLoop.makePromise(of: PostgresQueryResult.self)
        answer.cascade(to: bounded)
        let deadline = answer.eventLoop.scheduleTask(in: Self.statementDeadline) { bounded.fail(DeadlinePassed()) }
        defer { deadline.cancel() }
        do {
            return try bounded.futureResult.wait().rows
        } catch is DeadlinePassed {
            close()
            throw ConnectionLost(description: "no answer from PostgreSQL in \(Self.statementDeadline.nanoseconds / 1_000_000_000) s")
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try query(begin)
        let value: T
        do {
            value = try body()
        } catch {
            // A broken connection cannot roll back; the pool closes it and the server rolls back.
            _ = try? query("ROLLBACK")
            throw error
        }
        try query("COMMIT")
        return value
    }

    var isClosed: Bool { connection.isClosed }

    func close() {
        // Closing a connection the server already dropped fails; nothing is left to release then.
        _ = try? connection.close().wait()
    }
}

/// Builds a statement's binds in order, so `$n` follows the order of `append` calls.
struct Binds {
    var values = PostgresBindings()

    mutating func add<Value: PostgresDynamicTypeEncodable>(_ value: Value) {
        values.append(value)
    }

    mutating func add<Value: PostgresDynamicTypeEncodable>(_ value: Value?) {
        if let value { values.append(value) } else { values.appendNull() }
    }

    /// Appends a value and returns its placeholder (`$3`), for SQL built with its conditions.
    mutating func mark<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        values.append(value)
        return "$\(values.count)"
    }
}
