import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `StateDocument.parse` turns a state document into accounts, or refuses it saying where.
final class StateDocumentTests: XCTestCase {
    private func parse(_ text: String) throws -> [MerchantAccount] {
        try StateDocument.parse(JSONValue(parsing: text))
    }

    /// A document with one account entry made of `fields` (JSON members after `account_id`).
    /// A one-account document with `fields`; the keys every account must have are added as empty when absent.
    private func document(_ fields: String = "") -> String {
        let required = [("settings", "{}"), ("payment_methods", "[]"), ("profiles", "[]")]
        let all =
            ([fields].filter { !$0.isEmpty }
            + required.filter { !fields.contains("\"\($0.0)\"") }.map {
                "\"\($0.0)\": \($0.1)"
            }).joined(separator: ", ")
        return #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "# + all + "}]}"
    }

    private func entry(_ id: String) -> String {
        #"{"account_id": "\#(id)", "settings": {}, "payment_methods": [], "profiles": []}"#
    }

    func testAnAccountWithoutProfilesIsRefusedRatherThanEmptied() {
        assertRefusal(
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {}, "payment_methods": []}]}"#,
            invalid("invalid state document at '$.accounts[0]': 'profiles' is missing; write [] for none"))
    }

    private func assertRefusal(
        _ text: String, _ expected: Rejection, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try parse(text), file: file, line: line) { error in
            XCTAssertEqual((error as? Rejection)?.flattened, expected, file: file, line: line)
        }
    }

    private func invalid(_ message: String, _ hints: [String] = []) -> Rejection {
        Rejection.invalid(message, hints: hints)
    }

    private let versionHint = ["this checkout-admin reads format_version \"1\""]
    private let settingList =
        "settings are: name, logo_url, website, email, phone_number, country, merchant_category_code, platform_type, "
        + "address_line, address_line_2, postal_code, postal_place, checkout_express, session_customer_email"

    // MARK: - Accepted documents

    func testEmptyAccountListIsNoAccounts() throws {
        XCTAssertEqual(try parse(#"{"format_version": "1", "accounts": []}"#), [])
    }

    func testAccountWithOnlyAnIDHasNothingConfigured() throws {
        XCTAssertEqual(try parse(document()), [MerchantAccount(id: "T12345678")])
    }

    func testSettingsAreReadAsTextWithBooleansAsTrueOrFalse() throws {
        let accounts = try parse(
            document(
                #""settings": {"name": "Example AS", "country": "NO", "checkout_express": true, "session_customer_email": false}"#
            ))
        XCTAssertEqual(
            accounts.first?.settings,
            ["name": "Example AS", "country": "NO", "checkout_express": "true", "session_customer_email": "false"])
    }

    func testMethodCurrenciesAreSortedAndDeduplicated() throws {
        let accounts = try parse(
            document(#""payment_methods": [{"type": "vipps", "currencies": ["SEK", "NOK", "SEK"]}]"#))
        XCTAssertEqual(accounts.first?.methods, ["vipps": ["NOK", "SEK"]])
    }

    func testProfilesAreReadInDinteroShape() throws {
        let accounts = try parse(
            document(
                #"""
                "profiles": [{"profile_id": "webshop", "description": "Shop", "url": {"merchant_terms_url": "https://example.com/terms"},
                              "configuration": {"active_payment_types": {"enabled": true}, "auto_capture": true, "channel": "in_app",
                                                "default_payment_type": "vipps", "vipps": {"enabled": true},
                                                "dintero_psp": {"creditcard": {"enabled": true}, "clicktopay": {"enabled": false}}}}]
                """#))
        var expected = PaymentProfile(id: "webshop")
        expected.description = "Shop"
        expected.merchantTermsURL = "https://example.com/terms"
        expected.allActive = true
        expected.autoCapture = true
        expected.channel = "in_app"
        expected.defaultPaymentType = "vipps"
        expected.methods = ["vipps": [:], "dintero_psp.creditcard": [:]]
        expected.disabledProducts = ["dintero_psp.clicktopay": [:]]
        XCTAssertEqual(accounts.first?.profiles, ["webshop": expected])
    }

    func testPassThroughProfileFieldsAreKept() throws {
        let accounts = try parse(
            document(
                ##"""
                "profiles": [{"profile_id": "webshop", "metadata": {"team": "web"},
                              "configuration": {"theme": {"primary": "#00ff00"},
                                                "dintero_psp": {"creditcard": {"enabled": true, "sca_policy": "always"}}}}]
                """##))
        let profile = try XCTUnwrap(accounts.first?.profiles["webshop"])
        XCTAssertEqual(profile.extraConfiguration, ["theme": .object(["primary": .string("#00ff00")])])
        XCTAssertEqual(profile.methods, ["dintero_psp.creditcard": ["sca_policy": .string("always")]])
        XCTAssertEqual(profile.extraFields, ["metadata": .object(["team": .string("web")])])
    }

    func testTheProfileEnvelopeIsDroppedAndDiscriminatorsKept() throws {
        let accounts = try parse(
            document(
                #"""
                "profiles": [{"profile_id": "webshop", "id": "abc", "created_at": "2026-01-01T00:00:00Z", "created_by": "x",
                              "configuration": {"vipps": {"enabled": true, "type": "payment_product_type", "payability": "payable"}}}]
                """#))
        var expected = PaymentProfile(id: "webshop")
        expected.methods = ["vipps": ["type": .string("payment_product_type"), "payability": .string("payable")]]
        XCTAssertEqual(accounts.first?.profiles, ["webshop": expected])
    }

    func testDocumentOfDumpedAccountsParsesBackIntoThem() throws {
        var account = MerchantAccount(id: "T12345678")
        account.settings = ["name": "Example", "checkout_express": "true"]
        account.methods = ["dintero_psp.creditcard": ["NOK", "SEK"], "vipps": ["NOK"]]
        account.methodDetails = ["vipps": ["test_processor": .bool(true)]]
        var profile = PaymentProfile(id: "webshop")
        profile.methods = [
            "dintero_psp.creditcard": ["sca_policy": .string("always"), "generate_payment_token": .bool(true)],
            "vipps": [:],
        ]
        profile.disabledProducts = ["dintero_psp.applepay": ["sca_policy": .object([:])]]
        profile.defaultPaymentType = "vipps"
        profile.extraConfiguration = ["theme": .object(["primary": .string("#000000")])]
        account.profiles = ["webshop": profile]
        let other = MerchantAccount(id: "P00000001")
        let text = StateDocument.json([account, other]).prettyText()
        XCTAssertEqual(try parse(text), [other, account])
    }

    func testDumpedDocumentListsAccountsSortedByID() {
        let json = StateDocument.json([MerchantAccount(id: "T2"), MerchantAccount(id: "P1")])
        XCTAssertEqual(json["accounts"]?.arrayValue?.map { $0["account_id"] }, [.string("P1"), .string("T2")])
        XCTAssertEqual(json["format_version"], .string("1"))
    }

    // MARK: - Version and shape

    func testUnknownFormatVersionIsRefused() {
        assertRefusal(
            #"{"format_version": "2", "accounts": []}"#,
            invalid(#"unsupported format_version "2" in the state document"#, versionHint))
    }

    func testMissingFormatVersionIsRefused() {
        assertRefusal(
            #"{"accounts": []}"#, invalid("unsupported format_version (missing) in the state document", versionHint))
    }

    func testFormatVersionIsCheckedBeforeUnknownKeys() {
        assertRefusal(
            #"{"format_version": "2", "accounts": [], "organisations": []}"#,
            invalid(#"unsupported format_version "2" in the state document"#, versionHint))
    }

    func testHugeFormatVersionIsShownShortened() {
        let huge = String(repeating: "9", count: 100_000)
        assertRefusal(
            #"{"format_version": "\#(huge)", "accounts": []}"#,
            invalid(
                "unsupported format_version \"\(String(repeating: "9", count: 59))… in the state document", versionHint)
        )
    }

    func testDocumentThatIsNotAnObjectIsRefused() {
        assertRefusal("[]", invalid("invalid state document at '$': expected an object, found array"))
    }

    func testMissingAccountsIsRefused() {
        assertRefusal(#"{"format_version": "1"}"#, invalid("invalid state document at '$': 'accounts' is missing"))
    }

    func testAccountsThatIsNotAnArrayIsRefused() {
        assertRefusal(
            #"{"format_version": "1", "accounts": {}}"#,
            invalid("invalid state document at '$.accounts': expected an array, found object"))
    }

    func testAccountEntryThatIsNotAnObjectIsRefused() {
        assertRefusal(
            #"{"format_version": "1", "accounts": ["T12345678"]}"#,
            invalid("invalid state document at '$.accounts[0]': expected an object, found string"))
    }

    // MARK: - Unknown keys

    func testUnknownTopLevelKeyIsRefusedWithASuggestion() {
        assertRefusal(
            #"{"format_version": "1", "accounts": [], "acounts": []}"#,
            invalid(
                "invalid state document at '$': unknown key 'acounts'",
                ["did you mean 'accounts'?", "keys here are: accounts, format_version"]))
    }

    func testUnknownAccountKeyIsRefusedWithItsPath() {
        assertRefusal(
            document(#""profile": []"#),
            invalid(
                "invalid state document at '$.accounts[0]': unknown key 'profile'",
                ["did you mean 'profiles'?", "keys here are: account_id, payment_methods, profiles, settings"]))
    }

    func testAGeneratedProfileIdOfTheOtherEnvironmentIsRefusedWithItsPath() {
        assertRefusal(
            document(#""profiles": [{"profile_id": "P12345678.abc", "configuration": {"vipps": {"enabled": true}}}]"#),
            invalid(
                "profile id 'P12345678.abc' was generated for a production account, not for 'T12345678' at '$.accounts[0].profiles[0]'",
                ["a generated profile id starts with its account's environment letter: T for test, P for production"]))
    }

    func testMethodDetailsAreReadVerbatim() throws {
        let accounts = try parse(
            document(
                #""payment_methods": [{"type": "vipps", "currencies": ["NOK"], "details": {"a": [1, {"b": null}]}}]"#))
        XCTAssertEqual(
            accounts.first?.methodDetails,
            ["vipps": ["a": .array([.number("1"), .object(["b": .null])])]])
    }

    func testUnknownMethodKeyIsRefusedWithItsPath() {
        assertRefusal(
            document(#""payment_methods": [{"type": "vipps", "currencies": ["NOK"], "tpye": "vipps"}]"#),
            invalid(
                "invalid state document at '$.accounts[0].payment_methods[0]': unknown key 'tpye'",
                ["did you mean 'type'?", "keys here are: currencies, details, type"]))
    }

    func testUnknownSettingIsRefusedWithDidYouMean() {
        assertRefusal(
            document(#""settings": {"logo_ulr": "https://example.com/logo.png"}"#),
            invalid(
                "unknown setting 'logo_ulr' at '$.accounts[0].settings.logo_ulr'",
                ["did you mean 'logo_url'?", settingList]))
    }

    func testHugeUnknownKeyIsShownShortened() {
        let huge = String(repeating: "k", count: 1_000_000)
        assertRefusal(
            document(#""\#(huge)": 1"#),
            invalid(
                "invalid state document at '$.accounts[0]': unknown key '\(String(repeating: "k", count: 60))…'",
                ["keys here are: account_id, payment_methods, profiles, settings"]))
    }

    func testControlCharactersInAnUnknownKeyAreEscaped() {
        assertRefusal(
            document(#""\u001b[31m": 1"#),
            invalid(
                #"invalid state document at '$.accounts[0]': unknown key '\u{1b}[31m'"#,
                ["keys here are: account_id, payment_methods, profiles, settings"]))
    }

    // MARK: - Values

    func testMissingAccountIDIsRefused() {
        assertRefusal(
            #"{"format_version": "1", "accounts": [{"settings": {}}]}"#,
            invalid("invalid state document at '$.accounts[0]': 'account_id' is missing or not a string"))
    }

    func testInvalidAccountIDIsRefusedWithItsPath() {
        assertRefusal(
            #"{"format_version": "1", "accounts": [{"account_id": "t12345678"}]}"#,
            invalid(
                "invalid account id 't12345678' at '$.accounts[0].account_id'",
                ["an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678"]))
    }

    func testInvalidSettingValueIsRefusedWithItsPath() {
        assertRefusal(
            document(#""settings": {"country": "XX"}"#),
            invalid(
                "invalid value 'XX' for setting 'country' at '$.accounts[0].settings.country'",
                ["country must be an ISO 3166-1 alpha-2 code in upper case, e.g. NO"]))
    }

    func testBooleanForATextSettingIsRefused() {
        assertRefusal(
            document(#""settings": {"name": true}"#),
            invalid("invalid state document at '$.accounts[0].settings.name': expected a string, found boolean true"))
    }

    func testStringForABooleanSettingIsRefusedSayingToDropTheQuotes() {
        assertRefusal(
            document(#""settings": {"session_customer_email": "false"}"#),
            invalid(
                "invalid state document at '$.accounts[0].settings.session_customer_email': expected true or false, found string \"false\"",
                ["write false without quotes: a string is not a boolean"]))
    }

    func testStringForAProfileBooleanIsRefusedTheSameWay() {
        assertRefusal(
            document(#""profiles": [{"profile_id": "web", "configuration": {"auto_capture": "true"}}]"#),
            invalid(
                "invalid profile at '$.accounts[0].profiles[0].configuration.auto_capture': expected true or false, found string \"true\"",
                ["write true without quotes: a string is not a boolean"]))
    }

    func testNumberForATextSettingIsRefusedNamingTheNumber() {
        assertRefusal(
            document(#""settings": {"merchant_category_code": 5812}"#),
            invalid(
                "invalid state document at '$.accounts[0].settings.merchant_category_code': expected a string, found number 5812"
            ))
    }

    func testNumberForABooleanSettingIsRefused() {
        assertRefusal(
            document(#""settings": {"checkout_express": 1}"#),
            invalid(
                "invalid state document at '$.accounts[0].settings.checkout_express': expected true or false, found number 1"
            ))
    }

    func testTenMegabyteSettingValueIsRefusedShortened() {
        let huge = String(repeating: "x", count: 10_000_000)
        assertRefusal(
            document(#""settings": {"postal_place": "\#(huge)"}"#),
            invalid(
                "invalid value '\(String(repeating: "x", count: 60))…' for setting 'postal_place' at '$.accounts[0].settings.postal_place'",
                ["postal_place must be text of at most 200 characters, without leading or trailing whitespace"]))
    }

    func testTenMegabyteProfileDescriptionIsRefusedWithItsPath() {
        let huge = String(repeating: "x", count: 10_000_000)
        assertRefusal(
            document(#""profiles": [{"profile_id": "webshop", "description": "\#(huge)", "configuration": {}}]"#),
            invalid(
                "invalid description '\(String(repeating: "x", count: 60))' at '$.accounts[0].profiles[0].description'",
                [
                    "a description is at most 1000 characters, without control characters or leading or trailing whitespace"
                ]))
    }

    func testInvalidProfileIDIsRefusedWithItsPath() {
        assertRefusal(
            document(#""profiles": [{"profile_id": " webshop", "configuration": {}}]"#),
            invalid(
                "invalid profile id ' webshop' at '$.accounts[0].profiles[0]'",
                ["leading and trailing whitespace is not allowed: did you mean 'webshop'?"]))
    }

    func testProfileWithoutConfigurationIsRefusedWithItsPath() {
        assertRefusal(
            document(#""profiles": [{"profile_id": "webshop"}]"#),
            invalid("invalid profile at '$.accounts[0].profiles[0]': 'configuration' is missing"))
    }

    func testUnknownPaymentTypeIsRefusedWithASuggestion() {
        assertRefusal(
            document(#""payment_methods": [{"type": "vips", "currencies": ["NOK"]}]"#),
            invalid(
                "unknown payment type 'vips' at '$.accounts[0].payment_methods[0].type'",
                ["did you mean 'vipps'?", "see 'checkout-admin method types' for the catalogue"]))
    }

    func testMethodWithoutCurrenciesIsRefused() {
        assertRefusal(
            document(#""payment_methods": [{"type": "vipps", "currencies": []}]"#),
            invalid(
                "invalid state document at '$.accounts[0].payment_methods[0].currencies': a method needs at least one currency"
            ))
    }

    func testCurrencyThatIsNotAStringIsRefusedAtItsIndex() {
        assertRefusal(
            document(#""payment_methods": [{"type": "vipps", "currencies": ["NOK", 578]}]"#),
            invalid(
                "invalid state document at '$.accounts[0].payment_methods[0].currencies[1]': expected a string, found number 578"
            ))
    }

    func testUnknownCurrencyIsRefusedWithItsPath() {
        assertRefusal(
            document(#""payment_methods": [{"type": "vipps", "currencies": ["XYZ"]}]"#),
            invalid(
                "invalid currency 'XYZ' at '$.accounts[0].payment_methods[0].currencies'",
                ["a currency is an ISO 4217 code in upper case, e.g. NOK"]))
    }

    func testLowerCaseCurrencyIsRefusedSuggestingUpperCase() {
        assertRefusal(
            document(#""payment_methods": [{"type": "vipps", "currencies": ["nok"]}]"#),
            invalid(
                "invalid currency 'nok' at '$.accounts[0].payment_methods[0].currencies'",
                ["did you mean 'NOK'?", "a currency is an ISO 4217 code in upper case, e.g. NOK"]))
    }

    // MARK: - Duplicates

    func testDuplicateAccountIsRefusedNamingBothPlaces() {
        assertRefusal(
            #"{"format_version": "1", "accounts": [\#(entry("T12345678")), \#(entry("P00000001")), \#(entry("T12345678"))]}"#,
            invalid(
                "invalid state document at '$.accounts[2]': account 'T12345678' appears twice (also at $.accounts[0])"))
    }

    func testDuplicateProfileIsRefusedNamingItsAccount() {
        let profile = #"{"profile_id": "webshop", "configuration": {}}"#
        assertRefusal(
            document(#""profiles": [\#(profile), \#(profile)]"#),
            invalid(
                "invalid state document at '$.accounts[0].profiles[1]': profile 'webshop' of account 'T12345678' appears twice"
            ))
    }

    func testDuplicateMethodIsRefused() {
        assertRefusal(
            document(
                #""payment_methods": [{"type": "vipps", "currencies": ["NOK"]}, {"type": "vipps", "currencies": ["NOK"]}]"#
            ),
            invalid("invalid state document at '$.accounts[0].payment_methods[1]': method 'vipps' appears twice"))
    }

    // MARK: - Click to Pay from another gateway

    private let policyHint = ["use 'dintero_psp.clicktopay' instead"]
    private let policyText = "Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"

    func testPayexClickToPayMethodIsAPolicyViolation() {
        assertRefusal(
            document(#""payment_methods": [{"type": "payex.clicktopay", "currencies": ["NOK"]}]"#),
            Rejection(
                reason: .policyViolation,
                message:
                    "payment type 'payex.clicktopay' is refused at '$.accounts[0].payment_methods[0].type': \(policyText)",
                hints: policyHint))
    }

    func testPayexClickToPayInAProfileIsAPolicyViolation() {
        assertRefusal(
            document(
                #""profiles": [{"profile_id": "webshop", "configuration": {"payex": {"clicktopay": {"enabled": true}}}}]"#
            ),
            Rejection(
                reason: .policyViolation,
                message:
                    "payment type 'payex.clicktopay' is refused at '$.accounts[0].profiles[0].configuration.payex.clicktopay': \(policyText)",
                hints: policyHint))
    }

    func testPayexClickToPayAsDefaultIsAPolicyViolation() {
        assertRefusal(
            document(
                #""profiles": [{"profile_id": "webshop", "configuration": {"default_payment_type": "payex.clicktopay"}}]"#
            ),
            Rejection(
                reason: .policyViolation,
                message:
                    "payment type 'payex.clicktopay' is refused at '$.accounts[0].profiles[0].configuration.default_payment_type': \(policyText)",
                hints: policyHint))
    }

    func testDinteroClickToPayIsAccepted() throws {
        let accounts = try parse(
            document(#""payment_methods": [{"type": "dintero_psp.clicktopay", "currencies": ["NOK"]}]"#))
        XCTAssertEqual(accounts.first?.methods, ["dintero_psp.clicktopay": ["NOK"]])
    }
}
