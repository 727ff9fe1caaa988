import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `settings …`: merchant settings.
enum SettingsCommands {
    private static let shownKey = ArgumentSpec(
        name: "key", arity: .optional, help: "one setting: \(keyList)", completion: .settingKey)
    private static let assignments = ArgumentSpec(
        name: "key=value", arity: .oneOrMore, help: "a setting and its value; keys: \(keyList)",
        completion: .settingValue)
    private static let removedKeys = ArgumentSpec(
        name: "key", arity: .oneOrMore, help: "a setting to remove", completion: .settingKey)

    /// The family's commands.
    static let all: [CommandSpec] = [show, set, unset]

    private static let keyList = SettingKey.allCases.map(\.rawValue).joined(separator: ", ")

    static let show = CommandSpec(
        path: ["settings", "show"], summary: "Show an account's settings, or one setting's value",
        arguments: [.account, shownKey],
        examples: [
            Example(command: "settings show T12345678", explanation: "every setting"),
            Example(command: "settings show T12345678 country", explanation: "just the value"),
        ],
        run: { context in
            let account = try context.readAccount(try context.accountArgument())
            if let keyText = context.arguments.optionalWord(shownKey) {
                return try showOne(try SettingKey(parsing: keyText), of: account, context)
            }
            if context.options.json {
                let settings = account.settings.mapValues { $0 }.reduce(into: [String: JSONValue]()) {
                    $0[$1.key] = AccountDocument.settingJSON(key: $1.key, value: $1.value)
                }
                context.emit(versioned: ["account": .string(account.id), "settings": .object(settings)])
            } else {
                context.emit(
                    KeyValueText.render(account.settings.keys.sorted().map { ($0, account.settings[$0] ?? "") }))
            }
            return 0
        })

    private static func showOne(_ key: SettingKey, of account: MerchantAccount, _ context: CommandContext) throws
        -> Int32
    {
        guard let value = account.settings[key.rawValue] else {
            throw Rejection.notFound(
                "setting '\(key.rawValue)' is not set on account '\(account.id)'",
                hints: ["set it with 'checkout-admin settings set \(account.id) \(key.rawValue)=…'"])
        }
        if context.options.json {
            context.emit(versioned: [
                "account": .string(account.id), "key": .string(key.rawValue),
                "value": AccountDocument.settingJSON(key: key.rawValue, value: value),
            ])
        } else {
            context.emit(value + "\n")
        }
        return 0
    }

    static let set = CommandSpec(
        path: ["settings", "set"], summary: "Set settings; all pairs are validated first, then written together",
        arguments: [
            .account,
            assignments,
        ],
        examples: [
            Example(
                command: "settings set T12345678 name='Example AS' country=NO checkout_express=true",
                explanation: "set three settings in one transaction")
        ],
        run: { context in
            let id = try context.accountArgument()
            let pairs = try KeyValuePairs.parse(context.arguments.words(assignments)) {
                try SettingKey(parsing: $0)
            }
            for (key, value) in pairs { try key.validate(value) }
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                for (key, value) in pairs { account.settings[key.rawValue] = value }
            }
            ChangeText.report(changes, in: context, noChange: "no changes: the settings already have these values")
            return 0
        })

    static let unset = CommandSpec(
        path: ["settings", "unset"], summary: "Remove settings from an account",
        arguments: [.account, removedKeys],
        examples: [Example(command: "settings unset T12345678 website email", explanation: "remove two settings")],
        run: { context in
            let id = try context.accountArgument()
            let keys = try context.arguments.words(removedKeys).map(SettingKey.init(parsing:))
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                for key in keys { account.settings[key.rawValue] = nil }
            }
            ChangeText.report(changes, in: context, noChange: "no changes: those settings are not set")
            return 0
        })
}

/// `key=value` words, as `settings set` and `profile set` take them.
enum KeyValuePairs {
    /// Splits each word at its first `=`, parses the key, refuses a key given twice.
    static func parse<Key: Hashable & RawRepresentable<String>>(_ words: [String], key parseKey: (String) throws -> Key)
        throws -> [(Key, String)]
    {
        var seen = Set<Key>()
        return try words.map { word in
            guard let equals = word.firstIndex(of: "=") else {
                throw UsageError(message: "expected key=value, got '\(word.excerpt())'")
            }
            let key = try parseKey(String(word[..<equals]))
            guard seen.insert(key).inserted else { throw Rejection.invalid("'\(key.rawValue)' is given twice") }
            return (key, String(word[word.index(after: equals)...]))
        }
    }
}
