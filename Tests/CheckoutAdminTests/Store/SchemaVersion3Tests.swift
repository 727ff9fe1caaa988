import Foundation
import XCTest

@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Schema step 3: the history stored once per write. A store written by checkout-admin 0.2.0 (Fixtures/stores,
/// made with that release's binary) is upgraded keeping every history row, its number and `history` output.
final class SchemaVersion3Tests: CLITestCase {
    private let stores = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/stores")

    private let columns = "seq, at, actor, command, account_id, action, kind, object_id, before, after"

    private func copyReleaseStore() throws {
        try FileManager.default.copyItem(
            at: stores.appendingPathComponent("release-0.2.0.sqlite"), to: URL(fileURLWithPath: cli.storePath))
    }

    /// The fixture's rows as `sqlite3 -json` wrote them, as `cli.rows` gives rows (NULL as "NULL").
    private func releaseRows() throws -> [[String]] {
        let data = try Data(contentsOf: stores.appendingPathComponent("release-0.2.0.rows.json"))
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return rows.map { row in
            columns.components(separatedBy: ", ").map { column in
                switch row[column] {
                case let number as NSNumber: number.stringValue
                case let text as String: text
                default: "NULL"
                }
            }
        }
    }

    func testUpgradingAReleaseStoreKeepsEveryHistoryRowAndTheHistoryOutput() throws {
        try copyReleaseStore()
        XCTAssertEqual(try StoreTestSupport.integer("PRAGMA user_version", in: cli.storePath), 2)
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: 3\n",
            stderr: "upgraded store '\(cli.storePath)' from schema version 2 to 3\n")
        XCTAssertEqual(try cli.rows("SELECT \(columns) FROM history ORDER BY seq"), try releaseRows())
        let expected = try String(
            contentsOf: stores.appendingPathComponent("release-0.2.0.history.json"), encoding: .utf8)
        assertRun(cli.run("history --json --limit 1000"), status: 0, stdout: expected)
        XCTAssertEqual(cli.run("store check").status, 0)
        // 57 rows in 14 writes; consecutive rows of one command at one time are one write.
        XCTAssertEqual(
            try cli.rows("SELECT count(*), sum(changes), max(first_seq) FROM history_write"), [["14", "57", "57"]])
    }

    func testALimitInsideOneWritesChangesKeepsTheNewestOfThem() throws {
        try copyReleaseStore()
        cli.succeed("init")
        let whole = try JSONValue(parsing: cli.succeed("history --json --limit 1000").stdout)["entries"]?.arrayValue
        // The newest write removed one account; the one before applied 39 changes to three accounts.
        let limited = try JSONValue(parsing: cli.succeed("history --json --limit 5").stdout)["entries"]?.arrayValue
        XCTAssertEqual(limited, whole.map { Array($0.prefix(5)) })
        XCTAssertEqual(limited?.count, 5)
    }

    func testAWriteAfterTheUpgradeNumbersOnAndKeepsTheChain() throws {
        try copyReleaseStore()
        cli.succeed("settings set T11111111 name=Renamed")
        XCTAssertEqual(
            try cli.rows("SELECT seq, action, object_id, before, after FROM history WHERE seq > 57"),
            [["58", "change", "name", #""Kaffebrenneriet Oslo AS""#, #""Renamed""#]])
        XCTAssertEqual(cli.run("store check").status, 0)
    }

    func testARowEditedBeforeTheUpgradeStillBreaksTheChainAfterIt() throws {
        try copyReleaseStore()
        try sql(
            """
            DROP TRIGGER history_is_append_only_on_update;
            UPDATE history SET actor = 'mallory' WHERE seq = 8;
            """)
        cli.succeed("init")
        let result = cli.run("store check")
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(
            result.stdout.contains(
                "history: FAILED\n  history row 8 does not follow from the rows before it (a row at or before it was "
                    + "edited, removed or reordered)\n"),
            result.stdout)
    }

    func testWordsTheToolDoesNotWriteSurviveTheUpgrade() throws {
        try copyReleaseStore()
        try sql(
            """
            INSERT INTO history (at, actor, command, account_id, action, kind, object_id, before, after)
            VALUES ('2026-12-01T06:00:00Z', 'ops', 'by hand', 'T11111111', 'renamed', 'merchant', 'name', NULL, '"X"');
            """)
        cli.succeed("init")
        XCTAssertEqual(
            try cli.rows("SELECT seq, action, kind, object_id, after FROM history WHERE seq = 58"),
            [["58", "renamed", "merchant", "name", #""X""#]])
        let value = try cli.rows(#"SELECT id FROM history_value WHERE json = '"X"'"#)[0][0]
        XCTAssertEqual(
            try cli.rows("SELECT changes FROM history_changes WHERE write_id = 15"),
            [[#"[["renamed","merchant","name",null,\#(value)]]"#]])
    }

    func testAValueHoldingItsAccountIdIsStoredOnceForEveryAccount() throws {
        cli.succeed("account add T11111111")
        cli.succeed("account add T22222222")
        XCTAssertEqual(
            try cli.rows("SELECT json FROM history_value"),
            [["{\"account_id\":\"\u{01}\",\"payment_methods\":[],\"profiles\":[],\"settings\":{}}"]])
        XCTAssertEqual(
            try cli.rows("SELECT account_id, after FROM history ORDER BY seq"),
            [
                ["T11111111", #"{"account_id":"T11111111","payment_methods":[],"profiles":[],"settings":{}}"#],
                ["T22222222", #"{"account_id":"T22222222","payment_methods":[],"profiles":[],"settings":{}}"#],
            ])
        XCTAssertEqual(
            try cli.rows("SELECT changes FROM history_changes ORDER BY write_id"),
            [[#"[["aa","T11111111",null,-1]]"#], [#"[["aa","T22222222",null,-1]]"#]])
    }
}
