import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `init` and `store info`.
final class StoreCommandsTests: CLITestCase {
    // MARK: init

    func testInitCreatesTheStoreAndPrintsItsPathAndSchemaVersion() throws {
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "created store '\(cli.storePath)'\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM account"), [["0"]])
    }

    func testInitIsIdempotent() {
        cli.succeed("init")
        let before = cli.storeBytes()
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "store is up to date\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testInitKeepsExistingData() throws {
        cli.succeed("account add T12345678")
        cli.succeed("init")
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["T12345678"]])
    }

    func testInitAsJSONSaysItCreatedTheStore() {
        assertRun(
            cli.run("init --json"), status: 0,
            stdout: """
                {
                  "created": true,
                  "format_version": "1",
                  "path": "\(cli.storePath)",
                  "repaired": [],
                  "schema_version": \(Schema.currentVersion)
                }

                """)
    }

    func testInitAsJSONOnAnExistingStoreSaysItCreatedNothing() {
        cli.succeed("init")
        assertRun(
            cli.run("init --json"), status: 0,
            stdout: """
                {
                  "created": false,
                  "format_version": "1",
                  "path": "\(cli.storePath)",
                  "repaired": [],
                  "schema_version": \(Schema.currentVersion)
                }

                """)
    }

    func testQuietInitPrintsOnlyThePathAndVersion() {
        assertRun(
            cli.run("init --quiet"), status: 0,
            stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n")
    }

    func testInitTakesNoArguments() {
        assertRun(
            cli.run("init extra"), status: 2,
            stderr: "error: unexpected argument 'extra' for 'init'\nhint: usage: checkout-admin init\n")
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: store info

    func testStoreInfoOnAMissingStoreSaysItDoesNotExist() {
        assertRun(
            cli.run("store info"), status: 0,
            stdout: """
                path: \(cli.storePath)
                exists: no
                schema_version: \(Schema.currentVersion)
                size_bytes: 0
                accounts: 0
                methods: 0
                profiles: 0
                history_entries: 0

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testStoreInfoAsJSONOnAMissingStore() {
        assertRun(
            cli.run("store info --json"), status: 0,
            stdout: """
                {
                  "accounts": 0,
                  "exists": false,
                  "format_version": "1",
                  "history_entries": 0,
                  "methods": 0,
                  "path": "\(cli.storePath)",
                  "profiles": 0,
                  "schema_version": \(Schema.currentVersion),
                  "size_bytes": 0
                }

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testStoreInfoCountsWhatTheStoreHolds() throws {
        try fillStore()
        let size = try XCTUnwrap(cli.storeBytes()).count
        assertRun(
            cli.run("store info"), status: 0,
            stdout: """
                path: \(cli.storePath)
                exists: yes
                schema_version: \(Schema.currentVersion)
                size_bytes: \(size)
                accounts: 2
                methods: 3
                profiles: 1
                history_entries: 7

                """)
    }

    func testStoreInfoAsJSONCountsWhatTheStoreHolds() throws {
        try fillStore()
        let size = try XCTUnwrap(cli.storeBytes()).count
        assertRun(
            cli.run("store info --json"), status: 0,
            stdout: """
                {
                  "accounts": 2,
                  "exists": true,
                  "format_version": "1",
                  "history_entries": 7,
                  "methods": 3,
                  "path": "\(cli.storePath)",
                  "profiles": 1,
                  "schema_version": \(Schema.currentVersion),
                  "size_bytes": \(size)
                }

                """)
    }

    func testStoreInfoDoesNotChangeTheStore() throws {
        try fillStore()
        let before = cli.storeBytes()
        cli.succeed("store info")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testStoreInfoOnAFreshStoreCountsNothing() throws {
        cli.succeed("init")
        let size = try XCTUnwrap(cli.storeBytes()).count
        assertRun(
            cli.run("store info"), status: 0,
            stdout: """
                path: \(cli.storePath)
                exists: yes
                schema_version: \(Schema.currentVersion)
                size_bytes: \(size)
                accounts: 0
                methods: 0
                profiles: 0
                history_entries: 0

                """)
    }

    // MARK: Helpers

    /// Two accounts, three methods, one profile (added with SQL: no history) and seven history rows.
    private func fillStore() throws {
        makeCardAccount()  // 4 history rows, 1 method
        cli.succeed("account add P12345678")  // 1
        cli.succeed("method enable P12345678 vipps --currency NOK")  // 1
        cli.succeed("method enable T12345678 vipps")  // 1
        try cli.database().execute(
            """
            INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'web');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'web', 'vipps');
            """)
    }
}
