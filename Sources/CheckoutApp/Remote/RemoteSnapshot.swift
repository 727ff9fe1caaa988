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

    /// Maps Dintero's documents to an account with the lossless import: the merchant settings and methods with
    /// their `details`, and every live profile with read-only fields dropped at any depth.
    init(id: String, checkout: JSONValue, profiles: [JSONValue]) throws {
        self.checkout = checkout
        var account = MerchantAccount(id: id).applying(try CheckoutConfiguration.read(checkout))
        for (index, profile) in profiles.enumerated() where RemoteSnapshot.isLive(profile) {
            var importer = ProfileImport(path: "$.profiles[\(index)]")
            let imported = try importer.profile(from: profile)
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

    /// The `PUT /admin/checkout` body for `local`: its settings and methods with their `details`; a method whose
    /// `details` only Dintero knows keeps Dintero's (a PUT replaces everything).
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
            let details = local.methodDetails[type] ?? remoteOptions[type]?["details"]?.objectValue
            return AccountDocument.methodJSON(type: type, currencies: local.methods[type] ?? [], details: details)
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
