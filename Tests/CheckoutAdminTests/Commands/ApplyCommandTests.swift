import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `apply`: the plan for every kind of change, idempotence, `--dry-run`, all-or-nothing, and the
/// refusal of bad documents with nothing written.
final class ApplyCommandTests: CLITestCase {
    // The account `makeCardAccount()` creates, as document fragments.
    private let cardSettings = #"{"name": "Example", "logo_url": "https://example.com/logo.png"}"#
    private let cardMethods = #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}]"#
    private let cardProfile =
        #"{"profile_id": "webshop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}"#

    /// A document with one account entry.
    private func document(
        _ id: String = "T12345678", settings: String? = nil, methods: String? = nil, profiles: String = "[]"
    ) -> String {
        #"{"format_version": "1", "accounts": [\#(entry(id, settings: settings, methods: methods, profiles: profiles))]}"#
    }

    /// One account entry; settings and methods default to those of `makeCardAccount()`.
    private func entry(
        _ id: String = "T12345678", settings: String? = nil, methods: String? = nil, profiles: String = "[]"
    ) -> String {
        #"{"account_id": "\#(id)", "settings": \#(settings ?? cardSettings), "payment_methods": \#(methods ?? cardMethods), "profiles": \#(profiles)}"#
    }

    /// Writes `json` to a file and applies it.
    private func apply(_ json: String, _ options: [String] = []) -> RunResult {
        cli.run(["apply", cli.file("state.json", json)] + options)
    }

    private func historyCount() throws -> String {
        try cli.rows("SELECT count(*) FROM history")[0][0]
    }

    // MARK: - The plan: add, change, remove of every kind

    func testApplyingToAMissingStoreAddsTheAccountItsSettingsMethodsAndProfiles() {
        assertRun(
            apply(document(profiles: "[\(cardProfile)]")), status: 0,
            stdout: """
                + account T12345678
                + settings T12345678 logo_url: 'https://example.com/logo.png'
                + settings T12345678 name: 'Example'
                + method T12345678 dintero_psp.creditcard: NOK
                + profile T12345678 webshop: offers dintero_psp.creditcard
                Plan: 5 to add, 0 to change, 0 to remove.

                """, stderr: "Applied.\n")
    }

    func testAppliedAccountMatchesTheDocumentInTheStore() throws {
        cli.succeed("apply \(cli.file("state.json", document(profiles: "[\(cardProfile)]")))")
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["T12345678"]])
        XCTAssertEqual(
            try cli.rows("SELECT key, value FROM setting ORDER BY key"),
            [["logo_url", "https://example.com/logo.png"], ["name", "Example"]])
        XCTAssertEqual(
            try cli.rows("SELECT type, currencies FROM payment_method"), [["dintero_psp.creditcard", "NOK"]])
        XCTAssertEqual(
            try cli.rows("SELECT profile_id, type FROM profile_method"), [["webshop", "dintero_psp.creditcard"]])
    }

    func testChangedSettingIsPlannedAsAChangeWithBeforeAndAfter() {
        makeCardAccount()
        let settings = #"{"name": "Example AS", "logo_url": "https://example.com/logo.png"}"#
        assertRun(
            apply(document(settings: settings)), status: 0,
            stdout: """
                ~ settings T12345678 name: 'Example' → 'Example AS'
                Plan: 0 to add, 1 to change, 0 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(try cli.rows("SELECT value FROM setting WHERE key = 'name'"), [["Example AS"]])
    }

    func testSettingMissingFromTheDocumentIsRemoved() {
        makeCardAccount()
        cli.succeed("settings set T12345678 website=https://example.com")
        assertRun(
            apply(document()), status: 0,
            stdout: """
                - settings T12345678 website
                Plan: 0 to add, 0 to change, 1 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM setting WHERE key = 'website'"), [["0"]])
    }

    func testNewSettingIsPlannedAsAnAddition() {
        makeCardAccount()
        let settings = #"{"name": "Example", "logo_url": "https://example.com/logo.png", "checkout_express": true}"#
        assertRun(
            apply(document(settings: settings)), status: 0,
            stdout: """
                + settings T12345678 checkout_express: 'true'
                Plan: 1 to add, 0 to change, 0 to remove.

                """, stderr: "Applied.\n")
    }

    func testNewMethodIsPlannedAsAnAddition() {
        makeCardAccount()
        let methods =
            #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}, {"type": "vipps", "currencies": ["NOK"]}]"#
        assertRun(
            apply(document(methods: methods)), status: 0,
            stdout: """
                + method T12345678 vipps: NOK
                Plan: 1 to add, 0 to change, 0 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(
            try cli.rows("SELECT type FROM payment_method ORDER BY type"), [["dintero_psp.creditcard"], ["vipps"]])
    }

    func testMethodWithOtherCurrenciesIsPlannedAsAChange() {
        makeCardAccount()
        let methods = #"[{"type": "dintero_psp.creditcard", "currencies": ["SEK", "NOK"]}]"#
        assertRun(
            apply(document(methods: methods)), status: 0,
            stdout: """
                ~ method T12345678 dintero_psp.creditcard: NOK → NOK, SEK
                Plan: 0 to add, 1 to change, 0 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(try cli.rows("SELECT currencies FROM payment_method"), [["NOK,SEK"]])
    }

    func testMethodMissingFromTheDocumentIsRemoved() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        assertRun(
            apply(document()), status: 0,
            stdout: """
                - method T12345678 vipps
                Plan: 0 to add, 0 to change, 1 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(try cli.rows("SELECT type FROM payment_method"), [["dintero_psp.creditcard"]])
    }

    func testNewProfileIsPlannedAsAnAddition() {
        makeCardAccount()
        assertRun(
            apply(document(profiles: "[\(cardProfile)]")), status: 0,
            stdout: """
                + profile T12345678 webshop: offers dintero_psp.creditcard
                Plan: 1 to add, 0 to change, 0 to remove.

                """, stderr: "Applied.\n")
    }

    func testProfileOfferingOtherMethodsIsPlannedAsAChange() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        let methods =
            #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}, {"type": "vipps", "currencies": ["NOK"]}]"#
        let profile =
            #"{"profile_id": "webshop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}, "vipps": {"enabled": true}, "default_payment_type": "vipps"}}"#
        assertRun(
            apply(document(methods: methods, profiles: "[\(profile)]")), status: 0,
            stdout: """
                ~ profile T12345678 webshop: offers dintero_psp.creditcard → offers dintero_psp.creditcard, vipps; default vipps
                Plan: 0 to add, 1 to change, 0 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(
            try cli.rows("SELECT type FROM profile_method ORDER BY type"), [["dintero_psp.creditcard"], ["vipps"]])
    }

    func testProfileMissingFromTheDocumentIsRemoved() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRun(
            apply(document()), status: 0,
            stdout: """
                - profile T12345678 webshop
                Plan: 0 to add, 0 to change, 1 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile"), [["0"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile_method"), [["0"]])
    }

    func testOneDocumentCanAddChangeAndRemoveAtOnceInPlanOrder() {
        makeCardAccount()
        cli.succeed("settings set T12345678 website=https://example.com")
        cli.succeed("profile add T12345678 old --method dintero_psp.creditcard")
        let settings = #"{"name": "Example AS", "logo_url": "https://example.com/logo.png", "country": "NO"}"#
        let methods = #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK", "SEK"]}]"#
        assertRun(
            apply(document(settings: settings, methods: methods, profiles: "[\(cardProfile)]")), status: 0,
            stdout: """
                + settings T12345678 country: 'NO'
                ~ settings T12345678 name: 'Example' → 'Example AS'
                - settings T12345678 website
                ~ method T12345678 dintero_psp.creditcard: NOK → NOK, SEK
                - profile T12345678 old
                + profile T12345678 webshop: offers dintero_psp.creditcard
                Plan: 2 to add, 2 to change, 2 to remove.

                """, stderr: "Applied.\n")
    }

    func testPlanFollowsTheDocumentsOrderAndReportsTheWarningsItCreates() {
        assertRun(
            apply(
                #"{"format_version": "1", "accounts": [\#(entry("T22222222", settings: "{}", methods: "[]")), \#(entry("P11111111", settings: "{}", methods: "[]"))]}"#
            ),
            status: 0,
            stdout: """
                + account T22222222
                + account P11111111
                Plan: 2 to add, 0 to change, 0 to remove.

                """,
            stderr: """
                  warning merchant-incomplete: account 'T22222222' lacks name and logo_url, which Dintero requires
                           fix: checkout-admin settings set T22222222 name=… logo_url=…
                  warning merchant-incomplete: account 'P11111111' lacks name and logo_url, which Dintero requires
                           fix: checkout-admin settings set P11111111 name=… logo_url=…
                Applied.

                """)
    }

    // MARK: - JSON plan

    func testJSONPlanHasActionAccountKindIDBeforeAndAfter() {
        makeCardAccount()
        let methods = #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK", "SEK"]}]"#
        assertRun(
            apply(document(methods: methods), ["--json"]), status: 0,
            stdout: """
                {
                  "applied": true,
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "change",
                      "after": {
                        "currencies": [
                          "NOK",
                          "SEK"
                        ],
                        "type": "dintero_psp.creditcard"
                      },
                      "before": {
                        "currencies": [
                          "NOK"
                        ],
                        "type": "dintero_psp.creditcard"
                      },
                      "id": "dintero_psp.creditcard",
                      "kind": "method"
                    }
                  ],
                  "findings": [],
                  "format_version": "1",
                  "summary": {
                    "add": 0,
                    "change": 1,
                    "remove": 0
                  }
                }

                """)
    }

    func testJSONPlanOfARemovalHasANullAfter() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 country=NO")
        let result = apply(document(), ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try JSONValue(parsing: result.stdout)["changes"],
            .array([
                .object([
                    "action": .string("remove"), "account": .string("T12345678"), "kind": .string("settings"),
                    "id": .string("country"),
                    "before": .string("NO"), "after": .null,
                ])
            ]))
    }

    func testJSONPlanOfANewAccountHasANullBeforeAndTheEmptyAccountAfter() throws {
        let result = apply(document(settings: "{}", methods: "[]"), ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try JSONValue(parsing: result.stdout)["changes"],
            .array([
                .object([
                    "action": .string("add"), "account": .string("T12345678"), "kind": .string("account"),
                    "id": .string("T12345678"),
                    "before": .null,
                    "after": .object([
                        "account_id": .string("T12345678"), "settings": .object([:]), "payment_methods": .array([]),
                        "profiles": .array([]),
                    ]),
                ])
            ]))
    }

    func testJSONDryRunReportsTheChangesAsNotApplied() throws {
        makeCardAccount()
        let bytes = try XCTUnwrap(cli.storeBytes())
        assertRun(
            apply(
                document(settings: #"{"name": "Example AS", "logo_url": "https://example.com/logo.png"}"#),
                ["--json", "--dry-run"]),
            status: 0,
            stdout: """
                {
                  "applied": false,
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "change",
                      "after": "Example AS",
                      "before": "Example",
                      "id": "name",
                      "kind": "settings"
                    }
                  ],
                  "findings": [],
                  "format_version": "1",
                  "summary": {
                    "add": 0,
                    "change": 1,
                    "remove": 0
                  }
                }

                """)
        XCTAssertEqual(cli.storeBytes(), bytes)
    }

    func testJSONApplyWithNothingToChangeHasNoChangesAndIsNotApplied() {
        makeCardAccount()
        assertRun(
            apply(document(), ["--json"]), status: 0,
            stdout: """
                {
                  "applied": false,
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

    // MARK: - Idempotence

    func testApplyingTheSameDocumentTwiceChangesNothingTheSecondTime() throws {
        let path = cli.file("state.json", document(profiles: "[\(cardProfile)]"))
        cli.succeed("apply \(path)")
        let bytes = try XCTUnwrap(cli.storeBytes())
        let history = try historyCount()
        assertRun(cli.run("apply \(path)"), status: 0, stdout: "No changes.\n")
        XCTAssertEqual(cli.storeBytes(), bytes)
        XCTAssertEqual(try historyCount(), history)
    }

    func testApplyingTheExampleStateTwiceChangesNothingTheSecondTime() throws {
        let example = try String(contentsOfFile: exampleStatePath(), encoding: .utf8)
        XCTAssertEqual(apply(example).status, 0)
        let history = try historyCount()
        assertRun(apply(example), status: 0, stdout: "No changes.\n")
        XCTAssertEqual(try historyCount(), history)
    }

    func testDumpPipedIntoApplyOnStdinIsANoOp() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed(
            "profile add T12345678 webshop --method dintero_psp.creditcard --method vipps --default vipps --description Shop"
        )
        cli.succeed("profile add T12345678 app --all-active --channel in_app --auto-capture")
        cli.succeed("account add P00000001 --name Production")
        let dump = cli.succeed("dump").stdout
        let bytes = try XCTUnwrap(cli.storeBytes())
        let history = try historyCount()
        assertRun(cli.run(["apply", "-"], stdin: dump), status: 0, stdout: "No changes.\n")
        XCTAssertEqual(cli.storeBytes(), bytes)
        XCTAssertEqual(try historyCount(), history)
    }

    func testDumpOfAnAppliedExampleStateAppliesAsANoOp() throws {
        let example = try String(contentsOfFile: exampleStatePath(), encoding: .utf8)
        XCTAssertEqual(apply(example).status, 0)
        let dump = cli.succeed("dump").stdout
        let bytes = try XCTUnwrap(cli.storeBytes())
        assertRun(cli.run(["apply", "-"], stdin: dump), status: 0, stdout: "No changes.\n")
        XCTAssertEqual(cli.storeBytes(), bytes)
    }

    func testEmptyDocumentOnAMissingStoreChangesNothingAndCreatesNoStore() {
        assertRun(apply(#"{"format_version": "1", "accounts": []}"#), status: 0, stdout: "No changes.\n")
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: - Pass-through fields

    func testPassThroughProfileFieldsRoundTripThroughApplyAndDump() throws {
        let profile = #"""
            {"profile_id": "webshop", "description": "Shop", "metadata": {"team": "web", "weight": 1.50},
             "url": {"merchant_terms_url": "https://example.com/terms", "callback": "https://example.com/cb"},
             "configuration": {"active_payment_types": {"enabled": false}, "auto_capture": false,
                               "theme": {"primary": "#00ff00", "logo": null},
                               "dintero_psp": {"creditcard": {"enabled": true, "sca_policy": "always", "limits": [1, 2],
                                                              "generate_payment_token": false}}}}
            """#
        cli.succeed("apply \(cli.file("state.json", document(profiles: "[\(profile)]")))")
        let dumped = try JSONValue(parsing: cli.succeed("dump").stdout)
        let profiles = dumped["accounts"]?.arrayValue?.first?["profiles"]
        XCTAssertEqual(profiles, .array([try JSONValue(parsing: profile)]))
    }

    func testChangingOnlyAPassThroughFieldIsAProfileChange() throws {
        makeCardAccount()
        let themed =
            ##"{"profile_id": "webshop", "configuration": {"theme": {"primary": "#00ff00"}, "dintero_psp": {"creditcard": {"enabled": true}}}}"##
        cli.succeed("apply \(cli.file("first.json", document(profiles: "[\(themed)]")))")
        let result = apply(
            document(profiles: "[\(themed.replacingOccurrences(of: "#00ff00", with: "#ff0000"))]"), ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let change = try XCTUnwrap(try JSONValue(parsing: result.stdout)["changes"]?.arrayValue?.first)
        XCTAssertEqual(change["action"], .string("change"))
        XCTAssertEqual(change["before"]?["configuration"]?["theme"], .object(["primary": .string("#00ff00")]))
        XCTAssertEqual(change["after"]?["configuration"]?["theme"], .object(["primary": .string("#ff0000")]))
    }

    // MARK: - Dry run and untouched accounts

    func testDryRunPrintsThePlanAndWritesNothing() throws {
        makeCardAccount()
        let bytes = try XCTUnwrap(cli.storeBytes())
        assertRun(
            apply(
                document(settings: #"{"name": "Example AS", "logo_url": "https://example.com/logo.png"}"#),
                ["--dry-run"]),
            status: 0,
            stdout: """
                ~ settings T12345678 name: 'Example' → 'Example AS'
                Plan: 0 to add, 1 to change, 0 to remove.

                """, stderr: "Dry run: nothing written.\n")
        XCTAssertEqual(cli.storeBytes(), bytes)
    }

    func testDryRunOnAMissingStoreCreatesNoStore() {
        assertRun(
            apply(document(), ["--dry-run"]), status: 0,
            stdout: """
                + account T12345678
                + settings T12345678 logo_url: 'https://example.com/logo.png'
                + settings T12345678 name: 'Example'
                + method T12345678 dintero_psp.creditcard: NOK
                Plan: 4 to add, 0 to change, 0 to remove.

                """, stderr: "Dry run: nothing written.\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testAccountsNotInTheDocumentAreUntouched() throws {
        makeCardAccount("T11111111")
        makeCardAccount("T22222222")
        cli.succeed("profile add T22222222 webshop --method dintero_psp.creditcard")
        let untouched = cli.succeed("dump T22222222").stdout
        let history = try cli.rows("SELECT count(*) FROM history WHERE account_id = 'T22222222'")
        assertRun(
            apply(document("T11111111", settings: #"{"name": "One", "logo_url": "https://example.com/logo.png"}"#)),
            status: 0,
            stdout: """
                ~ settings T11111111 name: 'Example' → 'One'
                Plan: 0 to add, 1 to change, 0 to remove.

                """, stderr: "Applied.\n")
        XCTAssertEqual(cli.succeed("dump T22222222").stdout, untouched)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history WHERE account_id = 'T22222222'"), history)
    }

    // MARK: - Validation with every error rule: exit 3, nothing written

    func testDocumentBreakingAnErrorRuleIsRefusedWithThePlanAndTheFindingsAndNothingWritten() throws {
        makeCardAccount()
        let bytes = try XCTUnwrap(cli.storeBytes())
        let methods = #"[{"type": "dintero_psp.clicktopay", "currencies": ["NOK"]}]"#
        assertRun(
            apply(document(methods: methods)), status: 3,
            stdout: """
                + method T12345678 dintero_psp.clicktopay: NOK
                - method T12345678 dintero_psp.creditcard
                Plan: 1 to add, 0 to change, 1 to remove.

                """,
            stderr: """
                error: the document breaks 1 audit rule; nothing written
                hint: fix the state document and run apply again; first: ctp-without-card (T12345678)
                  error ctp-without-card: account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form

                """)
        XCTAssertEqual(cli.storeBytes(), bytes)
    }

    func testEveryBrokenRuleOfEveryAccountIsListed() throws {
        let profile = #"{"profile_id": "webshop", "configuration": {"vipps": {"enabled": true}}}"#
        let json =
            #"{"format_version": "1", "accounts": [\#(entry("T11111111", profiles: "[\(profile)]")), \#(entry("T22222222", methods: #"[{"type": "dintero_psp.clicktopay", "currencies": ["NOK"]}]"#))]}"#
        assertRun(
            apply(json), status: 3,
            stdout: """
                + account T11111111
                + settings T11111111 logo_url: 'https://example.com/logo.png'
                + settings T11111111 name: 'Example'
                + method T11111111 dintero_psp.creditcard: NOK
                + profile T11111111 webshop: offers vipps
                + account T22222222
                + settings T22222222 logo_url: 'https://example.com/logo.png'
                + settings T22222222 name: 'Example'
                + method T22222222 dintero_psp.clicktopay: NOK
                Plan: 9 to add, 0 to change, 0 to remove.

                """,
            stderr: """
                error: the document breaks 2 audit rules; nothing written
                hint: fix the state document and run apply again; first: method-not-on-account (T11111111)
                  error method-not-on-account: profile 'webshop' offers 'vipps' but account 'T11111111' has not enabled it
                  error ctp-without-card: account 'T22222222' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testDryRunOfADocumentBreakingAnErrorRuleIsRefusedWithThePlanToo() {
        let methods = #"[{"type": "dintero_psp.clicktopay", "currencies": ["NOK"]}]"#
        assertRun(
            apply(document(methods: methods), ["--dry-run"]), status: 3,
            stdout: """
                + account T12345678
                + settings T12345678 logo_url: 'https://example.com/logo.png'
                + settings T12345678 name: 'Example'
                + method T12345678 dintero_psp.clicktopay: NOK
                Plan: 4 to add, 0 to change, 0 to remove.

                """,
            stderr: """
                error: the document breaks 1 audit rule; nothing written
                hint: fix the state document and run apply again; first: ctp-without-card (T12345678)
                  error ctp-without-card: account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form

                """)
    }

    func testRefusalWithJSONIsOneErrorObjectWithTheFindingsOnStderr() {
        let methods = #"[{"type": "dintero_psp.clicktopay", "currencies": ["NOK"]}]"#
        assertRun(
            apply(document(methods: methods), ["--json"]), status: 3,
            stderr: """
                {"error":{"code":"policy_violation","exit_code":3,"findings":[{"account":"T12345678","hint":"checkout-admin method enable T12345678 dintero_psp.creditcard","message":"account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form","payment_type":"dintero_psp.clicktopay","profile":null,"rule":"ctp-without-card","severity":"error"}],"hint":"fix the state document and run apply again; first: ctp-without-card (T12345678)","message":"the document breaks 1 audit rule; nothing written"}}

                """)
    }

    func testWarningsDoNotStopAnApply() throws {
        // merchant-incomplete (no logo_url) and ctp-email-unknown are warnings only.
        let json = document(
            settings: #"{"name": "Example"}"#,
            methods:
                #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}, {"type": "dintero_psp.clicktopay", "currencies": ["NOK"]}]"#
        )
        XCTAssertEqual(apply(json).status, 0)
        XCTAssertEqual(
            try cli.rows("SELECT type FROM payment_method ORDER BY type"),
            [["dintero_psp.clicktopay"], ["dintero_psp.creditcard"]])
    }

    // MARK: - All or nothing

    func testStoreFailureOnTheLastAccountRollsBackEveryAccount() throws {
        makeCardAccount()
        do {
            // The store refuses one profile row; everything the same apply wrote before it must roll back.
            let database = try cli.database()
            try database.execute(
                """
                CREATE TRIGGER refuse_boom BEFORE INSERT ON profile WHEN NEW.profile_id = 'boom'
                BEGIN SELECT RAISE(ABORT, '\(Schema.providerRuleMessage)'); END;
                """)
        }
        let bytes = try XCTUnwrap(cli.storeBytes())
        let history = try historyCount()
        let boom = #"{"profile_id": "boom", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}"#
        let json =
            #"{"format_version": "1", "accounts": [\#(entry("T11111111")), \#(entry(settings: #"{"name": "Changed", "logo_url": "https://example.com/logo.png"}"#, profiles: "[\(boom)]"))]}"#
        assertRun(
            apply(json), status: 3,
            stderr: """
                error: refused by the store: Click to Pay is only offered through dintero_psp (dintero_psp.clicktopay)
                hint: use 'dintero_psp.clicktopay'

                """)
        XCTAssertEqual(cli.storeBytes(), bytes)
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["T12345678"]])
        XCTAssertEqual(try historyCount(), history)
    }

    func testBadSecondAccountLeavesTheFirstUnwritten() throws {
        makeCardAccount()
        let bytes = try XCTUnwrap(cli.storeBytes())
        let json =
            #"{"format_version": "1", "accounts": [\#(entry("T11111111")), \#(entry("T22222222", settings: #"{"name": ""}"#))]}"#
        assertRun(
            apply(json), status: 3,
            stderr: """
                error: invalid value '' for setting 'name' at '$.accounts[1].settings.name'
                hint: name must be 1-200 characters, without leading or trailing whitespace

                """)
        XCTAssertEqual(cli.storeBytes(), bytes)
    }

    // MARK: - Input errors: exit 3, where, nothing written

    /// Applies `bytes` to a store holding the card account; asserts the refusal and that the store is byte-identical.
    private func assertRefused(
        _ bytes: [UInt8], _ options: [String] = [], stderr: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        makeCardAccount()
        let before = try XCTUnwrap(cli.storeBytes(), file: file, line: line)
        let path = "\(cli.directory)/bad.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), file: file, line: line)
        assertRun(cli.run(["apply", path] + options), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(cli.storeBytes(), before, "store bytes", file: file, line: line)
    }

    private func assertRefused(
        _ json: String, _ options: [String] = [], stderr: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try assertRefused(Array(json.utf8), options, stderr: stderr, file: file, line: line)
    }

    func testUnknownFormatVersionIsRefused() throws {
        try assertRefused(
            #"{"format_version": "2", "accounts": []}"#,
            stderr: """
                error: unsupported format_version "2" in the state document
                hint: this checkout-admin reads format_version "1"

                """)
    }

    func testNumericFormatVersionIsRefused() throws {
        try assertRefused(
            #"{"format_version": 1, "accounts": []}"#,
            stderr: """
                error: unsupported format_version 1 in the state document
                hint: this checkout-admin reads format_version "1"

                """)
    }

    func testMissingFormatVersionIsRefused() throws {
        try assertRefused(
            #"{"accounts": []}"#,
            stderr: """
                error: unsupported format_version (missing) in the state document
                hint: this checkout-admin reads format_version "1"

                """)
    }

    func testNewerDocumentIsRefusedForItsVersionNotItsNewKeys() throws {
        try assertRefused(
            #"{"format_version": "2", "accounts": [], "organisations": []}"#,
            stderr: """
                error: unsupported format_version "2" in the state document
                hint: this checkout-admin reads format_version "1"

                """)
    }

    func testUnknownTopLevelKeyIsRefusedWithASuggestion() throws {
        try assertRefused(
            #"{"format_version": "1", "accounts": [], "acounts": []}"#,
            stderr: """
                error: invalid state document at '$': unknown key 'acounts'
                hint: did you mean 'accounts'?
                hint: keys here are: accounts, format_version

                """)
    }

    func testUnknownAccountEntryKeyIsRefusedWithItsPath() throws {
        try assertRefused(
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "setings": {}}]}"#,
            stderr: """
                error: invalid state document at '$.accounts[0]': unknown key 'setings'
                hint: did you mean 'settings'?
                hint: keys here are: account_id, payment_methods, profiles, settings

                """)
    }

    func testUnknownMethodEntryKeyIsRefusedWithItsPath() throws {
        try assertRefused(
            document(methods: #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK"], "enabled": true}]"#),
            stderr: """
                error: invalid state document at '$.accounts[0].payment_methods[0]': unknown key 'enabled'
                hint: keys here are: currencies, details, type

                """)
    }

    func testUnknownSettingIsRefusedWithDidYouMean() throws {
        try assertRefused(
            document(settings: #"{"nmae": "Example"}"#),
            stderr: """
                error: unknown setting 'nmae' at '$.accounts[0].settings.nmae'
                hint: did you mean 'name'?
                hint: settings are: name, logo_url, website, email, phone_number, country, merchant_category_code, platform_type, address_line, address_line_2, postal_code, postal_place, checkout_express, session_customer_email

                """)
    }

    func testMalformedJSONIsRefusedWithLineAndColumn() throws {
        let path = "\(cli.directory)/bad.json"
        try assertRefused(
            #"{"format_version": "1", "accounts": [}"#,
            stderr: """
                error: invalid JSON in '\(path)': unexpected character '}' at line 1, column 38 ($.accounts[0])

                """)
    }

    func testTruncatedJSONIsRefused() throws {
        let path = "\(cli.directory)/bad.json"
        try assertRefused(
            #"{"format_version": "1", "accounts": [{"account_id": "T1234"#,
            stderr: """
                error: invalid JSON in '\(path)': unexpected end of input at line 1, column 59 ($.accounts[0].account_id)

                """)
    }

    func testEmptyInputIsRefused() throws {
        try assertRefused(
            "",
            stderr: """
                error: invalid JSON in '\(cli.directory)/bad.json': unexpected end of input at line 1, column 1 ($)

                """)
    }

    func testInvalidUTF8IsRefused() throws {
        let bytes =
            Array(#"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {"name": ""#.utf8)
            + [0xFF, 0xFE] + Array(#""}}]}"#.utf8)
        try assertRefused(
            bytes,
            stderr: """
                error: invalid JSON in '\(cli.directory)/bad.json': invalid UTF-8 at line 1, column 88 ($.accounts[0].settings.name)

                """)
    }

    func testHundredThousandDeepNestingIsRefusedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let json = #"{"format_version": "1", "accounts": \#(deep)}"#
        let path = "\(cli.directory)/bad.json"
        let where64 = "$.accounts" + String(repeating: "[0]", count: 63)
        try assertRefused(
            json,
            stderr: """
                error: invalid JSON in '\(path)': nesting deeper than 64 levels at line 1, column 100 (\(where64))

                """)
    }

    func testTenMegabyteSettingValueIsRefusedWithAShortMessage() throws {
        let huge = String(repeating: "x", count: 10_000_000)
        try assertRefused(
            document(settings: #"{"name": "\#(huge)"}"#),
            stderr: """
                error: invalid value '\(String(repeating: "x", count: 60))…' for setting 'name' at '$.accounts[0].settings.name'
                hint: name must be 1-200 characters, without leading or trailing whitespace

                """)
    }

    func testTenMegabyteProfileDescriptionIsRefusedWithItsPath() throws {
        let huge = String(repeating: "x", count: 10_000_000)
        let profile =
            #"{"profile_id": "webshop", "description": "\#(huge)", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}"#
        try assertRefused(
            document(profiles: "[\(profile)]"),
            stderr: """
                error: invalid description '\(String(repeating: "x", count: 60))' at '$.accounts[0].profiles[0].description'
                hint: a description is at most 1000 characters, without control characters or leading or trailing whitespace

                """)
    }

    func testTenMegabyteUnknownKeyIsRefusedWithAShortMessage() throws {
        let huge = String(repeating: "k", count: 10_000_000)
        try assertRefused(
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "\#(huge)": 1}]}"#,
            stderr: """
                error: invalid state document at '$.accounts[0]': unknown key '\(String(repeating: "k", count: 60))…'
                hint: keys here are: account_id, payment_methods, profiles, settings

                """)
    }

    func testControlCharactersInAnUnknownSettingAreEscaped() throws {
        try assertRefused(
            document(settings: #"{"\u001b[2Jname": "x"}"#),
            stderr: """
                error: unknown setting '\\u{1b}[2Jname' at '$.accounts[0].settings.\\u{1b}[2Jname'
                hint: settings are: name, logo_url, website, email, phone_number, country, merchant_category_code, platform_type, address_line, address_line_2, postal_code, postal_place, checkout_express, session_customer_email

                """)
    }

    func testInvalidProfileChannelIsRefusedWithItsPath() throws {
        let profile =
            #"{"profile_id": "webshop", "configuration": {"channel": "web", "dintero_psp": {"creditcard": {"enabled": true}}}}"#
        try assertRefused(
            document(profiles: "[\(profile)]"),
            stderr: """
                error: invalid channel 'web' at '$.accounts[0].profiles[0].configuration.channel'
                hint: a channel is one of: ecommerce, in_app, in_store

                """)
    }

    func testDuplicateAccountIsRefusedNamingBothPlaces() throws {
        try assertRefused(
            #"{"format_version": "1", "accounts": [\#(entry()), \#(entry())]}"#,
            stderr: """
                error: invalid state document at '$.accounts[1]': account 'T12345678' appears twice (also at $.accounts[0])

                """)
    }

    func testDuplicateProfileIsRefusedNamingAccountAndProfile() throws {
        try assertRefused(
            document(profiles: "[\(cardProfile), \(cardProfile)]"),
            stderr: """
                error: invalid state document at '$.accounts[0].profiles[1]': profile 'webshop' of account 'T12345678' appears twice

                """)
    }

    func testDuplicateMethodIsRefused() throws {
        try assertRefused(
            document(
                methods:
                    #"[{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}, {"type": "dintero_psp.creditcard", "currencies": ["SEK"]}]"#
            ),
            stderr: """
                error: invalid state document at '$.accounts[0].payment_methods[1]': method 'dintero_psp.creditcard' appears twice

                """)
    }

    func testPayexClickToPayAsAMethodIsAPolicyViolation() throws {
        try assertRefused(
            document(methods: #"[{"type": "payex.clicktopay", "currencies": ["NOK"]}]"#), ["--json"],
            stderr: """
                {"error":{"code":"policy_violation","exit_code":3,"hint":"use 'dintero_psp.clicktopay' instead","message":"payment type 'payex.clicktopay' is refused at '$.accounts[0].payment_methods[0].type': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"}}

                """)
    }

    func testPayexClickToPayInAProfileIsAPolicyViolation() throws {
        let profile =
            #"{"profile_id": "webshop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}, "payex": {"clicktopay": {"enabled": true}}}}"#
        try assertRefused(
            document(profiles: "[\(profile)]"), ["--json"],
            stderr: """
                {"error":{"code":"policy_violation","exit_code":3,"hint":"use 'dintero_psp.clicktopay' instead","message":"payment type 'payex.clicktopay' is refused at '$.accounts[0].profiles[0].configuration.payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"}}

                """)
    }

    func testDisabledPayexClickToPayInAProfileIsStillAPolicyViolation() throws {
        let profile =
            #"{"profile_id": "webshop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}, "payex": {"clicktopay": {"enabled": false}}}}"#
        try assertRefused(
            document(profiles: "[\(profile)]"), ["--json"],
            stderr: """
                {"error":{"code":"policy_violation","exit_code":3,"hint":"use 'dintero_psp.clicktopay' instead","message":"payment type 'payex.clicktopay' is refused at '$.accounts[0].profiles[0].configuration.payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"}}

                """)
    }

    func testPayexClickToPayAsDefaultPaymentTypeIsAPolicyViolation() throws {
        let profile =
            #"{"profile_id": "webshop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}, "default_payment_type": "payex.clicktopay"}}"#
        try assertRefused(
            document(profiles: "[\(profile)]"), ["--json"],
            stderr: """
                {"error":{"code":"policy_violation","exit_code":3,"hint":"use 'dintero_psp.clicktopay' instead","message":"payment type 'payex.clicktopay' is refused at '$.accounts[0].profiles[0].configuration.default_payment_type': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"}}

                """)
    }

    func testClickToPayHiddenUnderAnUnknownGatewayIsAPolicyViolation() throws {
        let profile =
            #"{"profile_id": "webshop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}, "acme": {"clicktopay": {"enabled": true}}}}"#
        try assertRefused(
            document(profiles: "[\(profile)]"), ["--json"],
            stderr: """
                {"error":{"code":"policy_violation","exit_code":3,"hint":"use 'dintero_psp.clicktopay' instead","message":"payment type 'acme.clicktopay' is refused at '$.accounts[0].profiles[0].configuration.acme.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"}}

                """)
    }

    func testBadDocumentOnAMissingStoreCreatesNoStore() {
        assertRun(
            apply(document(methods: #"[{"type": "payex.clicktopay", "currencies": ["NOK"]}]"#)), status: 3,
            stderr: """
                error: payment type 'payex.clicktopay' is refused at '$.accounts[0].payment_methods[0].type': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'
                hint: use 'dintero_psp.clicktopay' instead

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testMissingFileIsRefused() {
        let path = "\(cli.directory)/missing.json"
        assertRun(
            cli.run(["apply", path]), status: 3, stderr: "error: cannot read '\(path)': No such file or directory\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testMalformedStdinNamesStdin() {
        assertRun(
            cli.run(["apply", "-"], stdin: "{"), status: 3,
            stderr: """
                error: invalid JSON in '<stdin>': unexpected end of input at line 1, column 2 ($)

                """)
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: - History of an apply

    func testApplyRecordsOneHistoryRowPerChangeWithItsCommandLine() throws {
        makeCardAccount()
        let path = cli.file(
            "state.json",
            document(
                settings: #"{"name": "Example AS", "logo_url": "https://example.com/logo.png"}"#,
                profiles: "[\(cardProfile)]"))
        let first = try historyCount()
        cli.succeed("apply \(path) --actor ci-bot")
        XCTAssertEqual(
            try cli.rows(
                "SELECT actor, command, account_id, action, kind, object_id FROM history WHERE seq > \(first) ORDER BY seq"
            ),
            [
                ["ci-bot", "checkout-admin apply \(path) --actor ci-bot", "T12345678", "change", "settings", "name"],
                ["ci-bot", "checkout-admin apply \(path) --actor ci-bot", "T12345678", "add", "profile", "webshop"],
            ])
    }

    // MARK: - Helpers

    private func exampleStatePath() -> String {
        // Tests/CheckoutAdminTests/Commands/ → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Scripts/example-state.json").path
    }
}
