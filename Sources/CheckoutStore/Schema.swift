import CheckoutDomain
import CheckoutFormats

/// The store's schema as an ordered list of migrations; `PRAGMA user_version` counts those applied.
package enum Schema {
    /// `PRAGMA application_id` of every checkout-admin store: "CHKA".
    package static let applicationID: Int32 = 0x4348_4B41

    /// Every table, index and trigger of a store at `version` as this binary builds it, keyed `type name`, with its
    /// SQL: the reference `store check` compares a store with, built in memory.
    package static func objects(upTo version: Int) throws -> [String: String] {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        for migration in migrations.prefix(version) { try migration.run(on: database) }
        return try objects(in: database)
    }

    /// The tables, indexes and triggers of `database` with their SQL (SQLite's own objects left out).
    package static func objects(in database: Database) throws -> [String: String] {
        let rows = try database.query(
            "SELECT type || ' ' || name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ) { ($0.text(0), $0.text(1)) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    /// The schema version this binary writes.
    package static var currentVersion: Int { migrations.count }

    /// Migration N (1-based) brings a store from version N-1 to N. Never edit a released step: add one.
    package static let migrations: [Migration] = [
        Migration(.sql(version1)),
        Migration(.sql(version2), .transform(HistoryChain.backfill)),
        Migration(.sql(version3Tables), .transform(HistoryUpgrade.run), .sql(version3Finish)),
    ]

    // The Click to Pay provider rule lives in the store too, twice over: a CHECK constraint and a trigger
    // (a raw `sqlite3` session can turn off either, not both), so no row can offer `<gateway>.clicktopay`
    // from any gateway but dintero_psp. LIKE is case-insensitive, so upper-case spellings are refused too.
    private static let version1 = """
        CREATE TABLE account (
            id TEXT PRIMARY KEY NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE setting (
            account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (account_id, key)
        ) WITHOUT ROWID;

        CREATE TABLE payment_method (
            account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            type TEXT NOT NULL CHECK (\(typeRule("type"))),
            currencies TEXT NOT NULL,
            PRIMARY KEY (account_id, type)
        ) WITHOUT ROWID;

        CREATE TABLE profile (
            account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            profile_id TEXT NOT NULL,
            description TEXT,
            channel TEXT NOT NULL DEFAULT 'ecommerce',
            auto_capture INTEGER NOT NULL DEFAULT 0,
            all_active INTEGER NOT NULL DEFAULT 0,
            default_payment_type TEXT CHECK (\(typeRule("default_payment_type"))),
            merchant_terms_url TEXT,
            extra_configuration TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra_configuration)),
            extra_fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra_fields)),
            PRIMARY KEY (account_id, profile_id)
        ) WITHOUT ROWID;

        CREATE TABLE profile_method (
            account_id TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            type TEXT NOT NULL CHECK (\(typeRule("type"))),
            options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
            PRIMARY KEY (account_id, profile_id, type),
            FOREIGN KEY (account_id, profile_id) REFERENCES profile(account_id, profile_id) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            command TEXT NOT NULL,
            account_id TEXT NOT NULL,
            action TEXT NOT NULL,
            kind TEXT NOT NULL,
            object_id TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX history_by_account ON history(account_id, seq);

        \(providerTrigger(table: "payment_method", columns: ["type"]))
        \(providerTrigger(table: "profile_method", columns: ["type"]))
        \(providerTrigger(table: "profile", columns: ["default_payment_type"], extra: hiddenGatewayRule))
        CREATE TRIGGER history_is_append_only_on_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_is_append_only_on_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        """

    // One step for everything this release adds. Lossless copies of Dintero's configuration: an account method's
    // `details` object exactly as imported (a PUT without it deletes it live), and profile products kept while
    // disabled (`enabled = 0`) so their options survive; existing rows keep their meaning (no details, every
    // product offered). The history's hash chain. The guards against plain-DML bypasses. And what each account
    // looked like on Dintero when it was last pulled or pushed (the "base" of a working copy), as a
    // state-document entry without the tool's own settings, so `pull` and `push` can tell a local change from a
    // remote one.
    private static let version2 = """
        ALTER TABLE payment_method ADD COLUMN details TEXT
            CHECK (details IS NULL OR (json_valid(details) AND json_type(details) = 'object'));
        ALTER TABLE profile_method ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1));
        CREATE TABLE history_chain (
            seq INTEGER PRIMARY KEY REFERENCES history(seq),
            hash TEXT NOT NULL
        );
        CREATE TRIGGER history_chain_is_append_only_on_update BEFORE UPDATE ON history_chain
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_chain_is_append_only_on_delete BEFORE DELETE ON history_chain
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_chain_is_append_only_on_insert BEFORE INSERT ON history_chain
        WHEN NEW.seq <= coalesce((SELECT max(seq) FROM history_chain), 0)
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        \(guardsOfVersion2)
        CREATE TABLE remote_base (
            account_id TEXT PRIMARY KEY NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            document TEXT NOT NULL CHECK (json_valid(document)),
            synced_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// The message the store raises; the CLI recognises it to report a policy violation.
    package static let providerRuleMessage = "Click to Pay is only offered through dintero_psp (dintero_psp.clicktopay)"

    private static func typeRule(_ column: String) -> String {
        "\(column) IS NULL OR \(column) NOT LIKE '%.clicktopay' OR \(column) = 'dintero_psp.clicktopay'"
    }

    // Pass-through configuration must not smuggle in a gateway object with a clicktopay product.
    private static let hiddenGatewayRule = """
        OR EXISTS (SELECT 1 FROM json_each(NEW.extra_configuration) AS gateway
                   WHERE gateway.type = 'object' AND json_type(gateway.value, '$.clicktopay') IS NOT NULL)
        """

    private static func providerTrigger(table: String, columns: [String], extra: String = "") -> String {
        let condition = columns.map { "NOT (\(typeRule("NEW.\($0)")))" }.joined(separator: " OR ") + " " + extra
        return ["INSERT", "UPDATE"].map { event in
            """
            CREATE TRIGGER \(table)_provider_rule_on_\(event.lowercased()) BEFORE \(event) ON \(table)
            WHEN \(condition)
            BEGIN SELECT RAISE(ABORT, '\(providerRuleMessage)'); END;
            """
        }.joined(separator: "\n")
    }
}
