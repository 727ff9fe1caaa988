import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `TextRules`: the text shapes settings use.
final class TextRulesTests: XCTestCase {
    // MARK: Plain text

    func testPlainTextAcceptsOneToMaximumCharacters() {
        XCTAssertTrue(TextRules.isPlainText("a", maxLength: 200))
        XCTAssertTrue(TextRules.isPlainText(String(repeating: "a", count: 200), maxLength: 200))
    }

    func testPlainTextRefusesEmptyAndOneOverTheMaximum() {
        XCTAssertFalse(TextRules.isPlainText("", maxLength: 200))
        XCTAssertFalse(TextRules.isPlainText(String(repeating: "a", count: 201), maxLength: 200))
    }

    func testPlainTextCountsCharactersNotBytes() {
        // 200 characters of 4 UTF-8 bytes each, and 200 characters built from two scalars each.
        XCTAssertTrue(TextRules.isPlainText(String(repeating: "😀", count: 200), maxLength: 200))
        XCTAssertTrue(TextRules.isPlainText(String(repeating: "e\u{301}", count: 200), maxLength: 200))
        XCTAssertFalse(TextRules.isPlainText(String(repeating: "ø", count: 201), maxLength: 200))
    }

    func testPlainTextRefusesControlCharacters() {
        for scalar in ["\u{0}", "\u{1}", "\t", "\n", "\r", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}"] {
            XCTAssertFalse(TextRules.isPlainText("Example\(scalar)AS", maxLength: 200), scalar.debugDescription)
        }
    }

    func testPlainTextAllowsFormatCharactersSuchAsRightToLeftOverride() {
        XCTAssertTrue(TextRules.isPlainText("Example \u{202E}SA", maxLength: 200))
        XCTAssertTrue(TextRules.isPlainText("\u{200F}שלום", maxLength: 200))
    }

    func testPlainTextRefusesOnlyWhitespace() {
        XCTAssertFalse(TextRules.isPlainText(" ", maxLength: 200))
        XCTAssertFalse(TextRules.isPlainText("\u{A0}\u{3000}", maxLength: 200))
    }

    func testPlainTextRefusesLeadingOrTrailingWhitespaceButNotInnerSpaces() {
        for text in [" Example AS", "Example AS ", "\u{A0}Example", "Example\u{3000}", "\u{2003}Example AS\u{2003}"] {
            XCTAssertFalse(TextRules.isPlainText(text, maxLength: 200), text.debugDescription)
        }
        XCTAssertTrue(TextRules.isPlainText("Example  AS", maxLength: 200))
    }

    func testTrimmedSuggestionOnlyWhenTheTrimmedTextIsValid() {
        let isName = { TextRules.isPlainText($0, maxLength: 5) }
        XCTAssertEqual(
            TextRules.trimmedSuggestion(for: " Shop\u{A0}", isValid: isName),
            "leading and trailing whitespace is not allowed: did you mean 'Shop'?")
        XCTAssertNil(TextRules.trimmedSuggestion(for: "Shop", isValid: isName), "nothing to trim")
        XCTAssertNil(TextRules.trimmedSuggestion(for: "   ", isValid: isName), "only whitespace")
        XCTAssertNil(TextRules.trimmedSuggestion(for: " Shopping ", isValid: isName), "too long once trimmed")
    }

    func testPlainTextTakesSQLAndMarkupLiterally() {
        XCTAssertTrue(TextRules.isPlainText("Robert'); DROP TABLE account;--", maxLength: 200))
        XCTAssertTrue(TextRules.isPlainText("<script>alert(1)</script>", maxLength: 200))
    }

    func testControlCharacterDetectionCoversC0DeleteAndC1Only() {
        XCTAssertTrue(TextRules.containsControlCharacters("\u{1F}"))
        XCTAssertTrue(TextRules.containsControlCharacters("\u{7F}"))
        XCTAssertTrue(TextRules.containsControlCharacters("\u{9F}"))
        XCTAssertFalse(TextRules.containsControlCharacters(" ~\u{A0}\u{202E}"))
    }

    // MARK: URLs

    func testWebURLAcceptsHTTPAndHTTPSWithAHost() {
        for url in [
            "https://example.com", "http://example.com", "https://example.com/logo.png?size=2#top",
            "https://cdn.example.com:8443/a/b", "https://user@example.com/", "http://localhost",
            "https://bücher.example",
        ] {
            XCTAssertTrue(TextRules.isWebURL(url), url)
        }
    }

    func testWebURLMatchesTheSchemeWithoutRegardToCase() {
        for url in ["HTTPS://example.com/terms", "Http://example.com", "hTtPs://EXAMPLE.COM"] {
            XCTAssertTrue(TextRules.isWebURL(url), url)
        }
        XCTAssertFalse(TextRules.isWebURL("HTTPS:/example.com"))
        XCTAssertFalse(TextRules.isWebURL("HTTPX://example.com"))
    }

    func testWebURLRefusesAnyWhitespace() {
        for url in [
            "https://example.com/a b", "https://example.com/\u{A0}", " https://example.com",
            "https://example.com\u{3000}",
        ] {
            XCTAssertFalse(TextRules.isWebURL(url), url.debugDescription)
        }
    }

    func testWebURLRefusesOtherSchemesAndRelativeURLs() {
        for url in [
            "ftp://example.com", "javascript:alert(1)", "mailto:ops@example.com", "//example.com/logo.png",
            "/logo.png", "example.com", "https:/example.com", "https:example.com", "file:///etc/passwd", "",
        ] {
            XCTAssertFalse(TextRules.isWebURL(url), url)
        }
    }

    func testWebURLRefusesAMissingHost() {
        for url in [
            "https://", "http://", "https:///path", "https://?q", "https://#top", "https://:443/",
            "https://user@/logo.png",
        ] {
            XCTAssertFalse(TextRules.isWebURL(url), url)
        }
    }

    func testWebURLRefusesSpacesAndControlCharacters() {
        for url in [
            "https://exa mple.com", "https://example.com/a b.png", "https://example.com/\n",
            "https://example.com/\u{7F}",
        ] {
            XCTAssertFalse(TextRules.isWebURL(url), url.debugDescription)
        }
    }

    func testWebURLRefusesHostsWithOtherPunctuation() {
        for url in ["https://exa_mple.com", "https://example.com'--", "https://exa<mple>.com"] {
            XCTAssertFalse(TextRules.isWebURL(url), url)
        }
    }

    func testWebURLAcceptsUpTo2048Bytes() {
        let prefix = "https://example.com/"
        XCTAssertTrue(TextRules.isWebURL(prefix + String(repeating: "a", count: 2048 - prefix.utf8.count)))
        XCTAssertFalse(TextRules.isWebURL(prefix + String(repeating: "a", count: 2049 - prefix.utf8.count)))
    }

    // MARK: Email

    func testEmailAcceptsLocalAtDottedDomain() {
        for email in [
            "ops@example.com", "first.last+tag@sub.example.co.uk", "a@b.no", "o'brien@example.com", "OPS@EXAMPLE.COM",
        ] {
            XCTAssertTrue(TextRules.isEmail(email), email)
        }
    }

    func testEmailRefusesMalformedAddresses() {
        for email in [
            "", "ops", "ops@", "@example.com", "ops@example", "ops@@example.com", "ops@exa@mple.com",
            "ops@example..com", "ops@.example.com", "ops@example.com.", "ops@-example.com", "ops@example-.com",
            "o ps@example.com", "ops@exa mple.com", "\"ops\"@example.com", "ops\\x@example.com", "øps@example.com",
            "ops@exämple.com", "ops@example.com\n",
        ] {
            XCTAssertFalse(TextRules.isEmail(email), email.debugDescription)
        }
    }

    func testEmailLocalPartIsAtMost64Bytes() {
        XCTAssertTrue(TextRules.isEmail(String(repeating: "a", count: 64) + "@example.com"))
        XCTAssertFalse(TextRules.isEmail(String(repeating: "a", count: 65) + "@example.com"))
    }

    func testEmailIsAtMost254Bytes() {
        let domain = [String](repeating: String(repeating: "d", count: 63), count: 3).joined(separator: ".") + ".com"
        let fits = String(repeating: "a", count: 254 - 1 - domain.utf8.count) + "@" + domain
        XCTAssertEqual(fits.utf8.count, 254)
        XCTAssertTrue(TextRules.isEmail(fits))
        XCTAssertFalse(TextRules.isEmail("a" + fits))
    }

    // MARK: Phone numbers

    func testE164AcceptsPlusAndSevenToFifteenDigits() {
        for phone in ["+4722000000", "+1234567", "+123456789012345", "+4790000000"] {
            XCTAssertTrue(TextRules.isE164(phone), phone)
        }
    }

    func testE164RefusesOtherShapes() {
        for phone in [
            "", "+", "4722000000", "004722000000", "+123456", "+1234567890123456", "+0722000000",
            "+47 22 00 00 00", "+47-22000000", "+47220000a0", "++4722000000", "+４７22000000", "+4722000000\n",
        ] {
            XCTAssertFalse(TextRules.isE164(phone), phone.debugDescription)
        }
    }

    // MARK: Escaping for messages

    func testDebugEscapedShowsControlCharactersAsEscapes() {
        XCTAssertEqual("a\tb\nc\u{0}\u{7F}\u{85}".debugEscaped, "a\\u{9}b\\u{a}c\\u{0}\\u{7f}\\u{85}")
        XCTAssertEqual("Example \u{202E}AS ø".debugEscaped, "Example \u{202E}AS ø")
    }
}
