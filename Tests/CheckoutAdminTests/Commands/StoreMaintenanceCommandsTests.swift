import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `store check` and `store backup`.
final class StoreMaintenanceCommandsTests: CLITestCase {
    private let allHold = "integrity: ok\nforeign_keys: ok\nschema: ok\nhistory: ok\nclick_to_pay_provider: ok\n"

    func testCheckOfAHealthyStorePrintsEveryCheckAndExitsZero() {
        makeCardAccount()
        assertRun(cli.run("store check"), status: 0, stdout: allHold)
    }

    func testCheckOfAMissingStoreExitsFiveAndCreatesNothing() {
        assertRun(cli.run("store check"), status: 5, stderr: "error: store '\(cli.storePath)' does not exist\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testCheckReportsADroppedTriggerAsSchemaDrift() throws {
        makeCardAccount()
        try sql("DROP TRIGGER history_write_is_append_only_on_update; CREATE INDEX extra ON setting(value);")
        let result = cli.run("store check")
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(
            result.stdout.contains(
                "schema: FAILED\n  missing trigger history_write_is_append_only_on_update\n  unexpected index extra\n"),
            result.stdout)
        XCTAssertEqual(
            result.stderr,
            "error: store '\(cli.storePath)' failed schema\nhint: restore a backup, or repair the rows listed above\n"
                + "hint: 'checkout-admin init' recreates dropped triggers and indexes\n")
    }

    func testCheckFindsAForeignClickToPayRowWrittenWithTheRulesTurnedOff() throws {
        makeCardAccount()
        try sql(
            """
            DROP TRIGGER payment_method_provider_rule_on_insert;
            PRAGMA ignore_check_constraints = ON;
            INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'payex.clicktopay', 'NOK');
            """)
        let result = cli.run("store check")
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(
            result.stdout.contains("click_to_pay_provider: FAILED\n  account T12345678 method payex.clicktopay\n"),
            result.stdout)
        XCTAssertEqual(
            result.stderr,
            "error: store '\(cli.storePath)' failed integrity, schema, click_to_pay_provider\n"
                + "hint: restore a backup, or repair the rows listed above\n"
                + "hint: 'checkout-admin init' recreates dropped triggers and indexes\n")
    }

    private let blobMethod =
        "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', CAST('payex.clicktopay' AS BLOB), 'NOK');"
    private let dotlessMethod =
        #"INSERT INTO profile_method (account_id, profile_id, type, options) VALUES ('T12345678', 'web', 'payex', '{"clicktopay":{"enabled":true}}');"#
    private let escapedKey =
        #"UPDATE profile SET extra_configuration = '{"payex":{"click\u0074opay":{"enabled":true}}}' WHERE profile_id = 'web';"#

    func testTheStoreRefusesAForeignClickToPayStoredAsABlob() {
        makeCardAccount()
        XCTAssertThrowsError(try sql(blobMethod)) { XCTAssertTrue("\($0)".contains(Schema.typeShapeMessage), "\($0)") }
    }

    func testTheStoreRefusesClickToPayHiddenUnderATypeWithoutADot() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        XCTAssertThrowsError(try sql(dotlessMethod)) {
            XCTAssertTrue("\($0)".contains(Schema.typeShapeMessage), "\($0)")
        }
    }

    func testTheStoreRefusesAClickToPayKeyWrittenWithAJSONEscape() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        XCTAssertThrowsError(try sql(escapedKey)) {
            XCTAssertTrue("\($0)".contains(Schema.providerRuleMessage), "\($0)")
        }
    }

    func testWithTheGuardsDroppedStoreCheckFindsEveryBypassAndNoExportCarriesIt() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        try sql(
            """
            DROP TRIGGER payment_method_type_shape_on_insert; DROP TRIGGER profile_method_type_shape_on_insert;
            DROP TRIGGER profile_hidden_click_to_pay_on_update;
            \(blobMethod) \(dotlessMethod) \(escapedKey)
            """)
        let check = cli.run("store check")
        XCTAssertEqual(check.status, 5)
        for problem in [
            "  account T12345678 method payex.clicktopay\n",
            "  account T12345678 profile web method payex options.clicktopay\n",
            "  account T12345678 profile web configuration.payex.clicktopay\n",
            "  missing trigger payment_method_type_shape_on_insert\n",
        ] {
            XCTAssertTrue(check.stdout.contains(problem), "\(problem) in \(check.stdout)")
        }
        for command in ["account export T12345678", "profile export T12345678 web", "dump"] {
            let result = cli.run(command)
            XCTAssertEqual(result.status, 3, command)
            XCTAssertFalse(result.stdout.contains("clicktopay"), command)
        }
    }

    func testAWriteRewrittenWithTheTriggersOffBreaksTheChain() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 name=Shop")
        let last = try cli.rows("SELECT max(seq) FROM history")[0][0]
        try sql(
            """
            DROP TRIGGER history_write_is_append_only_on_update;
            UPDATE history_write SET actor = 'mallory' WHERE id = (SELECT max(id) FROM history_write);
            """)
        let result = cli.run("store check")
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(
            result.stdout.contains(
                "history: FAILED\n  history row \(last) does not follow from the rows before it (a row at or before it "
                    + "was edited, removed or reordered)\n"),
            result.stdout)
    }

    func testAHistoryValueRewrittenWithTheTriggersOffBreaksTheChainAtItsFirstWrite() throws {
        makeCardAccount()
        let rows = try cli.rows("SELECT min(seq), max(seq) FROM history WHERE command LIKE '%account add%'")[0]
        try sql(
            """
            DROP TRIGGER history_value_is_append_only_on_update;
            UPDATE history_value SET json = '"Forged"' WHERE json = '"Example"';
            """)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history WHERE after = '\"Forged\"'"), [["1"]])
        let result = cli.run("store check")
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(
            result.stdout.contains(
                "history: FAILED\n  history rows \(rows[0])–\(rows[1]) (one write) do not follow from the rows before "
                    + "them (a row at or before them was edited, removed or reordered)\n"),
            result.stdout)
    }

    func testReplaceIntoTheHistoryTablesIsRefusedByTheStore() throws {
        makeCardAccount()
        let attempts = [
            "REPLACE INTO history_write VALUES (1, 1, 1, '2026-01-01T00:00:00Z', 'mallory', 'forged', '')",
            "REPLACE INTO history_changes VALUES (1, 0, 'T12345678', '[]')",
            "REPLACE INTO history_value VALUES (1, 0, 'null')",
        ]
        for attempt in attempts {
            XCTAssertThrowsError(try sql(attempt)) {
                XCTAssertTrue("\($0)".contains("history is append-only"), "\($0)")
            }
        }
        XCTAssertEqual(try cli.rows("SELECT DISTINCT actor FROM history"), [["tester"]])
        XCTAssertEqual(cli.run("store check").status, 0)
    }

    func testCheckFindsAnOrphanedProfileMethod() throws {
        makeCardAccount()
        try sql(
            "PRAGMA foreign_keys = OFF; INSERT INTO profile_method (account_id, profile_id, type, options) VALUES ('T12345678', 'ghost', 'vipps', '{}');"
        )
        let result = cli.run("store check")
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(result.stdout.contains("foreign_keys: FAILED\n  profile_method row"), result.stdout)
    }

    func testCheckWithJSONReportsEachCheck() {
        makeCardAccount()
        assertRun(
            cli.run("store check --json"), status: 0,
            stdout: """
                {
                  "checks": [
                    {
                      "name": "integrity",
                      "ok": true,
                      "problems": []
                    },
                    {
                      "name": "foreign_keys",
                      "ok": true,
                      "problems": []
                    },
                    {
                      "name": "schema",
                      "ok": true,
                      "problems": []
                    },
                    {
                      "name": "history",
                      "ok": true,
                      "problems": []
                    },
                    {
                      "name": "click_to_pay_provider",
                      "ok": true,
                      "problems": []
                    }
                  ],
                  "format_version": "1",
                  "ok": true
                }

                """)
    }

    func testBackupWritesAConsistentCopyWithModeSixHundred() throws {
        makeCardAccount()
        let target = "\(cli.directory)/backup.sqlite"
        assertRun(cli.run(["store", "backup", target]), status: 0, stderr: "wrote backup '\(target)'\n")
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        cli.environment["CHECKOUT_ADMIN_STORE"] = target
        assertRun(
            cli.run("method list T12345678"), status: 0,
            stdout: "TYPE\tCURRENCIES\tPROFILES\ndintero_psp.creditcard\tNOK\t\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(target).tmp-\(getpid())"))
    }

    func testBackupOfAMissingStoreIsRefusedAndWritesNothing() {
        let target = "\(cli.directory)/backup.sqlite"
        assertRun(
            cli.run(["store", "backup", target]), status: 3,
            stderr: "error: store '\(cli.storePath)' does not exist; nothing to back up\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        XCTAssertNil(cli.storeBytes())
    }

    func testBackupRefusesToWriteThroughASymlink() throws {
        makeCardAccount()
        let elsewhere = cli.file("elsewhere", "keep")
        let link = "\(cli.directory)/link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: elsewhere)
        assertRun(
            cli.run(["store", "backup", link]), status: 3,
            stderr: "error: cannot write backup '\(link)': it is a symlink\n")
        XCTAssertEqual(FileManager.default.contents(atPath: elsewhere), Data("keep".utf8))
    }
}

/// Progress of long writes: on a terminal only.
final class WriteProgressTests: CLITestCase {
    private func largeDocument() -> String {
        let accounts = (0..<500).map { index in
            #"{"account_id": "T\#(String(format: "%08d", index))", "settings": {"name": "M", "logo_url": "https://x.no/l.png"}, "#
                + #""payment_methods": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}], "#
                + #""profiles": [{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}]}"#
        }
        return #"{"format_version": "1", "accounts": ["# + accounts.joined(separator: ",") + "]}"
    }

    func testApplyOnATerminalShowsProgressAndClearsTheLine() {
        let file = cli.file("state.json", largeDocument())
        let result = cli.run(["apply", file], terminal: true)
        XCTAssertEqual(result.status, 0)
        // 500 accounts of 5 changes each, read one account at a time: the count every 2000 changes (the total is
        // not known until the document ends), then the line is cleared.
        XCTAssertEqual(result.stderr, "\rsaving changes: 2000\r\u{1B}[KApplied.\n")
    }

    func testApplyOffATerminalShowsNoProgress() {
        let file = cli.file("state.json", largeDocument())
        let result = cli.run(["apply", file])
        XCTAssertEqual(result.status, 0)
        XCTAssertFalse(result.stderr.contains("saving changes"))
    }
}
