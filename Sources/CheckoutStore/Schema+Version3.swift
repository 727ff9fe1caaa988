import CheckoutDomain

extension Schema {
    // Step 3: the history costs bytes per change, not kilobytes. A write's time, actor, command and chain hash are
    // stored once (`history_write`); an account's changes in one write are one row (`history_changes`) holding a
    // compact JSON list of [action, kind, object, before, after], where before and after name a JSON value stored
    // once however many changes share it (`history_value`, found again by a 64-bit digest of its text). A change's
    // sequence number is its write's first number plus its position in the write. The view `history` reads exactly
    // as the table it replaces did, for `sqlite3` users and scripts.
    static let version3Tables = """
        CREATE TABLE history_write (
            id INTEGER PRIMARY KEY,
            first_seq INTEGER NOT NULL,
            changes INTEGER NOT NULL CHECK (changes > 0),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            command TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE TABLE history_value (
            id INTEGER PRIMARY KEY,
            digest INTEGER NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX history_value_by_digest ON history_value(digest);
        CREATE TABLE history_changes (
            write_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'),
            PRIMARY KEY (write_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX history_changes_by_account ON history_changes(account_id, write_id);
        """

    // Run after the rows are moved: the old tables go, the view and the append-only guards come. A write's changes
    // are inserted before the write itself (its hash is known only after its last change), so a change may only
    // join a write that is not recorded yet.
    static let version3Finish = """
        DROP TABLE history_chain;
        DROP TABLE history;
        CREATE VIEW history (seq, at, actor, command, account_id, action, kind, object_id, before, after) AS
        SELECT w.first_seq + c.position + e.key, w.at, w.actor, w.command, c.account_id,
               CASE json_array_length(e.value) WHEN 4 THEN \(decoded(HistoryCode.actions, letter: 1))
                   ELSE json_extract(e.value, '$[0]') END,
               CASE json_array_length(e.value) WHEN 4 THEN \(decoded(HistoryCode.kinds, letter: 2))
                   ELSE json_extract(e.value, '$[1]') END,
               json_extract(e.value, '$[#-3]'),
               \(value("json_extract(e.value, '$[#-2]')")),
               \(value("json_extract(e.value, '$[#-1]')"))
        FROM history_write AS w JOIN history_changes AS c ON c.write_id = w.id, json_each(c.changes) AS e;
        \(appendOnly("history_write", insertWhen: "NEW.id <= coalesce((SELECT max(id) FROM history_write), 0)"))
        \(appendOnly("history_value", insertWhen: "NEW.id <= coalesce((SELECT max(id) FROM history_value), 0)"))
        \(appendOnly(
            "history_changes", insertWhen: "NEW.write_id <= coalesce((SELECT max(id) FROM history_write), 0)"))
        """

    // The word for the letter at `letter` of a two-letter code.
    private static func decoded(_ codes: [(word: String, code: String)], letter: Int) -> String {
        "CASE substr(json_extract(e.value, '$[0]'), \(letter), 1) "
            + codes.map { "WHEN '\($0.code)' THEN '\($0.word)' " }.joined() + "END"
    }

    // The JSON text a reference names, with the account id put back into a value stored for any account.
    private static func value(_ reference: String) -> String {
        "(SELECT CASE WHEN \(reference) < 0 THEN replace(json, char(1), c.account_id) ELSE json END "
            + "FROM history_value WHERE id = abs(\(reference)))"
    }

    private static func appendOnly(_ table: String, insertWhen condition: String) -> String {
        ["UPDATE", "DELETE"].map { event in
            """
            CREATE TRIGGER \(table)_is_append_only_on_\(event.lowercased()) BEFORE \(event) ON \(table)
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
            """
        }.joined(separator: "\n")
            + """

            CREATE TRIGGER \(table)_is_append_only_on_insert BEFORE INSERT ON \(table)
            WHEN \(condition)
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
            """
    }
}

/// How `history_changes` writes a change's action and kind: one two-letter code (`as` = add settings) for the
/// words the tool writes, making `[code, object, before, after]`; any other words (only a store edited by hand has
/// them) are kept as they are, making `[action, kind, object, before, after]`.
package enum HistoryCode {
    static let actions = [(word: "add", code: "a"), (word: "change", code: "c"), (word: "remove", code: "r")]
    static let kinds = [
        (word: "account", code: "a"), (word: "settings", code: "s"), (word: "method", code: "m"),
        (word: "profile", code: "p"),
    ]

    /// The leading elements of a change's list.
    static func encode(action: String, kind: String) -> [JSONValue] {
        guard let first = actions.first(where: { $0.word == action }),
            let second = kinds.first(where: { $0.word == kind })
        else { return [.string(action), .string(kind)] }
        return [.string(first.code + second.code)]
    }

    /// The action, kind and the rest (object, before, after) of a change's list; nil when the list is neither form.
    static func decode(_ list: [JSONValue]) -> (action: String, kind: String, rest: ArraySlice<JSONValue>)? {
        switch list.count {
        case 4:
            guard let code = list[0].stringValue, code.count == 2,
                let action = actions.first(where: { $0.code == String(code.prefix(1)) }),
                let kind = kinds.first(where: { $0.code == String(code.suffix(1)) })
            else { return nil }
            return (action.word, kind.word, list[1...])
        case 5:
            guard let action = list[0].stringValue, let kind = list[1].stringValue else { return nil }
            return (action, kind, list[2...])
        default: return nil
        }
    }
}
