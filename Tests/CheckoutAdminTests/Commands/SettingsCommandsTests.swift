import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `settings show|set|unset` and the history rows their writes leave.
final class SettingsCommandsTests: CLITestCase {
    override func setUp() {
        super.setUp()
        cli.succeed("account add T12345678 --name Example")
    }

    // MARK: show

    func testShowPrintsEverySettingSortedByKey() {
        cli.succeed("settings set T12345678 country=NO checkout_express=true logo_url=https://example.com/logo.png")
        assertRun(
            cli.run("settings show T12345678"), status: 0,
            stdout: """
                checkout_express: true
                country: NO
                logo_url: https://example.com/logo.png
                name: Example

                """)
    }

    func testShowOfAnAccountWithoutSettingsPrintsNothing() {
        cli.succeed("account add P12345678")
        assertRun(cli.run("settings show P12345678"), status: 0)
    }

    func testShowAsJSONGivesBooleansAsJSONBooleans() {
        cli.succeed(
            "settings set T12345678 checkout_express=true session_customer_email=false merchant_category_code=5411")
        assertRun(
            cli.run("settings show T12345678 --json"), status: 0,
            stdout: """
                {
                  "account": "T12345678",
                  "format_version": "1",
                  "settings": {
                    "checkout_express": true,
                    "merchant_category_code": "5411",
                    "name": "Example",
                    "session_customer_email": false
                  }
                }

                """)
    }

    func testShowAsJSONOfAnAccountWithoutSettingsHasAnEmptyObject() {
        cli.succeed("account add P12345678")
        assertRun(
            cli.run("settings show P12345678 --json"), status: 0,
            stdout: "{\n  \"account\": \"P12345678\",\n  \"format_version\": \"1\",\n  \"settings\": {}\n}\n")
    }

    func testShowOneKeyPrintsJustItsValue() {
        assertRun(cli.run("settings show T12345678 name"), status: 0, stdout: "Example\n")
    }

    func testShowOneKeyAsJSON() {
        cli.succeed("settings set T12345678 checkout_express=false")
        assertRun(
            cli.run("settings show T12345678 checkout_express --json"), status: 0,
            stdout: """
                {
                  "account": "T12345678",
                  "format_version": "1",
                  "key": "checkout_express",
                  "value": false
                }

                """)
    }

    func testShowingAnUnsetKeyIsNotFound() {
        assertRun(
            cli.run("settings show T12345678 email"), status: 3,
            stderr: """
                error: setting 'email' is not set on account 'T12345678'
                hint: set it with 'checkout-admin settings set T12345678 email=…'

                """)
    }

    func testShowingAnUnsetKeyAsJSONIsNotFound() {
        assertRun(
            cli.run("settings show T12345678 email --json"), status: 3,
            stderr: """
                {"error":{"code":"not_found","exit_code":3,"hint":"set it with 'checkout-admin settings set T12345678 email=…'","message":"setting 'email' is not set on account 'T12345678'"}}

                """)
    }

    func testShowingAnUnknownKeySuggestsTheNearestKey() {
        assertRun(
            cli.run("settings show T12345678 contry"), status: 3,
            stderr: """
                error: unknown setting 'contry'
                hint: did you mean 'country'?
                hint: settings are: \(Self.keyList)

                """)
    }

    func testShowingAnUnknownKeyFarFromEveryKeyListsThem() {
        assertRun(
            cli.run("settings show T12345678 colour"), status: 3,
            stderr: "error: unknown setting 'colour'\nhint: settings are: \(Self.keyList)\n")
    }

    func testShowOnAMissingAccountIsNotFound() {
        assertRun(
            cli.run("settings show T87654321"), status: 3,
            stderr:
                "error: account 'T87654321' not found\nhint: create it with 'checkout-admin account add T87654321'\n")
    }

    func testShowTakesAtMostOneKey() {
        assertRun(
            cli.run("settings show T12345678 name country"), status: 2,
            stderr: """
                error: unexpected argument 'country' for 'settings show'
                hint: usage: checkout-admin settings show <account> [<key>]

                """)
    }

    // MARK: set, key by key

    func testNameAcceptsOneToTwoHundredCharacters() throws {
        try assertAccepted("name", ["N", "Example AS", String(repeating: "n", count: 200), "Café Ørsted & Søn 😀"])
    }

    func testNameRefusesEmptyControlCharactersAndBlank() {
        let hint = "name must be 1-200 characters, without leading or trailing whitespace"
        assertRefused("name", "", hint: hint)
        assertRefused("name", "Example\nAS", shown: "Example\\u{a}AS", hint: hint)
        assertRefused("name", "Example\u{7F}", shown: "Example\\u{7f}", hint: hint)
        assertRefused("name", "   ", hint: hint)
    }

    func testNameOfTwoHundredAndOneCharactersIsRefused() {
        assertRefused(
            "name", String(repeating: "n", count: 201), shown: String(repeating: "n", count: 60) + "…",
            hint: "name must be 1-200 characters, without leading or trailing whitespace")
    }

    func testNameWithARightToLeftOverrideIsStoredAsGiven() throws {
        try assertAccepted("name", ["Example \u{202E}SA"])
        assertRun(cli.run("settings show T12345678 name"), status: 0, stdout: "Example \u{202E}SA\n")
    }

    func testLogoURLAcceptsHTTPSAndHTTP() throws {
        try assertAccepted("logo_url", ["https://example.com/logo.png", "http://cdn.example.com:8080/l.svg?v=2"])
    }

    func testLogoURLRefusesOtherSchemesAndRelativeURLs() {
        let hint = "logo_url must be an absolute https:// or http:// URL"
        for value in [
            "", "logo.png", "/logo.png", "//example.com/logo.png", "ftp://example.com/logo.png", "https://",
            "https://:443/logo.png",
        ] {
            assertRefused("logo_url", value, hint: hint)
        }
    }

    func testWebsiteAcceptsHTTPSAndHTTP() throws {
        try assertAccepted("website", ["https://example.com", "http://example.com/no/"])
    }

    func testWebsiteRefusesOtherSchemesAndBareHosts() {
        let hint = "website must be an absolute https:// or http:// URL"
        for value in ["example.com", "www.example.com", "javascript:alert(1)", "https://exa mple.com"] {
            assertRefused("website", value, hint: hint)
        }
    }

    func testEmailAcceptsAnAddress() throws {
        try assertAccepted("email", ["ops@example.com", "first.last+tag@mail.example.no"])
    }

    func testEmailRefusesNonAddresses() {
        for value in [
            "", "ops", "ops@example", "@example.com", "ops@@example.com", "ops@example..com", "o ps@example.com",
        ] {
            assertRefused("email", value, hint: "email must be an email address")
        }
    }

    func testPhoneNumberAcceptsE164() throws {
        try assertAccepted("phone_number", ["+4722000000", "+1234567", "+123456789012345"])
    }

    func testPhoneNumberRefusesOtherShapes() {
        for value in ["", "22000000", "4722000000", "+47 22 00 00 00", "+0722000000", "+123456", "+1234567890123456"] {
            assertRefused("phone_number", value, hint: "phone_number must be an E.164 number, e.g. +4722000000")
        }
    }

    func testCountryAcceptsRealUpperCaseCodes() throws {
        try assertAccepted("country", ["NO", "SE", "GB", "AX"])
    }

    func testCountryRefusesLowerCaseUnknownAndReservedCodes() {
        for value in ["", "no", "No", "XX", "UK", "EU", "NOR", "N"] {
            assertRefused("country", value, hint: "country must be an ISO 3166-1 alpha-2 code in upper case, e.g. NO")
        }
    }

    func testMerchantCategoryCodeAcceptsFourDigits() throws {
        try assertAccepted("merchant_category_code", ["5411", "0742"])
    }

    func testMerchantCategoryCodeRefusesOtherShapes() {
        for value in ["", "541", "54111", "54a1", "５４１１"] {
            assertRefused("merchant_category_code", value, hint: "merchant_category_code must be 4 digits")
        }
    }

    func testPlatformTypeAcceptsAggregatorAndMarketplace() throws {
        try assertAccepted("platform_type", ["aggregator", "marketplace"])
    }

    func testPlatformTypeRefusesAnythingElse() {
        for value in ["", "Aggregator", "MARKETPLACE", "psp"] {
            assertRefused("platform_type", value, hint: "platform_type must be aggregator or marketplace")
        }
    }

    func testAddressFieldsAcceptTextUpToTwoHundredCharacters() throws {
        for key in ["address_line", "address_line_2", "postal_code", "postal_place"] {
            try assertAccepted(key, ["Karl Johans gate 1", "0154", String(repeating: "a", count: 200)])
        }
    }

    func testAddressFieldsRefuseEmptyTooLongAndControlCharacters() {
        for key in ["address_line", "address_line_2", "postal_code", "postal_place"] {
            let hint = "\(key) must be text of at most 200 characters, without leading or trailing whitespace"
            assertRefused(key, "", hint: hint)
            assertRefused(
                key, String(repeating: "a", count: 201), shown: String(repeating: "a", count: 60) + "…", hint: hint)
            assertRefused(key, "Street\t1", shown: "Street\\u{9}1", hint: hint)
        }
    }

    func testBooleansAcceptTrueAndFalse() throws {
        try assertAccepted("checkout_express", ["true", "false"])
        try assertAccepted("session_customer_email", ["true", "false"])
    }

    func testBooleansRefuseOtherSpellings() {
        for key in ["checkout_express", "session_customer_email"] {
            for value in ["", "True", "yes", "1", "on"] {
                assertRefused(key, value, hint: "\(key) must be true or false")
            }
        }
    }

    // MARK: set, several pairs

    func testSeveralPairsAreWrittenTogether() throws {
        assertRun(
            cli.run(["settings", "set", "T12345678", "name=Example AS", "country=NO", "checkout_express=true"]),
            status: 0,
            stderr: """
                + settings T12345678 checkout_express: 'true'
                + settings T12345678 country: 'NO'
                ~ settings T12345678 name: 'Example' → 'Example AS'

                """)
        XCTAssertEqual(
            try cli.rows("SELECT key, value FROM setting ORDER BY key"),
            [["checkout_express", "true"], ["country", "NO"], ["name", "Example AS"]])
    }

    func testOneInvalidPairWritesNothing() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings set T12345678 name=Other country=no email=ops@example.com"), status: 3,
            stderr: """
                error: invalid value 'no' for setting 'country'
                hint: country must be an ISO 3166-1 alpha-2 code in upper case, e.g. NO

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testOneUnknownKeyAmongPairsWritesNothing() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings set T12345678 name=Other webiste=https://example.com"), status: 3,
            stderr: """
                error: unknown setting 'webiste'
                hint: did you mean 'website'?
                hint: settings are: \(Self.keyList)

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAKeyGivenTwiceIsRefused() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings set T12345678 name=One country=NO name=Two"), status: 3,
            stderr: "error: 'name' is given twice\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAWordWithoutAnEqualsSignIsAUsageError() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings set T12345678 country=NO name"), status: 2,
            stderr: "error: expected key=value, got 'name'\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testSetNeedsAPair() {
        assertRun(
            cli.run("settings set T12345678"), status: 2,
            stderr: """
                error: 'settings set' needs <key=value>…
                hint: usage: checkout-admin settings set <account> <key=value>…

                """)
    }

    func testValueKeepsEverythingAfterTheFirstEqualsSign() throws {
        assertRun(
            cli.run(["settings", "set", "T12345678", "name=a=b", "website=https://example.com/?a=1&b=2"]), status: 0,
            stderr: """
                ~ settings T12345678 name: 'Example' → 'a=b'
                + settings T12345678 website: 'https://example.com/?a=1&b=2'

                """)
        XCTAssertEqual(
            try cli.rows("SELECT key, value FROM setting ORDER BY key"),
            [["name", "a=b"], ["website", "https://example.com/?a=1&b=2"]])
    }

    func testSettingTheSameValuesAgainChangesNothing() throws {
        cli.succeed("settings set T12345678 country=NO")
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings set T12345678 country=NO name=Example"), status: 0,
            stderr: "no changes: the settings already have these values\n")
        XCTAssertEqual(cli.storeBytes(), before)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history WHERE object_id = 'country'"), [["1"]])
    }

    func testSettingTheSameValueAsJSONReportsNoChanges() {
        assertRun(
            cli.run("settings set T12345678 name=Example --json"), status: 0,
            stdout: """
                {
                  "changes": [],
                  "findings": [],
                  "format_version": "1",
                  "summary": {
                    "add": 0,
                    "change": 0,
                    "remove": 0
                  }
                }

                """)
    }

    func testSetAsJSONPrintsTheChanges() {
        assertRun(
            cli.run("settings set T12345678 name=Other checkout_express=true --json"), status: 0,
            stdout: """
                {
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "add",
                      "after": true,
                      "before": null,
                      "id": "checkout_express",
                      "kind": "settings"
                    },
                    {
                      "account": "T12345678",
                      "action": "change",
                      "after": "Other",
                      "before": "Example",
                      "id": "name",
                      "kind": "settings"
                    }
                  ],
                  "findings": [],
                  "format_version": "1",
                  "summary": {
                    "add": 1,
                    "change": 1,
                    "remove": 0
                  }
                }

                """)
    }

    func testSetOnAMissingAccountIsNotFound() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings set T87654321 name=Other"), status: 3,
            stderr:
                "error: account 'T87654321' not found\nhint: create it with 'checkout-admin account add T87654321'\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    /// a failing command changes nothing, and the store is created on the first write.
    func testSetOnAMissingStoreForAMissingAccountCreatesNothing() {
        let path = "\(cli.directory)/new/store.sqlite"
        assertRun(
            cli.run(["settings", "set", "T12345678", "name=Other", "--store", path]), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
        XCTAssertFalse(StoreTestSupport.exists("\(cli.directory)/new"))
    }

    func testSQLInjectionInAValueIsStoredLiterally() throws {
        let value = "Robert'); DROP TABLE account;--"
        assertRun(
            cli.run(["settings", "set", "T12345678", "name=\(value)", "postal_place=x' OR '1'='1"]), status: 0,
            stderr: """
                ~ settings T12345678 name: 'Example' → '\(value)'
                + settings T12345678 postal_place: 'x' OR '1'='1'

                """)
        XCTAssertEqual(
            try cli.rows("SELECT key, value FROM setting ORDER BY key"),
            [["name", value], ["postal_place", "x' OR '1'='1"]])
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["T12345678"]])
        assertRun(cli.run("settings show T12345678 name"), status: 0, stdout: value + "\n")
    }

    // MARK: unset

    func testUnsetRemovesTheSettings() throws {
        cli.succeed("settings set T12345678 country=NO email=ops@example.com")
        assertRun(
            cli.run("settings unset T12345678 email country"), status: 0,
            stderr: "- settings T12345678 country\n- settings T12345678 email\n")
        XCTAssertEqual(try cli.rows("SELECT key FROM setting"), [["name"]])
    }

    func testUnsettingWhatIsNotSetChangesNothing() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings unset T12345678 email"), status: 0, stderr: "no changes: those settings are not set\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testUnsettingAnUnknownKeyWritesNothing() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings unset T12345678 name emial"), status: 3,
            stderr: """
                error: unknown setting 'emial'
                hint: did you mean 'email'?
                hint: settings are: \(Self.keyList)

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testUnsetOnAMissingAccountIsNotFound() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings unset T87654321 name"), status: 3,
            stderr:
                "error: account 'T87654321' not found\nhint: create it with 'checkout-admin account add T87654321'\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testUnsetAsJSONPrintsTheRemoval() {
        assertRun(
            cli.run("settings unset T12345678 name --json"), status: 0,
            stdout: """
                {
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "remove",
                      "after": null,
                      "before": "Example",
                      "id": "name",
                      "kind": "settings"
                    }
                  ],
                  "findings": [],
                  "format_version": "1",
                  "summary": {
                    "add": 0,
                    "change": 0,
                    "remove": 1
                  }
                }

                """)
    }

    // MARK: history

    func testSetWritesAHistoryRowPerChangeWithActorCommandAndBeforeAndAfter() throws {
        XCTAssertEqual(cli.run(["settings", "set", "T12345678", "name=Example AS", "checkout_express=true"]).status, 0)
        XCTAssertEqual(
            try historyRows(after: 2),
            [
                [
                    "tester", "checkout-admin settings set T12345678 'name=Example AS' checkout_express=true",
                    "T12345678", "add", "settings",
                    "checkout_express", "NULL", "true",
                ],
                [
                    "tester", "checkout-admin settings set T12345678 'name=Example AS' checkout_express=true",
                    "T12345678", "change", "settings",
                    "name", #""Example""#, #""Example AS""#,
                ],
            ])
    }

    func testHistoryRowsOfOneCommandShareOneTime() throws {
        cli.succeed("settings set T12345678 country=NO email=ops@example.com website=https://example.com")
        XCTAssertEqual(try cli.rows("SELECT count(*), count(DISTINCT at) FROM history WHERE seq > 2"), [["3", "1"]])
    }

    func testUnsetWritesAHistoryRowWithTheValueBefore() throws {
        cli.succeed("settings set T12345678 country=NO")
        cli.succeed("settings unset T12345678 country")
        XCTAssertEqual(
            try historyRows(after: 3),
            [
                [
                    "tester", "checkout-admin settings unset T12345678 country", "T12345678", "remove", "settings",
                    "country", #""NO""#, "NULL",
                ]
            ])
    }

    func testActorComesFromTheOptionBeforeTheEnvironment() throws {
        cli.succeed("settings set T12345678 country=NO --actor ops-alice")
        XCTAssertEqual(try cli.rows("SELECT actor FROM history ORDER BY seq DESC LIMIT 1"), [["ops-alice"]])
    }

    func testRefusedSetWritesNoHistory() throws {
        XCTAssertEqual(cli.run("settings set T12345678 name=Other country=XX").status, 3)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history"), [["2"]])
    }

    func testStoreRefusesToUpdateHistory() throws {
        let database = try cli.database()
        XCTAssertThrowsError(try database.execute("UPDATE history_write SET actor = 'mallory'")) { error in
            XCTAssertEqual((error as? SQLiteError)?.message, "history is append-only")
        }
        XCTAssertEqual(try cli.rows("SELECT DISTINCT actor FROM history"), [["tester"]])
    }

    func testStoreRefusesToDeleteHistory() throws {
        let database = try cli.database()
        XCTAssertThrowsError(try database.execute("DELETE FROM history_changes WHERE position = 0")) { error in
            XCTAssertEqual((error as? SQLiteError)?.message, "history is append-only")
        }
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history"), [["2"]])
    }

    // MARK: Helpers

    private static let keyList =
        "name, logo_url, website, email, phone_number, country, merchant_category_code, platform_type, "
        + "address_line, address_line_2, postal_code, postal_place, checkout_express, session_customer_email"

    /// Sets each value in turn and checks it is reported and stored as given.
    private func assertAccepted(_ key: String, _ values: [String], file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        for value in values {
            let result = cli.run(["settings", "set", "T12345678", "\(key)=\(value)"])
            XCTAssertEqual(result.status, 0, "\(key)=\(value): \(result.stderr)", file: file, line: line)
            XCTAssertEqual(
                try cli.rows("SELECT value FROM setting WHERE account_id = 'T12345678' AND key = '\(key)'"), [[value]],
                file: file, line: line)
        }
    }

    /// Checks `key=value` is refused with exit 3 and the exact error, and the store is byte-identical.
    private func assertRefused(
        _ key: String, _ value: String, shown: String? = nil, hint: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let before = cli.storeBytes()
        let result = cli.run(["settings", "set", "T12345678", "\(key)=\(value)"])
        XCTAssertEqual(
            result,
            RunResult(
                status: 3, stdout: "",
                stderr: """
                    error: invalid value '\(shown ?? value)' for setting '\(key)'
                    hint: \(hint)

                    """), "\(key)=\(value.debugDescription)", file: file, line: line)
        XCTAssertEqual(
            cli.storeBytes(), before, "\(key)=\(value.debugDescription) changed the store", file: file, line: line)
    }

    /// History rows after the first `count`, oldest first, without their time.
    private func historyRows(after count: Int) throws -> [[String]] {
        try cli.rows(
            "SELECT actor, command, account_id, action, kind, object_id, before, after FROM history WHERE seq > \(count) ORDER BY seq"
        )
    }
}
