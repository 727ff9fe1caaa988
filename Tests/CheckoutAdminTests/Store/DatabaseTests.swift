import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Behaviour of the SQLite wrapper: values, errors, transactions, caching and files.
final class DatabaseTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("DatabaseTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
        directory = nil
    }

    // MARK: Values

    /// Every storage class, and awkward text, reads back exactly as bound.
    func testEveryValueKindRoundTrips() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v)")
        let values: [SQLiteValue] = [
            .null, .integer(0), .integer(.min), .integer(.max), .real(-1.5), .real(.pi),
            .text(""), .text("a\u{0}b"), .text("emoji 👩‍💻🎉"),
            .text(String(repeating: "x", count: 64 * 1024)), .blob([]), .blob([0, 1, 0, 255]),
        ]
        for value in values {
            try database.execute("INSERT INTO t(v) VALUES (?)", [value])
        }
        let read = try database.query("SELECT v FROM t ORDER BY id") { $0.value(0) }
        XCTAssertEqual(read, values)
    }

    /// Text with an embedded NUL is stored with all of its bytes, not cut at the NUL.
    func testEmbeddedNULIsStoredLiterally() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let bytes = try database.scalarInteger("SELECT length(CAST(? AS BLOB))", ["a\u{0}bc"])
        XCTAssertEqual(bytes, 4)
    }

    /// Literals and the convenience initializers map to the expected storage classes.
    func testLiteralsMapToStorageClasses() {
        let values: [SQLiteValue] = [nil, 7, "seven", true, false]
        XCTAssertEqual(values, [.null, .integer(7), .text("seven"), .integer(1), .integer(0)])
        XCTAssertEqual(SQLiteValue(nil as String?), .null)
        XCTAssertEqual(SQLiteValue("x" as String?), .text("x"))
        XCTAssertEqual(SQLiteValue(true), .integer(1))
    }

    /// Row accessors convert NULL to the documented defaults and read names and counts.
    func testRowAccessorsHandleNull() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let row = try database.query("SELECT NULL AS a, 2 AS b, 'x' AS c") { row in
            (
                row.columnCount, row.optionalInteger(0), row.integer(0),
                row.optionalText(0), row.text(0), row.bool(1), row.text(2)
            )
        }.first
        let (count, optionalInteger, integer, optionalText, text, flag, other) = try XCTUnwrap(row)
        XCTAssertEqual(count, 3)
        XCTAssertNil(optionalInteger)
        XCTAssertEqual(integer, 0)
        XCTAssertNil(optionalText)
        XCTAssertEqual(text, "")
        XCTAssertTrue(flag)
        XCTAssertEqual(other, "x")
    }

    /// Scalars are nil when there is no row and when the value is NULL.
    func testScalarsAreNilWithoutRowOrForNull() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        XCTAssertNil(try database.scalarInteger("SELECT 1 WHERE 0"))
        XCTAssertNil(try database.scalarInteger("SELECT NULL"))
        XCTAssertEqual(try database.scalarInteger("SELECT ?", [7]), 7)
    }

    // MARK: Errors

    /// Bad SQL reports SQLITE_ERROR with SQLite's message and the SQL text.
    func testSyntaxErrorCarriesCodeMessageAndSQL() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let sql = "SELEC 1"
        let error = try sqliteError { _ = try database.scalarInteger(sql) }
        XCTAssertEqual(error.code, ResultCode.error)
        XCTAssertTrue(error.message.contains("syntax error"), error.message)
        XCTAssertEqual(error.sql, sql)
        XCTAssertTrue(error.description.contains("`\(sql)`"), error.description)
    }

    /// A missing table reports SQLITE_ERROR with "no such table", from `execute` too.
    func testMissingTableCarriesCodeMessageAndSQL() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let sql = "DELETE FROM missing"
        let error = try sqliteError { try database.execute(sql) }
        XCTAssertEqual(error.code, ResultCode.error)
        XCTAssertTrue(error.message.contains("no such table"), error.message)
        XCTAssertEqual(error.sql, sql)
    }

    /// Preparing text with two statements is refused instead of dropping the second.
    func testPreparingTwoStatementsIsMisuse() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let error = try sqliteError { _ = try database.cachedStatement("SELECT 1; SELECT 2") }
        XCTAssertEqual(error.code, ResultCode.misuse)
        XCTAssertNoThrow(try database.cachedStatement("SELECT 1; -- trailing comment"))
    }

    /// A CHECK failure is a constraint violation with SQLITE_CONSTRAINT_CHECK.
    func testCheckConstraintViolation() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t(n INTEGER CHECK (n > 0))")
        let error = try sqliteError { try database.execute("INSERT INTO t VALUES (?)", [0]) }
        XCTAssertTrue(error.isConstraintViolation)
        XCTAssertEqual(error.extendedCode, ResultCode.constraintCheck)
    }

    /// A duplicate in a UNIQUE column reports SQLITE_CONSTRAINT_UNIQUE.
    func testUniqueConstraintViolation() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t(name TEXT UNIQUE)")
        try database.execute("INSERT INTO t VALUES (?)", ["a"])
        let error = try sqliteError { try database.execute("INSERT INTO t VALUES (?)", ["a"]) }
        XCTAssertTrue(error.isConstraintViolation)
        XCTAssertEqual(error.extendedCode, ResultCode.constraintUnique)
    }

    /// A duplicate primary key reports SQLITE_CONSTRAINT_PRIMARYKEY.
    func testPrimaryKeyConstraintViolation() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t(code TEXT PRIMARY KEY)")
        try database.execute("INSERT INTO t VALUES (?)", ["a"])
        let error = try sqliteError { try database.execute("INSERT INTO t VALUES (?)", ["a"]) }
        XCTAssertTrue(error.isConstraintViolation)
        XCTAssertEqual(error.extendedCode, ResultCode.constraintPrimaryKey)
    }

    // MARK: Transactions

    /// A transaction whose body returns is committed and its value returned.
    func testTransactionCommitsOnReturn() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t(n)")
        let result = try database.transaction(.immediate) {
            try database.execute("INSERT INTO t VALUES (?)", [1])
            return database.changes
        }
        XCTAssertEqual(result, 1)
        XCTAssertFalse(database.isInTransaction)
        XCTAssertEqual(try database.scalarInteger("SELECT count(*) FROM t"), 1)
    }

    /// A throwing body rolls back and the very same error comes out.
    func testTransactionRollsBackAndRethrowsOnThrow() throws {
        struct Abort: Error, Equatable { let id: Int }
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t(n)")
        XCTAssertThrowsError(
            try database.transaction(.deferred) {
                try database.execute("INSERT INTO t VALUES (?)", [1])
                throw Abort(id: 42)
            }
        ) { XCTAssertEqual($0 as? Abort, Abort(id: 42)) }
        XCTAssertFalse(database.isInTransaction)
        XCTAssertEqual(try database.scalarInteger("SELECT count(*) FROM t"), 0)
    }

    /// A failing COMMIT (deferred foreign key) rolls back and throws the commit error.
    func testFailedCommitRollsBackAndThrowsCommitError() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute(
            """
            PRAGMA foreign_keys = ON;
            CREATE TABLE parent(id INTEGER PRIMARY KEY);
            CREATE TABLE child(parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            """)
        let error = try sqliteError {
            try database.transaction(.deferred) { try database.execute("INSERT INTO child VALUES (?)", [9]) }
        }
        XCTAssertEqual(error.extendedCode, ResultCode.constraintForeignKey)
        XCTAssertFalse(database.isInTransaction)
        XCTAssertEqual(try database.scalarInteger("SELECT count(*) FROM child"), 0)
    }

    /// Change counters follow inserts and updates.
    func testChangeCountersFollowWrites() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, n)")
        try database.execute("INSERT INTO t(id, n) VALUES (?, ?), (?, ?)", [5, 1, 8, 2])
        XCTAssertEqual(database.changes, 2)
        try database.execute("UPDATE t SET n = n + 1", [])
        XCTAssertEqual(database.totalChanges, 4)
    }

    // MARK: Statements

    /// The same SQL yields the same cached statement object.
    func testCachedStatementIsReusedForSameSQL() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let first = try database.cachedStatement("SELECT ?")
        XCTAssertTrue(first === (try database.cachedStatement("SELECT ?")))
        XCTAssertFalse(first === (try database.cachedStatement("SELECT ?, ?")))
    }

    /// A cached statement comes back rewound, with its bindings cleared.
    func testCachedStatementComesBackReset() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let statement = try database.cachedStatement("SELECT ?")
        try statement.bind([5])
        XCTAssertTrue(try statement.step())
        XCTAssertEqual(statement.row.value(0), .integer(5))
        let again = try database.cachedStatement("SELECT ?")
        XCTAssertTrue(try again.step())
        XCTAssertEqual(again.row.value(0), .null)
    }

    // MARK: Files

    /// Opening a missing file read-write fails as unusable and leaves no file behind.
    func testOpeningMissingFileReadWriteFailsWithoutCreatingIt() throws {
        let path = directory.appendingPathComponent("missing.sqlite").path
        let error = try sqliteError { _ = try Database(path: path, mode: .readWrite) }
        XCTAssertEqual(error.code, ResultCode.cantOpen)
        XCTAssertTrue(error.isStoreUnusable)
        XCTAssertTrue(error.message.contains(path), error.message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    /// A file of random bytes opens, but the first query fails with SQLITE_NOTADB.
    func testRandomBytesFileIsNotADatabase() throws {
        let url = directory.appendingPathComponent("noise.sqlite")
        try Data((0..<4096).map { _ in UInt8.random(in: 1...255) }).write(to: url)
        let database = try Database(path: url.path, mode: .readWrite)
        let error = try sqliteError { _ = try database.scalarInteger("SELECT count(*) FROM sqlite_schema") }
        XCTAssertEqual(error.code, ResultCode.notADatabase)
        XCTAssertTrue(error.isStoreUnusable)
    }

    /// A second writer with no busy timeout fails as busy while the first holds the write lock.
    func testSecondImmediateTransactionIsBusy() throws {
        let path = directory.appendingPathComponent("wal.sqlite").path
        let first = try Database(path: path, mode: .readWriteCreate)
        try first.execute("PRAGMA journal_mode = WAL; CREATE TABLE t(n)")
        let second = try Database(path: path, mode: .readWrite)
        second.setBusyTimeout(milliseconds: 0)
        try first.execute("BEGIN IMMEDIATE")
        let error = try sqliteError { try second.transaction(.immediate) {} }
        XCTAssertTrue(error.isBusy)
        XCTAssertFalse(second.isInTransaction)
        try first.execute("COMMIT")
    }

    /// A backup holds exactly the source's rows.
    func testBackupCopiesRows() throws {
        let source = try Database(path: directory.appendingPathComponent("source.sqlite").path, mode: .readWriteCreate)
        try source.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)")
        for id in 1...50 {
            try source.execute("INSERT INTO t VALUES (?, ?)", [.integer(Int64(id)), .text("item \(id)")])
        }
        let copyPath = directory.appendingPathComponent("copy.sqlite").path
        try source.backup(to: copyPath)
        let copy = try Database(path: copyPath, mode: .readOnly)
        let sql = "SELECT id, name FROM t ORDER BY id"
        let read: (Row) -> [SQLiteValue] = { [$0.value(0), $0.value(1)] }
        XCTAssertEqual(try copy.query(sql, [], read), try source.query(sql, [], read))
    }

    // MARK: Interrupts

    /// An interrupt issued while rows are being read fails the query with SQLITE_INTERRUPT.
    func testInterruptDuringQueryThrowsInterrupted() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let handle = database.interruptHandle
        let error = try sqliteError {
            _ = try database.query(Self.endlessCount) { row in
                handle.interrupt()
                return row.integer(0)
            }
        }
        XCTAssertTrue(error.isInterrupted)
    }

    /// An interrupt from another thread stops a long-running recursive query.
    func testInterruptFromAnotherThreadStopsLongQuery() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        let interrupter = RepeatingInterrupter(handle: database.interruptHandle)
        interrupter.start()
        let result = Result {
            try database.scalarInteger("SELECT count(*) FROM (\(Self.endlessCount))")
        }
        // Stop before the last use of `database`, so no interrupt can reach a closed handle.
        interrupter.stop()
        XCTAssertFalse(database.isInTransaction)
        let error = try sqliteError { _ = try result.get() }
        XCTAssertTrue(error.isInterrupted)
    }

    // MARK: Helpers

    private static let endlessCount =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"

    private func sqliteError(
        file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
    ) throws -> SQLiteError {
        do {
            try body()
        } catch let error as SQLiteError {
            return error
        }
        XCTFail("expected an SQLiteError", file: file, line: line)
        throw NoErrorThrown()
    }
}

/// Thrown by the test helper when the code under test unexpectedly succeeded.
private struct NoErrorThrown: Error {}

/// SQLite result codes the tests expect; the C macros for extended codes do not import.
private enum ResultCode {
    static let error: Int32 = 1
    static let cantOpen: Int32 = 14
    static let misuse: Int32 = 21
    static let notADatabase: Int32 = 26
    static let constraintCheck: Int32 = 275
    static let constraintForeignKey: Int32 = 787
    static let constraintPrimaryKey: Int32 = 1555
    static let constraintUnique: Int32 = 2067
}

/// Interrupts a connection every few milliseconds from a background thread until stopped.
///
/// Repeating covers the race where the first interrupt lands before the query starts,
/// when `sqlite3_interrupt` is a no-op.
private final class RepeatingInterrupter: @unchecked Sendable {
    private let handle: SQLiteInterruptHandle
    private let lock = NSLock()
    private var isStopped = false

    /// An interrupter for the connection behind `handle`; idle until `start()`.
    init(handle: SQLiteInterruptHandle) {
        self.handle = handle
    }

    /// Starts interrupting every 10 ms on a detached thread.
    func start() {
        Thread.detachNewThread { [self] in
            while interruptUnlessStopped() {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    /// Once this returns, no interrupt is running or will run.
    func stop() {
        lock.withLock { isStopped = true }
    }

    private func interruptUnlessStopped() -> Bool {
        lock.withLock {
            if !isStopped { handle.interrupt() }
            return !isStopped
        }
    }
}
