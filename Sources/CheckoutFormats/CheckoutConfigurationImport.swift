import CheckoutDomain

/// An account's checkout configuration as `GET /v1/admin/checkout` returns it (or as a PUT body): merchant
/// settings and payment options with their `details`, read-only fields dropped.
package struct CheckoutConfiguration: Equatable, Sendable {
    /// Merchant setting key → value (only keys Dintero knows).
    package var merchant: [String: String] = [:]
    /// Payment type → currencies, sorted.
    package var methods: [String: [String]] = [:]
    /// Payment type → its `details` object, verbatim.
    package var details: [String: [String: JSONValue]] = [:]

    /// Reads the document; every refusal names the JSON path at fault.
    package static func read(_ document: JSONValue) throws -> CheckoutConfiguration {
        let top = try object(document, at: "$")
        try refuseUnknown(top, allowed: ["configuration"], readOnly: ReadOnlyFields.checkoutEnvelope, at: "$")
        guard let body = top["configuration"] else { throw invalid("$", "'configuration' is missing") }
        let fields = try object(body, at: "$.configuration")
        try refuseUnknown(
            fields, allowed: ["merchant", "payment_options"], readOnly: ReadOnlyFields.checkoutConfiguration,
            at: "$.configuration")
        var configuration = CheckoutConfiguration()
        configuration.merchant = try merchant(fields["merchant"], at: "$.configuration.merchant")
        guard let options = fields["payment_options"] else {
            throw invalid("$.configuration", "'payment_options' is missing")
        }
        guard let list = options.arrayValue else {
            throw invalid("$.configuration.payment_options", "expected an array, found \(options.typeName)")
        }
        for (index, option) in list.enumerated() {
            try configuration.readOption(option, at: "$.configuration.payment_options[\(index)]")
        }
        return configuration
    }

    private static func merchant(_ value: JSONValue?, at path: String) throws -> [String: String] {
        guard let value else { return [:] }
        let known = SettingKey.allCases.filter(\.isSentToDintero).map(\.rawValue)
        var settings: [String: String] = [:]
        for (key, field) in try object(value, at: path) {
            let at = "\(path).\(key.debugEscaped)"
            guard let setting = SettingKey(rawValue: key), setting.isSentToDintero else {
                throw Rejection.invalid(
                    "unknown merchant field '\(String(key.prefix(60)).debugEscaped)'",
                    hints: Suggestion.hints(for: key, among: known) + [
                        "fields here are: \(known.joined(separator: ", "))"
                    ]
                ).located(at: at)
            }
            guard let text = field.stringValue else { throw mismatch(at, .string, field) }
            do { try setting.validate(text) } catch let rejection as Rejection { throw rejection.located(at: at) }
            settings[key] = text
        }
        return settings
    }

    private mutating func readOption(_ value: JSONValue, at path: String) throws {
        let fields = try Self.object(value, at: path)
        try Self.refuseUnknown(fields, allowed: ["currencies", "details", "type"], readOnly: [], at: path)
        guard let typeText = fields["type"]?.stringValue else {
            throw Self.invalid(path, "'type' is missing or not a string")
        }
        let type: String
        do { type = try PaymentType(parsing: typeText).identifier } catch let rejection as Rejection {
            throw rejection.located(at: "\(path).type")
        }
        let codes = try (fields["currencies"]?.arrayValue ?? []).enumerated().map { index, code in
            guard let text = code.stringValue else {
                throw Self.mismatch("\(path).currencies[\(index)]", .string, code)
            }
            return text
        }
        let currencies: [String]?
        do { currencies = try Currencies.parse(codes) } catch let rejection as Rejection {
            throw rejection.located(at: "\(path).currencies")
        }
        guard let currencies else { throw Self.invalid("\(path).currencies", "a payment option needs a currency") }
        guard methods.updateValue(currencies, forKey: type) == nil else {
            throw Self.invalid(path, "payment option '\(type)' appears twice")
        }
        if let value = fields["details"] { details[type] = try Self.object(value, at: "\(path).details") }
    }

    // Dintero's write body is closed: an unknown field would be refused there, so it is refused here, where
    // the file can still be fixed. Read-only fields are simply dropped.
    private static func refuseUnknown(
        _ object: [String: JSONValue], allowed: [String], readOnly: Set<String>, at path: String
    ) throws {
        guard let unknown = object.keys.sorted().first(where: { !allowed.contains($0) && !readOnly.contains($0) })
        else { return }
        throw Rejection.invalid(
            "unknown field '\(String(unknown.prefix(60)).debugEscaped)'",
            hints: Suggestion.hints(for: unknown, among: allowed) + [
                "fields here are: \(allowed.joined(separator: ", "))"
            ]
        ).located(at: path)
    }

    private static func object(_ value: JSONValue, at path: String) throws -> [String: JSONValue] {
        guard let object = value.objectValue else { throw invalid(path, "expected an object, found \(value.typeName)") }
        return object
    }

    private static func mismatch(_ path: String, _ type: JSONFieldType, _ value: JSONValue) -> Rejection {
        type.refusal(of: value) { invalid(path, $0) }
    }

    private static func invalid(_ path: String, _ problem: String) -> Rejection {
        var rejection = Rejection.invalid("invalid checkout configuration").located(at: path)
        rejection.explanation = problem
        return rejection
    }
}

extension MerchantAccount {
    /// The account with `configuration` applied: Dintero's merchant settings and the payment methods become
    /// exactly the document's; settings Dintero does not know (`checkout_express`, …) and profiles stay.
    package func applying(_ configuration: CheckoutConfiguration) -> MerchantAccount {
        var account = self
        for key in SettingKey.allCases where key.isSentToDintero {
            account.settings[key.rawValue] = configuration.merchant[key.rawValue]
        }
        account.methods = configuration.methods
        account.methodDetails = configuration.details
        return account
    }
}
