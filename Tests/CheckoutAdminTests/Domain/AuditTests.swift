import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The audit rules, one at a time, over account values built directly (no store).
final class AuditTests: XCTestCase {
    private let id = "T12345678"
    private let card = "dintero_psp.creditcard"
    private let ctp = "dintero_psp.clicktopay"

    // MARK: building accounts

    /// A complete merchant with cards in NOK, the email known, and the given extra methods and profiles.
    private func account(
        methods: [String: [String]] = [:], settings: [String: String] = [:],
        profiles: [PaymentProfile] = []
    ) -> MerchantAccount {
        var account = MerchantAccount(id: id)
        account.settings = ["name": "Example", "logo_url": "https://example.com/logo.png", "checkout_express": "true"]
        account.settings.merge(settings) { $1 }
        account.methods = [card: ["NOK"]].merging(methods) { $1 }
        for profile in profiles { account.profiles[profile.id] = profile }
        return account
    }

    /// A profile offering `types` explicitly.
    private func profile(_ id: String, _ types: [String], allActive: Bool = false, default type: String? = nil)
        -> PaymentProfile
    {
        var profile = PaymentProfile(id: id)
        for type in types { profile.methods[type] = [:] }
        profile.allActive = allActive
        profile.defaultPaymentType = type
        return profile
    }

    /// A finding as the user sees it: the fix rendered as the command line the app prints.
    private struct Seen: Equatable {
        let severity: AuditFinding.Severity
        let rule: String
        let account: String
        let profile: String?
        let paymentType: String?
        let message: String
        let hint: String
    }

    private func findings(for account: MerchantAccount) -> [Seen] {
        Audit.findings(for: account).map {
            Seen(
                severity: $0.severity, rule: $0.rule.rawValue, account: $0.account, profile: $0.profile,
                paymentType: $0.paymentType, message: $0.message, hint: $0.fix.commandLine)
        }
    }

    private func error(_ rule: String, profile: String? = nil, type: String? = nil, _ message: String, _ hint: String)
        -> Seen
    {
        Seen(
            severity: .error, rule: rule, account: id, profile: profile, paymentType: type, message: message, hint: hint
        )
    }

    private func warning(_ rule: String, profile: String? = nil, type: String? = nil, _ message: String, _ hint: String)
        -> Seen
    {
        Seen(
            severity: .warning, rule: rule, account: id, profile: profile, paymentType: type, message: message,
            hint: hint)
    }

    private func rules(_ account: MerchantAccount) -> [String] {
        findings(for: account).map(\.rule)
    }

    // MARK: clean accounts

    func testACompleteCardAccountHasNoFindings() {
        XCTAssertEqual(findings(for: account(profiles: [profile("webshop", [card])])), [])
    }

    func testAFullyConfiguredClickToPayAccountHasNoFindings() {
        let configured = account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [card, ctp], default: card)])
        XCTAssertEqual(findings(for: configured), [])
    }

    // MARK: ctp-provider

    func testCtpProviderFiresForPayexClickToPayOnTheAccount() {
        XCTAssertEqual(
            findings(for: account(methods: ["payex.clicktopay": ["NOK"]])),
            [
                error(
                    "ctp-provider", type: "payex.clicktopay",
                    "account 'T12345678' offers 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'",
                    "checkout-admin method disable T12345678 payex.clicktopay --force")
            ])
    }

    func testCtpProviderFiresForPayexClickToPayInAProfile() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("webshop", [card, "payex.clicktopay"])])),
            [
                error(
                    "ctp-provider", profile: "webshop", type: "payex.clicktopay",
                    "profile 'webshop' of account 'T12345678' offers 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'",
                    "checkout-admin profile remove-method T12345678 webshop payex.clicktopay")
            ])
    }

    func testCtpProviderFiresForPayexClickToPayAsDefault() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("webshop", [card], default: "payex.clicktopay")])),
            [
                error(
                    "ctp-provider", profile: "webshop", type: "payex.clicktopay",
                    "profile 'webshop' of account 'T12345678' has default 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'",
                    "checkout-admin profile set T12345678 webshop default_payment_type=")
            ])
    }

    func testCtpProviderRatherThanUnknownTypeForClickToPayFromAGatewayOutsideTheCatalogue() {
        XCTAssertEqual(rules(account(methods: ["bambora.clicktopay": ["NOK"]])), ["ctp-provider"])
    }

    func testCtpProviderDoesNotFireForDinteroPSPClickToPay() {
        let configured = account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [card, ctp])])
        XCTAssertFalse(rules(configured).contains("ctp-provider"))
    }

    // MARK: ctp-not-on-account

    func testCtpNotOnAccountFiresWhenAProfileOffersClickToPayTheAccountLacks() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("webshop", [card, ctp])])),
            [
                error(
                    "ctp-not-on-account", profile: "webshop", type: ctp,
                    "profile 'webshop' offers Click to Pay but account 'T12345678' has not enabled it",
                    "checkout-admin clicktopay enable T12345678")
            ])
    }

    // MARK: ctp-without-card

    func testCtpWithoutCardFiresForAnAccountWithClickToPayButNoCards() {
        var noCards = account(methods: [ctp: ["NOK"]])
        noCards.methods[card] = nil
        XCTAssertEqual(
            findings(for: noCards),
            [
                error(
                    "ctp-without-card", type: ctp,
                    "account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form",
                    "checkout-admin method enable T12345678 dintero_psp.creditcard")
            ])
    }

    func testCtpWithoutCardFiresForAProfileOfferingClickToPayButNoCards() {
        XCTAssertEqual(
            findings(for: account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [ctp])])),
            [
                error(
                    "ctp-without-card", profile: "webshop", type: ctp,
                    "profile 'webshop' of account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'",
                    "checkout-admin profile add-method T12345678 webshop dintero_psp.creditcard")
            ])
    }

    func testCtpWithoutCardDoesNotFireWhenCardsComeThroughActivePaymentTypes() {
        let configured = account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [ctp], allActive: true)])
        XCTAssertEqual(findings(for: configured), [])
    }

    // MARK: ctp-missing-from-profile

    func testCtpMissingFromProfileWarnsForACardProfileWithoutClickToPay() {
        XCTAssertEqual(
            findings(for: account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [card])])),
            [
                warning(
                    "ctp-missing-from-profile", profile: "webshop", type: ctp,
                    "profile 'webshop' of account 'T12345678' offers cards but not Click to Pay, which the account has",
                    "checkout-admin clicktopay enable T12345678 --profile webshop")
            ])
    }

    func testCtpMissingFromProfileDoesNotFireWhenActivePaymentTypesCoverClickToPay() {
        let covered = account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [card], allActive: true)])
        XCTAssertEqual(findings(for: covered), [])
    }

    func testCtpMissingFromProfileDoesNotFireWhenTheAccountLacksClickToPay() {
        XCTAssertFalse(rules(account(profiles: [profile("webshop", [card])])).contains("ctp-missing-from-profile"))
    }

    func testCtpMissingFromProfileDoesNotFireForAProfileWithoutCards() {
        let vipps = account(methods: [ctp: ["NOK"], "vipps": ["NOK"]], profiles: [profile("app", ["vipps"])])
        XCTAssertEqual(findings(for: vipps), [])
    }

    // MARK: ctp-email-unknown

    func testCtpEmailUnknownWarnsWhenNeitherEmailSettingIsTrue() {
        var unknown = account(methods: [ctp: ["NOK"]])
        unknown.settings["checkout_express"] = nil
        XCTAssertEqual(
            findings(for: unknown),
            [
                warning(
                    "ctp-email-unknown", type: ctp,
                    "account 'T12345678' offers Click to Pay but the customer's email is never known, so it would never be shown",
                    "checkout-admin settings set T12345678 checkout_express=true (or session_customer_email=true)")
            ])
    }

    func testCtpEmailUnknownWarnsWhenBothEmailSettingsAreFalse() {
        let unknown = account(
            methods: [ctp: ["NOK"]], settings: ["checkout_express": "false", "session_customer_email": "false"])
        XCTAssertEqual(rules(unknown), ["ctp-email-unknown"])
    }

    func testCtpEmailUnknownDoesNotFireWithCheckoutExpress() {
        XCTAssertEqual(rules(account(methods: [ctp: ["NOK"]], settings: ["checkout_express": "true"])), [])
    }

    func testCtpEmailUnknownDoesNotFireWithSessionCustomerEmail() {
        let known = account(
            methods: [ctp: ["NOK"]], settings: ["checkout_express": "false", "session_customer_email": "true"])
        XCTAssertEqual(rules(known), [])
    }

    func testCtpEmailUnknownDoesNotFireWithoutClickToPay() {
        XCTAssertEqual(rules(account(settings: ["checkout_express": "false"])), [])
    }

    // MARK: ctp-as-default

    func testCtpAsDefaultWarnsForClickToPayAsTheDefault() {
        let configured = account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [card, ctp], default: ctp)])
        XCTAssertEqual(
            findings(for: configured),
            [
                warning(
                    "ctp-as-default", profile: "webshop", type: ctp,
                    "profile 'webshop' of account 'T12345678' has Click to Pay as its default; only enrolled customers with a known email see it",
                    "checkout-admin profile set T12345678 webshop default_payment_type=dintero_psp.creditcard")
            ])
    }

    func testCtpAsDefaultDoesNotHideDefaultNotOfferedForClickToPay() {
        let configured = account(methods: [ctp: ["NOK"]], profiles: [profile("webshop", [card], default: ctp)])
        XCTAssertEqual(
            findings(for: configured).map { "\($0.severity) \($0.rule)" },
            ["error default-not-offered", "warning ctp-as-default", "warning ctp-missing-from-profile"])
    }

    // MARK: method-not-on-account

    func testMethodNotOnAccountFiresForATypeTheAccountHasNotEnabled() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("webshop", [card, "vipps"])])),
            [
                error(
                    "method-not-on-account", profile: "webshop", type: "vipps",
                    "profile 'webshop' offers 'vipps' but account 'T12345678' has not enabled it",
                    "checkout-admin method enable T12345678 vipps")
            ])
    }

    func testMethodNotOnAccountDoesNotFireForATypeTheAccountHas() {
        XCTAssertEqual(
            rules(account(methods: ["vipps": ["NOK"]], profiles: [profile("webshop", [card, "vipps"])])), [])
    }

    // MARK: default-not-offered

    func testDefaultNotOfferedFiresForADefaultTheProfileDoesNotOffer() {
        let configured = account(methods: ["vipps": ["NOK"]], profiles: [profile("webshop", [card], default: "vipps")])
        XCTAssertEqual(
            findings(for: configured),
            [
                error(
                    "default-not-offered", profile: "webshop", type: "vipps",
                    "profile 'webshop' of account 'T12345678' has default 'vipps' but does not offer it",
                    "checkout-admin profile add-method T12345678 webshop vipps (or checkout-admin profile set T12345678 webshop default_payment_type=)"
                )
            ])
    }

    func testDefaultNotOfferedDoesNotFireWhenActivePaymentTypesOfferTheDefault() {
        let configured = account(
            methods: ["vipps": ["NOK"]], profiles: [profile("webshop", [], allActive: true, default: "vipps")])
        XCTAssertEqual(findings(for: configured), [])
    }

    func testDefaultNotOfferedFiresWhenActivePaymentTypesLackTheDefault() {
        let configured = account(profiles: [profile("webshop", [], allActive: true, default: "vipps")])
        XCTAssertEqual(rules(configured), ["default-not-offered"])
    }

    // MARK: profile-empty

    func testProfileEmptyFiresForAProfileOfferingNothing() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("webshop", [])])),
            [
                error(
                    "profile-empty", profile: "webshop",
                    "profile 'webshop' of account 'T12345678' offers nothing",
                    "checkout-admin profile add-method T12345678 webshop <type> (or checkout-admin profile set T12345678 webshop all_active=true)"
                )
            ])
    }

    func testProfileEmptyDoesNotFireForActivePaymentTypes() {
        XCTAssertEqual(findings(for: account(profiles: [profile("webshop", [], allActive: true)])), [])
    }

    // MARK: unknown-type

    func testUnknownTypeFiresForAnAccountMethodOutsideTheCatalogue() {
        XCTAssertEqual(
            findings(for: account(methods: ["foo.bar": ["NOK"]])),
            [
                error(
                    "unknown-type", type: "foo.bar", "account 'T12345678' uses unknown payment type 'foo.bar'",
                    "checkout-admin method disable T12345678 foo.bar --force")
            ])
    }

    func testUnknownTypeFiresForAProfileMethodInTheWrongCaseWithoutMethodNotOnAccount() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("webshop", [card, "Dintero_psp.creditcard"])])),
            [
                error(
                    "unknown-type", profile: "webshop", type: "Dintero_psp.creditcard",
                    "profile 'webshop' of account 'T12345678' uses unknown payment type 'Dintero_psp.creditcard'",
                    "checkout-admin profile remove-method T12345678 webshop Dintero_psp.creditcard")
            ])
    }

    func testUnknownTypeFiresForAnUnknownDefaultWithoutDefaultNotOffered() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("webshop", [card], default: "foo")])),
            [
                error(
                    "unknown-type", profile: "webshop", type: "foo",
                    "profile 'webshop' of account 'T12345678' uses unknown payment type 'foo'",
                    "checkout-admin profile set T12345678 webshop default_payment_type=")
            ])
    }

    func testUnknownTypeDoesNotFireForPayexTypesOtherThanClickToPay() {
        XCTAssertEqual(
            rules(account(methods: ["payex.swish": ["SEK"]], profiles: [profile("webshop", [card, "payex.swish"])])), []
        )
    }

    // MARK: currency-invalid

    func testCurrencyInvalidFiresForAMethodWithoutCurrencies() {
        XCTAssertEqual(
            findings(for: account(methods: ["vipps": []])),
            [
                error(
                    "currency-invalid", type: "vipps", "method 'vipps' on account 'T12345678' has no currencies",
                    "checkout-admin method enable T12345678 vipps --currency NOK")
            ])
    }

    func testCurrencyInvalidFiresForCodesThatAreNotISO4217() {
        XCTAssertEqual(
            findings(for: account(methods: ["vipps": ["NOK", "nok", "", "ABC"]])),
            [
                error(
                    "currency-invalid", type: "vipps",
                    "method 'vipps' on account 'T12345678' has invalid currency 'nok', '', 'ABC'",
                    "checkout-admin method enable T12345678 vipps --currency NOK")
            ])
    }

    func testCurrencyInvalidDoesNotFireForValidCodes() {
        XCTAssertEqual(rules(account(methods: ["vipps": ["EUR", "NOK", "SEK"]])), [])
    }

    // MARK: wallets-conflict

    func testWalletsConflictFiresForWalletsWithVipps() {
        let configured = account(
            methods: ["dintero.wallets": ["NOK"], "vipps": ["NOK"]],
            profiles: [profile("webshop", ["dintero.wallets", "vipps"])])
        XCTAssertEqual(
            findings(for: configured),
            [
                error(
                    "wallets-conflict", profile: "webshop", type: "dintero.wallets",
                    "profile 'webshop' of account 'T12345678' offers 'dintero.wallets' together with 'vipps'",
                    "checkout-admin profile remove-method T12345678 webshop dintero.wallets")
            ])
    }

    func testWalletsConflictNamesEveryConflictingTypeInOrder() {
        let types = [
            "dintero.wallets", "swish.swish", "klarna.billie", "instabank.finance", "collector.invoice",
            "netaxept.creditcard",
        ]
        let configured = account(
            methods: Dictionary(uniqueKeysWithValues: types.map { ($0, ["NOK"]) }),
            profiles: [profile("webshop", types)])
        XCTAssertEqual(
            findings(for: configured).map(\.message),
            [
                "profile 'webshop' of account 'T12345678' offers 'dintero.wallets' together with 'collector.invoice', 'instabank.finance', 'klarna.billie', 'netaxept.creditcard', 'swish.swish'"
            ])
    }

    func testWalletsConflictFiresThroughActivePaymentTypes() {
        let configured = account(
            methods: ["dintero.wallets": ["NOK"], "netaxept.creditcard": ["NOK"]],
            profiles: [profile("webshop", [], allActive: true)])
        XCTAssertEqual(
            findings(for: configured).map(\.message),
            ["profile 'webshop' of account 'T12345678' offers 'dintero.wallets' together with 'netaxept.creditcard'"])
    }

    func testWalletsConflictDoesNotFireForWalletsWithCards() {
        let configured = account(
            methods: ["dintero.wallets": ["NOK"]], profiles: [profile("webshop", ["dintero.wallets", card])])
        XCTAssertEqual(findings(for: configured), [])
    }

    func testWalletsConflictDoesNotFireForAConflictingTypeOnlyOnTheAccount() {
        let configured = account(
            methods: ["dintero.wallets": ["NOK"], "vipps": ["NOK"]], profiles: [profile("webshop", ["dintero.wallets"])]
        )
        XCTAssertEqual(findings(for: configured), [])
    }

    func testWalletsConflictDoesNotFireForKlarnaItself() {
        let configured = account(
            methods: ["dintero.wallets": ["NOK"], "klarna.klarna": ["NOK"]],
            profiles: [profile("webshop", ["dintero.wallets", "klarna.klarna"])])
        XCTAssertEqual(findings(for: configured), [])
    }

    // MARK: merchant-incomplete

    func testMerchantIncompleteWarnsForMissingNameAndLogo() {
        var bare = account()
        bare.settings = [:]
        XCTAssertEqual(
            findings(for: bare),
            [
                warning(
                    "merchant-incomplete", "account 'T12345678' lacks name and logo_url, which Dintero requires",
                    "checkout-admin settings set T12345678 name=… logo_url=…")
            ])
    }

    func testMerchantIncompleteWarnsForAMissingLogoOnly() {
        var noLogo = account()
        noLogo.settings["logo_url"] = nil
        XCTAssertEqual(
            findings(for: noLogo).map(\.message), ["account 'T12345678' lacks logo_url, which Dintero requires"])
    }

    func testMerchantIncompleteDoesNotFireWithNameAndLogo() {
        XCTAssertEqual(rules(account()), [])
    }

    // MARK: order and hints

    func testFindingsComeErrorsFirstThenByRuleProfileAndType() {
        var messy = account(
            methods: [ctp: ["NOK"], "vipps": []],
            profiles: [profile("b", [card]), profile("a", [card]), profile("c", [])])
        messy.settings["name"] = nil
        XCTAssertEqual(
            findings(for: messy).map {
                [$0.severity.rawValue, $0.rule, $0.profile ?? "-"].joined(separator: " ")
            },
            [
                "error currency-invalid -",
                "error profile-empty c",
                "warning ctp-missing-from-profile a",
                "warning ctp-missing-from-profile b",
                "warning merchant-incomplete -",
            ])
    }

    func testFindingsThatTieOnRuleProfileAndTypeAreOrderedByMessage() {
        let configured = account(profiles: [
            profile("webshop", [card, "payex.clicktopay"], default: "payex.clicktopay")
        ])
        XCTAssertEqual(
            findings(for: configured).map(\.message),
            [
                "profile 'webshop' of account 'T12345678' has default 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'",
                "profile 'webshop' of account 'T12345678' offers 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'",
            ])
    }

    func testHintsQuoteProfileIDsForTheShell() {
        XCTAssertEqual(
            findings(for: account(profiles: [profile("web shop's", [])])).map(\.hint),
            [
                "checkout-admin profile add-method T12345678 'web shop'\\''s' <type> (or checkout-admin profile set T12345678 'web shop'\\''s' all_active=true)"
            ])
    }
}
