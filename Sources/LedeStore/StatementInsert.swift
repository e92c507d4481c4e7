import Foundation
import GRDB
import GRDBSQLite

/// A value the committer binds straight into a prepared statement: GRDB's own binding for the type
/// (the same `sqlite3_bind_*` call `execute(arguments:)` ends in, so the same stored value), or NULL.
protocol InsertValue {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt
}

extension Int: InsertValue {}
extension Int64: InsertValue {}
extension String: InsertValue {}
extension Data: InsertValue {}

extension Optional: InsertValue where Wrapped: InsertValue {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt {
        if let value = self { return value.bind(to: statement, at: index) }
        return sqlite3_bind_null(statement, index)
    }
}

extension Statement {
    /// Runs this INSERT once with `values`, one per `?` in order.
    ///
    /// Why not `execute(arguments:)`: the committer writes about 20 rows per article (the article, its
    /// result, its entity names and events), and GRDB's general
    /// path boxes each value in an existential, converts it to a `DatabaseValue`, validates the count and
    /// binds through nested closures, which cost more instructions than SQLite's insert itself
    /// (callgrind over `Store.commit`). Here the values bind through their concrete types and the
    /// statement steps through SQLite's C API (GRDB's documented `sqliteStatement`); it stays GRDB's
    /// cached statement and runs inside GRDB's transaction. The store registers no transaction observers,
    /// which are what GRDB's own execution would notify. A failure throws GRDB's `DatabaseError` with
    /// SQLite's code, message and the statement, as GRDB's path would; the transaction around it rolls
    /// back, as for any error thrown inside `write`.
    func insert<each Value: InsertValue>(_ values: repeat each Value) throws {
        let statement = sqliteStatement
        var index: CInt = 0
        var code = SQLITE_OK
        for value in repeat each values {
            index += 1
            if code == SQLITE_OK { code = value.bind(to: statement, at: index) }
        }
        precondition(index == sqlite3_bind_parameter_count(statement), "\(index) values for: \(sql)")
        if code == SQLITE_OK { code = sqlite3_step(statement) }
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
        sqlite3_reset(statement)
        // Bound strings and blobs are SQLite's own copies: clear them, or each cached statement keeps the
        // last row (for `articles`, a whole body) until the next commit.
        sqlite3_clear_bindings(statement)
        if let message { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql) }
    }
}
