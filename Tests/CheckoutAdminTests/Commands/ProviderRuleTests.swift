import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The Click to Pay provider rule: `<gateway>.clicktopay` from any gateway but dintero_psp is refused on
/// every path — each command, each place in an imported profile, and the store itself.
final class ProviderRuleTests: CLITestCase {
    /// A schema type, a catalogue gateway without it, and a gateway that does not exist at all.
    private let foreignTypes = ["payex.clicktopay", "bambora.clicktopay", "acme.clicktopay"]

    private func refusalText(_ type: String, at place: String = "") -> String {
        "error: payment type '\(type)' is refused\(place): Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'\n"
            + "hint: use 'dintero_psp.clicktopay' instead\n"
    }

    private func refusalJSON(_ type: String, at place: String = "") -> String {
        #"{"error":{"code":"policy_violation","exit_code":3,"hint":"use 'dintero_psp.clicktopay' instead","message":"payment type '"#
            + type + "' is refused" + place
            + #": Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"}}"# + "\n"
    }

    /// An account with cards and a profile 'web' offering them: every path below starts from here.
    private func makeAccountWithProfile() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
    }

    private func assertRefused(
        _ arguments: [String], stderr: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let before = cli.storeBytes()
        assertRun(cli.run(arguments), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(
            cli.storeBytes(), before, "a refused command leaves the store byte-identical", file: file, line: line)
    }

    private func words(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    // MARK: method enable

    func testMethodEnableRefusesForeignClickToPay() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(words("method enable T12345678 \(type) --currency NOK"), stderr: refusalText(type))
        }
    }

    func testMethodEnableOfForeignClickToPayIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(words("method enable T12345678 \(type) --currency NOK --json"), stderr: refusalJSON(type))
        }
    }

    func testMethodEnableRefusesForeignClickToPayEvenOnAMissingAccount() {
        for type in foreignTypes {
            assertRun(
                cli.run(words("method enable T12345678 \(type) --currency NOK")), status: 3, stderr: refusalText(type))
        }
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: profile add --method / --default

    func testProfileAddMethodOptionRefusesForeignClickToPay() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(
                words("profile add T12345678 shop --method dintero_psp.creditcard --method \(type)"),
                stderr: refusalText(type))
        }
    }

    func testProfileAddMethodOptionOfForeignClickToPayIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(words("profile add T12345678 shop --method \(type) --json"), stderr: refusalJSON(type))
        }
    }

    func testProfileAddDefaultOptionRefusesForeignClickToPay() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(
                words("profile add T12345678 shop --method dintero_psp.creditcard --default \(type)"),
                stderr: refusalText(type))
        }
    }

    func testProfileAddDefaultOptionOfForeignClickToPayIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(
                words("profile add T12345678 shop --all-active --default \(type) --json"), stderr: refusalJSON(type))
        }
    }

    func testProfileAddWithIfNotExistsStillRefusesForeignClickToPay() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(
                words("profile add T12345678 web --method \(type) --if-not-exists"), stderr: refusalText(type))
        }
    }

    // MARK: profile add-method

    func testAddMethodRefusesForeignClickToPay() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(words("profile add-method T12345678 web \(type)"), stderr: refusalText(type))
        }
    }

    func testAddMethodOfForeignClickToPayIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(
                words("profile add-method T12345678 web dintero_psp.creditcard \(type) --json"),
                stderr: refusalJSON(type))
        }
    }

    // MARK: profile set default_payment_type=

    func testProfileSetDefaultPaymentTypeRefusesForeignClickToPay() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(
                ["profile", "set", "T12345678", "web", "default_payment_type=\(type)"], stderr: refusalText(type))
        }
    }

    func testProfileSetDefaultPaymentTypeOfForeignClickToPayIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        for type in foreignTypes {
            assertRefused(
                ["profile", "set", "T12345678", "web", "auto_capture=true", "default_payment_type=\(type)", "--json"],
                stderr: refusalJSON(type))
        }
    }

    // MARK: profile import

    func testImportRefusesAnEnabledForeignClickToPayInsideItsGateway() {
        makeAccountWithProfile()
        for type in ["payex.clicktopay", "bambora.clicktopay"] {
            let gateway = String(type.prefix { $0 != "." })
            let path = cli.file(
                "\(gateway).json",
                """
                {"profile_id": "shop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}},
                 "\(gateway)": {"clicktopay": {"enabled": true}}}}
                """)
            assertRefused(
                ["profile", "import", "T12345678", path],
                stderr: refusalText(type, at: " at '$.configuration.\(type)'"))
        }
    }

    func testImportDropsADisabledForeignClickToPayWithAWarningThatNamesIt() throws {
        makeAccountWithProfile()
        for gateway in ["payex", "acme"] {
            let path = cli.file(
                "\(gateway).json",
                """
                {"profile_id": "shop-\(gateway)", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}},
                 "\(gateway)": {"clicktopay": {"enabled": false, "payability": "disabled_by_gateway"}}}}
                """)
            assertRun(
                cli.run(["profile", "import", "T12345678", path]), status: 0,
                stderr: """
                    warning: dropped disabled '\(gateway).clicktopay' at '$.configuration.\(gateway).clicktopay': Click to Pay is only offered through 'dintero_psp.clicktopay'
                    + profile T12345678 shop-\(gateway): offers dintero_psp.creditcard

                    """)
        }
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile_method WHERE type LIKE '%clicktopay'"), [["0"]])
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM profile WHERE extra_configuration LIKE '%clicktopay%'"), [["0"]])
    }

    func testImportOfForeignClickToPayInsideItsGatewayIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        let path = cli.file(
            "shop.json",
            """
            [{"profile_id": "ok", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}},
             {"profile_id": "shop", "configuration": {"payex": {"type": "payment_type", "clicktopay": {"enabled": true}}}}]
            """)
        assertRefused(
            ["profile", "import", "T12345678", path, "--json"],
            stderr: refusalJSON("payex.clicktopay", at: " at '$[1].configuration.payex.clicktopay'"))
    }

    func testImportRefusesForeignClickToPayAsTheDefaultPaymentType() {
        makeAccountWithProfile()
        for type in foreignTypes {
            let path = cli.file(
                "default.json",
                """
                {"profile_id": "shop", "configuration": {"default_payment_type": "\(type)", "dintero_psp": {"creditcard": {"enabled": true}}}}
                """)
            assertRefused(
                ["profile", "import", "T12345678", path],
                stderr: refusalText(type, at: " at '$.configuration.default_payment_type'"))
        }
    }

    func testImportOfForeignClickToPayAsTheDefaultPaymentTypeIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        let path = cli.file(
            "default.json", #"{"profile_id": "web", "configuration": {"default_payment_type": "bambora.clicktopay"}}"#)
        assertRefused(
            ["profile", "import", "T12345678", path, "--replace", "--json"],
            stderr: refusalJSON("bambora.clicktopay", at: " at '$.configuration.default_payment_type'"))
    }

    func testImportRefusesClickToPayHiddenUnderAnUnknownConfigurationKey() {
        makeAccountWithProfile()
        for enabled in [true] {
            let path = cli.file(
                "hidden.json",
                """
                {"profile_id": "shop", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}},
                 "acme": {"clicktopay": {"enabled": \(enabled)}}}}
                """)
            assertRefused(
                ["profile", "import", "T12345678", path],
                stderr: refusalText("acme.clicktopay", at: " at '$.configuration.acme.clicktopay'"))
        }
    }

    func testImportOfClickToPayHiddenUnderAnUnknownKeyIsAPolicyViolationInJSON() {
        makeAccountWithProfile()
        let path = cli.file(
            "hidden.json", #"{"profile_id": "shop", "configuration": {"vipps_psp": {"clicktopay": {"enabled": true}}}}"#
        )
        assertRefused(
            ["profile", "import", "T12345678", "--json", path],
            stderr: refusalJSON("vipps_psp.clicktopay", at: " at '$.configuration.vipps_psp.clicktopay'"))
    }

    func testImportFromStdinRefusesForeignClickToPay() {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        let result = cli.run(
            ["profile", "import", "T12345678", "-"],
            stdin: #"{"profile_id": "shop", "configuration": {"payex": {"clicktopay": {"enabled": true}}}}"#)
        assertRun(
            result, status: 3, stderr: refusalText("payex.clicktopay", at: " at '$.configuration.payex.clicktopay'"))
        XCTAssertEqual(cli.storeBytes(), before)
    }

    // MARK: spellings that are not the rule's business

    func testUpperCaseSpellingsOfClickToPayAreUnknownTypes() {
        makeAccountWithProfile()
        for type in ["PAYEX.clicktopay", "Dintero_PSP.clicktopay", "payex.ClickToPay", "DINTERO_PSP.CLICKTOPAY"] {
            assertRefused(
                words("method enable T12345678 \(type) --currency NOK --json"),
                stderr:
                    #"{"error":{"code":"invalid_value","exit_code":3,"hint":"see 'checkout-admin method types' for the catalogue","message":"unknown payment type '"#
                    + type + #"'"}}"# + "\n")
        }
    }

    func testUpperCaseSpellingOfClickToPayIsAnUnknownTypeInAddMethod() {
        makeAccountWithProfile()
        assertRefused(
            words("profile add-method T12345678 web PAYEX.clicktopay"),
            stderr: """
                error: unknown payment type 'PAYEX.clicktopay'
                hint: see 'checkout-admin method types' for the catalogue

                """)
    }

    func testDinteroPSPClickToPayIsAccepted() throws {
        makeAccountWithProfile()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.clicktopay"), status: 0,
            stderr: "+ method T12345678 dintero_psp.clicktopay: NOK\n" + emailUnknown + """
                  warning ctp-missing-from-profile: profile 'web' of account 'T12345678' offers cards but not Click to Pay, which the account has
                           fix: checkout-admin clicktopay enable T12345678 --profile web

                """)
        assertRun(
            cli.run("profile add-method T12345678 web dintero_psp.clicktopay"), status: 0,
            stderr:
                "~ profile T12345678 web: offers dintero_psp.creditcard → offers dintero_psp.clicktopay, dintero_psp.creditcard\n"
        )
        XCTAssertEqual(
            try cli.rows("SELECT type FROM profile_method ORDER BY type"),
            [["dintero_psp.clicktopay"], ["dintero_psp.creditcard"]])
    }

    // MARK: the store

    /// Runs `sql` against the store with `pragmas` first and returns the SQLiteError it must throw.
    private func storeRefusal(_ sql: String, pragmas: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> SQLiteError?
    {
        let database = try cli.database()
        try database.execute(pragmas)
        do {
            try database.execute(sql)
            XCTFail("the store accepted: \(sql)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private static let foreignKeysOff = "PRAGMA foreign_keys = OFF;"
    private static let checksOff = "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;"
    /// SQLITE_CONSTRAINT and SQLITE_CONSTRAINT_TRIGGER / SQLITE_CONSTRAINT_CHECK.
    private static let constraint: Int32 = 19, constraintTrigger: Int32 = 1811, constraintCheck: Int32 = 275

    private func assertProviderRuleError(
        _ error: SQLiteError?, extendedCode: Int32 = constraintTrigger,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let error else { return }
        XCTAssertEqual(error.code, Self.constraint, "\(error)", file: file, line: line)
        XCTAssertEqual(error.extendedCode, extendedCode, "\(error)", file: file, line: line)
        XCTAssertTrue(error.message.contains("dintero_psp.clicktopay"), error.message, file: file, line: line)
    }

    private func assertStoreUnchanged(_ before: Data?, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(cli.storeBytes(), before, file: file, line: line)
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM payment_method WHERE type LIKE '%clicktopay'"), [["0"]], file: file,
            line: line)
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM profile_method WHERE type LIKE '%clicktopay'"), [["0"]], file: file,
            line: line)
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM profile WHERE profile_id <> 'web'"), [["0"]], file: file, line: line)
    }

    func testStoreRefusesAForeignClickToPayMethodWithForeignKeysOff() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for type in foreignTypes {
            assertProviderRuleError(
                try storeRefusal(
                    "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T99999999', '\(type)', 'NOK')",
                    pragmas: Self.foreignKeysOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesAForeignClickToPayMethodIgnoringCheckConstraints() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for type in foreignTypes {
            assertProviderRuleError(
                try storeRefusal(
                    "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', '\(type)', 'NOK')",
                    pragmas: Self.checksOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesAForeignClickToPayProfileMethodWithForeignKeysOff() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for type in foreignTypes {
            assertProviderRuleError(
                try storeRefusal(
                    "INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T99999999', 'ghost', '\(type)')",
                    pragmas: Self.foreignKeysOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesAForeignClickToPayProfileMethodIgnoringCheckConstraints() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for type in foreignTypes {
            assertProviderRuleError(
                try storeRefusal(
                    "INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'web', '\(type)')",
                    pragmas: Self.checksOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesAForeignClickToPayDefaultPaymentTypeWithForeignKeysOff() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for type in foreignTypes {
            assertProviderRuleError(
                try storeRefusal(
                    """
                    INSERT INTO profile (account_id, profile_id, all_active, default_payment_type) VALUES ('T99999999', 'shop', 1, '\(type)')
                    """, pragmas: Self.foreignKeysOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesAForeignClickToPayDefaultPaymentTypeIgnoringCheckConstraints() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for type in foreignTypes {
            assertProviderRuleError(
                try storeRefusal(
                    """
                    INSERT INTO profile (account_id, profile_id, all_active, default_payment_type) VALUES ('T12345678', 'shop', 1, '\(type)')
                    """, pragmas: Self.checksOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesAGatewayObjectWithClickToPayInExtraConfigurationWithForeignKeysOff() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for gateway in ["payex", "bambora", "acme"] {
            assertProviderRuleError(
                try storeRefusal(
                    """
                    INSERT INTO profile (account_id, profile_id, all_active, extra_configuration)
                    VALUES ('T99999999', 'shop', 1, '{"theme": {"primary": "#000000"}, "\(gateway)": {"clicktopay": {"enabled": true}}}')
                    """, pragmas: Self.foreignKeysOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesAGatewayObjectWithClickToPayInExtraConfigurationIgnoringCheckConstraints() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for gateway in ["payex", "bambora", "acme"] {
            assertProviderRuleError(
                try storeRefusal(
                    """
                    INSERT INTO profile (account_id, profile_id, all_active, extra_configuration)
                    VALUES ('T12345678', 'shop', 1, '{"\(gateway)": {"clicktopay": {"enabled": false}}}')
                    """, pragmas: Self.checksOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreRefusesUpdatingRowsToForeignClickToPay() throws {
        makeAccountWithProfile()
        let before = cli.storeBytes()
        for sql in [
            "UPDATE payment_method SET type = 'payex.clicktopay'",
            "UPDATE profile_method SET type = 'bambora.clicktopay'",
            "UPDATE profile SET default_payment_type = 'acme.clicktopay'",
            #"UPDATE profile SET extra_configuration = '{"payex": {"clicktopay": {"enabled": true}}}'"#,
        ] {
            assertProviderRuleError(try storeRefusal(sql, pragmas: Self.checksOff))
        }
        try assertStoreUnchanged(before)
    }

    func testStoreCheckConstraintStillRefusesWhenTheTriggerIsDropped() throws {
        makeAccountWithProfile()
        let error = try storeRefusal(
            "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'payex.clicktopay', 'NOK')",
            pragmas: "DROP TRIGGER payment_method_provider_rule_on_insert;")
        guard let error else { return }
        XCTAssertEqual(error.extendedCode, Self.constraintCheck, "\(error)")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM payment_method WHERE type = 'payex.clicktopay'"), [["0"]])
    }

    func testStoreRefusesUpperCaseSpellingsOfForeignClickToPay() throws {
        makeAccountWithProfile()
        assertProviderRuleError(
            try storeRefusal(
                "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'PAYEX.ClickToPay', 'NOK')",
                pragmas: Self.checksOff))
    }

    func testStoreAcceptsDinteroPSPClickToPayFromRawSQL() throws {
        makeAccountWithProfile()
        let database = try cli.database()
        try database.execute("PRAGMA ignore_check_constraints = ON")
        try database.execute(
            "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'dintero_psp.clicktopay', 'NOK')"
        )
        try database.execute(
            "INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'web', 'dintero_psp.clicktopay')"
        )
        XCTAssertEqual(
            try cli.rows("SELECT type FROM profile_method ORDER BY type"),
            [["dintero_psp.clicktopay"], ["dintero_psp.creditcard"]])
    }
}
