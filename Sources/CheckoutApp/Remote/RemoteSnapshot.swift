import CheckoutDomain
import CheckoutFormats

/// One account as Dintero has it now: the checkout document as read (for the `details` and merchant fields the
/// store does not model) and the account in the store's terms, without the tool's own settings.
struct RemoteSnapshot {
    /// The `GET /admin/checkout` document.
    let checkout: JSONValue
    /// Settings Dintero knows, methods and live profiles.
    let account: MerchantAccount

    /// Reads the account's configuration and every page of its profiles.
    static func fetch(_ id: String, from connection: any RemoteConnection) throws -> RemoteSnapshot {
        let checkout = try connection.checkout()
        let profiles = try connection.profiles()
        return try RemoteSnapshot(id: id, checkout: checkout, profiles: profiles)
    }

    /// Maps Dintero's documents to an account.
    init(id: String, checkout: JSONValue, profiles: [JSONValue]) throws {
        self.checkout = checkout
        var account = MerchantAccount(id: id)
        let configuration = checkout["configuration"]?.objectValue ?? [:]
        for (key, value) in configuration["merchant"]?.objectValue ?? [:] {
            guard SettingKey(rawValue: key)?.isSentToDintero == true, let text = value.stringValue else { continue }
            account.settings[key] = text
        }
        for option in configuration["payment_options"]?.arrayValue ?? [] {
            guard let type = option["type"]?.stringValue else { continue }
            account.methods[type] = (option["currencies"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
        }
        for (index, profile) in profiles.enumerated() where RemoteSnapshot.isLive(profile) {
            let imported = try ProfileImport(path: "$.profiles[\(index)]").profile(
                from: RemoteSnapshot.withoutReadOnlyFields(profile))
            account.profiles[imported.id] = imported
        }
        self.account = account
    }

    /// Dintero lists soft-deleted profiles with `deleted_at` set (live ones carry it as null or not at all).
    static func isLive(_ profile: JSONValue) -> Bool {
        switch profile["deleted_at"] {
        case nil, .null?: return true
        default: return false
        }
    }

    // GAP (lossless model): `configuration.payout.payment_products` is read-only and server-managed; the
    // import of the lossless-model issue drops every read-only field at any depth, and replaces this.
    private static func withoutReadOnlyFields(_ profile: JSONValue) -> JSONValue {
        guard var top = profile.objectValue, var configuration = top["configuration"]?.objectValue,
            var payout = configuration["payout"]?.objectValue
        else { return profile }
        payout.removeValue(forKey: "payment_products")
        configuration["payout"] = payout.isEmpty ? nil : .object(payout)
        top["configuration"] = .object(configuration)
        return .object(top)
    }

    /// The `PUT /admin/checkout` body for `local`: its settings and methods, with the merchant fields and the
    /// method `details` only Dintero knows kept from the remote document (a PUT replaces everything).
    /// `keepingRemoteMethods` also keeps the methods the store removed, so they go last, after the profiles.
    func checkoutBody(for local: MerchantAccount, keepingRemoteMethods: Bool) -> JSONValue {
        let configuration = checkout["configuration"]?.objectValue ?? [:]
        var merchant = (configuration["merchant"]?.objectValue ?? [:]).filter { SettingKey(rawValue: $0.key) == nil }
        for (key, value) in local.settings where SettingKey(rawValue: key)?.isSentToDintero == true {
            merchant[key] = .string(value)
        }
        var remoteOptions: [String: JSONValue] = [:]
        for option in configuration["payment_options"]?.arrayValue ?? [] {
            if let type = option["type"]?.stringValue { remoteOptions[type] = option }
        }
        var options = local.sortedMethodTypes.map { type in
            var option =
                AccountDocument.methodJSON(type: type, currencies: local.methods[type] ?? []).objectValue ?? [:]
            option["details"] = remoteOptions[type]?["details"]
            return JSONValue.object(option)
        }
        if keepingRemoteMethods {
            options += remoteOptions.keys.sorted().filter { local.methods[$0] == nil }.compactMap { remoteOptions[$0] }
        }
        return .object([
            "configuration": .object(["merchant": .object(merchant), "payment_options": .array(options)])
        ])
    }
}

/// The part of an account that lives on Dintero: everything but the tool's own settings.
enum RemoteView {
    /// `account` without `checkout_express` and `session_customer_email`.
    static func of(_ account: MerchantAccount) -> MerchantAccount {
        var view = account
        view.settings = account.settings.filter { SettingKey(rawValue: $0.key)?.isSentToDintero ?? true }
        return view
    }

    /// `remote` with the tool's own settings of `local` added back.
    static func merged(_ remote: MerchantAccount, keepingToolSettingsOf local: MerchantAccount?) -> MerchantAccount {
        var merged = remote
        for (key, value) in local?.settings ?? [:] where SettingKey(rawValue: key)?.isSentToDintero == false {
            merged.settings[key] = value
        }
        return merged
    }
}
