import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `account …`: merchant accounts.
enum AccountCommands {
    /// The family's commands.
    static let all: [CommandSpec] = [add, list, show, remove] + AccountTransferCommands.all

    private static let name = Option.value("name", "TEXT", "the merchant's name (the 'name' setting)")

    static let add = CommandSpec(
        path: ["account", "add"], summary: "Add a merchant account",
        arguments: [.account],
        options: [name, SharedOptions.ifNotExists],
        examples: [Example(command: "account add T12345678 --name 'Example AS'", explanation: "add a test account")],
        run: { context in
            let id = try context.accountArgument()
            let name = context.arguments[name]
            if let name { try SettingKey.name.validate(name) }
            let changes = try context.writer.modify(id.rawValue) { account in
                guard account == nil else {
                    if context.arguments[SharedOptions.ifNotExists] { return }
                    throw Rejection(
                        reason: .alreadyExists, message: "account '\(id)' already exists",
                        hints: ["pass --if-not-exists to accept an existing account"])
                }
                var created = MerchantAccount(id: id.rawValue)
                created.settings[SettingKey.name.rawValue] = name
                account = created
            }
            ChangeText.report(changes, in: context, noChange: "account '\(id)' already exists")
            return 0
        })

    static let list = CommandSpec(
        path: ["account", "list"], summary: "List accounts with their environment, name, counts and Click to Pay",
        examples: [Example(command: "account list", explanation: "one row per account")],
        run: { context in
            let accounts = try context.readStore().loadAccounts()
            if context.options.json {
                context.emit(versioned: ["accounts": .array(accounts.map(summaryJSON))])
                return 0
            }
            let rows = accounts.map { account in
                [
                    account.id, account.environment.rawValue, account.settings["name"] ?? "",
                    String(account.methods.count),
                    String(account.profiles.count), account.hasClickToPay ? "on" : "off",
                ]
            }
            context.emit(
                table: Table(
                    headers: ["ACCOUNT", "ENVIRONMENT", "NAME", "METHODS", "PROFILES", "CLICK_TO_PAY"], rows: rows))
            return 0
        })

    static let show = CommandSpec(
        path: ["account", "show"], summary: "Show an account's settings, methods and profiles",
        arguments: [.account],
        examples: [Example(command: "account show T12345678", explanation: "everything about one account")],
        run: { context in
            let account = try context.readAccount(try context.accountArgument())
            if context.options.json {
                var document = AccountDocument.stateJSON(account).objectValue ?? [:]
                document["environment"] = .string(account.environment.rawValue)
                document["click_to_pay"] = .bool(account.hasClickToPay)
                context.emit(versioned: ["account": .object(document)])
            } else {
                context.emit(AccountText.describe(account))
            }
            return 0
        })

    static let remove = CommandSpec(
        path: ["account", "remove"], summary: "Remove an account with its methods and profiles",
        arguments: [.account], options: [SharedOptions.yes],
        examples: [Example(command: "account remove T12345678 --yes", explanation: "remove without a prompt (CI)")],
        run: { context in
            let id = try context.accountArgument()
            let account = try context.readAccount(id)
            let contents =
                "\(counted(account.methods.count, "method")) and \(counted(account.profiles.count, "profile"))"
            try context.confirm(
                "remove account '\(id)' with its \(contents)", yes: context.arguments[SharedOptions.yes])
            let changes = try context.writer.modify(id.rawValue) { account in
                guard account != nil else { throw Rejection.notFound("account '\(id)' not found") }
                account = nil
            }
            ChangeText.report(changes, in: context, noChange: "nothing removed")
            return 0
        })

    /// `1 method`, `2 methods`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private static func summaryJSON(_ account: MerchantAccount) -> JSONValue {
        .object([
            "account_id": .string(account.id), "environment": .string(account.environment.rawValue),
            "name": account.settings["name"].map(JSONValue.string) ?? .null,
            "method_count": ChangeDocument.number(account.methods.count),
            "profile_count": ChangeDocument.number(account.profiles.count),
            "click_to_pay": .bool(account.hasClickToPay),
        ])
    }
}

/// The text form of `account show`.
enum AccountText {
    /// `key: value` lines, then indented settings, methods and profiles.
    static func describe(_ account: MerchantAccount) -> String {
        var text = KeyValueText.render([
            ("account", account.id), ("environment", account.environment.rawValue),
            ("click_to_pay", account.hasClickToPay ? "on" : "off"),
        ])
        text += section("settings", account.settings.keys.sorted().map { "\($0): \(account.settings[$0] ?? "")" })
        text += section(
            "methods", account.sortedMethodTypes.map { "\($0): \((account.methods[$0] ?? []).joined(separator: ", "))" }
        )
        text += section("profiles", account.sortedProfiles.map { "\($0.id): \(ChangeText.summary(.profile($0)))" })
        return text
    }

    private static func section(_ title: String, _ lines: [String]) -> String {
        "\(title):" + (lines.isEmpty ? " (none)\n" : "\n" + lines.map { "  \($0)\n" }.joined())
    }
}
