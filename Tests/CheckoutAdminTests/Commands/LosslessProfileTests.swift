import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Profiles in the shapes Dintero's API returns survive import and export: disabled products with their options,
/// read-only fields dropped at any depth, soft-deleted profiles skipped, the 2026 enums enforced.
final class LosslessProfileTests: CLITestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dintero")

    private func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    private func importRealisticAccount(_ account: String = "T12345678") {
        cli.succeed("account import \(account) \(path("checkout-get.json"))")
        cli.succeed("profile import \(account) \(path("profiles-page-1.json"))")
        cli.succeed("profile import \(account) \(path("profiles-page-2.json"))")
    }

    private func assertRefused(
        _ arguments: [String], stderr: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let before = cli.storeBytes()
        assertRun(cli.run(arguments), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(cli.storeBytes(), before, "a refused command writes nothing", file: file, line: line)
    }

    // MARK: round trip

    func testImportExportImportExportIsByteIdentical() {
        importRealisticAccount()
        let first = cli.succeed("profile export T12345678").stdout
        cli.succeed("account import T87654321 \(path("checkout-get.json"))")
        let file = cli.file("first.json", first.replacingOccurrences(of: "T12345678.", with: "T87654321."))
        cli.succeed("profile import T87654321 \(file)")
        XCTAssertEqual(
            cli.succeed("profile export T87654321").stdout,
            first.replacingOccurrences(of: "T12345678.", with: "T87654321."))
    }

    func testExportDiffersFromTheResponseExactlyByTheReadOnlyFields() throws {
        importRealisticAccount()
        var expected: [String: JSONValue] = [:]
        for page in ["profiles-page-1.json", "profiles-page-2.json"] {
            for profile in try JSONValue(parsing: String(contentsOfFile: path(page), encoding: .utf8)).arrayValue ?? []
            where profile["deleted_at"] == nil || profile["deleted_at"] == .null {
                let id = profile["profile_id"]?.stringValue ?? ""
                expected[id] = withoutReadOnlyFields(profile)
            }
        }
        let exported = try JSONValue(parsing: cli.succeed("profile export T12345678").stdout).arrayValue ?? []
        XCTAssertEqual(exported.count, expected.count)
        for profile in exported {
            let id = profile["profile_id"]?.stringValue ?? ""
            XCTAssertEqual(profile.prettyText(), expected[id]?.prettyText(), id)
        }
    }

    /// The response with what the 2026 types mark read-only removed, spelled out path by path (and the
    /// disabled payex.clicktopay the import drops with a warning).
    private func withoutReadOnlyFields(_ profile: JSONValue) -> JSONValue {
        var value = profile
        for field in ["id", "created_at", "created_by", "updated_at", "deleted_at", "deleted_by"] {
            value = removing([field], from: value)
        }
        let paths: [[String]] = [
            ["configuration", "publish", "0", "id"], ["configuration", "publish", "0", "status"],
            ["configuration", "discounts", "type"], ["configuration", "payout", "payment_products"],
            ["configuration", "instabank", "installment", "products"],
            ["configuration", "instabank", "finance", "product", "effective_annual_interest_rate"],
            ["configuration", "instabank", "finance", "product", "loan_example", "effective_annual_interest_rate"],
            ["configuration", "payex"],
        ]
        for path in paths { value = removing(path, from: value) }
        return value
    }

    private func removing(_ path: [String], from value: JSONValue) -> JSONValue {
        guard let head = path.first else { return value }
        switch value {
        case .object(var members):
            guard let member = members[head] else { return value }
            members[head] = path.count == 1 ? nil : removing(Array(path.dropFirst()), from: member)
            return .object(members)
        case .array(var elements):
            guard let index = Int(head), elements.indices.contains(index) else { return value }
            elements[index] = removing(Array(path.dropFirst()), from: elements[index])
            return .array(elements)
        default:
            return value
        }
    }

    // MARK: disabled products

    func testADisabledProductKeepsItsOptionsAndIsNotOffered() throws {
        importRealisticAccount()
        XCTAssertEqual(
            try cli.rows("SELECT options, enabled FROM profile_method WHERE type = 'netaxept.creditcard'"),
            [
                [
                    #"{"terminal":{"terminal":"/Terminal/default.aspx","terminal_design":"modern","terminal_single_page":true},"type":"payment_product_type"}"#,
                    "0",
                ]
            ])
        let show = cli.succeed("profile show T12345678 T12345678.46dP6T4F1mUXYPeYKYc5Gj").stdout
        XCTAssertTrue(
            show.hasSuffix(
                "offers: dintero_psp.clicktopay, dintero_psp.creditcard, vipps\n"
                    + "disabled: dintero_psp.applepay, netaxept.creditcard\n"), show)
    }

    func testADisabledProductCountsForNoRule() {
        makeCardAccount()
        let file = cli.file(
            "web.json",
            #"{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true, "generate_payment_token": false}}, "klarna": {"klarna": {"enabled": false}}}}"#
        )
        assertRun(
            cli.run("profile import T12345678 \(file)"), status: 0,
            stderr: "+ profile T12345678 web: offers dintero_psp.creditcard\n")
        assertRun(cli.run("audit T12345678"), status: 0, stdout: "0 errors, 0 warnings in 1 account (1 profile)\n")
    }

    func testAddMethodOffersADisabledProductWithItsOptions() throws {
        importRealisticAccount()
        cli.succeed("profile add-method T12345678 T12345678.46dP6T4F1mUXYPeYKYc5Gj dintero_psp.applepay")
        XCTAssertEqual(
            try cli.rows("SELECT options, enabled FROM profile_method WHERE type = 'dintero_psp.applepay'"),
            [
                [
                    #"{"payability":"disabled_by_gateway","sca_policy":{"liability_rules":[{"type":"amount_lte"}]},"type":"payment_product_type"}"#,
                    "1",
                ]
            ])
    }

    func testRemoveMethodRemovesADisabledProduct() throws {
        importRealisticAccount()
        cli.succeed("profile remove-method T12345678 T12345678.46dP6T4F1mUXYPeYKYc5Gj netaxept.creditcard")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile_method WHERE type = 'netaxept.creditcard'"), [["0"]])
    }

    // MARK: soft-deleted profiles and ids

    func testASoftDeletedProfileIsSkippedAndReported() throws {
        cli.succeed("account import T12345678 \(path("checkout-get.json"))")
        let result = cli.run("profile import T12345678 \(path("profiles-page-1.json"))")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(
            result.stderr.contains(
                "skipped profile 'T12345678.7QwErTy8UiOpAsDfGhJkLz' at '$[1]': deleted on Dintero's side\n"),
            result.stderr)
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM profile WHERE profile_id = 'T12345678.7QwErTy8UiOpAsDfGhJkLz'"),
            [["0"]])
    }

    func testSkippedProfilesAndWarningsAreInTheJSONResult() throws {
        cli.succeed("account import T12345678 \(path("checkout-get.json"))")
        let result = cli.run("profile import T12345678 \(path("profiles-page-1.json")) --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let document = try JSONValue(parsing: result.stdout)
        XCTAssertEqual(
            document["skipped"],
            .array([.object(["profile_id": .string("T12345678.7QwErTy8UiOpAsDfGhJkLz"), "path": .string("$[1]")])]))
        XCTAssertEqual(
            document["warnings"],
            .array([
                .string(
                    "dropped disabled 'payex.clicktopay' at '$[2].configuration.payex.clicktopay': Click to Pay is only offered through 'dintero_psp.clicktopay'"
                )
            ]))
    }

    func testAGeneratedIdOfTheOtherEnvironmentIsRefused() {
        cli.succeed("account import P12345678 \(path("checkout-get.json"))")
        assertRefused(
            ["profile", "import", "P12345678", path("profiles-page-2.json")],
            stderr: """
                error: profile id 'T12345678.9ZyXwVuTsRqPoNmLkJiHgF' was generated for a test account, not for 'P12345678' at '$[1].profile_id'
                hint: a generated profile id starts with its account's environment letter: T for test, P for production

                """)
    }

    func testProfileAddRefusesAGeneratedIdOfTheOtherEnvironment() {
        makeCardAccount("P12345678")
        assertRefused(
            ["profile", "add", "P12345678", "T12345678.abc", "--method", "dintero_psp.creditcard"],
            stderr: """
                error: profile id 'T12345678.abc' was generated for a test account, not for 'P12345678'
                hint: a generated profile id starts with its account's environment letter: T for test, P for production

                """)
    }

    // MARK: the 2026 enums

    func testWalletsAsTheDefaultIsRefused() {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero.wallets")
        cli.succeed("profile add T12345678 gift --method dintero.wallets --method dintero_psp.creditcard")
        assertRefused(
            ["profile", "set", "T12345678", "gift", "default_payment_type=dintero.wallets"],
            stderr: """
                error: refused: profile 'gift' of account 'T12345678' has default 'dintero.wallets', which Dintero does not accept as a default (default-not-allowed)
                hint: checkout-admin profile set T12345678 gift default_payment_type=

                """)
    }

    func testInstallmentB2BPreapprovedCannotBeOfferedInAProfile() {
        makeCardAccount()
        cli.succeed("method enable T12345678 collector.installment_b2b_preapproved")
        cli.succeed("profile add T12345678 b2b --method dintero_psp.creditcard")
        assertRefused(
            ["profile", "add-method", "T12345678", "b2b", "collector.installment_b2b_preapproved"],
            stderr: """
                error: refused: profile 'b2b' of account 'T12345678' has 'collector.installment_b2b_preapproved', which has no product object in Dintero's profile schema (product-not-offerable)
                hint: checkout-admin profile remove-method T12345678 b2b collector.installment_b2b_preapproved

                """)
    }

    func testInstallmentB2BPreapprovedCanBeTheDefaultOfAnAllActiveProfile() {
        makeCardAccount()
        cli.succeed("method enable T12345678 collector.installment_b2b_preapproved")
        assertRun(
            cli.run("profile add T12345678 b2b --all-active --default collector.installment_b2b_preapproved"),
            status: 0,
            stderr:
                "+ profile T12345678 b2b: offers all active methods; default collector.installment_b2b_preapproved\n")
    }

    func testExternalWithoutDisplayLabelsIsRefusedWithTheCommandThatAddsThem() {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero.external")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            ["profile", "add-method", "T12345678", "web", "dintero.external"],
            stderr: """
                error: refused: profile 'web' of account 'T12345678' has 'dintero.external' without display.button_label and display.payment_method_label, which Dintero requires (product-options-missing)
                hint: checkout-admin profile set-option T12345678 web dintero.external 'display={"button_label":"Pay","payment_method_label":"Invoice"}'

                """)
    }

    func testExternalIsOfferedOnceItsLabelsAreSet() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero.external")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let labels = #"display={"button_label":"Pay","payment_method_label":"Invoice"}"#
        XCTAssertEqual(cli.run(["profile", "set-option", "T12345678", "web", "dintero.external", labels]).status, 0)
        cli.succeed("profile add-method T12345678 web dintero.external")
        assertRun(cli.run("audit T12345678"), status: 0, stdout: "0 errors, 0 warnings in 1 account (1 profile)\n")
    }

    // MARK: export refusal

    func testProfileExportRefusesAStoreWrittenByOtherMeansNamingEachField() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero.wallets")
        cli.succeed("profile add T12345678 gift --method dintero.wallets")
        try sql("UPDATE profile SET default_payment_type = 'dintero.wallets'")
        assertRefused(
            ["profile", "export", "T12345678", "gift"],
            stderr: """
                error: refused to export profile 'gift': Dintero's schema would reject it
                hint: checkout-admin profile set T12345678 gift default_payment_type=
                  profile 'gift' of account 'T12345678' has default 'dintero.wallets', which Dintero does not accept as a default (default-not-allowed)

                """)
    }

    func testProfileExportRefusalInJSONCarriesTheFindings() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero.external")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        try sql(
            "INSERT INTO profile_method (account_id, profile_id, type, options) VALUES ('T12345678', 'web', 'dintero.external', '{}')"
        )
        let result = cli.run("profile export T12345678 --json")
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stdout, "")
        let findings = try JSONValue(parsing: result.stderr)["error"]?["findings"]?.arrayValue ?? []
        XCTAssertEqual(findings.map { $0["rule"] }, [.string("product-options-missing")])
    }

    func testClickToPayEnableWritesTheRequiredGeneratePaymentToken() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678")
        let exported = try JSONValue(parsing: cli.succeed("profile export T12345678 web").stdout)
        XCTAssertEqual(
            exported["configuration"]?["dintero_psp"]?["clicktopay"],
            .object(["enabled": .bool(true), "generate_payment_token": .bool(false)]))
    }
}
