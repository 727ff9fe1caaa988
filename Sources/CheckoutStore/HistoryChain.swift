/// The history's hash chain: each change has SHA-256 over the previous change's hash and its own fields, so a
/// change edited, removed or reordered with the store's triggers switched off breaks the chain there, and
/// `store check` names the first broken write. Since schema step 3 only the hash after a write's last change is
/// stored (in `history_write`); the arithmetic is the one step 2 stored for every row, so an upgraded store keeps
/// its proof. It proves that the history was not changed by anything that does not recompute the chain; it cannot
/// prove it against someone who deliberately recomputes every later hash (no secret is involved) — off-site
/// backups are the answer to that.
package enum HistoryChain {
    /// The columns of a version-2 history row that its hash covers, in order.
    static let columns = "at, actor, command, account_id, action, kind, object_id, before, after"

    /// The hash of a change with `fields` (the columns above) that follows a change hashed `previous` ("" first).
    package static func link(previous: String, fields: [String?]) -> String {
        var bytes = Array(previous.utf8)
        for field in fields {
            bytes.append(0x1F)
            if let field {
                bytes.append(0x01)
                bytes += field.utf8
            } else {
                bytes.append(0x00)
            }
        }
        return SHA256.hex(bytes)
    }

    /// The fields a change's hash covers, with its write's time, actor and command.
    static func fields(of change: HistoryChange, in write: (at: String, actor: String, command: String)) -> [String?] {
        [
            write.at, write.actor, write.command, change.account, change.action, change.kind, change.objectID,
            change.before, change.after,
        ]
    }

    /// Chains every row of a version-1 store's history (schema step 2), in order.
    static func backfill(_ database: Database) throws {
        var previous = ""
        let rows = try database.query("SELECT seq, \(columns) FROM history ORDER BY seq") { row in
            (row.integer(0), (1...9).map { row.optionalText(Int32($0)) })
        }
        let insert = try database.cachedStatement("INSERT INTO history_chain (seq, hash) VALUES (?, ?)")
        for (seq, fields) in rows {
            previous = link(previous: previous, fields: fields)
            try insert.execute([.integer(seq), .text(previous)])
        }
    }

    /// The first change whose hash does not follow from the changes before it, as a problem line; nil when intact.
    package static func firstBrokenLink(in store: Store) throws -> String? {
        try store.schemaVersion() < 3
            ? try firstBrokenRow(in: store.database) : try HistoryVerifier(database: store.database).firstProblem()
    }

    /// The problem line of rows `first` to `last` (one write, or one row) whose hash does not follow.
    static func brokenMessage(_ first: Int64, _ last: Int64) -> String {
        guard first != last else {
            return "history row \(first) does not follow from the rows before it (a row at or before it was edited, "
                + "removed or reordered)"
        }
        return "history rows \(first)–\(last) (one write) do not follow from the rows before them (a row at or before "
            + "them was edited, removed or reordered)"
    }

    // A version-2 store (read, never upgraded, by `store check`): one stored hash per row.
    private static func firstBrokenRow(in database: Database) throws -> String? {
        var previous = ""
        let statement = try database.cachedStatement(
            "SELECT history.seq, history_chain.hash, \(columns) FROM history LEFT JOIN history_chain USING (seq) ORDER BY seq"
        )
        defer { statement.reset() }
        while try statement.step() {
            let row = statement.row
            let expected = link(previous: previous, fields: (2...10).map { row.optionalText(Int32($0)) })
            guard row.optionalText(1) == expected else { return brokenMessage(row.integer(0), row.integer(0)) }
            previous = expected
        }
        return nil
    }
}
