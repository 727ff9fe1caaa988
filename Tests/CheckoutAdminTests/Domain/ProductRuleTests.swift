import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The rules from Dintero's 2026 profile schema: default-not-allowed, product-not-offerable,
/// product-options-missing, the required product fields and the read-only paths, as pure functions.
final class ProductRuleTests: XCTestCase {
    private func account(_ profile: PaymentProfile, methods: [String] = []) -> MerchantAccount {
        var account = MerchantAccount(id: "T12345678")
        account.settings = ["name": "Example", "logo_url": "https://example.com/logo.png"]
        account.methods = (["dintero_psp.creditcard"] + methods).reduce(into: [:]) { $0[$1] = ["NOK"] }
        account.profiles[profile.id] = profile
        return account
    }

    private func rules(_ account: MerchantAccount) -> [String] {
        Audit.findings(for: account).map(\.rule.rawValue)
    }

    func testDefaultNotAllowedFiresForWalletsAndExternalAlone() {
        for type in ["dintero.wallets", "dintero.external"] {
            var profile = PaymentProfile(id: "web")
            profile.allActive = true
            profile.defaultPaymentType = type
            XCTAssertEqual(rules(account(profile, methods: [type])), ["default-not-allowed"], type)
        }
    }

    func testDefaultNotAllowedHidesDefaultNotOfferedForTheSameDefault() {
        var profile = PaymentProfile(id: "web")
        profile.methods = ["dintero_psp.creditcard": [:]]
        profile.defaultPaymentType = "dintero.wallets"
        XCTAssertEqual(rules(account(profile)), ["default-not-allowed"])
    }

    func testProductNotOfferableFiresForInstallmentB2BPreapprovedInAProfile() {
        var profile = PaymentProfile(id: "web")
        profile.methods = ["collector.installment_b2b_preapproved": [:]]
        XCTAssertEqual(
            rules(account(profile, methods: ["collector.installment_b2b_preapproved"])), ["product-not-offerable"])
    }

    func testProductOptionsMissingFiresForADisabledExternalToo() {
        var profile = PaymentProfile(id: "web")
        profile.methods = ["dintero_psp.creditcard": [:]]
        profile.disabledProducts = ["dintero.external": ["display": .object(["button_label": .string("Pay")])]]
        let findings = Audit.findings(for: account(profile))
        XCTAssertEqual(findings.map(\.rule), [.productOptionsMissing])
        XCTAssertEqual(
            findings.first?.message,
            "profile 'web' of account 'T12345678' has 'dintero.external' without display.payment_method_label, which Dintero requires"
        )
    }

    func testADisabledProductCountsForNoOfferingRule() {
        var profile = PaymentProfile(id: "web")
        profile.methods = ["dintero_psp.creditcard": [:]]
        profile.disabledProducts = ["klarna.klarna": [:], "dintero.wallets": [:], "vipps": [:]]
        XCTAssertEqual(rules(account(profile)), [])
    }

    func testRequiredFieldsAreCompletedWithoutOverwritingImportedValues() {
        XCTAssertEqual(
            ProductSchema.completed("payex.creditcard", ["generate_payment_token": .bool(true)]),
            ["generate_payment_token": .bool(true), "generate_recurrence_token": .bool(false)])
        XCTAssertEqual(ProductSchema.completed("collector.finance", [:]), ["type": .string("payment_product_type")])
        XCTAssertEqual(
            ProductSchema.completed("kravia.invoice_b2c", [:]), ["require_identity_verification": .bool(false)])
        XCTAssertEqual(ProductSchema.completed("klarna.klarna", [:]), [:])
    }

    func testReadOnlyPathsAreRemovedAtEveryDepth() throws {
        let configuration = try JSONValue(
            parsing: """
                {"publish": [{"channel": "sms", "type": "app", "id": "1", "status": "sent"}],
                 "discounts": {"type": "discounts", "order": {"enabled": true}},
                 "payout": {"payment_products": [], "dynamic_payout_destination_ids": []},
                 "instabank": {"installment": {"enabled": true, "type": "payment_product_type", "products": []}},
                 "theme": {"primary": "#000000"}}
                """)
        XCTAssertEqual(
            JSONValue.object(ReadOnlyFields.strippingConfiguration(configuration.objectValue ?? [:])),
            try JSONValue(
                parsing: """
                    {"publish": [{"channel": "sms", "type": "app"}], "discounts": {"order": {"enabled": true}},
                     "payout": {"dynamic_payout_destination_ids": []},
                     "instabank": {"installment": {"enabled": true, "type": "payment_product_type"}},
                     "theme": {"primary": "#000000"}}
                    """))
    }

    func testAGeneratedIdMustMatchTheAccountsEnvironment() {
        XCTAssertThrowsError(try ProfileRules.validateGeneratedID("P12345678.abc", for: "T12345678"))
        XCTAssertNoThrow(try ProfileRules.validateGeneratedID("T12345678.abc", for: "T12345678"))
        XCTAssertNoThrow(try ProfileRules.validateGeneratedID("P-shop", for: "T12345678"))
    }
}
