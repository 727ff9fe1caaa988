import CheckoutDomain
import CheckoutFormats

/// One check of `store check` and what it found.
package struct StoreCheck: Equatable {
    /// `integrity`, `foreign_keys` or `click_to_pay_provider`.
    package let name: String
    /// What is wrong; empty when the check holds.
    package let problems: [String]

    /// Whether it holds.
    package var holds: Bool { problems.isEmpty }
}

extension Store {
    /// SQLite's integrity and foreign-key checks, and the Click to Pay invariant over the raw rows.
    package func runChecks() throws -> [StoreCheck] {
        let integrity = try database.query("PRAGMA integrity_check") { $0.text(0) }.filter { $0 != "ok" }
        let foreignKeys = try database.query("PRAGMA foreign_key_check") { row in
            "\(row.text(0)) row \(row.text(1)) refers to a missing \(row.text(2))"
        }
        return [
            StoreCheck(name: "integrity", problems: integrity),
            StoreCheck(name: "foreign_keys", problems: foreignKeys),
            StoreCheck(name: "schema", problems: try schemaDrift()),
            StoreCheck(name: "history", problems: try historyProblems()),
            StoreCheck(name: "click_to_pay_provider", problems: try foreignClickToPayRows()),
        ]
    }

    // The chain needs the tables the schema check would already have reported missing.
    private func historyProblems() throws -> [String] {
        let chainTable = try schemaVersion() >= 3 ? "history_write" : "history_chain"
        let chained = try database.scalarInteger(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(chainTable)])
        guard chained == 1 else { return [] }
        return try HistoryChain.firstBrokenLink(in: self).map { [$0] } ?? []
    }

    /// Recreates the triggers and indexes the store lacks (someone dropped them, e.g. to bypass a rule), in one
    /// transaction, returning what was recreated. Missing or changed tables, or changed triggers, cannot be
    /// repaired in place: the store is refused and left as it is.
    package func repairSchema() throws -> [String] {
        let drift = try schemaDrift()
        let repairable = drift.filter { $0.hasPrefix("missing trigger ") || $0.hasPrefix("missing index ") }
        guard repairable.count == drift.count else {
            throw StoreFailure.unusable(
                message: "store '\(path)' has a schema this checkout-admin cannot repair: "
                    + drift.filter { !repairable.contains($0) }.joined(separator: ", "),
                hints: ["restore a backup"])
        }
        guard !repairable.isEmpty else { return [] }
        let expected = try Schema.objects(upTo: try schemaVersion())
        try database.transaction(.immediate) {
            for problem in repairable {
                try database.execute(expected[String(problem.dropFirst("missing ".count))] ?? "")
            }
        }
        return repairable.map { "recreated " + $0.dropFirst("missing ".count) }
    }

    /// How the store's schema differs from the one this binary builds for the store's version: tables, columns,
    /// indexes and triggers (compared by their SQL), the application id and the version itself.
    package func schemaDrift() throws -> [String] {
        let version = try schemaVersion()
        guard (1...Schema.currentVersion).contains(version) else {
            return ["schema version \(version) is not one this checkout-admin knows (1 to \(Schema.currentVersion))"]
        }
        var problems: [String] = []
        let applicationID = try database.scalarInteger("PRAGMA application_id") ?? 0
        if applicationID != Int64(Schema.applicationID) { problems.append("application_id is \(applicationID)") }
        let expected = try Schema.objects(upTo: version)
        let found = try Schema.objects(in: database)
        for (name, sql) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = found[name] else {
                problems.append("missing \(name)")
                continue
            }
            if actual != sql { problems.append("changed \(name)") }
        }
        problems += found.keys.filter { expected[$0] == nil }.sorted().map { "unexpected \($0)" }
        return problems
    }

    // The same invariant the CHECK constraints and triggers enforce, read back from the rows, so a store edited
    // with both turned off is still caught. Columns are compared as text (a BLOB holding 'payex.clicktopay' is
    // what the tool reads back as text), and a product hidden under a type without a dot, or under a key written
    // with JSON escapes, is found through SQLite's JSON functions, which decode keys.
    private func foreignClickToPayRows() throws -> [String] {
        func foreign(_ column: String) -> String {
            "lower(CAST(\(column) AS TEXT)) LIKE '%.clicktopay' AND CAST(\(column) AS TEXT) <> 'dintero_psp.clicktopay'"
        }
        let queries = [
            "SELECT account_id || ' method ' || CAST(type AS TEXT) FROM payment_method WHERE \(foreign("type"))",
            "SELECT account_id || ' profile ' || profile_id || ' method ' || CAST(type AS TEXT) FROM profile_method WHERE \(foreign("type"))",
            "SELECT account_id || ' profile ' || profile_id || ' default ' || CAST(default_payment_type AS TEXT) FROM profile WHERE \(foreign("default_payment_type"))",
            """
            SELECT profile.account_id || ' profile ' || profile.profile_id || ' configuration.' || gateway.key || '.clicktopay'
            FROM profile, json_each(CASE WHEN json_valid(profile.extra_configuration) THEN profile.extra_configuration ELSE '{}' END) AS gateway,
                 json_each(CASE WHEN gateway.type = 'object' THEN gateway.value ELSE '{}' END) AS product
            WHERE product.key = 'clicktopay'
            """,
            """
            SELECT account_id || ' profile ' || profile_id || ' method ' || CAST(type AS TEXT) || ' options.clicktopay'
            FROM profile_method
            WHERE instr(CAST(type AS TEXT), '.') = 0 AND CAST(type AS TEXT) <> 'vipps'
              AND json_valid(options) AND json_type(options, '$.clicktopay') IS NOT NULL
            """,
        ]
        return try queries.flatMap { try database.query($0) { "account \($0.text(0))" } }
    }
}
