import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `method …`: payment methods enabled on an account.
enum MethodCommands {
    /// The family's commands.
    static let all: [CommandSpec] = [types, list, enable, disable]

    private static let type = ArgumentSpec(
        name: "type", arity: .required, help: "payment type, e.g. dintero_psp.creditcard", completion: .paymentType)
    private static let currencies = Option.repeated(
        "currency", "CUR",
        "an ISO 4217 code; repeat for several (default: an enabled method keeps its own, a new one gets those the account already uses)",
        completion: .currency)
    private static let force = Option.flag(
        "force", "also remove it from the profiles that offer it, in the same transaction")

    static let types = CommandSpec(
        path: ["method", "types"], summary: "List Dintero's payment types, noting the forbidden ones",
        examples: [Example(command: "method types", explanation: "the catalogue")],
        discussion:
            "DEFAULT says whether Dintero accepts the type as a profile's default_payment_type; REQUIRED lists the options its product object must carry besides enabled (the tool fills in false or the type discriminator; dintero.external's display labels must be set).",
        run: { context in
            let rows = PaymentCatalogue.allIdentifiers.map(typeRow)
            if context.options.json {
                let types = PaymentCatalogue.allIdentifiers.map(typeJSON)
                context.emit(versioned: ["types": .array(types)])
            } else {
                context.emit(
                    table: Table(headers: ["TYPE", "GATEWAY", "PRODUCT", "DEFAULT", "REQUIRED", "NOTE"], rows: rows))
            }
            return 0
        })

    private static func typeRow(_ identifier: String) -> [String] {
        let parts = identifier.split(separator: ".", maxSplits: 1).map(String.init)
        let required = ProductSchema.requiredOptionNames(for: identifier)
        return [
            identifier, parts[0], parts.count > 1 ? parts[1] : "-",
            ProductSchema.canBeDefault(identifier) ? "yes" : "no",
            required.isEmpty ? "-" : required.joined(separator: ", "), note(identifier) ?? "",
        ]
    }

    private static func typeJSON(_ identifier: String) -> JSONValue {
        let parts = identifier.split(separator: ".", maxSplits: 1).map(String.init)
        let note = note(identifier)
        return .object([
            "type": .string(identifier), "gateway": .string(parts[0]),
            "product": parts.count > 1 ? .string(parts[1]) : .null,
            "allowed": .bool(!PaymentType.isForeignClickToPay(identifier)), "note": note.map(JSONValue.string) ?? .null,
            "can_be_default": .bool(ProductSchema.canBeDefault(identifier)),
            "in_profile": .bool(ProductSchema.isOfferable(identifier)),
            "required_options": .array(ProductSchema.requiredOptionNames(for: identifier).map(JSONValue.string)),
        ])
    }

    private static func note(_ identifier: String) -> String? {
        if PaymentType.isForeignClickToPay(identifier) {
            return "forbidden: Click to Pay only through dintero_psp.clicktopay"
        }
        return ProductSchema.isOfferable(identifier) ? nil : "account method and default only; not in a profile"
    }

    static let list = CommandSpec(
        path: ["method", "list"], summary: "List the payment methods enabled on an account",
        arguments: [.account],
        examples: [Example(command: "method list T12345678", explanation: "methods with their currencies")],
        run: { context in
            let account = try context.readAccount(try context.accountArgument())
            if context.options.json {
                let methods = account.sortedMethodTypes.map { methodJSON($0, of: account) }
                context.emit(versioned: ["account": .string(account.id), "methods": .array(methods)])
                return 0
            }
            let rows = account.sortedMethodTypes.map { type in
                [
                    type, (account.methods[type] ?? []).joined(separator: ","),
                    profilesOffering(type, in: account).joined(separator: ","),
                ]
            }
            context.emit(table: Table(headers: ["TYPE", "CURRENCIES", "PROFILES"], rows: rows))
            return 0
        })

    // The PROFILES column of the text list: explicitly or through active_payment_types.
    private static func profilesOffering(_ type: String, in account: MerchantAccount) -> [String] {
        account.sortedProfiles.filter { account.offers(type, in: $0) }.map(\.id)
    }

    /// A method of `method list --json`: type, currencies and the profiles that offer it, as the text shows.
    private static func methodJSON(_ type: String, of account: MerchantAccount) -> JSONValue {
        var method = AccountDocument.methodJSON(type: type, currencies: account.methods[type] ?? []).objectValue ?? [:]
        method["profiles"] = .array(profilesOffering(type, in: account).map(JSONValue.string))
        return .object(method)
    }

    static let enable = CommandSpec(
        path: ["method", "enable"], summary: "Enable a payment method on an account, or change its currencies",
        arguments: [.account, type],
        options: [currencies],
        examples: [
            Example(
                command: "method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK",
                explanation: "enable cards for two currencies")
        ],
        run: { context in
            let id = try context.accountArgument()
            let type = try PaymentType(parsing: context.arguments.word(MethodCommands.type))
            let given = try Currencies.parse(context.arguments[currencies])
            var kept: [String]?
            var lacking: [String] = []
            var after: MerchantAccount?
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                // Without --currency an enabled method keeps its currencies; only a new one takes the defaults.
                let currencies = try given ?? account.methods[type.identifier] ?? Currencies.defaults(for: account)
                if account.methods[type.identifier] == currencies { kept = currencies }
                lacking = account.clickToPayCurrenciesMissing
                account.methods[type.identifier] = currencies
                after = account
            }
            ChangeText.report(
                changes, in: context, noChange: enableNoChange(type, on: id, kept: kept, given: given),
                notes: after.map { clickToPayLack($0, before: lacking) } ?? [])
            return 0
        })

    private static func enableNoChange(_ type: PaymentType, on id: AccountID, kept: [String]?, given: [String]?)
        -> String
    {
        guard let kept else { return "no changes" }
        let already = "'\(type)' is already enabled on '\(id)'"
        return given == nil ? "\(already); currencies unchanged: \(kept.joined(separator: ", "))" : already
    }

    /// Which currencies Click to Pay now lacks because the card method gained them, and the command that re-syncs
    /// it — said only when Click to Pay already lacked others: a new lack is the ctp-currency-missing finding the
    /// change created, reported with the other findings.
    private static func clickToPayLack(_ account: MerchantAccount, before: [String]) -> [String] {
        let lacking = account.clickToPayCurrenciesMissing.filter { !before.contains($0) }
        guard !lacking.isEmpty, !before.isEmpty, let card = account.methods[PaymentType.creditCard.identifier] else {
            return []
        }
        let fix = Fix.enableMethod(account.id, PaymentType.clickToPay.identifier, currencies: card)
        return [
            "Click to Pay on account '\(account.id)' lacks \(lacking.joined(separator: ", ")), which '\(PaymentType.creditCard)' now has; re-sync it: \(fix.commandLine)"
        ]
    }

    static let disable = CommandSpec(
        path: ["method", "disable"],
        summary: "Disable a payment method (idempotent); refused while profiles offer it unless --force",
        arguments: [.account, type],
        options: [force],
        examples: [
            Example(
                command: "method disable T12345678 bambora.creditcard --force",
                explanation: "disable and remove from profiles")
        ],
        run: { context in
            let id = try context.accountArgument()
            let typeText = context.arguments.word(MethodCommands.type)
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                try disable(typeText, on: &account, force: context.arguments[force])
            }
            ChangeText.report(
                changes, in: context, noChange: "no changes: '\(typeText)' is not enabled on account '\(id)'")
            return 0
        })

    /// Removes `typeText` from the account (and with `force` from its profiles). A stored type is removed even
    /// when it is not in the catalogue, so a bad row from an older version can be cleaned up. A catalogue type that
    /// is not enabled is left as it is, like every other removal of what is not there.
    private static func disable(_ typeText: String, on account: inout MerchantAccount, force: Bool) throws {
        guard account.methods[typeText] != nil else {
            _ = try PaymentType(parsing: typeText)
            return
        }
        try refuseRemovingTheCardUnderClickToPay(typeText, on: account)
        let users = account.sortedProfiles.filter { $0.methods[typeText] != nil || $0.defaultPaymentType == typeText }
        if !users.isEmpty && !force {
            throw Rejection(
                reason: .inUse,
                message:
                    "'\(typeText)' is still offered by profile \(users.map { "'\($0.id)'" }.joined(separator: ", ")) of account '\(account.id)'",
                hints: ["pass --force to remove it from those profiles too"])
        }
        for profile in users {
            account.profiles[profile.id]?.methods[typeText] = nil
            if profile.defaultPaymentType == typeText { account.profiles[profile.id]?.defaultPaymentType = nil }
        }
        account.methods[typeText] = nil
        account.methodDetails[typeText] = nil
    }

    /// Click to Pay is shown inside the card form, so the card method cannot go while Click to Pay stays: the
    /// refusal points to turning Click to Pay off (the ctp-without-card finding's own fix would re-enable cards).
    private static func refuseRemovingTheCardUnderClickToPay(_ typeText: String, on account: MerchantAccount) throws {
        guard typeText == PaymentType.creditCard.identifier, account.hasClickToPay else { return }
        let rule = AuditRule.ctpWithoutCard
        throw Rejection(
            reason: rule.refusalReason,
            message:
                "refused: account '\(account.id)' offers Click to Pay, which is shown inside the '\(typeText)' form (\(rule.rawValue))",
            fixes: [Fix(["clicktopay", "disable"], [.value(account.id)], lead: "turn Click to Pay off first: ")])
    }
}

extension Currencies {
    /// The union of the currencies the account already uses; refused when it has none.
    static func defaults(for account: MerchantAccount) throws -> [String] {
        let currencies = account.currenciesInUse.filter { CurrencyCode($0) != nil }
        guard !currencies.isEmpty else {
            throw Rejection.invalid(
                "account '\(account.id)' has no methods to take currencies from",
                hints: ["give them with --currency, e.g. --currency NOK"])
        }
        return currencies
    }
}
