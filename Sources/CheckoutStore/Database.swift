import CSQLite
import CheckoutDomain
import CheckoutFormats

/// One connection to one SQLite file.
///
/// Not thread-safe (opened with `SQLITE_OPEN_NOMUTEX`): use a `Database` and its
/// statements from one thread at a time. Only `interruptHandle` may cross threads.
package final class Database {
    /// How the file is opened.
    package enum OpenMode {
        /// Reading only; writes fail with `SQLITE_READONLY`.
        case readOnly
        /// Reading a file nobody may change while it is open (SQLite's `immutable`): no locks, no WAL index, so
        /// a store in a read-only folder or on a read-only file system can still be read.
        case readOnlyImmutable
        /// Reading and writing an existing file; a missing file fails with `SQLITE_CANTOPEN`.
        case readWrite
        /// Reading and writing, creating the file when it is missing.
        case readWriteCreate
    }

    /// How `transaction(_:_:)` begins: the lock taken by `BEGIN`.
    package enum TransactionKind {
        /// Takes locks at the first read or write.
        case deferred
        /// Takes the write lock at once, so a busy store fails before any work is done.
        case immediate
        /// Takes the write lock at once and, outside WAL mode, keeps readers out.
        case exclusive
    }

    /// The path the connection was opened with.
    package let path: String
    private let connection: ConnectionHandle
    private var statementCache: [String: Statement] = [:]

    /// Opens `path` (`":memory:"` allowed; URI filenames are not interpreted).
    ///
    /// - Throws: `SQLiteError` whose message names `path`; no handle is left open.
    package init(path: String, mode: OpenMode) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = mode.flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let name = mode == .readOnlyImmutable ? Database.immutableURI(path) : path
        let resultCode = sqlite3_open_v2(name, &handle, flags, nil)
        guard resultCode == SQLITE_OK, let handle else {
            var error = SQLiteError(resultCode: resultCode, connection: handle)
            error.message += ": \(path)"
            sqlite3_close_v2(handle)
            throw error
        }
        self.path = path
        self.connection = ConnectionHandle(pointer: handle)
    }

    // `file:` URI of `path` with `immutable=1`; characters a URI gives meaning to are percent-encoded.
    private static func immutableURI(_ path: String) -> String {
        let encoded = path.utf8.map { byte -> String in
            let safe =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "/-_.~".utf8.contains(byte)
            return safe ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }
        return "file:" + encoded.joined() + "?immutable=1"
    }

    deinit {
        // Finalize cached statements first so the connection closes now, not as a zombie.
        statementCache.removeAll()
    }

    /// Sets how long to wait for another connection's lock before failing with `SQLITE_BUSY`.
    package func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(connection.pointer, milliseconds)
    }

    /// Runs one or more statements without results, such as PRAGMAs and DDL.
    ///
    /// - Throws: `SQLiteError` carrying `sql`.
    package func execute(_ sql: String) throws(SQLiteError) {
        let resultCode = sqlite3_exec(connection.pointer, sql, nil, nil, nil)
        guard resultCode == SQLITE_OK else { throw error(resultCode, sql: sql) }
    }

    /// Binds `values` to one cached statement and steps it to completion, ignoring rows.
    package func execute(_ sql: String, _ values: [SQLiteValue]) throws(SQLiteError) {
        try cachedStatement(sql).execute(values)
    }

    /// Runs a query through the statement cache and maps each row with `transform`.
    ///
    /// The `Row` is valid only during the call to `transform`. Do not run the same
    /// SQL again from inside `transform`: it shares the cached statement.
    package func query<T>(
        _ sql: String, _ values: [SQLiteValue] = [], _ transform: (Row) throws -> T
    ) throws -> [T] {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var results: [T] = []
        while try statement.step() {
            results.append(try transform(statement.row))
        }
        return results
    }

    /// Runs a query on a statement of its own (not the cache, so `body` may run other queries, even this one) and
    /// hands `body` each row in turn; nothing is collected.
    package func forEachRow(_ sql: String, _ values: [SQLiteValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try Statement(connection: connection, sql: sql, persistent: false)
        try statement.bind(values)
        while try statement.step() {
            try body(statement.row)
        }
    }

    /// The first column of the first row as an integer; nil when there is no row or it is NULL.
    package func scalarInteger(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> Int64? {
        try firstColumn(sql, values) { $0.optionalInteger(0) } ?? nil
    }

    /// A prepared statement kept for reuse, keyed by its SQL text; for bulk loops.
    ///
    /// The statement comes back reset with its bindings cleared.
    package func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(connection: connection, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// The rowid of the row the last INSERT on this connection added (the history chain links it).
    package var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(connection.pointer)
    }

    /// Runs `body` inside `BEGIN <kind>` … `COMMIT`.
    ///
    /// When `body` throws, the transaction is rolled back and the body's error
    /// rethrown. When `COMMIT` fails, the transaction is rolled back and the
    /// commit error thrown. Nesting is not supported.
    package func transaction<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.keyword) TRANSACTION")
        let result: T
        do {
            result = try body()
            try execute("COMMIT TRANSACTION")
        } catch {
            rollBack()
            throw error
        }
        return result
    }

    /// The rows changed by the most recent INSERT, UPDATE or DELETE.
    package var changes: Int {
        Int(sqlite3_changes64(connection.pointer))
    }

    /// The rows changed since the connection was opened.
    package var totalChanges: Int {
        Int(sqlite3_total_changes64(connection.pointer))
    }

    /// Whether a transaction is open (the connection is not in autocommit mode).
    package var isInTransaction: Bool {
        sqlite3_get_autocommit(connection.pointer) == 0
    }

    /// A handle that cancels this connection's running statement from any thread.
    package var interruptHandle: SQLiteInterruptHandle {
        SQLiteInterruptHandle(connection: connection.pointer)
    }

    /// Copies the whole database consistently into `destinationPath` with the
    /// online backup API, creating or overwriting that file.
    ///
    /// - Throws: `SQLiteError` from opening or writing the destination.
    package func backup(to destinationPath: String) throws(SQLiteError) {
        let destination = try Database(path: destinationPath, mode: .readWriteCreate)
        let target = destination.connection.pointer
        guard let backup = sqlite3_backup_init(target, "main", connection.pointer, "main") else {
            throw destination.error(sqlite3_errcode(target))
        }
        let stepCode = sqlite3_backup_step(backup, -1)
        // finish reports the step's error too, but only for the destination connection.
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE else { throw destination.error(stepCode) }
        guard finishCode == SQLITE_OK else { throw destination.error(finishCode) }
    }

    private func firstColumn<T>(
        _ sql: String, _ values: [SQLiteValue], _ read: (Row) -> T
    ) throws(SQLiteError) -> T? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        return try statement.step() ? read(statement.row) : nil
    }

    private func rollBack() {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); that is fine.
        guard isInTransaction else { return }
        _ = sqlite3_exec(connection.pointer, "ROLLBACK TRANSACTION", nil, nil, nil)
    }

    private func error(_ resultCode: Int32, sql: String? = nil) -> SQLiteError {
        SQLiteError(resultCode: resultCode, connection: connection.pointer, sql: sql)
    }
}

/// Cancels the running statement of one connection, from any thread.
///
/// `sqlite3_interrupt` is thread-safe, but the handle must not be used after its
/// `Database` and every statement made from it have been released.
package struct SQLiteInterruptHandle: @unchecked Sendable {
    private let connection: OpaquePointer

    /// Wraps the raw connection pointer.
    fileprivate init(connection: OpaquePointer) {
        self.connection = connection
    }

    /// Makes the connection's running statement fail with `SQLITE_INTERRUPT`.
    /// A no-op when nothing is running.
    package func interrupt() {
        sqlite3_interrupt(connection)
    }
}

/// Owns a raw connection and closes it when the last owner — the `Database` or
/// one of its statements — goes away, so a statement never outlives its handle.
package final class ConnectionHandle {
    /// The `sqlite3 *` handle.
    package let pointer: OpaquePointer

    /// Takes ownership of an open handle.
    package init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        sqlite3_close_v2(pointer)
    }
}

extension Database.OpenMode {
    fileprivate var flags: Int32 {
        switch self {
        case .readOnly: SQLITE_OPEN_READONLY
        case .readOnlyImmutable: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        case .readWrite: SQLITE_OPEN_READWRITE
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
    }
}

extension Database.TransactionKind {
    fileprivate var keyword: String {
        switch self {
        case .deferred: "DEFERRED"
        case .immediate: "IMMEDIATE"
        case .exclusive: "EXCLUSIVE"
        }
    }
}

extension String {
    /// The text with zeros in front, to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
