/// What Dintero's 2026 profile schema says about each product object inside a profile's `configuration`:
/// which options it takes, which of them are required, and which types can be a default at all.
/// Written from the 2026 generated types (Dintero's Node SDK, `payments.d.ts`, April 2026).
package enum ProductSchema {
    /// The JSON shape an option's value must have.
    package enum ValueKind: Equatable, Sendable {
        /// `true` or `false`.
        case boolean
        /// A JSON string.
        case string
        /// A JSON number.
        case number
        /// A JSON object (its fields are checked by the schema fixture in the tests, not here).
        case object
        /// A JSON array.
        case array
        /// One of these strings.
        case oneOf([String])

        /// How a message names the kind.
        package var name: String {
            switch self {
            case .boolean: "true or false"
            case .string: "a string"
            case .number: "a number"
            case .object: "an object"
            case .array: "an array"
            case .oneOf(let values): "one of \(values.map { "\"\($0)\"" }.joined(separator: ", "))"
            }
        }

        /// Whether `value` has this kind.
        package func admits(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.boolean, .bool), (.string, .string), (.number, .number), (.object, .object), (.array, .array):
                true
            case (.oneOf(let values), .string(let text)): values.contains(text)
            default: false
            }
        }
    }

    /// The product discriminator's one value; required on some products, optional on most.
    package static let productTypeValue = JSONValue.string("payment_product_type")

    /// The type that has an account payment option and can be a default, but no product object in a profile.
    package static let notOfferable: Set<String> = ["collector.installment_b2b_preapproved"]

    /// Types that may not be `default_payment_type`: Dintero's enum of defaults lacks them.
    package static let notDefaultable: Set<String> = ["dintero.wallets", "dintero.external"]

    /// The product with the display labels Dintero requires on it.
    package static let external = "dintero.external"

    /// The labels `dintero.external` must carry inside `display`.
    package static let requiredDisplayLabels = ["button_label", "payment_method_label"]

    /// Whether `type` can be offered inside a profile.
    package static func isOfferable(_ type: String) -> Bool { !notOfferable.contains(type) }

    /// Whether `type` can be a profile's `default_payment_type`.
    package static func canBeDefault(_ type: String) -> Bool { !notDefaultable.contains(type) }

    /// Options the tool sets or edits on `type`'s product object, with their kinds (`enabled`, `type` and
    /// `payability` are managed or read as they come, never edited).
    package static func options(for type: String) -> [String: ValueKind] {
        let byType: [String: [String: ValueKind]] = [
            "bambora.creditcard": ["generate_payment_token": .boolean],
            "dintero.external": ["display": .object],
            "dintero_psp.applepay": ["sca_policy": .object, "details": .object],
            "dintero_psp.clicktopay": ["generate_payment_token": .boolean, "sca_policy": .object],
            "dintero_psp.creditcard": [
                "generate_payment_token": .boolean, "generate_payment_token_config": .object, "sca_policy": .object,
                "token_supported_auth_methods": .array,
            ],
            "dintero_psp.googlepay": ["generate_payment_token": .boolean],
            "dintero_psp.vipps": ["sca_policy": .object],
            "instabank.finance": ["product": .object],
            "instabank.invoice": ["product": .object, "require_applicant": .boolean],
            "netaxept.creditcard": ["terminal": .object],
            "payex.creditcard": [
                "generate_payment_token": .boolean, "generate_recurrence_token": .boolean, "no_cvc": .boolean,
            ],
            "vipps": ["dynamic_descriptor": .string],
            "collector.invoice": ["countries": .array, "options": .object],
            "collector.invoice_b2b": ["countries": .array, "options": .object],
            "collector.invoice_b2b_preapproved": ["countries": .array, "accounts": .array],
            "collector.finance": ["countries": .array],
            "collector.installment": ["countries": .array, "options": .object],
            "kravia.invoice_b2b": [
                "days_until_due": .number, "invoice_delivery_method": .oneOf(["merchant", "provider"]),
                "require_identity_verification": .boolean,
            ],
            "kravia.invoice_b2b_grouped": [
                "days_until_due": .number, "invoice_schedule": .object, "require_identity_verification": .boolean,
            ],
            "kravia.invoice_b2c": [
                "days_until_due": .number, "invoice_delivery_method": .oneOf(["merchant", "provider"]),
                "require_identity_verification": .boolean,
            ],
            "two.invoice_b2b": ["duration_days": .number],
            "santander.debit_account": ["accounts": .array, "branding_name": .string],
            "swish.swish": ["payout_enabled": .boolean],
        ]
        return byType[type] ?? [:]
    }

    /// Fields the schema requires besides `enabled`, with the value the tool writes when none came in: `false`
    /// for the booleans (Dintero's own default), the constant for the `type` discriminator.
    package static func requiredDefaults(for type: String) -> [String: JSONValue] {
        requiredByType[type] ?? [:]
    }

    // A table, not a switch: completion runs for every product row a dump or an audit loads.
    private static let requiredByType: [String: [String: JSONValue]] = {
        let token: [String: JSONValue] = ["generate_payment_token": .bool(false)]
        let typed: [String: JSONValue] = ["type": productTypeValue]
        let identity: [String: JSONValue] = ["require_identity_verification": .bool(false)]
        var table: [String: [String: JSONValue]] = [
            "payex.creditcard": ["generate_payment_token": .bool(false), "generate_recurrence_token": .bool(false)]
        ]
        for type in ["dintero_psp.creditcard", "dintero_psp.clicktopay", "dintero_psp.googlepay", "bambora.creditcard"]
        {
            table[type] = token
        }
        for type in [
            "collector.invoice", "collector.invoice_b2b", "collector.invoice_b2b_preapproved", "collector.finance",
            "collector.installment", "instabank.installment", "instabank.postponement",
        ] {
            table[type] = typed
        }
        for type in ["kravia.invoice_b2b", "kravia.invoice_b2b_grouped", "kravia.invoice_b2c"] {
            table[type] = identity
        }
        return table
    }()

    /// The fields a product object of `type` must carry besides `enabled`, sorted.
    package static func requiredOptionNames(for type: String) -> [String] {
        (Array(requiredDefaults(for: type).keys) + (type == external ? ["display"] : [])).sorted()
    }

    /// `options` with every required field present: the value that came in wins, else the default.
    package static func completed(_ type: String, _ options: [String: JSONValue]) -> [String: JSONValue] {
        guard let defaults = requiredByType[type], defaults.keys.contains(where: { options[$0] == nil }) else {
            return options
        }
        return options.merging(defaults) { present, _ in present }
    }

    /// `options` without the required fields that hold their default: the form the tool keeps products in.
    /// Export puts the defaults back (`completed`), so nothing is lost, and most products stay `{}`, which the
    /// store reads without parsing JSON.
    package static func minimized(_ type: String, _ options: [String: JSONValue]) -> [String: JSONValue] {
        guard !options.isEmpty, let defaults = requiredByType[type] else { return options }
        return options.filter { key, value in defaults[key] != value }
    }

    /// Whether a product of `type` can break a product rule at all: the audit looks no further for the others.
    package static func hasProductRule(_ type: String) -> Bool {
        type == external || notOfferable.contains(type)
    }

    /// The display labels `options` lacks (empty unless `type` is `dintero.external`).
    package static func missingDisplayLabels(_ type: String, _ options: [String: JSONValue]) -> [String] {
        guard type == external else { return [] }
        let display = options["display"]?.objectValue ?? [:]
        return requiredDisplayLabels.filter { display[$0]?.stringValue?.isEmpty ?? true }
    }

    /// The `display` object with placeholder labels, for a fix hint that runs as printed.
    package static let exampleDisplay = #"display={"button_label":"Pay","payment_method_label":"Invoice"}"#
}

extension PaymentProfile {
    /// The profile with its products minimized (required fields at their default left out), offered and
    /// disabled alike: one form for the same configuration, whether it came from a file or the store.
    package var minimized: PaymentProfile {
        var profile = self
        for (type, options) in methods { profile.methods[type] = ProductSchema.minimized(type, options) }
        for (type, options) in disabledProducts {
            profile.disabledProducts[type] = ProductSchema.minimized(type, options)
        }
        return profile
    }
}

extension PaymentProfile {
    /// Offers `type`, with the options it kept while disabled.
    package mutating func offer(_ type: String) {
        guard methods[type] == nil else { return }
        methods[type] = disabledProducts.removeValue(forKey: type) ?? [:]
    }
}
