import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `profile …`: payment profiles. Import and export live in ProfileTransferCommands.
enum ProfileCommands {
    /// The family's commands.
    static let all: [CommandSpec] =
        [add, list, show, set, addMethod, removeMethod, remove] + ProductOptionCommands.all
        + ProfileTransferCommands.all

    private static let types = ArgumentSpec(
        name: "type", arity: .oneOrMore, help: "payment type, e.g. dintero_psp.creditcard",
        completion: .enabledPaymentType)
    private static let assignments = ArgumentSpec(
        name: "key=value", arity: .oneOrMore,
        help:
            "description, channel, auto_capture, default_payment_type, all_active, merchant_terms_url (empty value clears)",
        completion: .profileField)

    static let add = CommandSpec(
        path: ["profile", "add"], summary: "Add a payment profile",
        arguments: [.account, .profile],
        options: ProfileOptions.all + [SharedOptions.ifNotExists],
        examples: [
            Example(
                command:
                    "profile add T12345678 webshop --method dintero_psp.creditcard --default dintero_psp.creditcard",
                explanation: "a profile offering cards")
        ],
        run: { context in
            let id = try context.accountArgument()
            let profileID = context.arguments.word(.profile)
            try ProfileRules.validateID(profileID)
            try ProfileRules.validateGeneratedID(profileID, for: id.rawValue)
            let options = try ProfileOptions(context.arguments)
            var existed = false
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                guard account.profiles[profileID] == nil else {
                    existed = true
                    if context.arguments[SharedOptions.ifNotExists] { return }
                    throw Rejection(
                        reason: .alreadyExists, message: "profile '\(profileID)' already exists on account '\(id)'",
                        hints: ["pass --if-not-exists to accept an existing profile"])
                }
                account.profiles[profileID] = try options.makeProfile(profileID, in: account)
            }
            ChangeText.report(
                changes, in: context, noChange: existed ? "profile '\(profileID)' already exists" : "no changes")
            return 0
        })

    static let list = CommandSpec(
        path: ["profile", "list"], summary: "List an account's payment profiles",
        arguments: [.account],
        examples: [Example(command: "profile list T12345678", explanation: "profiles with what they offer")],
        run: { context in
            let account = try context.readAccount(try context.accountArgument())
            if context.options.json {
                let profiles = account.sortedProfiles.map(ProfileDocument.json)
                context.emit(versioned: ["account": .string(account.id), "profiles": .array(profiles)])
                return 0
            }
            let rows = account.sortedProfiles.map { profile in
                [
                    profile.id, profile.channel, profile.defaultPaymentType ?? "-", offered(profile),
                    profile.description ?? "",
                ]
            }
            context.emit(table: Table(headers: ["PROFILE", "CHANNEL", "DEFAULT", "OFFERS", "DESCRIPTION"], rows: rows))
            return 0
        })

    static let show = CommandSpec(
        path: ["profile", "show"], summary: "Show one payment profile",
        arguments: [.account, .profile],
        examples: [Example(command: "profile show T12345678 webshop", explanation: "the profile's fields")],
        run: { context in
            let (account, profile) = try context.readProfile()
            if context.options.json {
                context.emit(versioned: [
                    "account": .string(account.id),
                    "profile": ProfileDocument.json(profile),
                ])
                return 0
            }
            context.emit(
                KeyValueText.render(
                    [
                        ("profile", profile.id), ("account", account.id), ("description", profile.description ?? "-"),
                        ("channel", profile.channel), ("auto_capture", String(profile.autoCapture)),
                        ("all_active", String(profile.allActive)),
                        ("default_payment_type", profile.defaultPaymentType ?? "-"),
                        ("merchant_terms_url", profile.merchantTermsURL ?? "-"),
                        (
                            "methods",
                            profile.sortedMethodTypes.isEmpty ? "-" : profile.sortedMethodTypes.joined(separator: ", ")
                        ),
                        ("offers", offered(profile, in: account)),
                    ] + disabledLine(profile)))
            return 0
        })

    static let set = CommandSpec(
        path: ["profile", "set"],
        summary: "Change profile fields; all pairs are validated first, then written together",
        arguments: [
            .account, .profile, assignments,
        ],
        examples: [
            Example(
                command: "profile set T12345678 webshop default_payment_type=dintero_psp.creditcard auto_capture=true",
                explanation: "set the default and turn on auto capture")
        ],
        run: { context in
            let id = try context.accountArgument()
            let profileID = context.arguments.word(.profile)
            let edits = try KeyValuePairs.parse(context.arguments.words(assignments)) {
                try ProfileField(parsing: $0)
            }
            .map { field, value in try field.edit(value) }
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                var profile = try account.existingProfile(profileID)
                for edit in edits { edit(&profile) }
                account.profiles[profileID] = profile
            }
            ChangeText.report(changes, in: context, noChange: "no changes")
            return 0
        })

    static let addMethod = CommandSpec(
        path: ["profile", "add-method"], summary: "Offer payment types in a profile (idempotent)",
        arguments: [.account, .profile, types],
        examples: [
            Example(
                command: "profile add-method T12345678 webshop dintero_psp.clicktopay",
                explanation: "offer Click to Pay")
        ],
        run: { context in
            let types = try context.arguments.words(types).map(PaymentType.init(parsing:))
            return try editMethods(context, noChange: "no changes: the profile already offers them") { profile in
                for type in types { profile.offer(type.identifier) }
            }
        })

    static let removeMethod = CommandSpec(
        path: ["profile", "remove-method"], summary: "Stop offering payment types in a profile (idempotent)",
        arguments: [.account, .profile, types],
        examples: [
            Example(
                command: "profile remove-method T12345678 webshop bambora.creditcard",
                explanation: "stop offering a type")
        ],
        run: { context in
            let words = context.arguments.words(types)
            return try editMethods(context, noChange: "no changes: the profile does not offer them") { profile in
                // A stored type is removable even when not in the catalogue, so bad rows can be cleaned up.
                for word in words where profile.methods[word] == nil && profile.disabledProducts[word] == nil {
                    _ = try PaymentType(parsing: word)
                }
                // A disabled product goes too: removing a type from a profile removes its product object.
                for word in words {
                    profile.methods[word] = nil
                    profile.disabledProducts[word] = nil
                }
            }
        })

    static let remove = CommandSpec(
        path: ["profile", "remove"], summary: "Remove a payment profile",
        arguments: [.account, .profile], options: [SharedOptions.yes],
        examples: [
            Example(command: "profile remove T12345678 webshop --yes", explanation: "remove without a prompt (CI)")
        ],
        run: { context in
            let (account, profile) = try context.readProfile()
            try context.confirm(
                "remove profile '\(profile.id)' of account '\(account.id)'", yes: context.arguments[SharedOptions.yes])
            let changes = try context.writer.modifyExisting(account.id) { account in
                _ = try account.existingProfile(profile.id)
                account.profiles[profile.id] = nil
            }
            ChangeText.report(changes, in: context, noChange: "nothing removed")
            return 0
        })

    private static func editMethods(
        _ context: CommandContext, noChange: String,
        _ edit: @escaping (inout PaymentProfile) throws -> Void
    ) throws -> Int32 {
        let id = try context.accountArgument()
        let profileID = context.arguments.word(.profile)
        let changes = try context.writer.modifyExisting(id.rawValue) { account in
            var profile = try account.existingProfile(profileID)
            try edit(&profile)
            account.profiles[profileID] = profile
        }
        ChangeText.report(changes, in: context, noChange: noChange)
        return 0
    }

    // Disabled products offer nothing but are part of the profile Dintero has; shown only when there are some.
    private static func disabledLine(_ profile: PaymentProfile) -> [(String, String)] {
        profile.disabledProducts.isEmpty
            ? [] : [("disabled", profile.disabledProducts.keys.sorted().joined(separator: ", "))]
    }

    /// What a profile offers, as text.
    static func offered(_ profile: PaymentProfile, in account: MerchantAccount? = nil) -> String {
        var parts = profile.sortedMethodTypes
        if profile.allActive {
            let implicit =
                account.map { account in account.sortedMethodTypes.filter { profile.methods[$0] == nil } } ?? []
            parts.insert(implicit.isEmpty ? "(all active)" : "(all active: \(implicit.joined(separator: ", ")))", at: 0)
        }
        return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }
}

extension CommandContext {
    /// The `<account>` and `<profile>` arguments, loaded for reading.
    func readProfile() throws -> (MerchantAccount, PaymentProfile) {
        let account = try readAccount(try accountArgument())
        return (account, try account.existingProfile(arguments.word(.profile)))
    }
}
