/// Schema step 3's data move: the version-2 history, one row per change, becomes writes and account groups in
/// order, every row keeping its number. Consecutive rows with the same time, actor and command (and no gap in
/// their numbers) are one write; its hash is the one the old chain gave its last row, so the chain still proves
/// what it proved, including a break made before the upgrade.
enum HistoryUpgrade {
    @Sendable static func run(_ database: Database) throws {
        let values = HistoryValues(database: database)
        var recorder: HistoryRecorder?
        var current: (at: String, actor: String, command: String, nextSeq: Int64, hash: String)?
        var writeID: Int64 = 0
        try database.forEachRow(
            "SELECT history.seq, history_chain.hash, \(HistoryChain.columns) FROM history "
                + "LEFT JOIN history_chain USING (seq) ORDER BY history.seq"
        ) { row in
            let seq = row.integer(0)
            let write = (at: row.text(2), actor: row.text(3), command: row.text(4))
            if let open = current,
                open.at != write.at || open.actor != write.actor || open.command != write.command
                    || open.nextSeq != seq
            {
                try recorder?.finish(keepingHash: open.hash)
                recorder = nil
            }
            if recorder == nil {
                writeID += 1
                recorder = HistoryRecorder(
                    values: values, write: write, writeID: writeID, firstSeq: seq, previousHash: "")
            }
            try recorder?.record(
                HistoryChange(
                    account: row.text(5), action: row.text(6), kind: row.text(7), objectID: row.text(8),
                    before: row.optionalText(9), after: row.optionalText(10)))
            current = (write.at, write.actor, write.command, seq + 1, row.optionalText(1) ?? "")
        }
        if let open = current { try recorder?.finish(keepingHash: open.hash) }
    }
}
