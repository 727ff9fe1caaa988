import CSQLite
import CheckoutDomain
import CheckoutFormats

// Tells SQLite to copy bound text and blobs before the bind call returns.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement; finalizes in deinit.
///
/// A statement keeps its connection open for as long as it lives, so it can
/// never step on a closed handle. It is not thread-safe: use it only from the
/// thread that uses its `Database`.
package final class Statement {
    /// The SQL text the statement was prepared from.
    package let sql: String
    private let connection: ConnectionHandle
    private let handle: OpaquePointer

    /// Prepares exactly one statement from `sql`.
    ///
    /// - Parameter persistent: hints that the statement will be reused many times.
    /// - Throws: `SQLiteError` on a preparation error, or `SQLITE_MISUSE` when `sql`
    ///   holds no statement or more than one.
    package init(connection: ConnectionHandle, sql: String, persistent: Bool) throws(SQLiteError) {
        let db = connection.pointer
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        var prepared: OpaquePointer?
        let (resultCode, remainder) = sql.withCString { text -> (Int32, String) in
            var tail: UnsafePointer<CChar>?
            let resultCode = sqlite3_prepare_v3(db, text, -1, flags, &prepared, &tail)
            return (resultCode, tail.map { String(cString: $0) } ?? "")
        }
        guard resultCode == SQLITE_OK else {
            throw SQLiteError(resultCode: resultCode, connection: db, sql: sql)
        }
        guard let prepared else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no SQL statement", sql: sql)
        }
        // prepare compiles only the first statement; silently dropping the rest would hide bugs.
        if Self.containsStatement(remainder, connection: db) {
            sqlite3_finalize(prepared)
            throw SQLiteError(
                extendedCode: SQLITE_MISUSE, message: "more than one SQL statement", sql: sql)
        }
        self.sql = sql
        self.connection = connection
        self.handle = prepared
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds all values, in order, to parameters 1...n.
    ///
    /// - Precondition: `values.count` equals the number of parameters in `sql`.
    package func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        precondition(
            values.count == expected,
            "\(values.count) values bound to \(expected) parameters in `\(sql)`")
        for (offset, value) in values.enumerated() {
            let resultCode = bind(value, at: Int32(offset + 1))
            guard resultCode == SQLITE_OK else { throw error(resultCode) }
        }
    }

    /// Steps once.
    ///
    /// - Returns: true when a row is available (read it through `row`), false when done.
    package func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let resultCode: throw error(resultCode)
        }
    }

    /// The current row; meaningful only after `step()` returned true.
    package var row: Row {
        Row(handle: handle)
    }

    /// Rewinds the statement and clears every binding back to NULL.
    package func reset() {
        // sqlite3_reset repeats the last step's error, which was already thrown.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `values`, steps to completion ignoring rows, and resets.
    package func execute(_ values: [SQLiteValue]) throws(SQLiteError) {
        defer { reset() }
        try bind(values)
        while try step() {}
    }

    private func bind(_ value: SQLiteValue, at position: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, position)
        case .integer(let integer):
            return sqlite3_bind_int64(handle, position, integer)
        case .real(let real):
            return sqlite3_bind_double(handle, position, real)
        case .text(let text):
            return bind(text: text, at: position)
        case .blob(let bytes):
            return bind(blob: bytes, at: position)
        }
    }

    private func bind(text: String, at position: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { buffer in
            // A nil base address would bind NULL instead of the empty string.
            let empty: StaticString = ""
            let start = buffer.baseAddress ?? empty.utf8Start
            return start.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                sqlite3_bind_text64(
                    handle, position, $0, UInt64(buffer.count), transientDestructor,
                    UInt8(SQLITE_UTF8))
            }
        }
    }

    private func bind(blob bytes: [UInt8], at position: Int32) -> Int32 {
        // A nil pointer would bind NULL instead of an empty blob.
        guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, position, 0) }
        return bytes.withUnsafeBytes {
            sqlite3_bind_blob64(
                handle, position, $0.baseAddress, UInt64($0.count), transientDestructor)
        }
    }

    private func error(_ resultCode: Int32) -> SQLiteError {
        SQLiteError(resultCode: resultCode, connection: connection.pointer, sql: sql)
    }

    /// Whether `text` holds anything besides whitespace and comments.
    private static func containsStatement(_ text: String, connection: OpaquePointer) -> Bool {
        guard text.contains(where: { !$0.isWhitespace }) else { return false }
        var extra: OpaquePointer?
        let resultCode = sqlite3_prepare_v2(connection, text, -1, &extra, nil)
        sqlite3_finalize(extra)
        return resultCode != SQLITE_OK || extra != nil
    }
}

/// A row during iteration; valid only inside the transform closure that receives it.
///
/// Column indexes are 0-based, as in SQLite's column API.
package struct Row {
    private let handle: OpaquePointer

    /// Wraps the current row of a stepped statement.
    fileprivate init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// The number of columns in the result.
    package var columnCount: Int {
        Int(sqlite3_column_count(handle))
    }

    /// The column as an integer, converted by SQLite's rules (NULL reads as 0).
    package func integer(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// The column as an integer, or nil when it is NULL.
    package func optionalInteger(_ index: Int32) -> Int64? {
        isNull(index) ? nil : integer(index)
    }

    /// The column as text, or `""` when it is NULL.
    package func text(_ index: Int32) -> String {
        optionalText(index) ?? ""
    }

    /// The column as text, or nil when it is NULL. Embedded NULs are kept.
    package func optionalText(_ index: Int32) -> String? {
        // Text first, then bytes: the byte count refers to the converted UTF-8.
        guard let start = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The column as a flag: true when its integer value is non-zero.
    package func bool(_ index: Int32) -> Bool {
        integer(index) != 0
    }

    /// The column in its own storage class.
    package func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(integer(index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT: return .text(text(index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .null
        }
    }

    private func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    private func blob(_ index: Int32) -> [UInt8] {
        // Blob first, then bytes; an empty blob comes back as a nil pointer.
        guard let start = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }
}
