import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `history`: what every committed change records, who the actor is, the append-only store, and
/// the listing in text and JSON with `--limit` and `--since`.
final class HistoryCommandTests: CLITestCase {
    /// Appends a one-change write to the history through the store's own recorder, so listings have fixed times.
    private func insertHistory(
        at time: String, actor: String = "alice", command: String = "checkout-admin settings set T12345678 name=Shop",
        account: String = "T12345678", action: String = "change", kind: String = "settings",
        id: String = "name", before: String? = #""Example""#, after: String? = #""Shop""#
    ) throws {
        let store = Store(database: try cli.database(), path: cli.storePath, exists: true)
        try store.database.transaction(.immediate) {
            let history = try HistoryRecorder(store: store, at: time, actor: actor, command: command)
            try history.record(
                HistoryChange(
                    account: account, action: action, kind: kind, objectID: id, before: before, after: after))
            try history.finish()
        }
    }

    /// An empty store with three rows at fixed times: T11111111 added, then named, then T22222222 added.
    private func makeFixedHistory() throws {
        cli.succeed("init")
        try insertHistory(
            at: "2026-11-01T09:00:00Z", command: "checkout-admin account add T11111111 --name One",
            account: "T11111111",
            action: "add", kind: "account", id: "T11111111", before: nil,
            after: #"{"account_id":"T11111111","payment_methods":[],"profiles":[],"settings":{}}"#)
        try insertHistory(
            at: "2026-11-01T09:00:00Z", command: "checkout-admin account add T11111111 --name One",
            account: "T11111111",
            action: "add", kind: "settings", id: "name", before: nil, after: #""One""#)
        try insertHistory(
            at: "2026-11-02T10:30:00Z", actor: "bob", command: "checkout-admin account add T22222222",
            account: "T22222222",
            action: "add", kind: "account", id: "T22222222", before: nil,
            after: #"{"account_id":"T22222222","payment_methods":[],"profiles":[],"settings":{}}"#)
    }

    private func recorded(_ columns: String = "actor") throws -> [[String]] {
        try cli.rows("SELECT \(columns) FROM history ORDER BY seq")
    }

    // MARK: - What a change records

    func testEveryWritingCommandRecordsEachChangeWithBeforeAndAfter() throws {
        cli.succeed("account add T12345678 --name Example")
        cli.succeed("settings set T12345678 name=Shop")
        cli.succeed("settings unset T12345678 name")
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK")
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        cli.succeed("profile remove T12345678 webshop --yes")
        cli.succeed("method disable T12345678 dintero_psp.creditcard")
        cli.succeed("account remove T12345678 --yes")
        let empty = #"{"account_id":"T12345678","payment_methods":[],"profiles":[],"settings":{}}"#
        let card = #"{"currencies":["NOK"],"type":"dintero_psp.creditcard"}"#
        let profile =
            #"{"configuration":{"active_payment_types":{"enabled":false},"auto_capture":false,"dintero_psp":{"creditcard":{"enabled":true,"generate_payment_token":false}}},"profile_id":"webshop"}"#
        XCTAssertEqual(
            try recorded("command, account_id, action, kind, object_id, before, after"),
            [
                [
                    "checkout-admin account add T12345678 --name Example", "T12345678", "add", "account", "T12345678",
                    "NULL", empty,
                ],
                [
                    "checkout-admin account add T12345678 --name Example", "T12345678", "add", "settings", "name",
                    "NULL", #""Example""#,
                ],
                [
                    "checkout-admin settings set T12345678 name=Shop", "T12345678", "change", "settings", "name",
                    #""Example""#, #""Shop""#,
                ],
                [
                    "checkout-admin settings unset T12345678 name", "T12345678", "remove", "settings", "name",
                    #""Shop""#, "NULL",
                ],
                [
                    "checkout-admin method enable T12345678 dintero_psp.creditcard --currency NOK", "T12345678", "add",
                    "method",
                    "dintero_psp.creditcard", "NULL", card,
                ],
                [
                    "checkout-admin profile add T12345678 webshop --method dintero_psp.creditcard", "T12345678", "add",
                    "profile", "webshop",
                    "NULL", profile,
                ],
                [
                    "checkout-admin profile remove T12345678 webshop --yes", "T12345678", "remove", "profile",
                    "webshop", profile, "NULL",
                ],
                [
                    "checkout-admin method disable T12345678 dintero_psp.creditcard", "T12345678", "remove", "method",
                    "dintero_psp.creditcard",
                    card, "NULL",
                ],
                [
                    "checkout-admin account remove T12345678 --yes", "T12345678", "remove", "account", "T12345678",
                    empty, "NULL",
                ],
            ])
    }

    func testRemovingAnAccountRecordsEverythingItHadAsBefore() throws {
        makeCardAccount()
        cli.succeed("account remove T12345678 --yes")
        let before = try XCTUnwrap(try cli.rows("SELECT before FROM history WHERE action = 'remove'").first?.first)
        XCTAssertEqual(
            before,
            #"{"account_id":"T12345678","payment_methods":[{"currencies":["NOK"],"type":"dintero_psp.creditcard"}],"#
                + #""profiles":[],"settings":{"logo_url":"https://example.com/logo.png","name":"Example"}}"#)
    }

    func testClickToPayEnableRecordsTheMethodAndTheProfile() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        let first = try cli.rows("SELECT max(seq) FROM history")[0][0]
        cli.succeed("clicktopay enable T12345678")
        XCTAssertEqual(
            try cli.rows("SELECT command, action, kind, object_id FROM history WHERE seq > \(first) ORDER BY seq"),
            [
                ["checkout-admin clicktopay enable T12345678", "add", "method", "dintero_psp.clicktopay"],
                ["checkout-admin clicktopay enable T12345678", "change", "profile", "webshop"],
            ])
    }

    func testCommandLineIsRecordedShellQuoted() throws {
        cli.succeed("init")
        XCTAssertEqual(cli.run(["account", "add", "T12345678", "--name", "Example's Shop"]).status, 0)
        XCTAssertEqual(
            try recorded("DISTINCT command"), [[#"checkout-admin account add T12345678 --name 'Example'\''s Shop'"#]])
    }

    func testTimeIsUTCRFC3339AtTheMomentOfTheChange() throws {
        let start = Timestamp.now()
        cli.succeed("account add T12345678")
        let end = Timestamp.now()
        let text = try XCTUnwrap(try recorded("at").first?.first)
        XCTAssertNotNil(
            text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"#, options: .regularExpression),
            text)
        let time = try XCTUnwrap(Timestamp(rfc3339: text))
        XCTAssertTrue(start <= time && time <= end, "\(text) not within the run")
    }

    func testOneCommandsChangesShareOneTime() throws {
        cli.succeed("account add T12345678 --name Example")
        XCTAssertEqual(try recorded("count(DISTINCT at)"), [["1"]])
    }

    func testRefusedCommandRecordsNothing() throws {
        cli.succeed("account add T12345678")
        XCTAssertEqual(cli.run("method enable T12345678 payex.clicktopay --currency NOK").status, 3)
        XCTAssertEqual(try recorded("count(*)"), [["1"]])
    }

    func testCommandThatChangesNothingRecordsNothing() throws {
        cli.succeed("account add T12345678 --name Example")
        cli.succeed("account add T12345678 --if-not-exists")
        cli.succeed("settings set T12345678 name=Example")
        XCTAssertEqual(try recorded("count(*)"), [["2"]])
    }

    // MARK: - The actor

    func testActorOptionBeatsTheEnvironment() throws {
        cli.environment["CHECKOUT_ADMIN_ACTOR"] = "ci"
        cli.succeed("account add T12345678 --actor alice")
        XCTAssertEqual(try recorded(), [["alice"]])
    }

    func testEnvironmentActorBeatsTheLoginName() throws {
        cli.environment["CHECKOUT_ADMIN_ACTOR"] = "ci"
        cli.environment["USER"] = "bob"
        cli.succeed("account add T12345678")
        XCTAssertEqual(try recorded(), [["ci"]])
    }

    func testLoginNameIsTheDefaultActor() throws {
        cli.environment["CHECKOUT_ADMIN_ACTOR"] = nil
        cli.environment["USER"] = "bob"
        cli.succeed("account add T12345678")
        XCTAssertEqual(try recorded(), [["bob"]])
    }

    func testEmptyActorVariableFallsBackToTheLoginName() throws {
        cli.environment["CHECKOUT_ADMIN_ACTOR"] = ""
        cli.environment["USER"] = "bob"
        cli.succeed("account add T12345678")
        XCTAssertEqual(try recorded(), [["bob"]])
    }

    func testWithoutAnyNameInTheEnvironmentTheAccountsLoginNameIsTheActor() throws {
        cli.environment["CHECKOUT_ADMIN_ACTOR"] = nil
        let login = try XCTUnwrap(loginName())
        cli.succeed("account add T12345678")
        XCTAssertEqual(try recorded(), [[login]])
    }

    // MARK: - Append-only

    func testUpdatingAHistoryRowIsRefusedByTheStoreEvenFromRawSQL() throws {
        cli.succeed("account add T12345678")
        let database = try cli.database()
        XCTAssertThrowsError(try database.execute("UPDATE history_write SET actor = 'mallory'")) { error in
            XCTAssertTrue((error as? SQLiteError)?.message.contains("history is append-only") == true, "\(error)")
        }
        XCTAssertEqual(try recorded(), [["tester"]])
    }

    func testDeletingAHistoryRowIsRefusedByTheStoreEvenFromRawSQL() throws {
        cli.succeed("account add T12345678")
        let database = try cli.database()
        XCTAssertThrowsError(try database.execute("DELETE FROM history_changes")) { error in
            XCTAssertTrue((error as? SQLiteError)?.message.contains("history is append-only") == true, "\(error)")
        }
        XCTAssertEqual(try recorded("count(*)"), [["1"]])
    }

    func testRemovingAnAccountKeepsItsHistory() throws {
        cli.succeed("account add T12345678 --name Example")
        cli.succeed("account remove T12345678 --yes")
        XCTAssertEqual(
            try recorded("action, kind"), [["add", "account"], ["add", "settings"], ["remove", "account"]])
    }

    // MARK: - Listing

    func testHistoryListsWritesNewestFirstEachWithItsChangesInOrder() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history"), status: 0,
            stdout: """
                2026-11-02T10:30:00Z  bob  checkout-admin account add T22222222
                  + account T22222222 (0 settings, 0 methods, 0 profiles)
                2026-11-01T09:00:00Z  alice  checkout-admin account add T11111111 --name One
                  + account T11111111 (1 setting, 0 methods, 0 profiles)
                  + settings T11111111 name: 'One'

                """)
    }

    func testHistoryShowsAChangeAndARemovalWithBeforeAndAfter() throws {
        cli.succeed("init")
        try insertHistory(at: "2026-11-01T09:00:00Z")
        try insertHistory(
            at: "2026-11-01T09:05:00Z", command: "checkout-admin settings unset T12345678 name", action: "remove",
            before: #""Shop""#, after: nil)
        assertRun(
            cli.run("history"), status: 0,
            stdout: """
                2026-11-01T09:05:00Z  alice  checkout-admin settings unset T12345678 name
                  - settings T12345678 name: 'Shop'
                2026-11-01T09:00:00Z  alice  checkout-admin settings set T12345678 name=Shop
                  ~ settings T12345678 name: 'Example' → 'Shop'

                """)
    }

    func testControlCharactersInTheActorAreEscapedInText() throws {
        // `--actor` refuses control characters now; an older version (or raw SQL) may have written them.
        cli.succeed("init")
        try insertHistory(
            at: "2026-11-01T09:00:00Z", actor: "eve\u{1B}[2J",
            command: "checkout-admin account add T12345678 --actor 'eve\u{1B}[2J'", action: "add", kind: "account",
            id: "T12345678", before: nil, after: nil)
        assertRun(
            cli.run("history"), status: 0,
            stdout: """
                2026-11-01T09:00:00Z  eve\\u{1b}[2J  checkout-admin account add T12345678 --actor 'eve\\u{1b}[2J'
                  + account T12345678 (0 settings, 0 methods, 0 profiles)

                """)
    }

    func testRowsWhoseValuesDoNotReadBackAreShownAsStored() throws {
        cli.succeed("init")
        try insertHistory(
            at: "2026-11-01T09:00:00Z", command: "checkout-admin method disable T12345678 vipps", action: "remove",
            kind: "method", id: "vipps", before: #"{"currencies":"NOK"}"#, after: nil)
        try insertHistory(
            at: "2026-11-01T09:00:00Z", command: "checkout-admin method disable T12345678 vipps", action: "renamed",
            kind: "widget", id: "w1", before: nil, after: #""x""#)
        assertRun(
            cli.run("history"), status: 0,
            stdout: """
                2026-11-01T09:00:00Z  alice  checkout-admin method disable T12345678 vipps
                  - method T12345678 vipps: {"currencies":"NOK"} → ∅
                  renamed widget T12345678 w1: ∅ → "x"

                """)
    }

    func testHistoryJSONHasEveryFieldWithBeforeAndAfterAsJSON() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history --json --limit 2"), status: 0,
            stdout: """
                {
                  "entries": [
                    {
                      "account": "T22222222",
                      "action": "add",
                      "actor": "bob",
                      "after": {
                        "account_id": "T22222222",
                        "payment_methods": [],
                        "profiles": [],
                        "settings": {}
                      },
                      "at": "2026-11-02T10:30:00Z",
                      "before": null,
                      "command": "checkout-admin account add T22222222",
                      "id": "T22222222",
                      "kind": "account",
                      "seq": 3
                    },
                    {
                      "account": "T11111111",
                      "action": "add",
                      "actor": "alice",
                      "after": "One",
                      "at": "2026-11-01T09:00:00Z",
                      "before": null,
                      "command": "checkout-admin account add T11111111 --name One",
                      "id": "name",
                      "kind": "settings",
                      "seq": 2
                    }
                  ],
                  "format_version": "1"
                }

                """)
    }

    func testHistoryOfOneAccountHasOnlyItsEntries() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history T22222222"), status: 0,
            stdout: """
                2026-11-02T10:30:00Z  bob  checkout-admin account add T22222222
                  + account T22222222 (0 settings, 0 methods, 0 profiles)

                """)
    }

    func testHistoryOfARemovedAccountStillListsItsChanges() throws {
        cli.succeed("account add T12345678")
        cli.succeed("account remove T12345678 --yes")
        let result = cli.run("history T12345678 --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let actions = try JSONValue(parsing: result.stdout)["entries"]?.arrayValue?.map { $0["action"] }
        XCTAssertEqual(actions, [.string("remove"), .string("add")])
    }

    func testLimitKeepsTheNewestEntries() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history --limit 1"), status: 0,
            stdout: """
                2026-11-02T10:30:00Z  bob  checkout-admin account add T22222222
                  + account T22222222 (0 settings, 0 methods, 0 profiles)

                """)
    }

    func testSinceADateKeepsEntriesFromThatDayOn() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history --since 2026-11-02"), status: 0,
            stdout: """
                2026-11-02T10:30:00Z  bob  checkout-admin account add T22222222
                  + account T22222222 (0 settings, 0 methods, 0 profiles)

                """)
    }

    func testSinceIsInclusiveOfTheExactTime() throws {
        try makeFixedHistory()
        let result = cli.run("history --since 2026-11-01T09:00:00Z --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try JSONValue(parsing: result.stdout)["entries"]?.arrayValue?.count, 3)
    }

    func testSinceWithAnOffsetIsComparedInUTC() throws {
        try makeFixedHistory()
        // 11:30 at +01:00 is 10:30 UTC: the last entry only.
        assertRun(
            cli.run("history --since 2026-11-02T11:30:00+01:00"), status: 0,
            stdout: """
                2026-11-02T10:30:00Z  bob  checkout-admin account add T22222222
                  + account T22222222 (0 settings, 0 methods, 0 profiles)

                """)
    }

    func testSinceWithFractionalSecondsIsAccepted() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history --since 2026-11-02T10:30:00.000Z"), status: 0,
            stdout: """
                2026-11-02T10:30:00Z  bob  checkout-admin account add T22222222
                  + account T22222222 (0 settings, 0 methods, 0 profiles)

                """)
    }

    func testSinceAFractionAfterAnEntryExcludesIt() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history --since 2026-11-02T10:30:00.250Z"), status: 0,
            stdout: "")
    }

    func testSinceWithAnEmptyFractionIsRefused() {
        assertRun(
            cli.run("history --since 2026-11-02T10:30:00.Z"), status: 3,
            stderr: """
                error: invalid time '2026-11-02T10:30:00.Z'
                hint: --since takes an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T12:00:00Z

                """)
    }

    func testLimitAndSinceAndAccountCombine() throws {
        try makeFixedHistory()
        assertRun(
            cli.run("history T11111111 --since 2026-11-01 --limit 1"), status: 0,
            stdout: """
                2026-11-01T09:00:00Z  alice  checkout-admin account add T11111111 --name One
                  + settings T11111111 name: 'One'

                """)
    }

    func testHistoryOnAMissingStoreIsEmptyAndCreatesNoStore() {
        assertRun(
            cli.run("history --json"), status: 0,
            stdout: """
                {
                  "entries": [],
                  "format_version": "1"
                }

                """)
        assertRun(cli.run("history"), status: 0, stdout: "")
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: - Invalid options: exit 3

    func testZeroLimitIsRefused() {
        assertRun(
            cli.run("history --limit 0"), status: 3,
            stderr: "error: invalid limit '0'\nhint: --limit takes a whole number above 0\n")
    }

    func testNegativeLimitIsRefused() {
        assertRun(
            cli.run("history --limit=-1"), status: 3,
            stderr: "error: invalid limit '-1'\nhint: --limit takes a whole number above 0\n")
    }

    func testNonNumericLimitIsRefused() {
        assertRun(
            cli.run("history --limit ten"), status: 3,
            stderr: "error: invalid limit 'ten'\nhint: --limit takes a whole number above 0\n")
    }

    func testLimitBeyondIntegerRangeIsRefused() {
        assertRun(
            cli.run("history --limit 99999999999999999999"), status: 3,
            stderr: "error: invalid limit '99999999999999999999'\nhint: --limit takes a whole number above 0\n")
    }

    func testInvalidLimitWithJSONIsOneErrorObject() {
        assertRun(
            cli.run("history --limit 0 --json"), status: 3,
            stderr: """
                {"error":{"code":"invalid_value","exit_code":3,"hint":"--limit takes a whole number above 0","message":"invalid limit '0'"}}

                """)
    }

    func testSinceThatIsNotATimeIsRefused() {
        assertRun(
            cli.run("history --since yesterday"), status: 3,
            stderr: """
                error: invalid time 'yesterday'
                hint: --since takes an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T12:00:00Z

                """)
    }

    func testSinceWithAnImpossibleDateIsRefused() {
        assertRun(
            cli.run("history --since 2026-02-30"), status: 3,
            stderr: """
                error: invalid time '2026-02-30'
                hint: --since takes an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T12:00:00Z

                """)
    }

    func testSinceWithoutAZoneIsRefused() {
        assertRun(
            cli.run("history --since 2026-11-01T12:00:00"), status: 3,
            stderr: """
                error: invalid time '2026-11-01T12:00:00'
                hint: --since takes an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T12:00:00Z

                """)
    }

    func testInvalidAccountIsRefused() {
        assertRun(
            cli.run("history T1234"), status: 3,
            stderr: """
                error: invalid account id 'T1234'
                hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678

                """)
    }
}
