/// Rules for profile ids and fields: an id is 1–255 characters, without leading or trailing whitespace or control
/// characters (the free-text rule of `TextRules`).
package enum ProfileRules {
    /// Validates a profile id.
    package static func validateID(_ text: String) throws {
        try TextRules.requirePlainText(
            text, maxLength: 255, message: "invalid profile id '\(text.excerpt())'",
            rule: "a profile id is 1-255 characters, without leading or trailing whitespace or control characters")
    }

    /// Refuses an id Dintero generated for the other environment: `T12345678.46dP6T4F1mUXYPeYKYc5Gj` belongs to
    /// a test account, so it cannot be a production account's profile (and the other way round).
    package static func validateGeneratedID(_ text: String, for account: String) throws {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[0] == UInt8(ascii: "T") || bytes[0] == UInt8(ascii: "P"),
            bytes[1...8].allSatisfy(TextRules.isDigit), bytes[9] == UInt8(ascii: "."),
            bytes[0] != account.utf8.first
        else { return }
        let environment = bytes[0] == UInt8(ascii: "T") ? "test" : "production"
        throw Rejection.invalid(
            "profile id '\(String(text.prefix(60)).debugEscaped)' was generated for a \(environment) account, not for '\(account)'",
            hints: ["a generated profile id starts with its account's environment letter: T for test, P for production"]
        )
    }

    /// Validates a channel.
    package static func validateChannel(_ text: String) throws {
        guard PaymentProfile.channels.contains(text) else {
            throw Rejection.invalid(
                "invalid channel '\(text.excerpt())'",
                hints: Suggestion.hints(for: text, among: PaymentProfile.channels)
                    + ["a channel is one of: \(PaymentProfile.channels.joined(separator: ", "))"])
        }
    }

    /// Validates a description: at most 1000 characters, no control characters but newline and tab, no leading or
    /// trailing whitespace (so not only whitespace); empty is allowed.
    package static func validateDescription(_ text: String) throws {
        guard !isDescription(text) else { return }
        throw Rejection.invalid(
            "invalid description '\(text.excerpt())'",
            hints: [
                TextRules.trimmedSuggestion(for: text, isValid: isDescription)
                    ?? "a description is at most 1000 characters, without control characters or leading or trailing whitespace"
            ])
    }

    private static func isDescription(_ text: String) -> Bool {
        let controls = text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
        }
        return text.count <= 1000 && !controls && !TextRules.hasSurroundingWhitespace(text)
    }

    /// Validates a terms URL.
    package static func validateTermsURL(_ text: String) throws {
        guard !TextRules.isWebURL(text) else { return }
        throw Rejection.invalid(
            "invalid merchant_terms_url '\(text.excerpt())'",
            hints: [
                TextRules.trimmedSuggestion(for: text, isValid: TextRules.isWebURL)
                    ?? "merchant_terms_url must be an absolute https:// or http:// URL"
            ])
    }
}
