import Foundation

/// Where a node's PostgreSQL database is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB` (`postgresql://`
/// too). Parsed strictly, so that a mistyped `--db` is one clear line at start, not a connection that
/// fails later.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Whether `--db` names PostgreSQL rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// A malformed URL, in one line that names what is wrong.
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    public init(_ text: String) throws(Malformed) {
        let shape = "postgres://USER@HOST[:PORT]/DB"
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw Malformed(description: "\"\(text)\" is not a PostgreSQL URL (\(shape))")
        }
        guard let user = url.user, !user.isEmpty else { throw Malformed(description: "\(text): no user (\(shape))") }
        guard let host = url.host, !host.isEmpty else { throw Malformed(description: "\(text): no host (\(shape))") }
        if let port = url.port, !(1...65535).contains(port) { throw Malformed(description: "\(text): port \(port) is not 1 to 65535") }
        let database = String(url.path.dropFirst())
        guard url.path.hasPrefix("/"), !database.isEmpty, !database.contains("/") else {
            throw Malformed(description: "\(text): no database name after the host (\(shape))")
        }
        guard url.query == nil, url.fragment == nil else { throw Malformed(description: "\(text): no ?options or #fragment are taken (\(shape))") }
        self.user = user
        self.password = url.password
        self.host = host
        self.port = url.port ?? 5432
        self.database = database
    }

    /// The URL without its password, for logs and errors.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
