/// Walks a version-3 history write by write, oldest first, recomputing the chain: one account's changes in memory
/// at a time, values looked up through the bounded cache.
struct HistoryVerifier {
    let database: Database

    /// The first problem, or nil when the chain holds and every change is where its write says.
    func firstProblem() throws -> String? {
        let orphans =
            try database.scalarInteger(
                "SELECT count(*) FROM history_changes WHERE write_id NOT IN (SELECT id FROM history_write)") ?? 0
        if orphans > 0 { return "\(orphans) history change rows belong to no recorded write" }
        let values = HistoryValues(database: database)
        var previous = ""
        var lastSeq: Int64 = 0
        var problem: String?
        try StoredWrite.forEach(in: database) { write in
            guard problem == nil else { return }
            guard write.firstSeq > lastSeq, let hash = try chain(write, after: previous, values: values),
                hash == write.hash
            else {
                problem = HistoryChain.brokenMessage(write.firstSeq, write.firstSeq + write.changes - 1)
                return
            }
            previous = hash
            lastSeq = write.firstSeq + write.changes - 1
        }
        return problem
    }

    // The hash after the write's last change, or nil when its rows are not where the write says they are.
    private func chain(_ write: StoredWrite, after previous: String, values: HistoryValues) throws -> String? {
        var hash = previous
        var count: Int64 = 0
        var intact = true
        try write.forEachGroup(in: database) { group in
            guard intact, group.position == count, let changes = try group.changes(values: values) else {
                intact = false
                return
            }
            for change in changes {
                hash = HistoryChain.link(previous: hash, fields: HistoryChain.fields(of: change, in: write.info))
            }
            count += Int64(changes.count)
        }
        return intact && count == write.changes ? hash : nil
    }
}
