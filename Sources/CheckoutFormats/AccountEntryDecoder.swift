import CheckoutDomain

/// The quick way through one account entry of a state document: the bytes are read straight into the account,
/// with no tree of JSON values in between, for the shapes `dump` writes and CI documents hold. It answers only for
/// an entry it can judge whole, and gives nil for anything else: a string key with an escape, an unknown or
/// read-only key, a pass-through field of a profile, a value of the wrong type, a rule the value breaks. The entry
/// then takes the general way (`JSONParser`, then `StateReader`), which accepts it or refuses it with its message.
/// So the quick way never accepts what the general way refuses, and where both accept they give the same account:
/// `AccountEntryDecoderTests` holds it to that on valid, broken and mutated entries.
package enum AccountEntryDecoder {
    /// The account `bytes` (one whole entry of `accounts`) describe, or nil when the general way must judge them.
    package static func account(from bytes: [UInt8]) -> MerchantAccount? {
        var cursor = JSONByteCursor(bytes)
        var entry = EntryFields()
        guard cursor.members({ entry.read($1, from: &$0) }), cursor.isAtEnd else { return nil }
        return entry.account()
    }
}

/// How many arrays and objects enclose the values the quick readers hand to the strict parser, as it counts them
/// for its nesting limit: the document and `accounts` enclose an entry.
enum EntryDepth {
    /// A method's `details`: entry, `payment_methods`, the method.
    static let details = 5
    /// A product directly in `configuration` (`vipps`): entry, `profiles`, the profile, `configuration`.
    static let configurationMember = 6
    /// A product in a gateway object (`dintero_psp.creditcard`).
    static let gatewayMember = 7
}

/// The members of one entry as they are read, in whatever order the document has them.
private struct EntryFields {
    private var id: String?
    private var settings: [String: String]?
    private var methods: [String: [String]]?
    private var details: [String: [String: JSONValue]] = [:]
    private var profiles: [PaymentProfile]?

    mutating func read(_ key: Range<Int>, from cursor: inout JSONByteCursor) -> Bool {
        if cursor.isKey(key, "account_id") {
            guard let text = cursor.string(), let account = try? AccountID(parsing: text) else { return false }
            id = account.rawValue
        } else if cursor.isKey(key, "settings") {
            settings = Self.settings(&cursor)
            return settings != nil
        } else if cursor.isKey(key, "payment_methods") {
            return readMethods(&cursor)
        } else if cursor.isKey(key, "profiles") {
            profiles = ProfileFields.profiles(&cursor)
            return profiles != nil
        } else {
            return false
        }
        return true
    }

    // Every key is required (a missing one must never mean "remove them all"); profile ids are checked against the
    // account's environment once its id is known, wherever it stood.
    func account() -> MerchantAccount? {
        guard let id, let settings, let methods, let profiles else { return nil }
        var account = MerchantAccount(id: id)
        account.settings = settings
        account.methods = methods
        account.methodDetails = details
        for profile in profiles {
            guard (try? ProfileRules.validateGeneratedID(profile.id, for: id)) != nil,
                account.profiles.updateValue(profile, forKey: profile.id) == nil
            else { return nil }
        }
        return account
    }

    private static func settings(_ cursor: inout JSONByteCursor) -> [String: String]? {
        var settings: [String: String] = [:]
        let read = cursor.members { cursor, key in
            guard let setting = SettingKey(rawValue: cursor.text(key)) else { return false }
            let text: String
            if setting.isBoolean {
                guard let flag = cursor.bool() else { return false }
                text = flag ? "true" : "false"
            } else {
                guard let string = cursor.string() else { return false }
                text = string
            }
            guard setting.isValid(text) else { return false }
            settings[setting.rawValue] = text
            return true
        }
        return read ? settings : nil
    }

    private mutating func readMethods(_ cursor: inout JSONByteCursor) -> Bool {
        var methods: [String: [String]] = [:]
        var details: [String: [String: JSONValue]] = [:]
        let read = cursor.elements { cursor in
            guard let method = MethodFields.read(&cursor),
                methods.updateValue(method.currencies, forKey: method.type) == nil
            else { return false }
            if let methodDetails = method.details { details[method.type] = methodDetails }
            return true
        }
        guard read else { return false }
        self.methods = methods
        self.details = details
        return true
    }
}

/// One entry of `payment_methods`.
private struct MethodFields {
    let type: String
    let currencies: [String]
    let details: [String: JSONValue]?

    static func read(_ cursor: inout JSONByteCursor) -> MethodFields? {
        var type: String?
        var currencies: [String]?
        var details: [String: JSONValue]?
        let read = cursor.members { cursor, key in
            if cursor.isKey(key, "type") {
                type = cursor.string()
                return type != nil
            } else if cursor.isKey(key, "currencies") {
                currencies = cursor.strings()
                return currencies != nil
            } else if cursor.isKey(key, "details") {
                details = cursor.object(depth: EntryDepth.details)
                return details != nil
            }
            return false
        }
        guard read, let type, let identifier = try? PaymentType(parsing: type).identifier, let currencies,
            let valid = try? Currencies.parse(currencies)
        else { return nil }
        return MethodFields(type: identifier, currencies: valid, details: details)
    }
}
