import CheckoutDomain

/// The quick way through one profile of a state-document entry (see `AccountEntryDecoder`): `profile_id`,
/// `description`, `url` holding only `merchant_terms_url`, and a `configuration` of the fields the tool manages
/// and products. Anything `ProfileImport` would pass through, strip or refuse gives nil.
struct ProfileFields {
    private var id: String?
    private var profile = PaymentProfile(id: "")
    private var hasConfiguration = false

    /// The profiles of a `profiles` array, in document order.
    static func profiles(_ cursor: inout JSONByteCursor) -> [PaymentProfile]? {
        var profiles: [PaymentProfile] = []
        let read = cursor.elements { cursor in
            var fields = ProfileFields()
            guard cursor.members({ fields.read($1, from: &$0) }), let profile = fields.finished() else { return false }
            profiles.append(profile)
            return true
        }
        return read ? profiles : nil
    }

    // The profile as `ProfileImport` gives it: its id checked, pass-through within the limit, products minimized.
    private func finished() -> PaymentProfile? {
        guard let id, hasConfiguration, (try? ProfileRules.validateID(id)) != nil else { return nil }
        var profile = self.profile
        profile.id = id
        guard (try? PassThroughLimit.validate(profile, at: "$")) != nil else { return nil }
        return profile.minimized
    }

    private mutating func read(_ key: Range<Int>, from cursor: inout JSONByteCursor) -> Bool {
        if cursor.isKey(key, "profile_id") {
            id = cursor.string()
            return id != nil
        } else if cursor.isKey(key, "description") {
            return readDescription(&cursor)
        } else if cursor.isKey(key, "url") {
            return cursor.members { cursor, key in
                cursor.isKey(key, "merchant_terms_url") && readTermsURL(&cursor)
            }
        } else if cursor.isKey(key, "configuration") {
            hasConfiguration = true
            return cursor.members { readConfiguration($1, from: &$0) }
        }
        return false
    }

    private mutating func readDescription(_ cursor: inout JSONByteCursor) -> Bool {
        if cursor.takeNull() { return true }
        guard let text = cursor.string(), (try? ProfileRules.validateDescription(text)) != nil else { return false }
        profile.description = text
        return true
    }

    private mutating func readTermsURL(_ cursor: inout JSONByteCursor) -> Bool {
        if cursor.takeNull() { return true }
        guard let text = cursor.string(), (try? ProfileRules.validateTermsURL(text)) != nil else { return false }
        profile.merchantTermsURL = text
        return true
    }

    private mutating func readConfiguration(_ key: Range<Int>, from cursor: inout JSONByteCursor) -> Bool {
        if cursor.isKey(key, "active_payment_types") {
            return cursor.members { cursor, key in
                guard cursor.isKey(key, "enabled"), let flag = cursor.bool() else { return false }
                profile.allActive = flag
                return true
            }
        } else if cursor.isKey(key, "auto_capture") {
            guard let flag = cursor.bool() else { return false }
            profile.autoCapture = flag
        } else if cursor.isKey(key, "default_payment_type") {
            if cursor.takeNull() { return true }
            guard let text = cursor.string(), let type = try? PaymentType(parsing: text) else { return false }
            profile.defaultPaymentType = type.identifier
        } else if cursor.isKey(key, "channel") {
            guard let text = cursor.string(), (try? ProfileRules.validateChannel(text)) != nil else { return false }
            profile.channel = text
        } else if cursor.isKey(key, "vipps") {
            return readProduct("vipps", from: &cursor, depth: EntryDepth.configurationMember)
        } else {
            return readGateway(cursor.text(key), from: &cursor)
        }
        return true
    }

    // A gateway's object of products; a gateway-level field that is no product object, or a gateway whose products
    // carry read-only fields, is left to `ProfileImport`.
    private mutating func readGateway(_ gateway: String, from cursor: inout JSONByteCursor) -> Bool {
        guard PaymentCatalogue.gatewayNames.contains(gateway), !ReadOnlyFields.configurationRoots.contains(gateway)
        else { return false }
        return cursor.members { cursor, key in
            let type = gateway + "." + cursor.text(key)
            guard (try? PaymentType(parsing: type)) != nil else { return false }
            return readProduct(type, from: &cursor, depth: EntryDepth.gatewayMember)
        }
    }

    // A product object: read here when its fields are `enabled` and other booleans (as `dump` writes the required
    // ones), from the start again by the strict parser otherwise.
    private mutating func readProduct(_ type: String, from cursor: inout JSONByteCursor, depth: Int) -> Bool {
        let start = cursor.position
        var enabled = false
        var options: [String: JSONValue] = [:]
        let read = cursor.members { cursor, key in
            guard let flag = cursor.bool() else { return false }
            if cursor.isKey(key, "enabled") { enabled = flag } else { options[cursor.text(key)] = .bool(flag) }
            return true
        }
        guard read else {
            cursor.rewind(to: start)
            return readProductWithOptions(type, from: &cursor, depth: depth)
        }
        place(type, options: options, enabled: enabled)
        return true
    }

    private mutating func readProductWithOptions(_ type: String, from cursor: inout JSONByteCursor, depth: Int) -> Bool
    {
        guard var options = cursor.object(depth: depth),
            let enabled = (options.removeValue(forKey: "enabled") ?? .bool(false)).boolValue
        else { return false }
        place(type, options: options, enabled: enabled)
        return true
    }

    private mutating func place(_ type: String, options: [String: JSONValue], enabled: Bool) {
        if enabled {
            profile.methods[type] = options
        } else {
            profile.disabledProducts[type] = options
        }
    }
}
