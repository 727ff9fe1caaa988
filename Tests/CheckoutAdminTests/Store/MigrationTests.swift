import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Upgrading stores with `PRAGMA user_version`.
final class MigrationTests: CLITestCase {
    func testVersionZeroStoreWithOurApplicationIDIsUpgradedByInit() throws {
        try makeVersionZeroStore()
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "upgraded store '\(cli.storePath)' from schema version 0 to \(Schema.currentVersion)\n")
        XCTAssertEqual(
            try StoreTestSupport.integer("PRAGMA user_version", in: cli.storePath), Int64(Schema.currentVersion))
        XCTAssertEqual(
            try cli.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").flatMap { $0 },
            [
                "account", "history_changes", "history_value", "history_write", "payment_method", "profile",
                "profile_method", "remote_base", "setting", "sqlite_sequence",
            ])
    }

    func testUpgradeKeepsTheApplicationID() throws {
        try makeVersionZeroStore()
        cli.succeed("init")
        XCTAssertEqual(
            try StoreTestSupport.integer("PRAGMA application_id", in: cli.storePath), StoreTestSupport.applicationID)
    }

    func testVersionZeroStoreIsUpgradedByTheFirstWrite() throws {
        try makeVersionZeroStore()
        assertRun(
            cli.run(["account", "add", "T12345678", "--name", "Example AS"]), status: 0,
            stderr: "+ account T12345678\n+ settings T12345678 name: 'Example AS'\n" + merchantIncomplete())
        XCTAssertEqual(
            try cli.rows("SELECT account_id, key, value FROM setting"), [["T12345678", "name", "Example AS"]])
        XCTAssertEqual(
            try StoreTestSupport.integer("PRAGMA user_version", in: cli.storePath), Int64(Schema.currentVersion))
    }

    func testUpgradedStoreAcceptsProfileRows() throws {
        try makeVersionZeroStore()
        cli.succeed("init")
        let database = try cli.database()
        try database.execute("INSERT INTO account (id, created_at) VALUES ('T12345678', '2026-01-01T00:00:00Z')")
        try database.execute("INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'web')")
        XCTAssertEqual(
            try cli.rows("SELECT profile_id, channel, extra_configuration FROM profile"), [["web", "ecommerce", "{}"]])
    }

    func testMigratingTwiceIsANoOp() throws {
        try makeVersionZeroStore()
        let database = try Database(path: cli.storePath, mode: .readWrite)
        let opener = StoreOpener(path: cli.storePath, lockTimeout: 1)
        try opener.migrate(database)
        let schema = try database.query("SELECT type, name, sql FROM sqlite_schema ORDER BY name") {
            [$0.text(0), $0.text(1), $0.text(2)]
        }
        let changes = database.totalChanges
        try opener.migrate(database)
        XCTAssertEqual(
            try database.query("SELECT type, name, sql FROM sqlite_schema ORDER BY name") {
                [$0.text(0), $0.text(1), $0.text(2)]
            },
            schema)
        XCTAssertEqual(try database.scalarInteger("PRAGMA user_version"), Int64(Schema.currentVersion))
        XCTAssertEqual(database.totalChanges, changes)
    }

    func testInitOnAnUpToDateStoreLeavesItByteIdentical() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "store is up to date\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testFailedUpgradeIsReportedAsUnusableAndLeavesTheFileUntouched() throws {
        // Claims to be ours at version 0 but already holds a table the first migration creates.
        try StoreTestSupport.makeDatabase(
            at: cli.storePath,
            """
            PRAGMA application_id = \(StoreTestSupport.applicationID);
            CREATE TABLE account (legacy TEXT);
            INSERT INTO account VALUES ('keep me');
            """)
        let before = cli.storeBytes()
        assertRun(
            cli.run("init"), status: 5,
            stderr:
                "error: store '\(cli.storePath)' cannot be upgraded to schema version 1: table account already exists\n"
        )
        XCTAssertEqual(cli.storeBytes(), before)
        XCTAssertEqual(StoreTestSupport.sidecars(of: cli.storePath), [])
        XCTAssertEqual(try StoreTestSupport.integer("PRAGMA user_version", in: cli.storePath), 0)
    }

    func testUpgradeWaitsForTheWriteLockAndReportsBusy() throws {
        try makeVersionZeroStore()
        let holder = try Database(path: cli.storePath, mode: .readWrite)
        try holder.execute("BEGIN IMMEDIATE")
        let before = cli.storeBytes()
        assertRun(
            cli.run("init --lock-timeout 0"), status: 4,
            stderr: "error: store '\(cli.storePath)' is busy: another process held the write lock for more than 0s\n"
                + "hint: retry, or raise --lock-timeout\n")
        XCTAssertEqual(cli.storeBytes(), before)
        try holder.execute("COMMIT")
        XCTAssertEqual(cli.run("init --lock-timeout 0").status, 0)
        XCTAssertEqual(
            try StoreTestSupport.integer("PRAGMA user_version", in: cli.storePath), Int64(Schema.currentVersion))
    }

    // MARK: Helpers

    /// A file with checkout-admin's application id and no schema yet: what a version-0 store looks like.
    private func makeVersionZeroStore() throws {
        try StoreTestSupport.makeDatabase(
            at: cli.storePath, "PRAGMA application_id = \(StoreTestSupport.applicationID)")
        XCTAssertEqual(try StoreTestSupport.integer("PRAGMA user_version", in: cli.storePath), 0)
        XCTAssertEqual(cli.storeBytes()?[68..<72], Data("CHKA".utf8))
    }
}
