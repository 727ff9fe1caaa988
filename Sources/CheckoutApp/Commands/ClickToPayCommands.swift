import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `clicktopay …`: turn Click to Pay on and off and see where it stands.
enum ClickToPayCommands {
    private static let profiles = Option.repeated(
        "profile", "PROFILE",
        "add it to this profile; repeat for several (default: every profile offering dintero_psp.creditcard)",
        completion: .profile)
    private static let currencies = Option.repeated(
        "currency", "CUR", "currencies (default: those of dintero_psp.creditcard)", completion: .currency)
    private static let statusAccounts = ArgumentSpec.accounts("accounts (default: all)")

    /// The family's commands.
    static let all: [CommandSpec] = [enable, disable, status]

    private static let targets = ArgumentSpec.accounts("accounts to change (or --all)")
    private static let allCardAccounts = Option.flag("all", "every account that has dintero_psp.creditcard")

    static let enable = CommandSpec(
        path: ["clicktopay", "enable"],
        summary: "Enable dintero_psp.clicktopay on accounts and their card profiles, in one step",
        arguments: [targets],
        options: [profiles, currencies, allCardAccounts],
        examples: [
            Example(
                command: "clicktopay enable T12345678", explanation: "enable on the account and every card profile"),
            Example(
                command: "clicktopay enable T12345678 --profile webshop", explanation: "enable for one profile only"),
            Example(
                command: "clicktopay enable --all",
                explanation: "every account with dintero_psp.creditcard, in one transaction"),
        ],
        discussion:
            "Idempotent. Profiles with active_payment_types already include it and are reported so; in_store profiles are left out unless named with --profile. The currencies must be the card method's. Several accounts (or --all) change in one transaction: a refusal for one changes none.",
        run: { context in
            let selection = try AccountSelection(context, accounts: targets, all: allCardAccounts)
            let currencies = try Currencies.parse(context.arguments[currencies])
            var outcomes: [Outcome] = []
            let changes = try context.writer.modify(selection.ids) { accounts in
                outcomes = try selection.edit(&accounts) { account in
                    let result = try ClickToPay.enable(
                        on: account, profileIDs: context.arguments[profiles], currencies: currencies)
                    account = result.account
                    return result.coveredByActiveTypes
                }
            }
            outcomes = outcomes.map { $0.with(changes, context.findingsCreated) }
            if selection.isSingle, let outcome = outcomes.first {
                report(changes, covered: outcome.covered, context)
            } else {
                reportMany(changes, outcomes, verb: "on", context)
            }
            return 0
        })

    private static func report(_ changes: [Change], covered: [String], _ context: CommandContext) {
        ChangeText.report(
            changes, in: context, noChange: "Click to Pay is already enabled; no changes",
            notes: covered.map { "profile '\($0)' already offers Click to Pay through active_payment_types" },
            extra: ["covered_by_active_payment_types": .array(covered.map(JSONValue.string))])
    }

    /// Several accounts: one line per account (with its notes and findings below it) and a total, or in JSON the
    /// changes with one entry per account.
    private static func reportMany(_ changes: [Change], _ outcomes: [Outcome], verb: String, _ context: CommandContext)
    {
        if context.options.json {
            ChangeText.report(
                changes, in: context, noChange: "", extra: ["accounts": .array(outcomes.map(\.json))])
            return
        }
        for outcome in outcomes {
            context.inform(outcome.line(verb: verb))
            for profile in outcome.covered {
                context.inform("  profile '\(profile)' already offers Click to Pay through active_payment_types")
            }
            ChangeText.inform(outcome.findings, in: context)
        }
        guard !outcomes.isEmpty else {
            return context.inform("no account has \(PaymentType.creditCard); no changes")
        }
        let changed = outcomes.filter { !$0.changes.isEmpty }.count
        context.inform(
            "Click to Pay \(verb) for \(outcomes.count) account\(outcomes.count == 1 ? "" : "s"): \(changed) changed, \(outcomes.count - changed) unchanged"
        )
    }

    static let disable = CommandSpec(
        path: ["clicktopay", "disable"],
        summary: "Remove Click to Pay from every profile and from accounts",
        arguments: [targets],
        options: [allCardAccounts],
        examples: [
            Example(command: "clicktopay disable T12345678", explanation: "turn Click to Pay off everywhere"),
            Example(
                command: "clicktopay disable T12345678 T87654321", explanation: "two accounts, in one transaction"),
        ],
        run: { context in
            let selection = try AccountSelection(context, accounts: targets, all: allCardAccounts)
            var outcomes: [Outcome] = []
            let changes = try context.writer.modify(selection.ids) { accounts in
                outcomes = try selection.edit(&accounts) { account in
                    ClickToPay.disable(on: &account)
                    return []
                }
            }
            if selection.isSingle {
                ChangeText.report(changes, in: context, noChange: "Click to Pay is not enabled; no changes")
            } else {
                reportMany(changes, outcomes.map { $0.with(changes, context.findingsCreated) }, verb: "off", context)
            }
            return 0
        })

    static let status = CommandSpec(
        path: ["clicktopay", "status"], summary: "Show where Click to Pay stands on accounts",
        arguments: [statusAccounts],
        examples: [
            Example(command: "clicktopay status T12345678", explanation: "one account"),
            Example(command: "clicktopay status --json", explanation: "every account, for scripts"),
        ],
        run: { context in
            let accounts = try context.accountStream(context.arguments.words(statusAccounts))
            guard context.options.json else {
                var separator = ""
                try accounts.visit { account in
                    let status = ClickToPayStatus(account: account)
                    context.emit(separator + ClickToPayStatusText.render(status, style: context.outputStyle))
                    separator = "\n"
                }
                return 0
            }
            var document = StreamedJSONObject(arrayKey: "accounts")
            let fields: [String: JSONValue] = ["format_version": .string(DocumentFormat.version)]
            context.emit(document.head(fields))
            try accounts.visit { account in
                context.emit(document.element(ClickToPayStatusText.json(ClickToPayStatus(account: account))))
            }
            context.emit(document.tail(fields))
            return 0
        })
}

/// The accounts `clicktopay enable|disable` change: those named, or with `--all` every account that has the
/// card method.
private struct AccountSelection {
    /// The account ids, without repeats.
    let ids: [String]
    /// Whether they came from `--all`.
    let isAll: Bool

    /// Whether exactly one account was named, which keeps the one-account report.
    var isSingle: Bool { !isAll && ids.count == 1 }

    /// The selection from the command line; refused when it names no account, or names some and `--all`.
    init(_ context: CommandContext, accounts: ArgumentSpec, all: Option<Bool>) throws {
        let words = context.arguments.words(accounts)
        isAll = context.arguments[all]
        if isAll {
            guard words.isEmpty else { throw UsageError(message: "give account ids or --all, not both", hints: []) }
            ids = try context.readStore().accountIDs()
            return
        }
        guard !words.isEmpty else {
            throw UsageError(message: "missing <account>", hints: ["name accounts, or use --all"])
        }
        var seen = Set<String>()
        ids = try words.map { try AccountID(parsing: $0).rawValue }.filter { seen.insert($0).inserted }
    }

    /// Runs `edit` on each selected account (with `--all`, each that has the card method) and returns what it
    /// did to each; an account named but missing is refused.
    func edit(
        _ accounts: inout [String: MerchantAccount?], _ edit: (inout MerchantAccount) throws -> [String]
    ) throws -> [Outcome] {
        try ids.compactMap { id in
            guard var account = accounts[id] ?? nil else {
                if isAll { return nil }
                throw MissingAccount(id: id)
            }
            if isAll && account.methods[PaymentType.creditCard.identifier] == nil { return nil }
            let before = account
            let covered = try edit(&account)
            accounts[id] = .some(account)
            return Outcome(before: before, after: account, covered: covered)
        }
    }
}

/// What `clicktopay enable|disable` did to one account of several.
private struct Outcome {
    /// The account before the command.
    let before: MerchantAccount
    /// The account after it.
    let after: MerchantAccount
    /// Profiles covered by active_payment_types (enable only).
    let covered: [String]
    /// The account's changes, once known.
    var changes: [Change] = []
    /// The findings the command created on the account, once known.
    var findings: [AuditFinding] = []

    /// This outcome with its share of the changes and of the findings they created.
    func with(_ allChanges: [Change], _ allFindings: [AuditFinding]) -> Outcome {
        var outcome = self
        outcome.changes = allChanges.filter { $0.account == after.id }
        outcome.findings = allFindings.filter { $0.account == after.id }
        return outcome
    }

    /// Profiles whose explicit Click to Pay offer the command added or removed.
    private var profilesChanged: [String] {
        let ctp = PaymentType.clickToPay.identifier
        return after.sortedProfiles.map(\.id).filter { id in
            (before.profiles[id]?.methods[ctp] != nil) != (after.profiles[id]?.methods[ctp] != nil)
        }
    }

    /// `T12345678: Click to Pay on (NOK); added to profile webshop`, or `… already on …; no changes`.
    func line(verb: String) -> String {
        let currencies = ClickToPayStatus(account: after).currencies
        let state = verb + (currencies.isEmpty ? "" : " (\(currencies.joined(separator: ", ")))")
        guard !changes.isEmpty else { return "\(after.id): Click to Pay already \(state); no changes" }
        let profiles = profilesChanged
        guard !profiles.isEmpty else { return "\(after.id): Click to Pay \(state)" }
        let action = verb == "on" ? "added to" : "removed from"
        return
            "\(after.id): Click to Pay \(state); \(action) profile\(profiles.count == 1 ? "" : "s") \(profiles.joined(separator: ", "))"
    }

    /// `{"account_id", "changed", "summary", "covered_by_active_payment_types", "findings"}`.
    var json: JSONValue {
        .object([
            "account_id": .string(after.id), "changed": .bool(!changes.isEmpty),
            "summary": ChangeDocument.summaryJSON(changes),
            "covered_by_active_payment_types": .array(covered.map(JSONValue.string)),
            "findings": .array(findings.map(AuditDocument.findingJSON)),
        ])
    }
}

/// Text and JSON of `clicktopay status`.
enum ClickToPayStatusText {
    /// One account's block.
    static func render(_ status: ClickToPayStatus, style: Style) -> String {
        let state = status.isEnabled ? style.green("on") + " (\(status.currencies.joined(separator: ", ")))" : "off"
        let offering = status.offeringProfiles.map { "\($0.id) (\($0.offer.rawValue))" }
        let email =
            status.emailSource.map { "yes (\($0.rawValue))" } ?? "no (set checkout_express or session_customer_email)"
        var text = "\(style.bold(status.account.id)): Click to Pay \(state)\n"
        text += "  currencies: \(currencyPicture(status))\n"
        text += "  offered by: \(offering.isEmpty ? "-" : offering.joined(separator: ", "))\n"
        text +=
            "  card profiles without it: \(status.cardProfilesWithout.isEmpty ? "-" : status.cardProfilesWithout.joined(separator: ", "))\n"
        text += "  customer email known: \(email)\n"
        text += status.findings.map { AuditText.line($0, style: style) }.joined()
        return text
    }

    /// `Click to Pay NOK; dintero_psp.creditcard NOK, SEK (Click to Pay lacks SEK)`.
    private static func currencyPicture(_ status: ClickToPayStatus) -> String {
        let list = { (currencies: [String]) in currencies.isEmpty ? "-" : currencies.joined(separator: ", ") }
        var text = "Click to Pay \(list(status.currencies)); \(PaymentType.creditCard) \(list(status.cardCurrencies))"
        if !status.missingCurrencies.isEmpty {
            text += " (Click to Pay lacks \(status.missingCurrencies.joined(separator: ", ")))"
        }
        if !status.currenciesWithoutCard.isEmpty {
            text +=
                " (never shown in \(status.currenciesWithoutCard.joined(separator: ", ")): the card method lacks them)"
        }
        return text
    }

    /// One account's object.
    static func json(_ status: ClickToPayStatus) -> JSONValue {
        .object([
            "account_id": .string(status.account.id), "enabled": .bool(status.isEnabled),
            "currencies": .array(status.currencies.map(JSONValue.string)),
            "card_currencies": .array(status.cardCurrencies.map(JSONValue.string)),
            "currencies_missing": .array(status.missingCurrencies.map(JSONValue.string)),
            "currencies_without_card": .array(status.currenciesWithoutCard.map(JSONValue.string)),
            "profiles_offering": .array(
                status.offeringProfiles.map {
                    .object(["profile_id": .string($0.id), "how": .string($0.offer.rawValue)])
                }),
            "card_profiles_without": .array(status.cardProfilesWithout.map(JSONValue.string)),
            "email_known": .bool(status.emailSource != nil),
            "email_source": status.emailSource.map { .string($0.rawValue) } ?? .null,
            "findings": .array(status.findings.map(AuditDocument.findingJSON)),
        ])
    }
}
