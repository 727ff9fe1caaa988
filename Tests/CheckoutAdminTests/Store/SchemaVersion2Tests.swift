import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Schema version 2: method `details` and disabled profile products. A version-1 store upgrades without losing
/// a row, and what it held keeps its meaning (no details, every product offered).
final class SchemaVersion2Tests: CLITestCase {
    /// Schema step 1 is SQL only.
    private static let versionOneSQL = Schema.migrations[0].parts.map { part in
        guard case .sql(let statements) = part else { preconditionFailure("step 1 is SQL only") }
        return statements
    }.joined(separator: "\n")

    /// A store exactly as version 1 wrote it, with an account, a method, a profile and a product option.
    private func makeVersionOneStore() throws {
        try StoreTestSupport.makeDatabase(
            at: cli.storePath,
            """
            PRAGMA application_id = \(StoreTestSupport.applicationID);
            \(Self.versionOneSQL)
            PRAGMA user_version = 1;
            INSERT INTO account (id, created_at) VALUES ('T12345678', '2026-01-01T00:00:00Z');
            INSERT INTO setting VALUES ('T12345678', 'name', 'Example AS');
            INSERT INTO payment_method VALUES ('T12345678', 'dintero_psp.creditcard', 'NOK,SEK');
            INSERT INTO profile (account_id, profile_id, default_payment_type)
                VALUES ('T12345678', 'web', 'dintero_psp.creditcard');
            INSERT INTO profile_method VALUES ('T12345678', 'web', 'dintero_psp.creditcard', '{"sca_policy":{}}');
            INSERT INTO history (at, actor, command, account_id, action, kind, object_id)
                VALUES ('2026-01-01T00:00:00Z', 'ops', 'checkout-admin account add T12345678', 'T12345678', 'add',
                        'account', 'T12345678');
            """)
    }

    func testUpgradingAVersionOneStoreKeepsEveryRow() throws {
        try makeVersionOneStore()
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "upgraded store '\(cli.storePath)' from schema version 1 to \(Schema.currentVersion)\n")
        XCTAssertEqual(
            try cli.rows("SELECT account_id, key, value FROM setting"), [["T12345678", "name", "Example AS"]])
        XCTAssertEqual(
            try cli.rows("SELECT type, currencies, details FROM payment_method"),
            [["dintero_psp.creditcard", "NOK,SEK", "NULL"]])
        XCTAssertEqual(
            try cli.rows("SELECT type, options, enabled FROM profile_method"),
            [["dintero_psp.creditcard", #"{"sca_policy":{}}"#, "1"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history"), [["1"]])
    }

    func testAnUpgradedStoreExportsItsProfileWithTheRequiredFields() throws {
        try makeVersionOneStore()
        cli.succeed("init")
        assertRun(
            cli.run("profile export T12345678 web"), status: 0,
            stdout: """
                {
                  "configuration": {
                    "active_payment_types": {
                      "enabled": false
                    },
                    "auto_capture": false,
                    "default_payment_type": "dintero_psp.creditcard",
                    "dintero_psp": {
                      "creditcard": {
                        "enabled": true,
                        "generate_payment_token": false,
                        "sca_policy": {}
                      }
                    }
                  },
                  "profile_id": "web"
                }

                """)
    }

    func testDumpOfAnUpgradedStoreAppliesAsANoOp() throws {
        try makeVersionOneStore()
        cli.succeed("init")
        let dump = cli.succeed("dump").stdout
        let before = cli.storeBytes()
        assertRun(cli.run(["apply", "-"], stdin: dump), status: 0, stdout: "No changes.\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testTheStoreRefusesDetailsThatAreNotAnObject() throws {
        cli.succeed("account add T12345678")
        XCTAssertThrowsError(
            try sql("INSERT INTO payment_method VALUES ('T12345678', 'vipps', 'NOK', '[1]')"))
    }

    func testTheStoreRefusesADisabledForeignClickToPay() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        XCTAssertThrowsError(
            try sql(
                "INSERT INTO profile_method VALUES ('T12345678', 'web', 'payex.clicktopay', '{}', 0)"))
    }
}
