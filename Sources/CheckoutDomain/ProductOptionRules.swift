/// Validation of a product option a user sets or unsets on a profile, against `ProductSchema`.
package enum ProductOptionRules {
    /// Fields of a product object no option command edits, and why.
    private static let managed: [String: String] = [
        "enabled": "'enabled' follows whether the profile offers the type: use add-method or remove-method",
        "type": "'type' is the discriminator Dintero fixes; the tool writes it",
        "payability": "'payability' is computed by Dintero",
    ]

    /// The type, parsed, refused when it has no product object in a profile.
    package static func productType(_ text: String) throws -> String {
        let type = try PaymentType(parsing: text).identifier
        guard ProductSchema.isOfferable(type) else {
            throw Rejection.invalid(
                "payment type '\(type)' has no product object in a profile",
                hints: ["it can be an account method and a default, but Dintero's profile schema has no place for it"])
        }
        return type
    }

    /// Refuses a key `type`'s product object does not take, with a suggestion.
    package static func validateKey(_ key: String, for type: String) throws {
        if let reason = managed[key] { throw Rejection.invalid("option '\(key)' cannot be edited", hints: [reason]) }
        let known = ProductSchema.options(for: type).keys.sorted()
        guard !known.contains(key) else { return }
        let shown = String(key.prefix(60)).debugEscaped
        guard !known.isEmpty else {
            throw Rejection.invalid("unknown option '\(shown)': '\(type)' takes no options besides 'enabled'")
        }
        throw Rejection.invalid(
            "unknown option '\(shown)' for '\(type)'",
            hints: Suggestion.hints(for: key, among: known) + ["options of '\(type)': \(known.joined(separator: ", "))"]
        )
    }

    /// Refuses a value of the wrong JSON shape for the option.
    package static func validateValue(_ value: JSONValue, key: String, for type: String) throws {
        guard let kind = ProductSchema.options(for: type)[key], !kind.admits(value) else { return }
        throw Rejection.invalid("invalid value for option '\(key)' of '\(type)': expected \(kind.name)")
    }
}
