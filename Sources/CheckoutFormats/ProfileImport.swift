import CheckoutDomain

/// Reads a profile in the shape Dintero's API returns: read-only fields are
/// dropped at any depth, products with `"enabled": false` are kept as disabled products with their options,
/// unknown fields are kept for export; required fields at their default are left for export to put back.
/// A rule added here for state documents belongs in `ProfileFields` (the quick reader `apply` tries first) too.
package struct ProfileImport {
    /// The JSON path of the profile object, e.g. `$` or `$[2]` or `$.accounts[0].profiles[1]`.
    package let path: String
    /// Whether a disabled foreign `*.clicktopay` is dropped with a warning (Dintero's responses, which may carry
    /// one) rather than refused (state documents, which say what the store is to hold).
    package var dropsDisabledForeignClickToPay = false
    /// What was dropped on the way in and deserves a word, e.g. a disabled `payex.clicktopay`.
    package private(set) var warnings: [String] = []

    /// Parses one profile object.
    package mutating func profile(from value: JSONValue) throws -> PaymentProfile {
        let fields = try object(value, at: path)
        guard case .string(let id)? = fields["profile_id"] else {
            throw invalid(
                path, fields["profile_id"] == nil ? "'profile_id' is missing" : "'profile_id' must be a string")
        }
        try ProfileRules.validateID(id)
        var profile = PaymentProfile(id: id)
        for (key, field) in fields where !ReadOnlyFields.profileEnvelope.contains(key) && key != "profile_id" {
            try read(key, field, into: &profile)
        }
        guard fields["configuration"] != nil else { throw invalid(path, "'configuration' is missing") }
        try PassThroughLimit.validate(profile, at: path)
        return profile.minimized
    }

    private mutating func read(_ key: String, _ field: JSONValue, into profile: inout PaymentProfile) throws {
        switch key {
        case "description":
            if case .null = field { return }
            profile.description = try string(field, at: "\(path).description")
            try located("\(path).description") { try ProfileRules.validateDescription(profile.description ?? "") }
        case "url":
            var url = try object(field, at: "\(path).url")
            if let terms = url.removeValue(forKey: "merchant_terms_url"), terms != .null {
                profile.merchantTermsURL = try string(terms, at: "\(path).url.merchant_terms_url")
                try located("\(path).url.merchant_terms_url") {
                    try ProfileRules.validateTermsURL(profile.merchantTermsURL ?? "")
                }
            }
            if !url.isEmpty { profile.extraFields["url"] = .object(url) }
        case "configuration":
            let configuration = ReadOnlyFields.strippingConfiguration(try object(field, at: "\(path).configuration"))
            try readConfiguration(configuration, into: &profile)
        default:
            profile.extraFields[key] = field
        }
    }

    private mutating func readConfiguration(_ configuration: [String: JSONValue], into profile: inout PaymentProfile)
        throws
    {
        let path = self.path
        for (key, field) in configuration {
            // Paths are written only for a refusal: a valid profile builds none.
            func at() -> String { "\(path).configuration.\(key)" }
            switch key {
            case "active_payment_types":
                let enabled = try object(field, at: at())["enabled"] ?? .bool(false)
                profile.allActive = try bool(enabled, at: "\(at()).enabled")
            case "auto_capture":
                profile.autoCapture = try bool(field, at: at())
            case "default_payment_type":
                if case .null = field { continue }
                profile.defaultPaymentType = try paymentType(try string(field, at: at()), at: at())
            case "channel":
                profile.channel = try string(field, at: at())
                try located(at()) { try ProfileRules.validateChannel(profile.channel) }
            case "vipps":
                try readProduct(type: "vipps", field, at: at(), into: &profile)
            case _ where PaymentCatalogue.gatewayNames.contains(key):
                try readGateway(key, try object(field, at: at()), at: at(), into: &profile)
            default:
                profile.extraConfiguration[key] = try withoutHiddenClickToPay(key, field, at: at())
            }
        }
    }

    private mutating func readGateway(
        _ gateway: String, _ products: [String: JSONValue], at: @autoclosure () -> String,
        into profile: inout PaymentProfile
    ) throws {
        for (product, field) in products {
            // Gateway-level fields that are not products (`payex.dynamic_descriptor`, the `type` discriminator)
            // are passed through; export merges the products back into the same object.
            guard field.objectValue != nil || PaymentCatalogue.gateway(gateway, has: product) else {
                var options = profile.extraConfiguration[gateway]?.objectValue ?? [:]
                options[product] = field
                profile.extraConfiguration[gateway] = .object(options)
                continue
            }
            let type = "\(gateway).\(product)"
            if PaymentType.isForeignClickToPay(type), isDroppable(field) {
                warnings.append(droppedClickToPayWarning(type, at: "\(at()).\(product)"))
                continue
            }
            _ = try paymentType(type, at: "\(at()).\(product)")
            try readProduct(type: type, field, at: "\(at()).\(product)", into: &profile)
        }
    }

    private func readProduct(
        type: String, _ field: JSONValue, at: @autoclosure () -> String, into profile: inout PaymentProfile
    ) throws {
        var options = try object(field, at: at())
        let enabled = try bool(options.removeValue(forKey: "enabled") ?? .bool(false), at: "\(at()).enabled")
        if enabled {
            profile.methods[type] = options
        } else {
            profile.disabledProducts[type] = options
        }
    }

    // A foreign Click to Pay that offers nothing: a product object that is not enabled. Anything else is refused.
    private func isDroppable(_ product: JSONValue) -> Bool {
        dropsDisabledForeignClickToPay && product.objectValue != nil && product["enabled"]?.boolValue != true
    }

    private func droppedClickToPayWarning(_ type: String, at: String) -> String {
        "dropped disabled '\(type)' at '\(at)': Click to Pay is only offered through 'dintero_psp.clicktopay'"
    }

    // `acme.clicktopay` hides a foreign Click to Pay in a field that is not a known gateway: refused when
    // enabled, dropped with a warning when disabled (the store never holds one either way).
    private mutating func withoutHiddenClickToPay(
        _ key: String, _ field: JSONValue, at: @autoclosure () -> String
    ) throws -> JSONValue {
        guard var members = field.objectValue, let product = members["clicktopay"], key != "dintero_psp" else {
            return field
        }
        if !isDroppable(product) {
            throw PaymentType.foreignClickToPayRejection("\(key).clicktopay").located(at: "\(at()).clicktopay")
        }
        warnings.append(droppedClickToPayWarning("\(key).clicktopay", at: "\(at()).clicktopay"))
        members.removeValue(forKey: "clicktopay")
        return .object(members)
    }

    private func paymentType(_ text: String, at: @autoclosure () -> String) throws -> String {
        if PaymentType.isForeignClickToPay(text) {
            throw PaymentType.foreignClickToPayRejection(text).located(at: at())
        }
        do { return try PaymentType(parsing: text).identifier } catch let rejection as Rejection {
            throw rejection.located(at: at())
        }
    }

    // A field rule's refusal does not know where the field stands; the reader does.
    private func located(_ at: @autoclosure () -> String, _ rule: () throws -> Void) throws {
        do { try rule() } catch let rejection as Rejection { throw rejection.located(at: at()) }
    }

    private func object(_ value: JSONValue, at: @autoclosure () -> String) throws -> [String: JSONValue] {
        guard let object = value.objectValue else { throw invalid(at(), "expected an object, found \(value.typeName)") }
        return object
    }

    private func string(_ value: JSONValue, at: @autoclosure () -> String) throws -> String {
        guard let string = value.stringValue else { throw mismatch(at(), .string, value) }
        return string
    }

    private func bool(_ value: JSONValue, at: @autoclosure () -> String) throws -> Bool {
        guard let flag = value.boolValue else { throw mismatch(at(), .boolean, value) }
        return flag
    }

    private func mismatch(_ at: String, _ type: JSONFieldType, _ value: JSONValue) -> Rejection {
        type.refusal(of: value) { invalid(at, $0) }
    }

    private func invalid(_ at: String, _ problem: String) -> Rejection {
        var rejection = Rejection.invalid("invalid profile").located(at: at)
        rejection.explanation = problem
        return rejection
    }

    /// A reader for the profile object at `path`.
    package init(path: String) {
        self.path = path
    }
}

/// The size limit on what a profile passes through unexamined.
package enum PassThroughLimit {
    /// Most bytes of pass-through fields one profile may carry: far above any real theme, far below a flood.
    package static let maximumBytes = 64 << 10

    /// Refuses a profile whose pass-through fields (configuration, top level, product options) exceed the limit.
    package static func validate(_ profile: PaymentProfile, at path: String) throws {
        let size =
            compactObjectText(profile.extraConfiguration).utf8.count + compactObjectText(profile.extraFields).utf8.count
            + profile.methods.values.reduce(0) { $0 + compactObjectText($1).utf8.count }
            + profile.disabledProducts.values.reduce(0) { $0 + compactObjectText($1).utf8.count }
        guard size <= maximumBytes else {
            throw Rejection.invalid(
                "profile '\(profile.id.excerpt())' at '\(path)' carries \(size) bytes of pass-through fields; at most \(maximumBytes)"
            )
        }
    }

    private static func compactObjectText(_ object: [String: JSONValue]) -> String {
        object.isEmpty ? "{}" : JSONValue.object(object).compactText()
    }
}
