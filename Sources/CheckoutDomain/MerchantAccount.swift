/// One account with everything the tool keeps for it: the unit every write loads, changes and saves.
/// Values are kept as stored (strings), so a store written by other means can still be audited.
package struct MerchantAccount: Equatable, Sendable {
    /// The account id as stored.
    package var id: String
    /// Setting key → value as text (`true`/`false` for booleans).
    package var settings: [String: String] = [:]
    /// Enabled payment type → its currencies, sorted.
    package var methods: [String: [String]] = [:]
    /// Enabled payment type → its `details` object exactly as imported (Apple/Google Pay ids, `domain_names`, …).
    /// Kept apart from `methods` because most code only needs currencies; an entry without a method means nothing.
    package var methodDetails: [String: [String: JSONValue]] = [:]
    /// Profile id → profile.
    package var profiles: [String: PaymentProfile] = [:]

    /// An account with nothing configured.
    package init(id: String) {
        self.id = id
    }

    /// Test or production, from the id's first letter.
    package var environment: AccountID.Environment { id.hasPrefix("P") ? .production : .test }

    /// Whether `dintero_psp.clicktopay` is enabled on the account.
    package var hasClickToPay: Bool { methods[PaymentType.clickToPay.identifier] != nil }

    /// Profiles in id order.
    package var sortedProfiles: [PaymentProfile] { profiles.values.sorted { $0.id < $1.id } }

    /// Method types in order.
    package var sortedMethodTypes: [String] { methods.keys.sorted() }

    /// A boolean setting (`checkout_express`, `session_customer_email`).
    package func isSet(_ key: SettingKey) -> Bool { settings[key.rawValue] == "true" }

    /// The union of the currencies the account's methods use, sorted.
    package var currenciesInUse: [String] { Array(Set(methods.values.joined())).sorted() }

    /// Whether `profile` offers `type`, explicitly or through `active_payment_types`.
    package func offers(_ type: String, in profile: PaymentProfile) -> Bool {
        profile.methods[type] != nil || (profile.allActive && methods[type] != nil)
    }
}

/// A payment profile (Backoffice: Settings → Payment profiles), in the terms of Dintero's profile body.
package struct PaymentProfile: Equatable, Sendable {
    /// The profile id, unique within its account.
    package var id: String
    /// Free text.
    package var description: String?
    /// `ecommerce` (default), `in_app` or `in_store`.
    package var channel = "ecommerce"
    /// `configuration.auto_capture`.
    package var autoCapture = false
    /// `configuration.active_payment_types.enabled`: offers every method enabled on the account.
    package var allActive = false
    /// `configuration.default_payment_type`.
    package var defaultPaymentType: String?
    /// `url.merchant_terms_url`.
    package var merchantTermsURL: String?
    /// Explicitly offered types → their product options besides `enabled` (e.g. `sca_policy`), passed through.
    package var methods: [String: [String: JSONValue]] = [:]
    /// Products present with `"enabled": false` → their options. They offer nothing and count for no rule, but
    /// Dintero keeps their options, so a write-back without them would delete live configuration.
    package var disabledProducts: [String: [String: JSONValue]] = [:]
    /// `configuration` fields the tool does not manage (`theme`, `countries`, …), passed through.
    package var extraConfiguration: [String: JSONValue] = [:]
    /// Top-level fields the tool does not manage (and `url` fields besides `merchant_terms_url`), passed through.
    package var extraFields: [String: JSONValue] = [:]

    /// A profile that offers nothing yet.
    package init(id: String) {
        self.id = id
    }

    /// Explicitly offered types, sorted.
    package var sortedMethodTypes: [String] { methods.keys.sorted() }

    /// The channels a profile may have.
    package static let channels = ["ecommerce", "in_app", "in_store"]
    /// The channel of a profile used in a shop, which has no hosted checkout.
    package static let inStore = "in_store"
    /// The channel of a profile used in an app, which has no Checkout Express.
    package static let inApp = "in_app"
}

extension MerchantAccount {
    /// The named profile, or a not-found refusal with a suggestion.
    package func existingProfile(_ profileID: String) throws -> PaymentProfile {
        guard let profile = profiles[profileID] else {
            throw Rejection.notFound(
                "profile '\(profileID.debugEscaped)' not found on account '\(id)'",
                hints: Suggestion.hints(for: profileID, among: profiles.keys))
        }
        return profile
    }
}
