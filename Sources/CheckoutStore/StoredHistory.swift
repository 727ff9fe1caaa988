import CheckoutDomain
import CheckoutFormats

/// A write as `history_write` holds it.
struct StoredWrite {
    let id: Int64
    let firstSeq: Int64
    let changes: Int64
    let info: (at: String, actor: String, command: String)
    let hash: String

    /// Hands `body` each write, oldest first, one at a time.
    static func forEach(in database: Database, _ body: (StoredWrite) throws -> Void) throws {
        try database.forEachRow(
            "SELECT id, first_seq, changes, at, actor, command, hash FROM history_write ORDER BY id"
        ) {
            row in
            try body(
                StoredWrite(
                    id: row.integer(0), firstSeq: row.integer(1), changes: row.integer(2),
                    info: (row.text(3), row.text(4), row.text(5)), hash: row.text(6)))
        }
    }

    /// Hands `body` the write's account groups in order, one at a time.
    func forEachGroup(in database: Database, _ body: (StoredGroup) throws -> Void) throws {
        try database.forEachRow(
            "SELECT position, account_id, changes FROM history_changes WHERE write_id = ? ORDER BY position",
            [.integer(id)]
        ) { row in
            try body(StoredGroup(position: row.integer(0), account: row.text(1), text: row.text(2)))
        }
    }
}

/// One account's changes in one write, as `history_changes` holds them.
struct StoredGroup {
    /// Where its first change is in the write.
    let position: Int64
    /// The account.
    let account: String
    /// The compact list `[[action, kind, object, before, after], …]`.
    let text: String

    /// The changes, their values read through `values`; a list that is not one (a store edited by hand) is nil.
    func changes(values: HistoryValues) throws -> [HistoryChange]? {
        guard let list = (try? JSONParser.parse(Array(text.utf8)))?.arrayValue else { return nil }
        var changes: [HistoryChange] = []
        for item in list {
            guard let fields = item.arrayValue, let (action, kind, rest) = HistoryCode.decode(fields),
                let object = rest[rest.startIndex].stringValue
            else { return nil }
            changes.append(
                HistoryChange(
                    account: account, action: action, kind: kind, objectID: object,
                    before: try values.text(of: StoredGroup.id(rest[rest.startIndex + 1]), account: account),
                    after: try values.text(of: StoredGroup.id(rest[rest.startIndex + 2]), account: account)))
        }
        return changes
    }

    private static func id(_ value: JSONValue) -> Int64? {
        guard case .number(let digits) = value else { return nil }
        return Int64(digits)
    }
}
