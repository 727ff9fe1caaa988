import CheckoutDomain
import CheckoutFormats

/// One change as `history` shows it: the change and the time, actor and command of the write that made it.
package struct HistoryEntry: Equatable, Sendable {
    /// When, RFC 3339 UTC.
    package let at: String
    /// Who.
    package let actor: String
    /// The command line that made the change.
    package let command: String
    /// What changed.
    package let change: HistoryChange

    /// The account concerned.
    package var account: String { change.account }
    /// add, change or remove.
    package var action: String { change.action }
    /// account, settings, method or profile.
    package var kind: String { change.kind }
    /// The setting key, payment type, profile id or account id.
    package var objectID: String { change.objectID }
    /// JSON text of the state before, nil when added.
    package var before: String? { change.before }
    /// JSON text of the state after, nil when removed.
    package var after: String? { change.after }

    /// `change` as made by a write at `at` by `actor` running `command`.
    package init(_ change: HistoryChange, at: String, actor: String, command: String) {
        self.at = at
        self.actor = actor
        self.command = command
        self.change = change
    }

    /// An entry from its parts.
    package init(
        at: String, actor: String, command: String, account: String, action: String, kind: String, objectID: String,
        before: String? = nil, after: String? = nil
    ) {
        self.init(
            HistoryChange(
                account: account, action: action, kind: kind, objectID: objectID, before: before, after: after),
            at: at, actor: actor, command: command)
    }
}

/// One stored history row.
package struct HistoryRecord: Equatable {
    /// Its position in the append-only log.
    package let sequence: Int64
    /// The stored entry.
    package let entry: HistoryEntry
}

extension Store {
    /// History rows, newest first, optionally for one account, since a time, at most `limit`. Reads a store at the
    /// current schema (`history` refuses an older one, as every read does).
    package func history(account: String?, since: String?, limit: Int?) throws -> [HistoryRecord] {
        let (filter, values) = Store.historyFilter(account: account, since: since)
        let wanted = limit ?? Int.max
        var records: [HistoryRecord] = []
        let historyValues = HistoryValues(database: database)
        try database.forEachRow(
            """
            SELECT w.first_seq, w.at, w.actor, w.command, c.position, c.account_id, c.changes
            FROM history_changes AS c JOIN history_write AS w ON w.id = c.write_id\(filter)
            ORDER BY c.write_id DESC, c.position DESC LIMIT ?
            """, values + [.integer(Int64(limit ?? -1))]  // each row holds at least one change
        ) { row in
            guard records.count < wanted else { return }
            let group = StoredGroup(position: row.integer(4), account: row.text(5), text: row.text(6))
            guard let changes = try group.changes(values: historyValues) else {
                throw StoreFailure.unusable(
                    message: "store '\(path)' has a history row that cannot be read", hints: ["run 'store check'"])
            }
            let first = row.integer(0) + group.position
            for (offset, change) in changes.enumerated().reversed() where records.count < wanted {
                records.append(
                    HistoryRecord(
                        sequence: first + Int64(offset),
                        entry: HistoryEntry(change, at: row.text(1), actor: row.text(2), command: row.text(3))))
            }
        }
        return records
    }

    /// How many changes the history holds.
    package func historyCount() throws -> Int {
        let sql =
            try schemaVersion() >= 3
            ? "SELECT coalesce(sum(changes), 0) FROM history_write" : "SELECT count(*) FROM history"
        return Int(try database.scalarInteger(sql) ?? 0)
    }

    /// ` WHERE …` for the optional account and time, with its values.
    private static func historyFilter(account: String?, since: String?) -> (String, [SQLiteValue]) {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if let account {
            conditions.append("c.account_id = ?")
            values.append(.text(account))
        }
        if let since {
            conditions.append("w.at >= ?")
            values.append(.text(since))
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), values)
    }
}
