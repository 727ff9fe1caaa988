import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `AccountID`: `^[PT][0-9]{8}$` and the environment its first letter names.
final class AccountIDTests: XCTestCase {
    func testTestAndProductionIDsAreAccepted() throws {
        XCTAssertEqual(try AccountID(parsing: "T12345678").rawValue, "T12345678")
        XCTAssertEqual(try AccountID(parsing: "P00000000").rawValue, "P00000000")
        XCTAssertEqual(try AccountID(parsing: "T99999999").rawValue, "T99999999")
    }

    func testFirstLetterNamesTheEnvironment() throws {
        XCTAssertEqual(try AccountID(parsing: "T12345678").environment, .test)
        XCTAssertEqual(try AccountID(parsing: "P12345678").environment, .production)
    }

    func testWrongLengthsAreRefused() {
        for text in ["", "T", "T1234567", "T123456789", "T12345678T12345678"] {
            XCTAssertThrowsError(try AccountID(parsing: text), text)
        }
    }

    func testOtherLettersAndLowerCaseAreRefused() {
        for text in ["t12345678", "p12345678", "X12345678", "A12345678", "12345678T", "TT2345678"] {
            XCTAssertThrowsError(try AccountID(parsing: text), text)
        }
    }

    func testNonASCIIDigitsAreRefused() {
        // Fullwidth, Arabic-Indic and superscript digits are digits to Unicode but not to the id pattern.
        for text in ["T１２３４５６７８", "T١٢٣٤٥٦٧٨", "T1234567¹", "Ｔ12345678"] {
            XCTAssertThrowsError(try AccountID(parsing: text), text)
        }
    }

    func testSurroundingWhitespaceAndControlCharactersAreRefused() {
        for text in [" T12345678", "T12345678 ", "T12345678\n", "T1234\u{0}5678", "T12345678\u{202E}"] {
            XCTAssertThrowsError(try AccountID(parsing: text), text.debugDescription)
        }
    }

    func testSQLInjectionTextIsRefusedAsAnID() {
        XCTAssertThrowsError(try AccountID(parsing: "T1' OR '1'='1"))
    }

    func testRefusalIsAnInvalidValueWithTheFormatInTheHint() {
        XCTAssertThrowsError(try AccountID(parsing: "X1")) { error in
            XCTAssertEqual(
                error as? Rejection,
                Rejection.invalid(
                    "invalid account id 'X1'",
                    hints: ["an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678"]))
        }
    }

    func testRefusalShowsControlCharactersEscapedOnOneLine() {
        XCTAssertThrowsError(try AccountID(parsing: "T1234\n\u{1B}[31m")) { error in
            XCTAssertEqual((error as? Rejection)?.message, "invalid account id 'T1234\\u{a}\\u{1b}[31m'")
        }
    }

    func testRefusalShortensLongText() {
        let text = String(repeating: "T", count: 100)
        XCTAssertThrowsError(try AccountID(parsing: text)) { error in
            XCTAssertEqual((error as? Rejection)?.message, "invalid account id '\(String(repeating: "T", count: 40))'")
        }
    }

    func testIDsOrderAsText() throws {
        XCTAssertLessThan(try AccountID(parsing: "P99999999"), try AccountID(parsing: "T00000000"))
        XCTAssertLessThan(try AccountID(parsing: "T12345678"), try AccountID(parsing: "T12345679"))
    }
}
