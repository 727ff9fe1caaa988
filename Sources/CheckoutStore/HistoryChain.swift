/// The history's hash chain (table `history_chain`, one row per history row): each history row has SHA-256 over the previous row's hash and its own fields, so a row
/// edited, removed or reordered with the store's triggers switched off breaks the chain at that row, and
/// `store check` names the first broken link. It proves that the history was not changed by anything that does
/// not recompute the chain; it cannot prove it against someone who deliberately recomputes every later hash (no
/// secret is involved) — off-site backups are the answer to that.
package enum HistoryChain {
    /// The columns a row's hash covers, in order.
    static let columns = "at, actor, command, account_id, action, kind, object_id, before, after"

    /// The hash of a row with `fields` (the columns above) that follows a row hashed `previous` ("" for the first).
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

    /// The hash of the newest chained row, "" when there is none.
    static func lastHash(in database: Database) throws -> String {
        try database.query("SELECT hash FROM history_chain ORDER BY seq DESC LIMIT 1") { $0.text(0) }.first ?? ""
    }

    /// Appends the chain link of the history row `seq` with `fields`, after `previous`; returns its hash.
    static func append(seq: Int64, fields: [String?], after previous: String, in database: Database) throws -> String {
        let hash = link(previous: previous, fields: fields)
        try database.cachedStatement("INSERT INTO history_chain (seq, hash) VALUES (?, ?)").execute([
            .integer(seq), .text(hash),
        ])
        return hash
    }

    /// Chains every row of a store that had history before the chain existed (schema step 2), in order.
    static func backfill(_ database: Database) throws {
        var previous = ""
        let rows = try database.query("SELECT seq, \(columns) FROM history ORDER BY seq") { row in
            (row.integer(0), (1...9).map { row.optionalText(Int32($0)) })
        }
        for (seq, fields) in rows {
            previous = try append(seq: seq, fields: fields, after: previous, in: database)
        }
    }

    /// The first row whose hash does not follow from the rows before it, as a problem line; nil when intact.
    package static func firstBrokenLink(in database: Database) throws -> String? {
        var previous = ""
        let rows = try database.query(
            "SELECT history.seq, history_chain.hash, \(columns) FROM history LEFT JOIN history_chain USING (seq) ORDER BY seq"
        ) { row in
            (row.integer(0), row.optionalText(1), (2...10).map { row.optionalText(Int32($0)) })
        }
        for (seq, hash, fields) in rows {
            let expected = link(previous: previous, fields: fields)
            guard hash == expected else {
                return "history row \(seq) does not follow from the rows before it (a row at or before it was "
                    + "edited, removed or reordered)"
            }
            previous = expected
        }
        return nil
    }
}
