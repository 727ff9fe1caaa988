import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `account add|list|show|remove|export` with exact output, store contents and history.
final class AccountCommandsTests: CLITestCase {
    func testAddingAnAccountReportsTheChangesOnStderr() {
        assertRun(
            cli.run(["account", "add", "T12345678", "--name", "Example AS"]), status: 0,
            stderr: "+ account T12345678\n+ settings T12345678 name: 'Example AS'\n" + merchantIncomplete())
    }

    func testAddingAnExistingAccountIsRefusedWithExitThree() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("account add T12345678"), status: 3,
            stderr:
                "error: account 'T12345678' already exists\nhint: pass --if-not-exists to accept an existing account\n")
    }

    func testIfNotExistsAcceptsAnExistingAccount() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("account add T12345678 --if-not-exists"), status: 0, stderr: "account 'T12345678' already exists\n")
    }

    func testListOnAMissingStoreIsEmptyAndCreatesNothing() {
        assertRun(
            cli.run("account list"), status: 0, stdout: "ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\n")
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: account add

    func testAddingWritesTheAccountAndItsNameSetting() throws {
        cli.succeed("account add T12345678 --name Example")
        let rows = try cli.rows("SELECT id, created_at FROM account")
        XCTAssertEqual(rows.map { $0[0] }, ["T12345678"])
        XCTAssertTrue(rows.first.map { isRFC3339UTC($0[1]) } ?? false, "\(rows)")
        XCTAssertEqual(try cli.rows("SELECT account_id, key, value FROM setting"), [["T12345678", "name", "Example"]])
    }

    func testAddingWithoutANameWritesOnlyTheAccount() throws {
        assertRun(
            cli.run("account add P12345678"), status: 0,
            stderr: "+ account P12345678\n" + merchantIncomplete("P12345678", lacks: "name and logo_url"))
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["P12345678"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM setting"), [["0"]])
    }

    func testAddingWritesOneHistoryRowPerChangeInTheSameCommand() throws {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run(["account", "add", "T87654321", "--name", "Example AS"]), status: 0,
            stderr: "+ account T87654321\n+ settings T87654321 name: 'Example AS'\n" + merchantIncomplete("T87654321"))
        let sql =
            "SELECT actor, command, account_id, action, kind, object_id, before, after FROM history WHERE account_id = 'T87654321' ORDER BY seq"
        XCTAssertEqual(
            try cli.rows(sql),
            [
                [
                    "tester", "checkout-admin account add T87654321 --name 'Example AS'", "T87654321", "add", "account",
                    "T87654321", "NULL",
                    #"{"account_id":"T87654321","payment_methods":[],"profiles":[],"settings":{}}"#,
                ],
                [
                    "tester", "checkout-admin account add T87654321 --name 'Example AS'", "T87654321", "add",
                    "settings", "name", "NULL",
                    #""Example AS""#,
                ],
            ])
        XCTAssertEqual(try cli.rows("SELECT count(DISTINCT at) FROM history WHERE account_id = 'T87654321'"), [["1"]])
    }

    func testActorOptionIsRecordedInTheHistory() throws {
        cli.succeed("account add T12345678 --actor ci-bot")
        XCTAssertEqual(try cli.rows("SELECT actor FROM history"), [["ci-bot"]])
    }

    func testAddingAsJSONPrintsTheChanges() {
        assertRun(
            cli.run("account add T12345678 --name Example --json"), status: 0,
            stdout: """
                {
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "add",
                      "after": {
                        "account_id": "T12345678",
                        "payment_methods": [],
                        "profiles": [],
                        "settings": {}
                      },
                      "before": null,
                      "id": "T12345678",
                      "kind": "account"
                    },
                    {
                      "account": "T12345678",
                      "action": "add",
                      "after": "Example",
                      "before": null,
                      "id": "name",
                      "kind": "settings"
                    }
                  ],
                  "findings": [
                    {
                      "account": "T12345678",
                      "hint": "checkout-admin settings set T12345678 logo_url=…",
                      "message": "account 'T12345678' lacks logo_url, which Dintero requires",
                      "payment_type": null,
                      "profile": null,
                      "rule": "merchant-incomplete",
                      "severity": "warning"
                    }
                  ],
                  "format_version": "1",
                  "summary": {
                    "add": 2,
                    "change": 0,
                    "remove": 0
                  }
                }

                """)
    }

    func testAddingAnExistingAccountLeavesTheStoreByteIdentical() {
        cli.succeed("account add T12345678 --name Example")
        let before = cli.storeBytes()
        assertRun(
            cli.run("account add T12345678 --name Other"), status: 3,
            stderr:
                "error: account 'T12345678' already exists\nhint: pass --if-not-exists to accept an existing account\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAddingAnExistingAccountAsJSONReportsAlreadyExists() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("account add T12345678 --json"), status: 3,
            stderr: """
                {"error":{"code":"already_exists","exit_code":3,"hint":"pass --if-not-exists to accept an existing account","message":"account 'T12345678' already exists"}}

                """)
    }

    func testIfNotExistsLeavesTheExistingNameAlone() throws {
        cli.succeed("account add T12345678 --name Example")
        let before = cli.storeBytes()
        assertRun(
            cli.run("account add T12345678 --name Other --if-not-exists"), status: 0,
            stderr: "account 'T12345678' already exists\n")
        XCTAssertEqual(cli.storeBytes(), before)
        XCTAssertEqual(try cli.rows("SELECT value FROM setting WHERE key = 'name'"), [["Example"]])
    }

    func testIfNotExistsAsJSONReportsNoChanges() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("account add T12345678 --if-not-exists --json"), status: 0,
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

    func testAnInvalidNameIsRefusedAndCreatesNothing() {
        assertRun(
            cli.run(["account", "add", "T12345678", "--name", ""]), status: 3,
            stderr:
                "error: invalid value '' for setting 'name'\nhint: name must be 1-200 characters, without leading or trailing whitespace\n"
        )
        assertRun(
            cli.run(["account", "add", "T12345678", "--name", "Example\nAS"]), status: 3,
            stderr:
                "error: invalid value 'Example\\u{a}AS' for setting 'name'\nhint: name must be 1-200 characters, without leading or trailing whitespace\n"
        )
        XCTAssertNil(cli.storeBytes())
    }

    func testANameOfTwoHundredCharactersIsAcceptedAndTwoHundredAndOneRefused() throws {
        cli.succeed("account add T12345678 --name \(String(repeating: "n", count: 200))")
        assertRun(
            cli.run("account add T87654321 --name \(String(repeating: "n", count: 201))"), status: 3,
            stderr:
                "error: invalid value '\(String(repeating: "n", count: 60))…' for setting 'name'\nhint: name must be 1-200 characters, without leading or trailing whitespace\n"
        )
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["T12345678"]])
    }

    func testQuietAddPrintsNothing() {
        assertRun(cli.run("account add T12345678 --name Example --quiet"), status: 0)
    }

    func testAddNeedsAnAccountArgument() {
        assertRun(
            cli.run("account add"), status: 2,
            stderr: """
                error: 'account add' needs <account>
                hint: usage: checkout-admin account add <account> [--name TEXT] [--if-not-exists]

                """)
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: account ids (checked by every account command before the store is opened)

    func testInvalidAccountIDsAreRefusedWithExitThree() {
        let hint = "hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678\n"
        for id in [
            "T1234567", "T123456789", "X12345678", "t12345678", "T1234567a", "T１２３４５６７８", " T12345678", "12345678",
        ] {
            for command in ["account add", "account show", "account remove --yes", "account export", "settings show"] {
                let words = command.split(separator: " ").map(String.init)
                assertRun(
                    cli.run(Array(words.prefix(2)) + [id] + words.dropFirst(2)), status: 3,
                    stderr: "error: invalid account id '\(id)'\n" + hint)
            }
        }
        XCTAssertNil(cli.storeBytes())
    }

    func testInvalidAccountIDAsJSONIsAnInvalidValue() {
        assertRun(
            cli.run("account show X1 --json"), status: 3,
            stderr: """
                {"error":{"code":"invalid_value","exit_code":3,"hint":"an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678","message":"invalid account id 'X1'"}}

                """)
    }

    func testInvalidAccountIDIsShownEscapedOnOneLine() {
        assertRun(
            cli.run(["account", "show", "T1234\n\u{1B}[2J"]), status: 3,
            stderr: """
                error: invalid account id 'T1234\\u{a}\\u{1b}[2J'
                hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678

                """)
    }

    func testSQLInjectionInAnAccountIDIsRefusedAndTouchesNothing() throws {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run(["account", "remove", "T12345678' OR '1'='1", "--yes"]), status: 3,
            stderr: """
                error: invalid account id 'T12345678' OR '1'='1'
                hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    // MARK: account list and account show

    func testListShowsOneTabSeparatedRowPerAccountSortedByID() {
        makeCardAccount("T12345678")
        cli.succeed("account add P12345678")
        assertRun(
            cli.run("account list"), status: 0,
            stdout: """
                ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY
                P12345678\tproduction\t\t0\t0\toff
                T12345678\ttest\tExample\t1\t0\toff

                """)
    }

    func testListCountsProfilesAndShowsClickToPay() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero_psp.clicktopay")
        try addProfile("web", offering: "dintero_psp.creditcard")
        assertRun(
            cli.run("account list"), status: 0,
            stdout: """
                ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY
                T12345678\ttest\tExample\t2\t1\ton

                """)
    }

    func testListOnATerminalAlignsTheColumns() {
        makeCardAccount("T12345678")
        cli.succeed("account add P12345678")
        assertRun(
            cli.run(["account", "list", "--no-color"], terminal: true), status: 0,
            stdout: """
                ACCOUNT    ENVIRONMENT  NAME     METHODS  PROFILES  CLICK_TO_PAY
                P12345678  production            0        0         off
                T12345678  test         Example  1        0         off

                """)
    }

    func testListKeepsTabsInNamesFromBreakingColumns() throws {
        cli.succeed("account add T12345678")
        try cli.database().execute(
            "INSERT INTO setting (account_id, key, value) VALUES ('T12345678', 'name', 'a' || char(9) || 'b')")
        assertRun(
            cli.run("account list"), status: 0,
            stdout: "ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\nT12345678\ttest\ta b\t0\t0\toff\n")
    }

    func testListAsJSON() {
        makeCardAccount("T12345678")
        cli.succeed("account add P12345678")
        assertRun(
            cli.run("account list --json"), status: 0,
            stdout: """
                {
                  "accounts": [
                    {
                      "account_id": "P12345678",
                      "click_to_pay": false,
                      "environment": "production",
                      "method_count": 0,
                      "name": null,
                      "profile_count": 0
                    },
                    {
                      "account_id": "T12345678",
                      "click_to_pay": false,
                      "environment": "test",
                      "method_count": 1,
                      "name": "Example",
                      "profile_count": 0
                    }
                  ],
                  "format_version": "1"
                }

                """)
    }

    func testListAsJSONOnAnEmptyStoreIsAnEmptyArray() {
        cli.succeed("init")
        assertRun(
            cli.run("account list --json"), status: 0,
            stdout: "{\n  \"accounts\": [],\n  \"format_version\": \"1\"\n}\n")
    }

    func testListTakesNoArguments() {
        assertRun(
            cli.run("account list T12345678"), status: 2,
            stderr: """
                error: unexpected argument 'T12345678' for 'account list'
                hint: usage: checkout-admin account list

                """)
    }

    func testShowPrintsSettingsMethodsAndProfiles() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency SEK --currency NOK")
        try addProfile("web", offering: "dintero_psp.creditcard")
        assertRun(
            cli.run("account show T12345678"), status: 0,
            stdout: """
                account: T12345678
                environment: test
                click_to_pay: off
                settings:
                  logo_url: https://example.com/logo.png
                  name: Example
                methods:
                  dintero_psp.creditcard: NOK
                  vipps: NOK, SEK
                profiles:
                  web: offers dintero_psp.creditcard

                """)
    }

    func testShowOfAnEmptyAccountSaysNone() {
        cli.succeed("account add P12345678")
        assertRun(
            cli.run("account show P12345678"), status: 0,
            stdout: """
                account: P12345678
                environment: production
                click_to_pay: off
                settings: (none)
                methods: (none)
                profiles: (none)

                """)
    }

    func testShowAsJSON() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        try addProfile("web", offering: "dintero_psp.creditcard")
        assertRun(
            cli.run("account show T12345678 --json"), status: 0,
            stdout: """
                {
                  "account": {
                    "account_id": "T12345678",
                    "click_to_pay": false,
                    "environment": "test",
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
                          "dintero_psp": {
                            "creditcard": {
                              "enabled": true,
                              "generate_payment_token": false
                            }
                          }
                        },
                        "profile_id": "web"
                      }
                    ],
                    "settings": {
                      "checkout_express": true,
                      "logo_url": "https://example.com/logo.png",
                      "name": "Example"
                    }
                  },
                  "format_version": "1"
                }

                """)
    }

    func testShowingAMissingAccountIsNotFoundWithAHint() {
        cli.succeed("init")
        assertRun(
            cli.run("account show T12345678"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testShowingAMissingAccountAsJSONIsNotFound() {
        cli.succeed("init")
        assertRun(
            cli.run("account show T12345678 --json"), status: 3,
            stderr: """
                {"error":{"code":"not_found","exit_code":3,"hint":"create it with 'checkout-admin account add T12345678'","message":"account 'T12345678' not found"}}

                """)
    }

    /// a named thing that does not exist gets a suggestion when a near name exists.
    func testShowingAMissingAccountSuggestsANearID() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("account show T12345679"), status: 3,
            stderr: """
                error: account 'T12345679' not found
                hint: did you mean 'T12345678'?
                hint: create it with 'checkout-admin account add T12345679'

                """)
    }

    // MARK: account remove

    func testRemoveWithoutYesWhenNotInteractiveIsNotConfirmed() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("account remove T12345678"), status: 3,
            stderr: """
                error: remove account 'T12345678' with its 1 method and 0 profiles: not confirmed
                hint: pass --yes to confirm

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testRemoveWithoutYesAsJSONIsNotConfirmed() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("account remove T12345678 --json"), status: 3,
            stderr: """
                {"error":{"code":"not_confirmed","exit_code":3,"hint":"pass --yes to confirm","message":"remove account 'T12345678' with its 0 methods and 0 profiles: not confirmed"}}

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testRemoveWithYesRemovesTheAccountWithItsSettingsMethodsAndProfiles() throws {
        makeCardAccount("T12345678")
        makeCardAccount("T87654321")
        try addProfile("web", offering: "dintero_psp.creditcard")
        assertRun(cli.run("account remove T12345678 --yes"), status: 0, stderr: "- account T12345678\n")
        for table in [
            "account WHERE id", "setting WHERE account_id", "payment_method WHERE account_id",
            "profile WHERE account_id",
            "profile_method WHERE account_id",
        ] {
            XCTAssertEqual(try cli.rows("SELECT count(*) FROM \(table) = 'T12345678'"), [["0"]], table)
        }
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["T87654321"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM setting"), [["2"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM payment_method"), [["1"]])
    }

    func testRemoveRecordsTheRemovedStateInTheHistory() throws {
        cli.succeed("account add T12345678 --name Example")
        cli.succeed("account remove T12345678 --yes")
        XCTAssertEqual(
            try cli.rows(
                "SELECT actor, command, action, kind, object_id, before, after FROM history ORDER BY seq DESC LIMIT 1"),
            [
                [
                    "tester", "checkout-admin account remove T12345678 --yes", "remove", "account", "T12345678",
                    #"{"account_id":"T12345678","payment_methods":[],"profiles":[],"settings":{"name":"Example"}}"#,
                    "NULL",
                ]
            ])
    }

    func testRemoveAsJSONPrintsTheRemoval() {
        cli.succeed("account add P12345678")
        assertRun(
            cli.run("account remove P12345678 --yes --json"), status: 0,
            stdout: """
                {
                  "changes": [
                    {
                      "account": "P12345678",
                      "action": "remove",
                      "after": null,
                      "before": {
                        "account_id": "P12345678",
                        "payment_methods": [],
                        "profiles": [],
                        "settings": {}
                      },
                      "id": "P12345678",
                      "kind": "account"
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

    func testRemovingAMissingAccountIsNotFound() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("account remove T87654321 --yes"), status: 3,
            stderr:
                "error: account 'T87654321' not found\nhint: create it with 'checkout-admin account add T87654321'\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testRemoveWithCISetRefusesEvenOnATerminal() {
        cli.succeed("account add T12345678")
        cli.environment["CI"] = "1"
        cli.environment["NO_COLOR"] = "1"
        let before = cli.storeBytes()
        assertRun(
            cli.run(["account", "remove", "T12345678"], stdin: "y\n", terminal: true), status: 3,
            stderr: """
                error: remove account 'T12345678' with its 0 methods and 0 profiles: not confirmed
                hint: pass --yes to confirm

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testRemovePromptAnsweredYesRemoves() throws {
        cli.environment["NO_COLOR"] = "1"
        makeCardAccount()
        try addProfile("web", offering: "dintero_psp.creditcard")
        assertRun(
            cli.run(["account", "remove", "T12345678"], stdin: "y\n", terminal: true), status: 0,
            stderr: "remove account 'T12345678' with its 1 method and 1 profile? [y/N] - account T12345678\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM account"), [["0"]])
    }

    func testNoColorOptionKeepsTheErrorPlainOnATerminal() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run(["account", "remove", "T12345678", "--no-color"], stdin: "n\n", terminal: true), status: 3,
            stderr: """
                remove account 'T12345678' with its 0 methods and 0 profiles? [y/N] \
                error: remove account 'T12345678' with its 0 methods and 0 profiles: not confirmed
                hint: pass --yes to confirm

                """)
    }

    func testRemovePromptAcceptsYesInAnyCase() throws {
        cli.environment["NO_COLOR"] = "1"
        cli.succeed("account add T12345678")
        assertRun(
            cli.run(["account", "remove", "T12345678"], stdin: "YES\n", terminal: true), status: 0,
            stderr: "remove account 'T12345678' with its 0 methods and 0 profiles? [y/N] - account T12345678\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM account"), [["0"]])
    }

    func testRemovePromptAnsweredNoRefuses() {
        cli.environment["NO_COLOR"] = "1"
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run(["account", "remove", "T12345678"], stdin: "n\n", terminal: true), status: 3,
            stderr: """
                remove account 'T12345678' with its 0 methods and 0 profiles? [y/N] \
                error: remove account 'T12345678' with its 0 methods and 0 profiles: not confirmed
                hint: pass --yes to confirm

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testRemovePromptWithoutAYesRefuses() {
        cli.environment["NO_COLOR"] = "1"
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        for answer in ["", "\n", "maybe\n"] {
            assertRun(
                cli.run(["account", "remove", "T12345678"], stdin: answer, terminal: true), status: 3,
                stderr: """
                    remove account 'T12345678' with its 0 methods and 0 profiles? [y/N] \
                    error: remove account 'T12345678' with its 0 methods and 0 profiles: not confirmed
                    hint: pass --yes to confirm

                    """)
        }
        XCTAssertEqual(cli.storeBytes(), before)
    }

    // MARK: account export

    func testExportPrintsTheCheckoutConfigurationWithOnlyTheSettingsDinteroKnows() {
        cli.succeed("account add T12345678 --name Example")
        XCTAssertEqual(
            cli.run([
                "settings", "set", "T12345678", "logo_url=https://example.com/logo.png", "website=https://example.com",
                "email=ops@example.com", "phone_number=+4722000000", "country=NO", "merchant_category_code=5411",
                "platform_type=marketplace", "address_line=Karl Johans gate 1", "address_line_2=3rd floor",
                "postal_code=0154",
                "postal_place=Oslo", "checkout_express=true", "session_customer_email=false",
            ]).status, 0)
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency SEK --currency NOK --currency EUR")
        assertRun(
            cli.run("account export T12345678"), status: 0,
            stdout: """
                {
                  "configuration": {
                    "merchant": {
                      "address_line": "Karl Johans gate 1",
                      "address_line_2": "3rd floor",
                      "country": "NO",
                      "email": "ops@example.com",
                      "logo_url": "https://example.com/logo.png",
                      "merchant_category_code": "5411",
                      "name": "Example",
                      "phone_number": "+4722000000",
                      "platform_type": "marketplace",
                      "postal_code": "0154",
                      "postal_place": "Oslo",
                      "website": "https://example.com"
                    },
                    "payment_options": [
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
                          "NOK"
                        ],
                        "type": "vipps"
                      }
                    ]
                  }
                }

                """)
    }

    func testExportOfAnAccountWithoutNameAndLogoIsRefusedNamingBoth() {
        cli.succeed("account add P12345678")
        assertRun(
            cli.run("account export P12345678"), status: 3,
            stderr: """
                error: refused to export account 'P12345678': Dintero's schema would reject it
                hint: checkout-admin settings set P12345678 name=… logo_url=…
                  account 'P12345678' lacks name and logo_url, which Dintero requires (merchant-incomplete)

                """)
    }

    func testExportRefusalInJSONCarriesTheFindings() throws {
        cli.succeed("account add P12345678 --name Shop")
        let result = cli.run("account export P12345678 --json")
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stdout, "")
        let error = try XCTUnwrap(JSONValue(parsing: result.stderr)["error"])
        XCTAssertEqual(error["code"], .string("invalid_value"))
        XCTAssertEqual(error["findings"]?.arrayValue?.map { $0["rule"] }, [.string("merchant-incomplete")])
        XCTAssertEqual(
            error["findings"]?.arrayValue?.first?["message"],
            .string("account 'P12345678' lacks logo_url, which Dintero requires"))
    }

    func testExportWithJSONIsTheSameDocument() {
        makeCardAccount()
        XCTAssertEqual(cli.run("account export T12345678 --json"), cli.run("account export T12345678"))
    }

    func testExportOfAMissingAccountIsNotFound() {
        cli.succeed("init")
        assertRun(
            cli.run("account export T12345678"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testExportToAFileWritesItWithMode0600() throws {
        makeCardAccount()
        let path = "\(cli.directory)/checkout.json"
        assertRun(
            cli.run(["account", "export", "T12345678", "--output", path]), status: 0, stderr: "wrote '\(path)'\n")
        XCTAssertEqual(
            FileManager.default.contents(atPath: path), Data(cli.run("account export T12345678").stdout.utf8))
        XCTAssertEqual(StoreTestSupport.permissions(of: path), 0o600)
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["checkout.json", "store.sqlite"])
    }

    func testExportToAFileReplacesItsContents() throws {
        makeCardAccount()
        let path = cli.file("checkout.json", "old contents that are longer than nothing")
        cli.succeed("account export T12345678 --output \(path)")
        XCTAssertEqual(
            FileManager.default.contents(atPath: path), Data(cli.run("account export T12345678").stdout.utf8))
    }

    func testExportRefusesToWriteThroughASymlink() throws {
        makeCardAccount()
        let target = cli.file("target.json", "keep me")
        let link = "\(cli.directory)/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        assertRun(
            cli.run(["account", "export", "T12345678", "--output", link]), status: 3,
            stderr: "error: cannot write '\(link)': refusing to write through a symlink\n")
        XCTAssertEqual(FileManager.default.contents(atPath: target), Data("keep me".utf8))
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["link.json", "store.sqlite", "target.json"])
    }

    func testExportToAMissingFolderNamesTheFile() {
        makeCardAccount()
        let path = "\(cli.directory)/missing/checkout.json"
        assertRun(
            cli.run(["account", "export", "T12345678", "--output", path]), status: 3,
            stderr: "error: cannot write '\(path)': No such file or directory\n")
    }

    // MARK: Helpers

    private func isRFC3339UTC(_ text: String) -> Bool {
        Timestamp(rfc3339: text) != nil && text.count == 20 && text.hasSuffix("Z")
    }

    private func addProfile(_ id: String, offering type: String) throws {
        try cli.database().execute(
            """
            INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', '\(id)');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', '\(id)', '\(type)');
            """)
    }
}
