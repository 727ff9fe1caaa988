import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The Click to Pay workflow as pure edits and the status summary, over account values.
final class ClickToPayTests: XCTestCase {
    private let card = "dintero_psp.creditcard"
    private let ctp = "dintero_psp.clicktopay"

    /// An account with cards in NOK and SEK, vipps, and profiles: `webshop` (cards), `app` (vipps), `all`
    /// (active_payment_types).
    private func account() -> MerchantAccount {
        var account = MerchantAccount(id: "T12345678")
        account.settings = ["name": "Example", "logo_url": "https://example.com/logo.png"]
        account.methods = [card: ["NOK", "SEK"], "vipps": ["NOK"]]
        account.profiles = [
            "webshop": profile("webshop", [card]), "app": profile("app", ["vipps"]),
            "all": profile("all", [], allActive: true),
        ]
        return account
    }

    private func profile(_ id: String, _ types: [String], allActive: Bool = false) -> PaymentProfile {
        var profile = PaymentProfile(id: id)
        for type in types { profile.methods[type] = [:] }
        profile.allActive = allActive
        return profile
    }

    private func offered(_ account: MerchantAccount) -> [String: [String]] {
        account.profiles.mapValues(\.sortedMethodTypes)
    }

    // MARK: enable

    func testEnableWithoutCardsIsRefusedWithTheCommandThatEnablesThem() {
        var bare = account()
        bare.methods[card] = nil
        XCTAssertThrowsError(try ClickToPay.enable(on: bare, profileIDs: [], currencies: nil)) { error in
            XCTAssertEqual(
                (error as? Rejection)?.fixes.map(\.commandLine),
                ["enable it first: checkout-admin method enable T12345678 dintero_psp.creditcard --currency NOK"])
        }
    }

    func testEnableTakesTheCardMethodsCurrenciesByDefault() throws {
        let result = try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil)
        XCTAssertEqual(result.account.methods[ctp], ["NOK", "SEK"])
    }

    func testEnableTakesTheGivenCurrencies() throws {
        let result = try ClickToPay.enable(on: account(), profileIDs: [], currencies: ["SEK"])
        XCTAssertEqual(result.account.methods[ctp], ["SEK"])
    }

    func testEnableAddsItToEveryProfileOfferingCardsExplicitlyAndNoOther() throws {
        let result = try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil)
        XCTAssertEqual(offered(result.account), ["webshop": [ctp, card], "app": ["vipps"], "all": []])
    }

    func testEnableReportsActivePaymentTypesProfilesAsCoveredWithoutEditingThem() throws {
        let result = try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil)
        XCTAssertEqual(result.coveredByActiveTypes, ["all"])
        XCTAssertEqual(result.account.profiles["all"], account().profiles["all"])
    }

    func testEnableWithNamedProfilesEditsOnlyThose() throws {
        var start = account()
        start.profiles["shop2"] = profile("shop2", [card])
        let result = try ClickToPay.enable(on: start, profileIDs: ["shop2"], currencies: nil)
        XCTAssertEqual(
            offered(result.account), ["webshop": [card], "shop2": [ctp, card], "app": ["vipps"], "all": []])
        XCTAssertEqual(result.coveredByActiveTypes, [])
    }

    func testEnableWithANamedProfileNamedTwiceReportsItOnce() throws {
        let result = try ClickToPay.enable(on: account(), profileIDs: ["all", "all"], currencies: nil)
        XCTAssertEqual(result.coveredByActiveTypes, ["all"])
    }

    func testEnableWithAnUnknownProfileIsRefusedAsNotFound() {
        XCTAssertThrowsError(try ClickToPay.enable(on: account(), profileIDs: ["webshp"], currencies: nil)) { error in
            XCTAssertEqual((error as? Rejection)?.reason, .notFound)
            XCTAssertEqual((error as? Rejection)?.message, "profile 'webshp' not found on account 'T12345678'")
        }
    }

    func testEnableOnAnEnabledAccountChangesNothing() throws {
        let once = try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil).account
        XCTAssertEqual(try ClickToPay.enable(on: once, profileIDs: [], currencies: nil).account, once)
    }

    // MARK: disable

    func testDisableRemovesItFromTheAccountEveryProfileAndAsDefault() throws {
        var enabled = try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil).account
        enabled.profiles["webshop"]?.defaultPaymentType = ctp
        ClickToPay.disable(on: &enabled)
        XCTAssertEqual(enabled, account())
    }

    func testDisableKeepsOtherDefaults() throws {
        var enabled = try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil).account
        enabled.profiles["webshop"]?.defaultPaymentType = card
        ClickToPay.disable(on: &enabled)
        XCTAssertEqual(enabled.profiles["webshop"]?.defaultPaymentType, card)
    }

    // MARK: status

    func testStatusOfAnAccountWithoutClickToPay() {
        let status = ClickToPayStatus(account: account())
        XCTAssertFalse(status.isEnabled)
        XCTAssertEqual(status.currencies, [])
        XCTAssertEqual(status.offeringProfiles.map(\.id), [])
        XCTAssertEqual(status.cardProfilesWithout, ["all", "webshop"])
    }

    func testStatusTellsHowEachProfileOffersIt() throws {
        let status = ClickToPayStatus(
            account: try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil).account)
        XCTAssertTrue(status.isEnabled)
        XCTAssertEqual(status.currencies, ["NOK", "SEK"])
        XCTAssertEqual(
            status.offeringProfiles.map { "\($0.id) \($0.offer.rawValue)" },
            ["all active_payment_types", "webshop explicit"])
        XCTAssertEqual(status.cardProfilesWithout, [])
    }

    func testStatusListsCardProfilesLackingIt() throws {
        let status = ClickToPayStatus(
            account: try ClickToPay.enable(on: account(), profileIDs: ["app"], currencies: nil).account)
        XCTAssertEqual(status.cardProfilesWithout, ["webshop"])
    }

    func testStatusEmailSourceIsCheckoutExpressBeforeSessionCustomerEmail() {
        var known = account()
        known.settings["checkout_express"] = "true"
        known.settings["session_customer_email"] = "true"
        XCTAssertEqual(ClickToPayStatus(account: known).emailSource, .checkoutExpress)
    }

    func testStatusEmailSourceIsSessionCustomerEmail() {
        var known = account()
        known.settings["checkout_express"] = "false"
        known.settings["session_customer_email"] = "true"
        XCTAssertEqual(ClickToPayStatus(account: known).emailSource, .sessionCustomerEmail)
    }

    func testStatusEmailIsUnknownWithoutEitherSetting() {
        XCTAssertNil(ClickToPayStatus(account: account()).emailSource)
    }

    func testStatusFindingsAreOnlyTheClickToPayRules() throws {
        var enabled = try ClickToPay.enable(on: account(), profileIDs: [], currencies: nil).account
        enabled.settings = [:]
        XCTAssertEqual(ClickToPayStatus(account: enabled).findings.map(\.rule), [.ctpEmailUnknown])
    }
}
