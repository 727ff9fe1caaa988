import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `SettingKey`: the merchant settings and the rule for each value.
final class SettingKeyTests: XCTestCase {
    func testKeysAreExactlyThoseOfTheSpecification() {
        XCTAssertEqual(
            SettingKey.allCases.map(\.rawValue),
            [
                "name", "logo_url", "website", "email", "phone_number", "country", "merchant_category_code",
                "platform_type",
                "address_line", "address_line_2", "postal_code", "postal_place", "checkout_express",
                "session_customer_email",
            ])
    }

    func testOnlyTheTwoBooleansStayOutOfTheExport() {
        XCTAssertEqual(SettingKey.allCases.filter { !$0.isSentToDintero }, [.checkoutExpress, .sessionCustomerEmail])
        XCTAssertEqual(SettingKey.allCases.filter(\.isBoolean), [.checkoutExpress, .sessionCustomerEmail])
    }

    // MARK: Parsing keys

    func testKnownKeysParse() throws {
        for key in SettingKey.allCases {
            XCTAssertEqual(try SettingKey(parsing: key.rawValue), key)
        }
    }

    func testUnknownKeyIsRefusedWithASuggestionAndTheList() {
        XCTAssertThrowsError(try SettingKey(parsing: "contry")) { error in
            XCTAssertEqual(
                error as? Rejection,
                Rejection.invalid(
                    "unknown setting 'contry'",
                    hints: [
                        "did you mean 'country'?", "settings are: \(Self.keyList)",
                    ]))
        }
    }

    func testKeysAreCaseSensitive() {
        XCTAssertThrowsError(try SettingKey(parsing: "Name")) { error in
            XCTAssertEqual((error as? Rejection)?.hints.first, "did you mean 'name'?")
        }
        XCTAssertThrowsError(try SettingKey(parsing: "LOGO_URL"))
    }

    func testFarAwayKeyGetsOnlyTheList() {
        XCTAssertThrowsError(try SettingKey(parsing: "favourite_colour")) { error in
            XCTAssertEqual((error as? Rejection)?.hints, ["settings are: \(Self.keyList)"])
        }
    }

    func testUnknownKeyIsShownEscapedOnOneLine() {
        XCTAssertThrowsError(try SettingKey(parsing: "na\nme")) { error in
            XCTAssertEqual((error as? Rejection)?.message, "unknown setting 'na\\u{a}me'")
        }
    }

    // MARK: Values, key by key

    func testNameAcceptsOneToTwoHundredCharacters() {
        assertValid(
            .name,
            [
                "A", "Example AS", String(repeating: "n", count: 200), "Café Ørsted & Søn", "Example \u{202E}SA",
                "Robert'); DROP TABLE account;--",
            ])
    }

    func testNameRefusesEmptyTooLongControlAndBlank() {
        assertInvalid(
            .name,
            ["", String(repeating: "n", count: 201), "Example\nAS", "Example\tAS", "\u{0}", "Example\u{7F}", "   "])
    }

    func testLogoURLAcceptsHTTPAndHTTPS() {
        assertValid(.logoURL, ["https://example.com/logo.png", "http://example.com/logo.png"])
    }

    func testLogoURLRefusesOtherSchemesAndRelativeURLs() {
        assertInvalid(
            .logoURL,
            ["", "ftp://example.com/logo.png", "logo.png", "//example.com/logo.png", "data:image/png;base64,AA=="])
    }

    func testWebsiteAcceptsHTTPAndHTTPS() {
        assertValid(.website, ["https://example.com", "http://shop.example.com/no"])
    }

    func testWebsiteRefusesOtherSchemesAndBareHosts() {
        assertInvalid(.website, ["", "example.com", "javascript:alert(1)", "https://", "https://exa mple.com"])
    }

    func testEmailAcceptsAnAddress() {
        assertValid(.email, ["ops@example.com", "first.last+tag@example.co.uk"])
    }

    func testEmailRefusesNonAddresses() {
        assertInvalid(.email, ["", "ops", "ops@example", "@example.com", "ops@@example.com", "ops @example.com"])
    }

    func testPhoneNumberAcceptsE164() {
        assertValid(.phoneNumber, ["+4722000000", "+1234567", "+123456789012345"])
    }

    func testPhoneNumberRefusesOtherShapes() {
        assertInvalid(
            .phoneNumber, ["", "22000000", "+47 22 00 00 00", "+0722000000", "+1234567890123456", "tel:+4722000000"])
    }

    func testCountryAcceptsAssignedUpperCaseCodes() {
        assertValid(.country, ["NO", "SE", "DK", "FI", "GB", "US", "DE", "AX", "SS"])
    }

    func testCountryRefusesLowerCaseUnassignedAndReservedCodes() {
        // UK, EU and XK are reserved or user-assigned, not ISO 3166-1 alpha-2 country codes.
        assertInvalid(.country, ["", "no", "No", "nO", "XX", "UK", "EU", "XK", "AA", "NOR", "N", "578", " NO", "NO "])
    }

    func testCountryListHasEveryAssignedCode() {
        XCTAssertEqual(CountryCode.assigned.count, 249)
        XCTAssertTrue(
            CountryCode.assigned.allSatisfy {
                $0.count == 2 && $0.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
            })
    }

    func testMerchantCategoryCodeAcceptsFourDigits() {
        assertValid(.merchantCategoryCode, ["5411", "0742", "9999", "0000"])
    }

    func testMerchantCategoryCodeRefusesOtherLengthsAndNonDigits() {
        assertInvalid(.merchantCategoryCode, ["", "541", "54111", "54a1", "-541", " 5411", "５４１１", "5411\n"])
    }

    func testPlatformTypeAcceptsAggregatorAndMarketplace() {
        assertValid(.platformType, ["aggregator", "marketplace"])
    }

    func testPlatformTypeRefusesAnythingElse() {
        assertInvalid(.platformType, ["", "Aggregator", "MARKETPLACE", "market place", "psp", "aggregator "])
    }

    func testAddressFieldsAcceptUpToTwoHundredCharacters() {
        for key in [SettingKey.addressLine, .addressLine2, .postalCode, .postalPlace] {
            assertValid(key, ["Karl Johans gate 1", "0150", "Oslo", String(repeating: "a", count: 200)])
        }
    }

    func testAddressFieldsRefuseEmptyTooLongAndControlCharacters() {
        for key in [SettingKey.addressLine, .addressLine2, .postalCode, .postalPlace] {
            assertInvalid(key, ["", String(repeating: "a", count: 201), "Street\n1", "Oslo\r"])
        }
    }

    func testBooleansAcceptTrueAndFalse() {
        assertValid(.checkoutExpress, ["true", "false"])
        assertValid(.sessionCustomerEmail, ["true", "false"])
    }

    func testBooleansRefuseOtherSpellings() {
        for key in [SettingKey.checkoutExpress, .sessionCustomerEmail] {
            assertInvalid(key, ["", "True", "FALSE", "yes", "no", "1", "0", "on", "t"])
        }
    }

    // MARK: The refusal

    func testRefusalNamesTheValueKeyAndRule() {
        XCTAssertThrowsError(try SettingKey.country.validate("no")) { error in
            XCTAssertEqual(
                error as? Rejection,
                Rejection.invalid(
                    "invalid value 'no' for setting 'country'",
                    hints: ["country must be an ISO 3166-1 alpha-2 code in upper case, e.g. NO"]))
        }
    }

    func testRefusalShowsControlCharactersEscaped() {
        XCTAssertThrowsError(try SettingKey.name.validate("a\nb")) { error in
            XCTAssertEqual((error as? Rejection)?.message, "invalid value 'a\\u{a}b' for setting 'name'")
        }
    }

    func testRefusalShortensLongValuesToSixtyCharacters() {
        XCTAssertThrowsError(try SettingKey.name.validate(String(repeating: "x", count: 201))) { error in
            XCTAssertEqual(
                (error as? Rejection)?.message,
                "invalid value '\(String(repeating: "x", count: 60))…' for setting 'name'")
        }
    }

    // MARK: Helpers

    private static let keyList = SettingKey.allCases.map(\.rawValue).joined(separator: ", ")

    private func assertValid(_ key: SettingKey, _ values: [String], file: StaticString = #filePath, line: UInt = #line)
    {
        for value in values {
            XCTAssertTrue(key.isValid(value), "\(key.rawValue)=\(value.debugDescription)", file: file, line: line)
            XCTAssertNoThrow(try key.validate(value), file: file, line: line)
        }
    }

    private func assertInvalid(
        _ key: SettingKey, _ values: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        for value in values {
            XCTAssertFalse(key.isValid(value), "\(key.rawValue)=\(value.debugDescription)", file: file, line: line)
            XCTAssertThrowsError(try key.validate(value), file: file, line: line) { error in
                XCTAssertEqual((error as? Rejection)?.reason, .invalidValue, file: file, line: line)
            }
        }
    }
}
