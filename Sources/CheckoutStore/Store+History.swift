import CheckoutDomain
import CheckoutFormats

/// One stored history row.
package struct HistoryRecord: Equatable {
    /// Its position in the append-only log.
    package let sequence: Int64
    /// The stored entry.
    package let entry: HistoryEntry
}

extension Store {
    /// History rows, newest first, optionally for one account, since a time, at most `limit`.
    package func history(account: String?, since: String?, limit: Int?) throws -> [HistoryRecord] {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if let account {
            conditions.append("account_id = ?")
            values.append(.text(account))
        }
        if let since {
            conditions.append("at >= ?")
            values.append(.text(since))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql =
            "SELECT seq, at, actor, command, account_id, action, kind, object_id, before, after FROM history"
            + filter + " ORDER BY seq DESC LIMIT ?"
        values.append(.integer(Int64(limit ?? -1)))
        return try database.query(sql, values) { row in
            HistoryRecord(
                sequence: row.integer(0),
                entry: HistoryEntry(
                    at: row.text(1), actor: row.text(2), command: row.text(3), account: row.text(4),
                    action: row.text(5),
                    kind: row.text(6), objectID: row.text(7), before: row.optionalText(8), after: row.optionalText(9)))
        }
    }
}
