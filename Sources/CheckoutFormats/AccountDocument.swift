import CheckoutDomain

/// JSON shapes of one account: the state-document entry and the checkout configuration.
package enum AccountDocument {
    /// `{"account_id", "settings", "payment_methods", "profiles"}` as in `dump`.
    package static func stateJSON(_ account: MerchantAccount) -> JSONValue {
        .object([
            "account_id": .string(account.id),
            "settings": .object(
                account.settings.reduce(into: [:]) { $0[$1.key] = settingJSON(key: $1.key, value: $1.value) }),
            "payment_methods": paymentOptionsJSON(account),
            "profiles": .array(account.sortedProfiles.map(ProfileDocument.json)),
        ])
    }

    /// The `/v1/admin/checkout` body: merchant settings Dintero knows and the payment options.
    package static func checkoutConfigurationJSON(_ account: MerchantAccount) -> JSONValue {
        let merchant = account.settings.reduce(into: [String: JSONValue]()) { merchant, setting in
            guard let key = SettingKey(rawValue: setting.key), key.isSentToDintero else { return }
            merchant[setting.key] = .string(setting.value)
        }
        return .object([
            "configuration": .object([
                "merchant": .object(merchant),
                "payment_options": paymentOptionsJSON(account),
            ])
        ])
    }

    /// A setting value: booleans as JSON booleans, everything else as a string.
    package static func settingJSON(key: String, value: String) -> JSONValue {
        if SettingKey(rawValue: key)?.isBoolean == true, let flag = Bool(value) { return .bool(flag) }
        return .string(value)
    }

    /// The account's methods in type order, each with its `details` when it has them.
    package static func paymentOptionsJSON(_ account: MerchantAccount) -> JSONValue {
        .array(
            account.sortedMethodTypes.map {
                methodJSON(type: $0, currencies: account.methods[$0] ?? [], details: account.methodDetails[$0])
            })
    }

    /// `{"type": …, "currencies": [...], "details": {…}}` with currencies sorted; `details` only when present.
    package static func methodJSON(type: String, currencies: [String], details: [String: JSONValue]? = nil)
        -> JSONValue
    {
        var method: [String: JSONValue] = [
            "type": .string(type), "currencies": .array(currencies.sorted().map(JSONValue.string)),
        ]
        if let details { method["details"] = .object(details) }
        return .object(method)
    }
}

/// JSON of changes: plans, write results and history rows.
package enum ChangeDocument {
    /// One change as in the `apply` JSON: action, account, kind, id, before, after.
    package static func json(_ change: Change) -> JSONValue {
        .object([
            "action": .string(change.action.rawValue),
            "account": .string(change.account),
            "kind": .string(change.kind.rawValue),
            "id": .string(change.id),
            "before": change.before.map(valueJSON) ?? .null,
            "after": change.after.map(valueJSON) ?? .null,
        ])
    }

    /// The JSON of one side of a change.
    package static func valueJSON(_ value: Change.Value) -> JSONValue {
        switch value {
        case .account(let account): return AccountDocument.stateJSON(account)
        case .setting(let key, let value): return AccountDocument.settingJSON(key: key, value: value)
        case .method(let type, let currencies, let details):
            return AccountDocument.methodJSON(type: type, currencies: currencies, details: details)
        case .profile(let profile): return ProfileDocument.json(profile)
        }
    }

    /// `{"format_version": "1", "changes": [...], "summary": {...}}` for write commands' `--json`.
    package static func resultJSON(_ changes: [Change], extra: [String: JSONValue] = [:]) -> JSONValue {
        var document = extra
        document["format_version"] = .string(DocumentFormat.version)
        document["changes"] = .array(changes.map(json))
        document["summary"] = summaryJSON(changes)
        return .object(document)
    }

    /// `{"add": N, "change": N, "remove": N}`.
    package static func summaryJSON(_ changes: [Change]) -> JSONValue {
        let counts = Dictionary(grouping: changes, by: \.action).mapValues(\.count)
        return .object([
            "add": number(counts[.add] ?? 0), "change": number(counts[.change] ?? 0),
            "remove": number(counts[.remove] ?? 0),
        ])
    }

    /// An integer as a JSON number.
    package static func number(_ value: Int) -> JSONValue { .number(String(value)) }
}
