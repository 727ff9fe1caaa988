/// A merchant setting, with the rule its value must satisfy.
package enum SettingKey: String, CaseIterable, Comparable, Sendable {
    case name
    case logoURL = "logo_url"
    case website
    case email
    case phoneNumber = "phone_number"
    case country
    case merchantCategoryCode = "merchant_category_code"
    case platformType = "platform_type"
    case addressLine = "address_line"
    case addressLine2 = "address_line_2"
    case postalCode = "postal_code"
    case postalPlace = "postal_place"
    case checkoutExpress = "checkout_express"
    case sessionCustomerEmail = "session_customer_email"

    /// Parses a key, refusing unknown ones with a suggestion.
    package init(parsing text: String) throws {
        guard let key = SettingKey(rawValue: text) else {
            throw Rejection.invalid(
                "unknown setting '\(text.excerpt())'",
                hints: Suggestion.hints(for: text, among: SettingKey.allCases.map(\.rawValue))
                    + ["settings are: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        self = key
    }

    /// Whether the value is a boolean (`true`/`false`); such keys are the tool's own and never sent to Dintero.
    package var isBoolean: Bool { self == .checkoutExpress || self == .sessionCustomerEmail }

    /// Whether `account export` includes it in `configuration.merchant`.
    package var isSentToDintero: Bool { !isBoolean }

    /// What a valid value looks like, for help and hints.
    package var valueDescription: String {
        switch self {
        case .name: return "1-200 characters, without leading or trailing whitespace"
        case .logoURL, .website: return "an absolute https:// or http:// URL"
        case .email: return "an email address"
        case .phoneNumber: return "an E.164 number, e.g. +4722000000"
        case .country: return "an ISO 3166-1 alpha-2 code in upper case, e.g. NO"
        case .merchantCategoryCode: return "4 digits"
        case .platformType: return "aggregator or marketplace"
        case .addressLine, .addressLine2, .postalCode, .postalPlace:
            return "text of at most 200 characters, without leading or trailing whitespace"
        case .checkoutExpress, .sessionCustomerEmail: return "true or false"
        }
    }

    /// Every value the key accepts when they can be listed (booleans, countries, platform types), for completion;
    /// empty for free text.
    package var listedValues: [String] {
        switch self {
        case .checkoutExpress, .sessionCustomerEmail: return ["true", "false"]
        case .country: return CountryCode.assigned.sorted()
        case .platformType: return ["aggregator", "marketplace"]
        default: return []
        }
    }

    /// Checks `value`; throws an invalid-value rejection naming the key and what was expected.
    package func validate(_ value: String) throws {
        guard isValid(value) else {
            let trimmed = TextRules.trimmedSuggestion(for: value, isValid: isValid)
            throw Rejection.invalid(
                "invalid value '\(value.excerpt(marksCut: true))' for setting '\(rawValue)'",
                hints: [trimmed ?? "\(rawValue) must be \(valueDescription)"])
        }
    }

    /// Whether `value` satisfies the key's rule.
    package func isValid(_ value: String) -> Bool {
        switch self {
        case .name: return TextRules.isPlainText(value, maxLength: 200)
        case .logoURL, .website: return TextRules.isWebURL(value)
        case .email: return TextRules.isEmail(value)
        case .phoneNumber: return TextRules.isE164(value)
        case .country: return CountryCode(value) != nil
        case .merchantCategoryCode: return value.utf8.count == 4 && value.utf8.allSatisfy(TextRules.isDigit)
        case .platformType: return value == "aggregator" || value == "marketplace"
        case .addressLine, .addressLine2, .postalCode, .postalPlace: return TextRules.isPlainText(value, maxLength: 200)
        case .checkoutExpress, .sessionCustomerEmail: return value == "true" || value == "false"
        }
    }

    package static func < (lhs: SettingKey, rhs: SettingKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
