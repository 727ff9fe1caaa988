import CheckoutDomain

/// Dintero's session profile body: export from, and import into, a PaymentProfile.
package enum ProfileDocument {
    /// The `PUT /v1/admin/session/profiles/{profile_id}` body.
    package static func json(_ profile: PaymentProfile) -> JSONValue {
        // Read-only fields are dropped on import; a store edited by other means must not export them either.
        var top = profile.extraFields.filter { !ReadOnlyFields.profileEnvelope.contains($0.key) }
        top["profile_id"] = .string(profile.id)
        if let description = profile.description { top["description"] = .string(description) }
        if let terms = profile.merchantTermsURL {
            var url = top["url"]?.objectValue ?? [:]
            url["merchant_terms_url"] = .string(terms)
            top["url"] = .object(url)
        }
        top["configuration"] = .object(configuration(profile))
        return .object(top)
    }

    private static func configuration(_ profile: PaymentProfile) -> [String: JSONValue] {
        var configuration = ReadOnlyFields.strippingConfiguration(profile.extraConfiguration)
        configuration["active_payment_types"] = .object(["enabled": .bool(profile.allActive)])
        configuration["auto_capture"] = .bool(profile.autoCapture)
        if let type = profile.defaultPaymentType { configuration["default_payment_type"] = .string(type) }
        if profile.channel != "ecommerce" { configuration["channel"] = .string(profile.channel) }
        for (type, options) in profile.disabledProducts where profile.methods[type] == nil {
            place(type, options, enabled: false, in: &configuration)
        }
        for (type, options) in profile.methods { place(type, options, enabled: true, in: &configuration) }
        return configuration
    }

    // Every product leaves with the fields Dintero requires, whether or not they came in.
    private static func place(
        _ type: String, _ options: [String: JSONValue], enabled: Bool, in configuration: inout [String: JSONValue]
    ) {
        var product = ProductSchema.completed(type, options)
        product["enabled"] = .bool(enabled)
        // Split on the UTF-8 dot: Character-based indexing costs more than the rest of the export.
        guard let dot = type.utf8.firstIndex(of: UInt8(ascii: ".")) else {
            configuration[type] = .object(product)
            return
        }
        let gateway = String(Substring(type.utf8[..<dot]))
        let name = String(Substring(type.utf8[type.utf8.index(after: dot)...]))
        var products = configuration[gateway]?.objectValue ?? [:]
        products[name] = .object(product)
        configuration[gateway] = .object(products)
    }
}
