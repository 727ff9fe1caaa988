import CheckoutDomain

/// Reads a profile in the shape Dintero's API returns: read-only fields are
/// dropped, products with `"enabled": false` are not offered, unknown fields are kept for export.
package struct ProfileImport {
    /// The JSON path of the profile object, e.g. `$` or `$[2]` or `$.accounts[0].profiles[1]`.
    package let path: String

    /// Parses one profile object.
    package func profile(from value: JSONValue) throws -> PaymentProfile {
        let fields = try object(value, at: path)
        guard case .string(let id)? = fields["profile_id"] else {
            throw invalid(
                path, fields["profile_id"] == nil ? "'profile_id' is missing" : "'profile_id' must be a string")
        }
        try ProfileRules.validateID(id)
        var profile = PaymentProfile(id: id)
        for (key, field) in fields where !ProfileDocument.readOnlyFields.contains(key) && key != "profile_id" {
            try read(key, field, into: &profile)
        }
        guard fields["configuration"] != nil else { throw invalid(path, "'configuration' is missing") }
        try PassThroughLimit.validate(profile, at: path)
        return profile
    }

    private func read(_ key: String, _ field: JSONValue, into profile: inout PaymentProfile) throws {
        switch key {
        case "description":
            if case .null = field { return }
            profile.description = try string(field, at: "\(path).description")
            try ProfileRules.validateDescription(profile.description ?? "")
        case "url":
            var url = try object(field, at: "\(path).url")
            if let terms = url.removeValue(forKey: "merchant_terms_url"), terms != .null {
                profile.merchantTermsURL = try string(terms, at: "\(path).url.merchant_terms_url")
                try ProfileRules.validateTermsURL(profile.merchantTermsURL ?? "")
            }
            if !url.isEmpty { profile.extraFields["url"] = .object(url) }
        case "configuration":
            try readConfiguration(try object(field, at: "\(path).configuration"), into: &profile)
        default:
            profile.extraFields[key] = field
        }
    }

    private func readConfiguration(_ configuration: [String: JSONValue], into profile: inout PaymentProfile) throws {
        let base = "\(path).configuration"
        for (key, field) in configuration {
            let at = "\(base).\(key)"
            switch key {
            case "active_payment_types":
                profile.allActive = try bool(try object(field, at: at)["enabled"] ?? .bool(false), at: "\(at).enabled")
            case "auto_capture":
                profile.autoCapture = try bool(field, at: at)
            case "default_payment_type":
                if case .null = field { continue }
                profile.defaultPaymentType = try paymentType(try string(field, at: at), at: at)
            case "channel":
                profile.channel = try string(field, at: at)
                try ProfileRules.validateChannel(profile.channel)
            case "vipps":
                try readProduct(type: "vipps", field, at: at, into: &profile)
            case _ where PaymentCatalogue.gatewayNames.contains(key):
                try readGateway(key, try object(field, at: at), at: at, into: &profile)
            default:
                try refuseHiddenClickToPay(key, field, at: at)
                profile.extraConfiguration[key] = field
            }
        }
    }

    private func readGateway(
        _ gateway: String, _ products: [String: JSONValue], at: String, into profile: inout PaymentProfile
    ) throws {
        for (product, field) in products {
            if ProfileDocument.readOnlyProductFields.contains(product), field.objectValue == nil { continue }
            // Gateway-level options that are not products (e.g. `payex.dynamic_descriptor`) are passed
            // through; export merges the offered products back into the same object.
            guard field.objectValue != nil || PaymentCatalogue.gateway(gateway, has: product) else {
                var options = profile.extraConfiguration[gateway]?.objectValue ?? [:]
                options[product] = field
                profile.extraConfiguration[gateway] = .object(options)
                continue
            }
            let type = "\(gateway).\(product)"
            _ = try paymentType(type, at: "\(at).\(product)")
            try readProduct(type: type, field, at: "\(at).\(product)", into: &profile)
        }
    }

    private func readProduct(type: String, _ field: JSONValue, at: String, into profile: inout PaymentProfile) throws {
        var options = try object(field, at: at)
        let enabled = try bool(options.removeValue(forKey: "enabled") ?? .bool(false), at: "\(at).enabled")
        for key in ProfileDocument.readOnlyProductFields { options.removeValue(forKey: key) }
        if enabled { profile.methods[type] = options }
    }

    // `acme.clicktopay` hides a foreign Click to Pay in a field that is not a known gateway.
    private func refuseHiddenClickToPay(_ key: String, _ field: JSONValue, at: String) throws {
        if field.objectValue?["clicktopay"] != nil, key != "dintero_psp" {
            throw PaymentType.foreignClickToPayRejection("\(key).clicktopay").located(at: "\(at).clicktopay")
        }
    }

    private func paymentType(_ text: String, at: String) throws -> String {
        if PaymentType.isForeignClickToPay(text) {
            throw PaymentType.foreignClickToPayRejection(text).located(at: at)
        }
        do { return try PaymentType(parsing: text).identifier } catch let rejection as Rejection {
            throw rejection.located(at: at)
        }
    }

    private func object(_ value: JSONValue, at: String) throws -> [String: JSONValue] {
        guard let object = value.objectValue else { throw invalid(at, "expected an object, found \(value.typeName)") }
        return object
    }

    private func string(_ value: JSONValue, at: String) throws -> String {
        guard let string = value.stringValue else { throw invalid(at, "expected a string, found \(value.typeName)") }
        return string
    }

    private func bool(_ value: JSONValue, at: String) throws -> Bool {
        guard let flag = value.boolValue else { throw invalid(at, "expected true or false, found \(value.typeName)") }
        return flag
    }

    private func invalid(_ at: String, _ problem: String) -> Rejection {
        var rejection = Rejection.invalid("invalid profile").located(at: at)
        rejection.explanation = problem
        return rejection
    }

    /// A value from its parts.
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
