/// A payment type from Dintero's catalogue: `gateway.product`, or the single-level `vipps`.
package struct PaymentType: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The identifier as Dintero spells it, e.g. `dintero_psp.creditcard`.
    package let identifier: String

    /// The Click to Pay type: the only Click to Pay that may ever be offered.
    package static let clickToPay = PaymentType(trusted: "dintero_psp.clicktopay")
    /// Dintero's own card form, which Click to Pay is shown inside.
    package static let creditCard = PaymentType(trusted: "dintero_psp.creditcard")
    /// The wallets type that cannot be combined with certain others.
    package static let wallets = PaymentType(trusted: "dintero.wallets")

    private init(trusted identifier: String) {
        self.identifier = identifier
    }

    /// Parses user input: refuses Click to Pay from any gateway but `dintero_psp` (policy violation) and
    /// anything not in the catalogue (invalid value, with a suggestion). Matching is exact and lower-case.
    package init(parsing text: String) throws {
        if PaymentType.isForeignClickToPay(text) { throw PaymentType.foreignClickToPayRejection(text) }
        guard PaymentCatalogue.identifiers.contains(text) else {
            throw Rejection.invalid(
                "unknown payment type '\(text.excerpt(100, marksCut: true))'",
                hints: Suggestion.hints(for: text, among: PaymentCatalogue.allowedIdentifiers),
                fixes: [Fix(["method", "types"], [], lead: "see '", trail: "' for the catalogue")])
        }
        identifier = text
    }

    /// `dintero_psp`, or `vipps` for Vipps direct.
    package var gateway: String { String(identifier.prefix { $0 != "." }) }

    /// `creditcard`, or nil for the single-level `vipps`.
    package var product: String? {
        guard let dot = identifier.firstIndex(of: ".") else { return nil }
        return String(identifier[identifier.index(after: dot)...])
    }

    package var description: String { identifier }

    package static func < (lhs: PaymentType, rhs: PaymentType) -> Bool { lhs.identifier < rhs.identifier }

    /// True for `<gateway>.clicktopay` with any lower-case gateway but `dintero_psp` (e.g. `payex.clicktopay`).
    package static func isForeignClickToPay(_ text: String) -> Bool {
        let suffix = ".clicktopay".utf8
        let bytes = text.utf8
        // Most types do not end in `y`: one byte settles them, and Dintero's own Click to Pay one comparison.
        guard bytes.last == UInt8(ascii: "y"), text != clickToPay.identifier, bytes.count > suffix.count,
            bytes.suffix(suffix.count).elementsEqual(suffix)
        else { return false }
        return bytes.dropLast(suffix.count).allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || TextRules.isDigit($0) || $0 == UInt8(ascii: "_")
        }
    }

    /// The refusal for a Click to Pay type from another gateway.
    package static func foreignClickToPayRejection(_ text: String) -> Rejection {
        var rejection = Rejection(
            reason: .policyViolation, message: "payment type '\(text)' is refused",
            hints: ["use 'dintero_psp.clicktopay' instead"])
        rejection.explanation = "Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"
        return rejection
    }
}

/// Dintero's payment types.
package enum PaymentCatalogue {
    /// Gateways and their products, in the order Dintero lists them.
    package static let gateways: [(gateway: String, products: [String])] = [
        ("dintero_psp", ["creditcard", "clicktopay", "applepay", "googlepay", "vipps"]),
        ("bambora", ["creditcard", "applepay", "googlepay", "mobilepay", "vipps"]),
        ("payex", ["creditcard", "applepay", "googlepay", "mobilepay", "swish", "vipps", "clicktopay"]),
        ("netaxept", ["creditcard"]),
        ("vipps", []),
        ("swish", ["swish"]),
        ("klarna", ["klarna", "billie"]),
        (
            "collector",
            [
                "invoice", "invoice_b2b", "invoice_b2b_preapproved", "installment", "finance",
                "installment_b2b_preapproved",
            ]
        ),
        ("instabank", ["finance", "invoice", "installment", "postponement"]),
        ("santander", ["debit_account"]),
        ("kravia", ["invoice_b2b", "invoice_b2b_grouped", "invoice_b2c"]),
        ("two", ["invoice_b2b"]),
        ("seitatech", ["in_person"]),
        ("dintero", ["zero", "wallets", "external"]),
    ]

    /// Every identifier in the schema, forbidden ones included, sorted.
    package static let allIdentifiers: [String] = gateways.flatMap { entry in
        entry.products.isEmpty ? [entry.gateway] : entry.products.map { "\(entry.gateway).\($0)" }
    }.sorted()

    /// The identifiers the tool accepts, sorted.
    package static let allowedIdentifiers: [String] = allIdentifiers.filter { !PaymentType.isForeignClickToPay($0) }

    /// The accepted identifiers, for lookups.
    package static let identifiers: Set<String> = Set(allowedIdentifiers)

    /// Gateway names, for telling a gateway object from other configuration fields.
    package static let gatewayNames: Set<String> = Set(gateways.map(\.gateway))

    /// Whether `gateway` has `product` in the schema (forbidden ones included).
    package static func gateway(_ gateway: String, has product: String) -> Bool {
        gateways.contains { $0.gateway == gateway && $0.products.contains(product) }
    }
}
