import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// A store whose schema was edited by hand: found by `store check`, repaired by `init` where it can be, and
/// reported as exit 5 (never 70) by every command that meets it; reads never upgrade an older store.
final class SchemaDamageTests: CLITestCase {
    func testInitRecreatesADroppedProviderTrigger() throws {
        cli.succeed("account add T12345678")
        try sql("DROP TRIGGER payment_method_provider_rule_on_insert;")
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "repaired store '\(cli.storePath)': recreated trigger payment_method_provider_rule_on_insert\n")
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM sqlite_master WHERE name = 'payment_method_provider_rule_on_insert'"),
            [["1"]])
        XCTAssertEqual(cli.run("store check").status, 0)
    }

    func testInitRefusesAStoreWhoseTableWasDropped() throws {
        cli.succeed("account add T12345678")
        try sql("DROP TABLE history_value;")
        let before = cli.storeBytes()
        assertRun(
            cli.run("init"), status: 5,
            stderr:
                "error: store '\(cli.storePath)' has a schema this checkout-admin cannot repair: missing table "
                + "history_value\n"
                + "hint: restore a backup\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAWriteOnAStoreWithoutItsHistoryTableExitsFive() throws {
        cli.succeed("account add T12345678")
        try sql("DROP VIEW history; DROP TABLE history_write;")
        assertRun(
            cli.run("account add T12345679"), status: 5,
            stderr: "error: store schema is damaged: no such table: history_write\n"
                + "hint: see what is wrong with 'checkout-admin store check'; restore a backup\n")
    }

    func testAReadOfAnOlderStoreSaysToRunInitAndLeavesItAlone() throws {
        cli.succeed("account add T12345678")
        try sql("PRAGMA user_version = 0;")
        let before = cli.storeBytes()
        assertRun(
            cli.run("account list"), status: 5,
            stderr: "error: store '\(cli.storePath)' has schema version 0; this checkout-admin reads version "
                + "\(Schema.currentVersion)\nhint: upgrade it with 'checkout-admin init' (read commands never "
                + "upgrade a store: an older checkout-admin could no longer read it)\n")
        XCTAssertEqual(cli.storeBytes(), before)
        XCTAssertEqual(try cli.rows("PRAGMA user_version"), [["0"]])
    }
}
