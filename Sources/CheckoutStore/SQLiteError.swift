import CSQLite
import CheckoutDomain
import CheckoutFormats

/// Every non-OK result from SQLite, with what it was doing.
///
/// `SQLITE_ROW` and `SQLITE_DONE` are never errors. The classification
/// properties let the CLI layer choose an exit code without raw result codes.
package struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The primary result code (`extendedCode & 0xFF`), e.g. `SQLITE_CONSTRAINT`.
    package var code: Int32
    /// The extended result code, e.g. `SQLITE_CONSTRAINT_CHECK`.
    package var extendedCode: Int32
    /// `sqlite3_errmsg` at the time, or `sqlite3_errstr` when there was no connection.
    package var message: String
    /// The statement being prepared or stepped, when there was one.
    package var sql: String?

    /// An error with an explicit message; the primary code is derived from `extendedCode`.
    package init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.code = extendedCode & 0xFF
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The error for `resultCode`, reading the message from `connection` when there is one.
    package init(resultCode: Int32, connection: OpaquePointer?, sql: String? = nil) {
        var extended = resultCode
        // Some APIs return only the primary code; the connection knows the extended one.
        if let connection, resultCode == resultCode & 0xFF {
            let connectionCode = sqlite3_extended_errcode(connection)
            if connectionCode & 0xFF == resultCode { extended = connectionCode }
        }
        let text = connection.flatMap { sqlite3_errmsg($0) } ?? sqlite3_errstr(resultCode)
        self.init(extendedCode: extended, message: text.map { String(cString: $0) } ?? "", sql: sql)
    }

    /// `"<message> (code N) in `<sql>`"`, where N is the extended result code.
    package var description: String {
        let base = "\(message) (code \(extendedCode))"
        guard let sql else { return base }
        return "\(base) in `\(sql)`"
    }

    /// The database was busy or locked by another connection (`SQLITE_BUSY`, `SQLITE_LOCKED`).
    package var isBusy: Bool {
        code == SQLITE_BUSY || code == SQLITE_LOCKED
    }

    /// A `UNIQUE`, `CHECK`, `NOT NULL`, foreign key or other constraint failed.
    package var isConstraintViolation: Bool {
        code == SQLITE_CONSTRAINT
    }

    /// The store's own Click to Pay provider rule refused a row: one of its provider triggers raised. Recognised
    /// by the constraint kind (`SQLITE_CONSTRAINT_TRIGGER`, which the C header defines as a macro Swift cannot
    /// import) and the exact refusal text fixed in the schema step that created the triggers (a released step
    /// never changes) — never by searching the wording of other errors.
    package var isProviderRuleRefusal: Bool {
        extendedCode == SQLITE_CONSTRAINT | (7 << 8) && message == Schema.providerRuleMessage
    }

    /// The file is missing, damaged, full or otherwise unusable as a store.
    package var isStoreUnusable: Bool {
        [
            SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_FULL, SQLITE_IOERR,
            SQLITE_READONLY, SQLITE_PERM, SQLITE_NOMEM, SQLITE_PROTOCOL, SQLITE_FORMAT,
        ].contains(code)
    }

    /// The store's schema lacks something this binary's statements need (a dropped table or column): the file is
    /// damaged, not the program wrong. SQLite reports these with the generic `SQLITE_ERROR` and fixed wording.
    package var isSchemaDamage: Bool {
        code == SQLITE_ERROR && ["no such table", "no such column", "no such index"].contains { message.hasPrefix($0) }
    }

    /// The operation was cancelled through `sqlite3_interrupt` (`SQLITE_INTERRUPT`).
    package var isInterrupted: Bool {
        code == SQLITE_INTERRUPT
    }
}
