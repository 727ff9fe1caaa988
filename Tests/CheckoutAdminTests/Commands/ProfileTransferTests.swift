import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Tests/CheckoutAdminTests/Fixtures/profiles, found from this file so the test needs no bundle.
private let profileFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/profiles")

/// `profile export`, `profile import` and `account export`.
final class ProfileTransferTests: CLITestCase {
    /// The account the API-response fixture fits: cards with Click to Pay, Vipps and Bambora cards.
    private func makeFixtureAccount() {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero_psp.clicktopay")
        cli.succeed("method enable T12345678 vipps")
        cli.succeed("method enable T12345678 bambora.creditcard")
    }

    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: profileFixtures.appendingPathComponent(name))
    }

    /// Writes raw bytes (which need not be UTF-8) to a file in the test folder.
    private func rawFile(_ name: String, _ bytes: [UInt8]) -> String {
        let path = "\(cli.directory)/\(name)"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    private func assertRefused(
        _ arguments: [String], stdin: String = "", stderr: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let before = cli.storeBytes()
        assertRun(cli.run(arguments, stdin: stdin), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(
            cli.storeBytes(), before, "a refused command leaves the store byte-identical", file: file, line: line)
    }

    // MARK: round trip through Dintero's API shape

    func testImportOfAnAPIResponseExportsExactlyTheGoldenFile() throws {
        makeFixtureAccount()
        let response = profileFixtures.appendingPathComponent("api-response.json").path
        assertRun(
            cli.run(["profile", "import", "T12345678", response]), status: 0,
            stderr: """
                + profile T12345678 T12345678.46dP6T4F1mUXYPeYKYc5Gj: offers dintero_psp.clicktopay, dintero_psp.creditcard, vipps; default dintero_psp.creditcard
                + profile T12345678 store-oslo: offers all active methods, bambora.creditcard; channel in_store; auto capture

                """)
        let export = cli.run("profile export T12345678")
        XCTAssertEqual(export.status, 0, export.stderr)
        let golden = try fixture("api-response.exported.json")
        XCTAssertEqual(export.stdout, String(decoding: golden, as: UTF8.self))
    }

    func testExportOfAnImportedExportImportsAndExportsTheSameBytes() throws {
        makeFixtureAccount()
        cli.succeed("profile import T12345678 \(profileFixtures.appendingPathComponent("api-response.json").path)")
        let first = cli.run("profile export T12345678").stdout
        cli.succeed("account add T87654321")
        cli.succeed("settings set T87654321 name=Example logo_url=https://example.com/logo.png")
        cli.succeed("method enable T87654321 dintero_psp.creditcard --currency NOK")
        cli.succeed("method enable T87654321 dintero_psp.clicktopay")
        cli.succeed("method enable T87654321 vipps")
        cli.succeed("method enable T87654321 bambora.creditcard")
        assertRun(
            cli.run(["profile", "import", "T87654321", "-"], stdin: first), status: 0,
            stderr: """
                + profile T87654321 T12345678.46dP6T4F1mUXYPeYKYc5Gj: offers dintero_psp.clicktopay, dintero_psp.creditcard, vipps; default dintero_psp.creditcard
                + profile T87654321 store-oslo: offers all active methods, bambora.creditcard; channel in_store; auto capture

                """)
        XCTAssertEqual(cli.run("profile export T87654321").stdout, first)
    }

    func testImportKeepsPassThroughFieldsAndPerProductOptionsUnchanged() throws {
        makeFixtureAccount()
        cli.succeed("profile import T12345678 \(profileFixtures.appendingPathComponent("api-response.json").path)")
        XCTAssertEqual(
            try cli.rows("SELECT type, options, enabled FROM profile_method WHERE profile_id LIKE 'T1%' ORDER BY type"),
            [
                ["dintero_psp.applepay", #"{"payability":"disabled_by_gateway","type":"payment_product_type"}"#, "0"],
                [
                    "dintero_psp.clicktopay",
                    #"{"payability":"payable","sca_policy":"always","type":"payment_product_type"}"#,
                    "1",
                ],
                [
                    "dintero_psp.creditcard",
                    #"{"generate_payment_token":true,"payability":"payable","type":"payment_product_type"}"#, "1",
                ],
                ["payex.creditcard", #"{"payability":"disabled_by_gateway"}"#, "0"],
                ["vipps", #"{"dynamic_descriptor":"Example AS","payability":"payable","type":"payment_type"}"#, "1"],
            ])
        XCTAssertEqual(
            try cli.rows(
                "SELECT extra_configuration, extra_fields, merchant_terms_url FROM profile WHERE profile_id LIKE 'T1%'"),
            [
                [
                    #"{"allow_different_billing_shipping_address":["b2c"],"countries":{"allow_countries":["NO","SE"],"preferred_country":"NO"},"#
                        + #""default_customer_type":"b2c","dintero_psp":{"type":"payment_type"},"experimental_flag":{"rollout":0.25},"#
                        + #""payex":{"dynamic_descriptor":"EXAMPLE WEB","type":"payment_type"},"#
                        + ##""theme":{"backdrop":"#ffffff","primary":"#003366"}}"##,
                    #"{"metadata":{"team":"web"}}"#,
                    "https://example.com/terms",
                ]
            ])
    }

    // MARK: import

    func testImportOfOneProfileObjectCreatesIt() throws {
        makeCardAccount()
        let path = cli.file(
            "web.json",
            """
            {"profile_id": "web", "description": "Web shop", "url": {"merchant_terms_url": "https://example.com/terms"},
             "configuration": {"auto_capture": true, "channel": "in_app", "default_payment_type": "dintero_psp.creditcard",
                               "dintero_psp": {"creditcard": {"enabled": true}}}}
            """)
        assertRun(
            cli.run(["profile", "import", "T12345678", path]), status: 0,
            stderr:
                "+ profile T12345678 web: offers dintero_psp.creditcard; default dintero_psp.creditcard; channel in_app; auto capture\n"
        )
        XCTAssertEqual(
            try cli.rows(
                "SELECT profile_id, description, channel, auto_capture, all_active, default_payment_type, merchant_terms_url FROM profile"
            ),
            [["web", "Web shop", "in_app", "1", "0", "dintero_psp.creditcard", "https://example.com/terms"]])
    }

    func testImportDropsTheEnvelopeAndKeepsTypeDiscriminators() throws {
        makeCardAccount()
        let path = cli.file(
            "web.json",
            """
            {"id": "4f1c2d8e", "created_at": "2024-03-01T10:15:30Z", "created_by": "someone", "updated_at": "2024-03-02T10:15:30Z",
             "deleted_at": null, "deleted_by": null, "profile_id": "web",
             "configuration": {"dintero_psp": {"type": "payment_type",
                                               "creditcard": {"type": "payment_product_type", "enabled": true, "payability": "payable"}}}}
            """)
        cli.succeed("profile import T12345678 \(path)")
        XCTAssertEqual(
            try cli.rows("SELECT extra_fields, extra_configuration FROM profile"),
            [["{}", #"{"dintero_psp":{"type":"payment_type"}}"#]])
        XCTAssertEqual(
            try cli.rows("SELECT type, options FROM profile_method"),
            [
                ["dintero_psp.creditcard", #"{"payability":"payable","type":"payment_product_type"}"#]
            ])
    }

    func testImportDoesNotOfferProductsThatAreNotEnabled() throws {
        makeCardAccount()
        let path = cli.file(
            "web.json",
            """
            {"profile_id": "web", "configuration": {"vipps": {"enabled": false}, "klarna": {"klarna": {"enabled": false}},
             "dintero_psp": {"creditcard": {"enabled": true}, "applepay": {"enabled": false, "payability": "disabled_by_gateway"}, "googlepay": {}}}}
            """)
        assertRun(
            cli.run(["profile", "import", "T12345678", path]), status: 0,
            stderr: "+ profile T12345678 web: offers dintero_psp.creditcard\n")
        XCTAssertEqual(try cli.rows("SELECT type FROM profile_method WHERE enabled = 1"), [["dintero_psp.creditcard"]])
    }

    func testImportFromStdin() throws {
        makeCardAccount()
        assertRun(
            cli.run(
                ["profile", "import", "T12345678", "-"],
                stdin: #"[{"profile_id": "a", "configuration": {"active_payment_types": {"enabled": true}}}]"#),
            status: 0, stderr: "+ profile T12345678 a: offers all active methods\n")
        XCTAssertEqual(try cli.rows("SELECT profile_id, all_active FROM profile"), [["a", "1"]])
    }

    func testImportWithOneBadProfileInAnArrayWritesNothing() {
        makeCardAccount()
        let path = cli.file(
            "two.json",
            """
            [{"profile_id": "good", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}},
             {"profile_id": "bad", "configuration": {"dintero_psp": {"creditcard": {"enabled": "yes"}}}}]
            """)
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr:
                "error: invalid profile at '$[1].configuration.dintero_psp.creditcard.enabled': expected true or false, found string \"yes\"\n"
        )
    }

    func testImportWithOneProfileBreakingARuleWritesNothing() {
        makeCardAccount()
        let path = cli.file(
            "two.json",
            """
            [{"profile_id": "good", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}},
             {"profile_id": "klarna", "configuration": {"klarna": {"klarna": {"enabled": true}}}}]
            """)
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: """
                error: refused: profile 'klarna' offers 'klarna.klarna' but account 'T12345678' has not enabled it (method-not-on-account)
                hint: checkout-admin method enable T12345678 klarna.klarna

                """)
    }

    func testImportOfAnExistingProfileIsRefusedAsAlreadyExists() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let path = cli.file(
            "web.json",
            """
            [{"profile_id": "new", "configuration": {"active_payment_types": {"enabled": true}}},
             {"profile_id": "web", "configuration": {"active_payment_types": {"enabled": true}}}]
            """)
        assertRefused(
            ["profile", "import", "T12345678", path, "--json"],
            stderr:
                #"{"error":{"code":"already_exists","exit_code":3,"hint":"pass --replace to replace existing profiles","message":"profile 'web' already exists on account 'T12345678'"}}"#
                + "\n")
    }

    func testImportWithReplaceReplacesExistingProfiles() throws {
        makeCardAccount()
        cli.succeed(
            "profile add T12345678 web --method dintero_psp.creditcard --default dintero_psp.creditcard --auto-capture")
        let path = cli.file(
            "web.json", #"{"profile_id": "web", "configuration": {"active_payment_types": {"enabled": true}}}"#)
        assertRun(
            cli.run(["profile", "import", "T12345678", path, "--replace"]), status: 0,
            stderr: """
                ~ profile T12345678 web: offers dintero_psp.creditcard; default dintero_psp.creditcard; auto capture → offers all active methods

                """)
        XCTAssertEqual(
            try cli.rows("SELECT all_active, auto_capture, default_payment_type FROM profile"), [["1", "0", "NULL"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile_method"), [["0"]])
    }

    func testImportWithReplaceOfIdenticalProfilesChangesNothing() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let path = cli.file("web.json", cli.run("profile export T12345678 web").stdout)
        let before = cli.storeBytes()
        assertRun(
            cli.run(["profile", "import", "T12345678", path, "--replace"]), status: 0,
            stderr: "no changes: the profiles are already as in '\(path)'\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testImportOfTheSameProfileIdTwiceIsRefused() {
        makeCardAccount()
        let path = cli.file(
            "twice.json",
            """
            [{"profile_id": "web", "configuration": {"active_payment_types": {"enabled": true}}},
             {"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}]
            """)
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: "error: profile 'web' appears twice in '\(path)' (at $[0] and $[1])\n")
    }

    func testImportOfAProfileWithoutConfigurationIsRefused() {
        makeCardAccount()
        let path = cli.file("web.json", #"[{"profile_id": "web", "description": "no configuration"}]"#)
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: "error: invalid profile at '$[0]': 'configuration' is missing\n")
    }

    func testImportOfAProfileWithoutProfileIdIsRefused() {
        makeCardAccount()
        let path = cli.file("web.json", #"{"id": "4f1c2d8e", "configuration": {}}"#)
        assertRefused(
            ["profile", "import", "T12345678", path], stderr: "error: invalid profile at '$': 'profile_id' is missing\n"
        )
    }

    func testImportOfADocumentThatIsNeitherObjectNorArrayIsRefused() {
        makeCardAccount()
        let path = cli.file("web.json", #""web""#)
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: "error: '\(path)' holds string, expected a profile object or an array of them\n")
    }

    func testImportOfAnUnknownProductNamesItsPath() {
        makeCardAccount()
        let path = cli.file(
            "web.json",
            #"{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}, "paypal": {"enabled": true}}}}"#
        )
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: """
                error: unknown payment type 'dintero_psp.paypal' at '$.configuration.dintero_psp.paypal'
                hint: see 'checkout-admin method types' for the catalogue

                """)
    }

    func testImportOfAMissingFileIsRefused() {
        makeCardAccount()
        let path = "\(cli.directory)/missing.json"
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: "error: cannot read '\(path)': No such file or directory\n")
    }

    func testImportIntoAMissingAccountIsNotFound() {
        let path = cli.file(
            "web.json", #"{"profile_id": "web", "configuration": {"active_payment_types": {"enabled": true}}}"#)
        assertRun(
            cli.run(["profile", "import", "T12345678", path]), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    // MARK: import of broken JSON: exit 3 with where it failed

    func testImportOfMalformedJSONNamesLineColumnAndPath() {
        makeCardAccount()
        let path = cli.file(
            "bad.json", "{\"profile_id\": \"web\",\n \"configuration\": {\"vipps\": {\"enabled\": true,}}}")
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr:
                "error: invalid JSON in '\(path)': trailing comma before '}' at line 2, column 45 ($.configuration.vipps)\n"
        )
    }

    func testImportOfMalformedJSONIsInvalidValueInJSON() {
        makeCardAccount()
        let path = cli.file("bad.json", "[{\"profile_id\": 'web'}]")
        assertRefused(
            ["profile", "import", "T12345678", path, "--json"],
            stderr: #"{"error":{"code":"invalid_value","exit_code":3,"hint":null,"message":"invalid JSON in '"#
                + path + #"': unexpected character \"'\" at line 1, column 17 ($[0].profile_id)"}}"# + "\n")
    }

    func testImportOfTruncatedJSONNamesWhereItEnded() {
        makeCardAccount()
        let path = cli.file(
            "cut.json", "[\n  {\"profile_id\": \"web\",\n   \"configuration\": {\"vipps\": {\"enabled\": tr")
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr:
                "error: invalid JSON in '\(path)': unexpected end of input at line 3, column 45 ($[0].configuration.vipps.enabled)\n"
        )
    }

    func testImportOfTruncatedJSONFromStdinNamesStdin() {
        makeCardAccount()
        assertRefused(
            ["profile", "import", "T12345678", "-"], stdin: #"{"profile_id": "web", "configuration": {}"#,
            stderr: "error: invalid JSON in '<stdin>': unexpected end of input at line 1, column 42 ($)\n")
    }

    func testImportOfAHundredThousandLevelsOfNestingIsRefused() {
        makeCardAccount()
        let depth = 100_000
        let path = cli.file("deep.json", String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let where64 = "$" + String(repeating: "[0]", count: 64)
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr:
                "error: invalid JSON in '\(path)': nesting deeper than 64 levels at line 1, column 65 (\(where64))\n")
    }

    func testImportOfDeepNestingInsideAProfileNamesThePath() {
        makeCardAccount()
        let depth = 100_000
        let path = cli.file(
            "deep.json",
            #"{"profile_id": "web", "configuration": {"theme": "# + String(repeating: "{\"a\":", count: depth)
                + "1" + String(repeating: "}", count: depth) + "}}")
        let result = cli.run(["profile", "import", "T12345678", path])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(
            result.stderr.hasPrefix(
                "error: invalid JSON in '\(path)': nesting deeper than 64 levels at line 1, column "), result.stderr)
        XCTAssertTrue(
            result.stderr.hasSuffix(" ($.configuration.theme" + String(repeating: ".a", count: 62) + ")\n"),
            result.stderr)
    }

    func testImportOfNonUTF8InputIsRefused() {
        makeCardAccount()
        let path = rawFile(
            "latin1.json", Array(#"{"profile_id": "caf"#.utf8) + [0xE9] + Array(#"", "configuration": {}}"#.utf8))
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: "error: invalid JSON in '\(path)': invalid UTF-8 at line 1, column 20 ($.profile_id)\n")
    }

    func testImportOfDuplicateKeysIsRefused() {
        makeCardAccount()
        let path = cli.file(
            "dup.json",
            """
            {"profile_id": "web",
             "configuration": {"vipps": {"enabled": true}, "vipps": {"enabled": false}}}
            """)
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr:
                "error: invalid JSON in '\(path)': duplicate key 'vipps' at line 2, column 48 ($.configuration.vipps)\n"
        )
    }

    func testImportOfAnEmptyFileIsRefused() {
        makeCardAccount()
        let path = cli.file("empty.json", "")
        assertRefused(
            ["profile", "import", "T12345678", path],
            stderr: "error: invalid JSON in '\(path)': unexpected end of input at line 1, column 1 ($)\n")
    }

    // MARK: export

    func testExportOfOneProfileIsASortedTwoSpaceIndentedObjectWithATrailingNewline() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps")
        cli.succeed("method enable T12345678 dintero_psp.clicktopay")
        cli.run([
            "profile", "add", "T12345678", "web", "--description", "Norwegian web shop", "--method", "vipps",
            "--method", "dintero_psp.creditcard",
            "--method", "dintero_psp.clicktopay", "--default", "dintero_psp.creditcard", "-q",
        ])
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
                      "clicktopay": {
                        "enabled": true,
                        "generate_payment_token": false
                      },
                      "creditcard": {
                        "enabled": true,
                        "generate_payment_token": false
                      }
                    },
                    "vipps": {
                      "enabled": true
                    }
                  },
                  "description": "Norwegian web shop",
                  "profile_id": "web"
                }

                """)
    }

    func testExportingTheSameStateTwiceIsByteIdentical() {
        makeFixtureAccount()
        cli.succeed("profile import T12345678 \(profileFixtures.appendingPathComponent("api-response.json").path)")
        cli.succeed("profile add T12345678 app --method vipps --channel in_app")
        let first = cli.run("profile export T12345678")
        let second = cli.run("profile export T12345678")
        XCTAssertEqual(first.status, 0)
        XCTAssertFalse(first.stdout.isEmpty)
        XCTAssertEqual(Array(first.stdout.utf8), Array(second.stdout.utf8))
    }

    func testExportDoesNotDependOnTheOrderThingsWereAdded() {
        for account in ["T11111111", "T22222222"] {
            cli.succeed("account add \(account)")
        }
        cli.succeed("method enable T11111111 dintero_psp.creditcard --currency NOK")
        cli.succeed("method enable T11111111 vipps --currency NOK")
        cli.succeed("method enable T11111111 bambora.creditcard --currency NOK")
        cli.succeed(
            "profile add T11111111 b --method vipps --method bambora.creditcard --method dintero_psp.creditcard")
        cli.succeed("profile add T11111111 a --all-active")
        cli.succeed("method enable T22222222 bambora.creditcard --currency NOK")
        cli.succeed("method enable T22222222 vipps --currency NOK")
        cli.succeed("method enable T22222222 dintero_psp.creditcard --currency NOK")
        cli.succeed("profile add T22222222 a --all-active")
        cli.succeed("profile add T22222222 b --method dintero_psp.creditcard")
        cli.succeed("profile add-method T22222222 b bambora.creditcard vipps")
        let first = cli.run("profile export T11111111").stdout
        XCTAssertTrue(first.hasPrefix("[\n  {\n    \"configuration\""), first)
        XCTAssertEqual(first, cli.run("profile export T22222222").stdout)
    }

    func testExportWithoutNamesIsAnArraySortedByProfileId() {
        makeCardAccount()
        for id in ["web", "App", "3", "app"] { cli.succeed("profile add T12345678 \(id) --all-active") }
        let ids = cli.run("profile export T12345678").stdout.split(separator: "\n").filter {
            $0.contains("\"profile_id\"")
        }
        XCTAssertEqual(
            ids,
            [
                #"    "profile_id": "3""#, #"    "profile_id": "App""#, #"    "profile_id": "app""#,
                #"    "profile_id": "web""#,
            ])
    }

    func testExportOfSeveralNamedProfilesIsAnArray() {
        makeCardAccount()
        cli.succeed("profile add T12345678 a --all-active")
        cli.succeed("profile add T12345678 b --all-active")
        cli.succeed("profile add T12345678 c --all-active")
        let all = cli.run("profile export T12345678 c a")
        XCTAssertEqual(all.status, 0)
        XCTAssertEqual(
            all.stdout,
            """
            [
              {
                "configuration": {
                  "active_payment_types": {
                    "enabled": true
                  },
                  "auto_capture": false
                },
                "profile_id": "a"
              },
              {
                "configuration": {
                  "active_payment_types": {
                    "enabled": true
                  },
                  "auto_capture": false
                },
                "profile_id": "c"
              }
            ]

            """)
    }

    func testExportOfAnAccountWithoutProfilesIsAnEmptyArray() {
        cli.succeed("account add T12345678")
        assertRun(cli.run("profile export T12345678"), status: 0, stdout: "[]\n")
    }

    func testExportContainsOnlyTheTypesTheProfileOffers() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps")
        cli.succeed("method enable T12345678 bambora.creditcard")
        cli.succeed("profile add T12345678 web --method bambora.creditcard")
        let text = cli.run("profile export T12345678 web").stdout
        XCTAssertTrue(text.contains("\"bambora\""), text)
        XCTAssertFalse(text.contains("vipps"), text)
        XCTAssertFalse(text.contains("dintero_psp"), text)
        XCTAssertFalse(text.contains("\"enabled\": false\n      }\n    }"), "no product is exported as disabled")
    }

    func testChannelIsExportedOnlyWhenItIsNotEcommerce() throws {
        makeCardAccount()
        for channel in ["ecommerce", "in_app", "in_store"] {
            cli.succeed("profile add T12345678 \(channel) --all-active --channel \(channel)")
        }
        let document = try JSONValue(parsing: cli.run("profile export T12345678").stdout)
        let channels = try XCTUnwrap(document.arrayValue).map { $0["configuration"]?["channel"] }
        XCTAssertEqual(channels, [nil, .string("in_app"), .string("in_store")])
    }

    func testExportNeverContainsReadOnlyFieldsEvenFromARawStoreEdit() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let database = try cli.database()
        try database.execute(
            #"UPDATE profile SET extra_fields = '{"id":"x","created_at":"2024-01-01T00:00:00Z","created_by":"y","updated_at":"2024-01-01T00:00:00Z","deleted_at":null,"deleted_by":null,"metadata":{"k":"v"}}'"#
        )
        try database.execute(
            #"UPDATE profile SET extra_configuration = '{"discounts":{"type":"discounts","order":{"enabled":true}},"publish":[{"channel":"sms","type":"checkout-link","id":"p1","status":"sent"}]}'"#
        )
        assertRun(
            cli.run("profile export T12345678 web"), status: 0,
            stdout: """
                {
                  "configuration": {
                    "active_payment_types": {
                      "enabled": false
                    },
                    "auto_capture": false,
                    "dintero_psp": {
                      "creditcard": {
                        "enabled": true,
                        "generate_payment_token": false
                      }
                    },
                    "discounts": {
                      "order": {
                        "enabled": true
                      }
                    },
                    "publish": [
                      {
                        "channel": "sms",
                        "type": "checkout-link"
                      }
                    ]
                  },
                  "metadata": {
                    "k": "v"
                  },
                  "profile_id": "web"
                }

                """)
    }

    func testExportToAFileWritesTheSameBytesWithModeSixHundred() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let path = "\(cli.directory)/web.json"
        assertRun(
            cli.run(["profile", "export", "T12345678", "web", "--output", path]), status: 0, stderr: "wrote '\(path)'\n"
        )
        XCTAssertEqual(
            try String(contentsOfFile: path, encoding: .utf8), cli.run("profile export T12345678 web").stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testExportOfAMisspelledProfileSuggestsTheClosestId() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRun(
            cli.run("profile export T12345678 webshop webshp"), status: 3,
            stderr: "error: profile 'webshp' not found on account 'T12345678'\nhint: did you mean 'webshop'?\n")
    }

    func testExportOfAMissingAccountIsNotFoundAndCreatesNothing() {
        assertRun(
            cli.run("profile export T12345678"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: account export

    func testAccountExportIsTheCheckoutConfigurationWithSortedOptionsAndCurrencies() {
        cli.run(["account", "add", "T12345678", "--name", "Example AS", "-q"])
        cli.run([
            "settings", "set", "T12345678", "logo_url=https://example.com/logo.png", "country=NO",
            "checkout_express=true",
            "session_customer_email=false", "email=post@example.com", "address_line=Gate 1", "-q",
        ])
        cli.succeed("method enable T12345678 vipps --currency SEK --currency NOK")
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency SEK --currency NOK --currency EUR")
        cli.succeed("method enable T12345678 bambora.creditcard --currency DKK")
        assertRun(
            cli.run("account export T12345678"), status: 0,
            stdout: """
                {
                  "configuration": {
                    "merchant": {
                      "address_line": "Gate 1",
                      "country": "NO",
                      "email": "post@example.com",
                      "logo_url": "https://example.com/logo.png",
                      "name": "Example AS"
                    },
                    "payment_options": [
                      {
                        "currencies": [
                          "DKK"
                        ],
                        "type": "bambora.creditcard"
                      },
                      {
                        "currencies": [
                          "EUR",
                          "NOK",
                          "SEK"
                        ],
                        "type": "dintero_psp.creditcard"
                      },
                      {
                        "currencies": [
                          "NOK",
                          "SEK"
                        ],
                        "type": "vipps"
                      }
                    ]
                  }
                }

                """)
    }

    func testAccountExportTwiceIsByteIdentical() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency SEK --currency NOK")
        let first = cli.run("account export T12345678")
        XCTAssertEqual(first.status, 0)
        XCTAssertEqual(Array(first.stdout.utf8), Array(cli.run("account export T12345678").stdout.utf8))
    }

    func testAccountExportOfAnAccountWithoutMethodsHasAnEmptyPaymentOptionsArray() {
        cli.succeed("account add T12345678 --name Example")
        cli.succeed("settings set T12345678 logo_url=https://example.com/logo.png")
        assertRun(
            cli.run("account export T12345678"), status: 0,
            stdout: """
                {
                  "configuration": {
                    "merchant": {
                      "logo_url": "https://example.com/logo.png",
                      "name": "Example"
                    },
                    "payment_options": []
                  }
                }

                """)
    }

    func testAccountExportToAFileWritesTheSameBytes() throws {
        makeCardAccount()
        let path = "\(cli.directory)/checkout.json"
        assertRun(
            cli.run(["account", "export", "T12345678", "--output", path]), status: 0, stderr: "wrote '\(path)'\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), cli.run("account export T12345678").stdout)
    }

    func testAccountExportOfAMissingAccountIsNotFound() {
        assertRun(
            cli.run("account export T12345678 --json"), status: 3,
            stderr:
                #"{"error":{"code":"not_found","exit_code":3,"hint":"create it with 'checkout-admin account add T12345678'","message":"account 'T12345678' not found"}}"#
                + "\n")
    }
}

final class PassThroughLimitTests: CLITestCase {
    func testImportOfAProfileWithMoreThan64KiBOfPassThroughFieldsIsRefused() {
        makeCardAccount()
        let theme = String(repeating: "x", count: 70_000)
        let file = cli.file(
            "big.json",
            #"{"profile_id": "web", "configuration": {"theme": {"css": "\#(theme)"}, "dintero_psp": {"creditcard": {"enabled": true}}}}"#
        )
        let before = cli.storeBytes()
        assertRun(
            cli.run(["profile", "import", "T12345678", file]), status: 3,
            stderr: "error: profile 'web' at '$' carries 70024 bytes of pass-through fields; at most 65536\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }
}

final class ProfileChangeLineTests: CLITestCase {
    func testChangingOnlyTheDescriptionNamesTheFieldInTheChangeLine() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRun(
            cli.run(["profile", "set", "T12345678", "web", "description=Web shop"]), status: 0,
            stderr: "~ profile T12345678 web: description (none) → 'Web shop'\n")
    }
}
