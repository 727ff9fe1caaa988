import CheckoutDomain

/// Fields Dintero returns but never accepts in a write body, by where they stand. They are dropped on import
/// and never exported, at any depth: a PUT that carries one is rejected.
package enum ReadOnlyFields {
    /// The response envelope of a session profile.
    package static let profileEnvelope: Set<String> = [
        "id", "created_at", "created_by", "updated_at", "deleted_at", "deleted_by",
    ]

    /// The response envelope of `GET /v1/admin/checkout` (read-only in the admin API facts).
    package static let checkoutEnvelope: Set<String> = ["id", "created_at", "created_by", "updated_at"]

    /// Fields of the checkout configuration itself that are read-only (`payout` holds only `payment_products`).
    package static let checkoutConfiguration: Set<String> = ["payout"]

    /// Paths inside a profile's `configuration` that Dintero's 2026 types mark `readonly`; `[]` stands for every
    /// element of an array. From `payments.d.ts` (April 2026): `PublishConfiguration`, `DiscountsConfiguration`,
    /// `PayoutConfiguration`, and Instabank's product catalogues and computed interest rates.
    package static let configurationPaths: [[String]] = [
        ["publish", "[]", "id"],
        ["publish", "[]", "status"],
        ["discounts", "type"],
        ["payout", "payment_products"],
        ["instabank", "installment", "products"],
        ["instabank", "postponement", "products"],
        ["instabank", "finance", "product", "effective_annual_interest_rate"],
        ["instabank", "finance", "product", "loan_example", "effective_annual_interest_rate"],
    ]

    /// The first segment of every path: a configuration that has none of these keys holds no read-only field.
    package static let configurationRoots = Set(configurationPaths.map { $0[0] })

    /// `configuration` without the read-only fields.
    package static func strippingConfiguration(_ configuration: [String: JSONValue]) -> [String: JSONValue] {
        guard configuration.keys.contains(where: configurationRoots.contains) else { return configuration }
        var value = JSONValue.object(configuration)
        for path in configurationPaths { value = removing(path[...], from: value) }
        return value.objectValue ?? configuration
    }

    /// `value` without whatever `path` names; a path that leads nowhere leaves it unchanged.
    package static func removing(_ path: ArraySlice<String>, from value: JSONValue) -> JSONValue {
        guard let head = path.first else { return value }
        let rest = path.dropFirst()
        switch value {
        case .array(let elements) where head == "[]":
            return .array(elements.map { removing(rest, from: $0) })
        case .object(var members):
            guard let member = members[head] else { return value }
            if rest.isEmpty {
                members.removeValue(forKey: head)
            } else {
                members[head] = removing(rest, from: member)
            }
            return .object(members)
        default:
            return value
        }
    }

    /// Whether a profile object from Dintero is soft-deleted: it carries a `deleted_at` time.
    package static func isDeleted(_ profile: JSONValue) -> Bool {
        guard let deleted = profile["deleted_at"] else { return false }
        return deleted != .null
    }
}
