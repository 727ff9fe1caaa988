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
            StoreCheck(name: "click_to_pay_provider", problems: try foreignClickToPayRows()),
        ]
    }

    // The same invariant the CHECK constraints and triggers enforce, read back from the rows, so a store
    // edited with both turned off is still caught.
    private func foreignClickToPayRows() throws -> [String] {
        func foreign(_ column: String) -> String {
            "\(column) LIKE '%.clicktopay' AND \(column) <> 'dintero_psp.clicktopay'"
        }
        let queries = [
            "SELECT account_id || ' method ' || type FROM payment_method WHERE \(foreign("type"))",
            "SELECT account_id || ' profile ' || profile_id || ' method ' || type FROM profile_method WHERE \(foreign("type"))",
            "SELECT account_id || ' profile ' || profile_id || ' default ' || default_payment_type FROM profile WHERE \(foreign("default_payment_type"))",
            """
            SELECT profile.account_id || ' profile ' || profile.profile_id || ' configuration.' || gateway.key || '.clicktopay'
            FROM profile, json_each(CASE WHEN json_valid(profile.extra_configuration) THEN profile.extra_configuration ELSE '{}' END) AS gateway
            WHERE gateway.type = 'object' AND json_type(gateway.value, '$.clicktopay') IS NOT NULL
            """,
        ]
        return try queries.flatMap { try database.query($0) { "account \($0.text(0))" } }
    }
}
