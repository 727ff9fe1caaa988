import CheckoutDomain

/// The state document of `dump` and `apply`: accounts with settings, methods and profiles.
package enum StateDocument {
    /// Top-level keys.
    package static let documentKeys = ["accounts", "format_version"]
    /// Keys of one account entry.
    package static let accountKeys = ["account_id", "payment_methods", "profiles", "settings"]

    /// The document for `accounts`, sorted by id.
    package static func json(_ accounts: [MerchantAccount]) -> JSONValue {
        .object([
            "format_version": .string(DocumentFormat.version),
            "accounts": .array(accounts.sorted { $0.id < $1.id }.map(AccountDocument.stateJSON)),
        ])
    }

    /// The pretty text of `json(accounts)` with its trailing newline, each account through the last Click to Pay
    /// gate (`StateDocumentWriter`, which `dump` uses to write as it reads).
    package static func prettyText(_ accounts: [MerchantAccount]) throws -> String {
        var writer = StateDocumentWriter()
        var text = writer.head()
        for account in accounts.sorted(by: { $0.id < $1.id }) { text += try writer.account(account) }
        return text + writer.tail()
    }

    /// Parses and validates a document; every refusal names where (account id, profile id, JSON path).
    package static func parse(_ document: JSONValue) throws -> [MerchantAccount] {
        let top = try StateReader.object(document, at: "$")
        try checkTop(top)
        var seen: [String: Int] = [:]
        return try (top["accounts"]?.arrayValue ?? []).enumerated().map { index, entry in
            let account = try StateReader(path: "$.accounts[\(index)]").account(from: entry)
            if let first = seen.updateValue(index, forKey: account.id) {
                throw StateReader.invalid(
                    "$.accounts[\(index)]", "account '\(account.id)' appears twice (also at $.accounts[\(first)])")
            }
            return account
        }
    }

    /// Checks the document's top level: its version first (a newer document's new keys are not typos), then its
    /// keys, then that `accounts` is an array.
    package static func checkTop(_ top: [String: JSONValue]) throws {
        guard case .string(DocumentFormat.version)? = top["format_version"] else {
            let version = top["format_version"].map { StateReader.shown($0.compactText()) } ?? "(missing)"
            throw Rejection.invalid(
                "unsupported format_version \(version) in the state document",
                hints: ["this checkout-admin reads format_version \"\(DocumentFormat.version)\""])
        }
        try StateReader.refuseUnknownKeys(top, allowed: documentKeys, at: "$")
        guard let entries = top["accounts"] else { throw StateReader.invalid("$", "'accounts' is missing") }
        guard entries.arrayValue != nil else {
            throw StateReader.invalid("$.accounts", "expected an array, found \(entries.typeName)")
        }
    }
}

/// Reads one account entry of a state document: the general way, which `AccountEntryDecoder` (tried first by
/// `apply`) must agree with; a rule added here belongs there too.
package struct StateReader {
    /// The entry's JSON path.
    package let path: String

    /// The account the entry describes.
    package func account(from entry: JSONValue) throws -> MerchantAccount {
        let fields = try StateReader.object(entry, at: path)
        try StateReader.refuseUnknownKeys(fields, allowed: StateDocument.accountKeys, at: path)
        guard let idText = fields["account_id"]?.stringValue else {
            throw StateReader.invalid(path, "'account_id' is missing or not a string")
        }
        let id = try located("\(path).account_id") { try AccountID(parsing: idText).rawValue }
        // A missing key must never mean "remove them all": a CI job that drops a key would wipe an account.
        for (key, empty) in [("settings", "{}"), ("payment_methods", "[]"), ("profiles", "[]")] where fields[key] == nil
        {
            throw StateReader.invalid(path, "'\(key)' is missing; write \(empty) for none")
        }
        var account = MerchantAccount(id: id)
        account.settings = try settings(fields["settings"], at: "\(path).settings")
        (account.methods, account.methodDetails) = try methods(fields["payment_methods"], at: "\(path).payment_methods")
        account.profiles = try profiles(fields["profiles"], at: "\(path).profiles", account: id)
        return account
    }

    private func settings(_ value: JSONValue?, at path: String) throws -> [String: String] {
        guard let value else { return [:] }
        var settings: [String: String] = [:]
        for (keyText, field) in try StateReader.object(value, at: path) {
            // Paths are written only for a refusal: a valid document builds none.
            func at() -> String { "\(path).\(StateReader.shown(keyText))" }
            let key: SettingKey
            do { key = try SettingKey(parsing: keyText) } catch let rejection as Rejection {
                throw Rejection(
                    reason: rejection.reason, message: "unknown setting '\(StateReader.shown(keyText))'",
                    hints: rejection.hints
                ).located(at: at())
            }
            let text: String
            switch (key.isBoolean, field) {
            case (true, .bool(let flag)): text = flag ? "true" : "false"
            case (false, .string(let string)): text = string
            default: throw StateReader.mismatch(at(), key.isBoolean ? .boolean : .string, field)
            }
            try located(at()) { try key.validate(text) }
            settings[key.rawValue] = text
        }
        return settings
    }

    private func methods(_ value: JSONValue?, at path: String) throws -> (
        [String: [String]], [String: [String: JSONValue]]
    ) {
        var methods: [String: [String]] = [:]
        var details: [String: [String: JSONValue]] = [:]
        for (index, entry) in try StateReader.array(value, at: path).enumerated() {
            func at() -> String { "\(path)[\(index)]" }
            let fields = try StateReader.object(entry, at: at())
            try StateReader.refuseUnknownKeys(fields, allowed: ["currencies", "details", "type"], at: at())
            guard let typeText = fields["type"]?.stringValue else {
                throw StateReader.invalid(at(), "'type' is missing or not a string")
            }
            let type = try located("\(at()).type") { try PaymentType(parsing: typeText).identifier }
            let currencies = try StateReader.array(fields["currencies"], at: "\(at()).currencies").enumerated().map {
                position, code in
                guard let text = code.stringValue else {
                    throw StateReader.mismatch("\(at()).currencies[\(position)]", .string, code)
                }
                return text
            }
            guard let valid = try located("\(at()).currencies", { try Currencies.parse(currencies) }) else {
                throw StateReader.invalid("\(at()).currencies", "a method needs at least one currency")
            }
            guard methods.updateValue(valid, forKey: type) == nil else {
                throw StateReader.invalid(at(), "method '\(type)' appears twice")
            }
            if let value = fields["details"] { details[type] = try StateReader.object(value, at: "\(at()).details") }
        }
        return (methods, details)
    }

    private func profiles(_ value: JSONValue?, at path: String, account: String) throws -> [String: PaymentProfile] {
        var profiles: [String: PaymentProfile] = [:]
        for (index, entry) in try StateReader.array(value, at: path).enumerated() {
            let at = "\(path)[\(index)]"
            let profile: PaymentProfile
            do {
                var reader = ProfileImport(path: at)
                profile = try reader.profile(from: entry)
                try ProfileRules.validateGeneratedID(profile.id, for: account)
            } catch let rejection as Rejection {
                // Field rules (id, description, channel, terms URL) do not know the path; the reader's own refusals do.
                throw rejection.escaped.located(at: at)
            }
            guard profiles.updateValue(profile, forKey: profile.id) == nil else {
                throw StateReader.invalid(
                    at, "profile '\(StateReader.shown(profile.id))' of account '\(account)' appears twice")
            }
        }
        return profiles
    }

    /// Runs `body`, adding the JSON path to any refusal (and escaping control characters the quoted value may hold).
    private func located<T>(_ at: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let rejection as Rejection {
            throw rejection.escaped.located(at: at())
        }
    }

    /// The object at `path`, or a refusal.
    package static func object(_ value: JSONValue, at path: @autoclosure () -> String) throws -> [String: JSONValue] {
        guard let object = value.objectValue else {
            throw invalid(path(), "expected an object, found \(value.typeName)")
        }
        return object
    }

    /// The array at `path` (a missing value is empty), or a refusal.
    package static func array(_ value: JSONValue?, at path: @autoclosure () -> String) throws -> [JSONValue] {
        guard let value else { return [] }
        guard let array = value.arrayValue else { throw invalid(path(), "expected an array, found \(value.typeName)") }
        return array
    }

    /// Refuses keys outside `allowed`, suggesting the closest.
    package static func refuseUnknownKeys(
        _ object: [String: JSONValue], allowed: [String], at path: @autoclosure () -> String
    ) throws {
        guard !object.keys.allSatisfy(allowed.contains) else { return }
        guard let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) else { return }
        throw Rejection.invalid(
            "invalid state document at '\(path())': unknown key '\(shown(unknown))'",
            hints: Suggestion.hints(for: unknown, among: allowed) + [
                "keys here are: \(allowed.joined(separator: ", "))"
            ])
    }

    /// Text from the document as a message shows it: at most 60 characters, control characters escaped, so a
    /// 10 MB key or an escape sequence never reaches the terminal whole.
    package static func shown(_ text: String) -> String {
        text.excerpt(marksCut: true)
    }

    /// A refusal naming the path.
    package static func invalid(_ path: String, _ problem: String) -> Rejection {
        Rejection.invalid("invalid state document at '\(path)': \(problem)")
    }

    /// A refusal of a value of the wrong JSON type, naming the path and the type expected.
    package static func mismatch(_ path: String, _ type: JSONFieldType, _ value: JSONValue) -> Rejection {
        type.refusal(of: value) { invalid(path, $0) }
    }
}

extension Rejection {
    /// The refusal with control characters in its message escaped: a document's values may hold them.
    fileprivate var escaped: Rejection {
        var copy = self
        copy.message = message.debugEscaped
        return copy
    }
}
