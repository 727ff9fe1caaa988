import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `dump`: the state document of the whole store or of named accounts.
final class DumpCommandTests: CLITestCase {
    private let cardAccountDocument = """
        {
          "accounts": [
            {
              "account_id": "T12345678",
              "payment_methods": [
                {
                  "currencies": [
                    "NOK"
                  ],
                  "type": "dintero_psp.creditcard"
                }
              ],
              "profiles": [],
              "settings": {
                "logo_url": "https://example.com/logo.png",
                "name": "Example"
              }
            }
          ],
          "format_version": "1"
        }

        """

    func testDumpOfAMissingStoreIsAnEmptyDocumentAndCreatesNoStore() {
        assertRun(
            cli.run("dump"), status: 0,
            stdout: """
                {
                  "accounts": [],
                  "format_version": "1"
                }

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testDumpWritesEveryAccountWithSettingsMethodsAndProfiles() {
        makeCardAccount()
        assertRun(cli.run("dump"), status: 0, stdout: cardAccountDocument)
    }

    func testDumpWritesProfilesInDinteroShape() {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed(
            "profile add T12345678 webshop --method dintero_psp.creditcard --default dintero_psp.creditcard --description Shop"
        )
        assertRun(
            cli.run("dump"), status: 0,
            stdout: """
                {
                  "accounts": [
                    {
                      "account_id": "T12345678",
                      "payment_methods": [
                        {
                          "currencies": [
                            "NOK"
                          ],
                          "type": "dintero_psp.creditcard"
                        }
                      ],
                      "profiles": [
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
                                "generate_payment_token": false
                              }
                            }
                          },
                          "description": "Shop",
                          "profile_id": "webshop"
                        }
                      ],
                      "settings": {
                        "checkout_express": true,
                        "logo_url": "https://example.com/logo.png",
                        "name": "Example"
                      }
                    }
                  ],
                  "format_version": "1"
                }

                """)
    }

    func testDumpSortsAccountsByID() throws {
        cli.succeed("account add T22222222")
        cli.succeed("account add P99999999")
        cli.succeed("account add T11111111")
        let accounts = try JSONValue(parsing: cli.succeed("dump").stdout)["accounts"]?.arrayValue ?? []
        XCTAssertEqual(
            accounts.map { $0["account_id"] }, [.string("P99999999"), .string("T11111111"), .string("T22222222")])
    }

    func testDumpOfNamedAccountsHasOnlyThem() {
        makeCardAccount()
        cli.succeed("account add T22222222")
        assertRun(cli.run("dump T12345678"), status: 0, stdout: cardAccountDocument)
    }

    func testDumpNamingAnAccountTwiceListsItOnce() {
        makeCardAccount()
        assertRun(cli.run("dump T12345678 T12345678"), status: 0, stdout: cardAccountDocument)
    }

    func testDumpOfAnUnknownAccountIsNotFoundWithASuggestion() {
        makeCardAccount()
        assertRun(
            cli.run("dump T12345679"), status: 3,
            stderr: "error: account 'T12345679' not found\nhint: did you mean 'T12345678'?\n")
    }

    func testDumpOfAnUnknownAccountWithJSONIsANotFoundObject() {
        assertRun(
            cli.run("dump T12345678 --json"), status: 3,
            stderr: """
                {"error":{"code":"not_found","exit_code":3,"hint":null,"message":"account 'T12345678' not found"}}

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testDumpOfAnInvalidAccountIDIsRefused() {
        assertRun(
            cli.run("dump T1234"), status: 3,
            stderr: """
                error: invalid account id 'T1234'
                hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678

                """)
    }

    func testDumpOutputWritesTheDocumentToAFileWithMode0600() throws {
        makeCardAccount()
        let path = "\(cli.directory)/state.json"
        assertRun(cli.run("dump --output \(path)"), status: 0, stderr: "wrote '\(path)'\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), cardAccountDocument)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
    }

    func testDumpIsByteIdenticalForTheSameState() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK --currency SEK --currency DKK")
        cli.succeed("profile add T12345678 b --method vipps --method dintero_psp.creditcard")
        cli.succeed("profile add T12345678 a --all-active")
        XCTAssertEqual(cli.succeed("dump").stdout, cli.succeed("dump").stdout)
    }

    func testDumpParsesBackIntoTheStoredAccounts() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 webshop --method vipps --channel in_app --auto-capture")
        let stored = try Store(database: cli.database(), path: cli.storePath, exists: true).loadAccounts()
        XCTAssertEqual(try StateDocument.parse(JSONValue(parsing: cli.succeed("dump").stdout)), stored)
    }

    func testDumpWritesNothingToTheStore() throws {
        makeCardAccount()
        let bytes = try XCTUnwrap(cli.storeBytes())
        cli.succeed("dump")
        XCTAssertEqual(cli.storeBytes(), bytes)
    }
}
