import CheckoutDomain
import CheckoutFormats

/// One change as the history keeps it: the JSON text of the object before and after.
package struct HistoryChange: Equatable, Sendable {
    /// The account concerned.
    package let account: String
    /// add, change or remove.
    package let action: String
    /// account, settings, method or profile.
    package let kind: String
    /// The setting key, payment type, profile id or account id.
    package let objectID: String
    /// JSON text of the state before, nil when added.
    package let before: String?
    /// JSON text of the state after, nil when removed.
    package let after: String?

    /// A value from its parts.
    package init(
        account: String, action: String, kind: String, objectID: String, before: String? = nil, after: String? = nil
    ) {
        self.account = account
        self.action = action
        self.kind = kind
        self.objectID = objectID
        self.before = before
        self.after = after
    }
}

/// Records the changes of one write in the history, inside the write's transaction: each account's changes as one
/// row, each distinct value once, and the write's time, actor, command and chain hash once, when it is finished.
package final class HistoryRecorder {
    private let database: Database
    private let values: HistoryValues
    private let write: (at: String, actor: String, command: String)
    private let writeID: Int64
    private let firstSeq: Int64
    private var hash: String
    private var count: Int64 = 0
    private var pending: (account: String, position: Int64, changes: [JSONValue])?

    /// The write's time, RFC 3339 UTC.
    package var time: String { write.at }

    /// Starts a write at `at` by `actor` running `command`, after every write the store has recorded.
    package convenience init(store: Store, at: String, actor: String, command: String) throws {
        let last = try store.database.query(
            "SELECT id, first_seq + changes, hash FROM history_write ORDER BY id DESC LIMIT 1"
        ) { (id: $0.integer(0), nextSeq: $0.integer(1), hash: $0.text(2)) }.first
        self.init(
            values: HistoryValues(database: store.database), write: (at, actor, command),
            writeID: (last?.id ?? 0) + 1, firstSeq: last?.nextSeq ?? 1, previousHash: last?.hash ?? "")
    }

    /// Starts write `writeID` whose first change is numbered `firstSeq` and whose chain follows `previousHash`,
    /// storing values through `values`.
    init(
        values: HistoryValues, write: (at: String, actor: String, command: String), writeID: Int64, firstSeq: Int64,
        previousHash: String
    ) {
        database = values.database
        self.values = values
        self.write = write
        self.writeID = writeID
        self.firstSeq = firstSeq
        hash = previousHash
    }

    /// Appends `changes` in order.
    package func record(_ changes: [HistoryChange]) throws {
        for change in changes { try record(change) }
    }

    /// Appends one change.
    package func record(_ change: HistoryChange) throws {
        if let group = pending, group.account != change.account { try flush() }
        let encoded = try encode(change)
        if pending == nil { pending = (change.account, count, []) }
        pending?.changes.append(encoded)
        hash = HistoryChain.link(previous: hash, fields: HistoryChain.fields(of: change, in: write))
        count += 1
    }

    /// Records the write itself, when it changed something; its changes are in the history from then on.
    package func finish() throws {
        try flush()
        guard count > 0 else { return }
        try database.execute(
            "INSERT INTO history_write (id, first_seq, changes, at, actor, command, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .integer(writeID), .integer(firstSeq), .integer(count), .text(write.at), .text(write.actor),
                .text(write.command), .text(hash),
            ])
    }

    /// Moves a write of an older store as it was: its hash is the one the old chain gave its last change.
    func finish(keepingHash stored: String) throws {
        hash = stored
        try finish()
    }

    private func encode(_ change: HistoryChange) throws -> JSONValue {
        let before = try values.reference(of: change.before, account: change.account)
        let after = try values.reference(of: change.after, account: change.account)
        return .array(
            HistoryCode.encode(action: change.action, kind: change.kind) + [
                .string(change.objectID), before.map { .number(String($0)) } ?? .null,
                after.map { .number(String($0)) } ?? .null,
            ])
    }

    private func flush() throws {
        guard let group = pending else { return }
        pending = nil
        try database.execute(
            "INSERT INTO history_changes (write_id, position, account_id, changes) VALUES (?, ?, ?, ?)",
            [
                .integer(writeID), .integer(group.position), .text(group.account),
                .text(JSONValue.array(group.changes).compactText()),
            ])
    }

}
