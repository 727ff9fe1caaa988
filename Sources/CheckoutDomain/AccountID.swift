/// A Dintero account id: `T` (test) or `P` (production) and eight digits.
package struct AccountID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The environment an account lives in.
    package enum Environment: String, Sendable {
        case test, production
    }

    /// The id as typed, e.g. `T12345678`.
    package let rawValue: String

    /// Validates `^[PT][0-9]{8}$`.
    package init(parsing text: String) throws {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 9, scalars[0] == "T" || scalars[0] == "P",
            scalars.dropFirst().allSatisfy({ ("0"..."9").contains($0) })
        else {
            throw Rejection.invalid(
                "invalid account id '\(text.excerpt(40))'",
                hints: ["an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678"])
        }
        rawValue = text
    }

    /// Test or production, from the first letter.
    package var environment: Environment { rawValue.hasPrefix("P") ? .production : .test }

    package var description: String { rawValue }

    package static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }
}
