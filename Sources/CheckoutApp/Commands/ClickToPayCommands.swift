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

    static let enable = CommandSpec(
        path: ["clicktopay", "enable"],
        summary: "Enable dintero_psp.clicktopay on an account and its card profiles, in one step",
        arguments: [.account],
        options: [profiles, currencies],
        examples: [
            Example(
                command: "clicktopay enable T12345678", explanation: "enable on the account and every card profile"),
            Example(
                command: "clicktopay enable T12345678 --profile webshop", explanation: "enable for one profile only"),
        ],
        discussion: "Idempotent. Profiles with active_payment_types already include it and are reported so.",
        run: { context in
            let id = try context.accountArgument()
            let currencies = try Currencies.parse(context.arguments[currencies])
            var covered: [String] = []
            var after: MerchantAccount?
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                let result = try ClickToPay.enable(
                    on: account, profileIDs: context.arguments[profiles], currencies: currencies)
                covered = result.coveredByActiveTypes
                account = result.account
                after = account
            }
            // Every remaining finding of the account is shown, not only the ctp-* ones.
            let findings = after.map(Audit.findings) ?? []
            report(changes, covered: covered, findings: findings, context)
            return 0
        })

    private static func report(
        _ changes: [Change], covered: [String], findings: [AuditFinding], _ context: CommandContext
    ) {
        if context.options.json {
            ChangeText.report(
                changes, in: context, noChange: "",
                extra: [
                    "covered_by_active_payment_types": .array(covered.map(JSONValue.string)),
                    "findings": .array(findings.map(AuditDocument.findingJSON)),
                ])
            return
        }
        ChangeText.report(changes, in: context, noChange: "Click to Pay is already enabled; no changes")
        for profile in covered {
            context.inform("profile '\(profile)' already offers Click to Pay through active_payment_types")
        }
        for finding in findings {
            context.inform(AuditText.line(finding, style: context.errorStyle).dropLast().description)
        }
    }

    static let disable = CommandSpec(
        path: ["clicktopay", "disable"], summary: "Remove Click to Pay from every profile and from the account",
        arguments: [.account],
        examples: [Example(command: "clicktopay disable T12345678", explanation: "turn Click to Pay off everywhere")],
        run: { context in
            let id = try context.accountArgument()
            let changes = try context.writer.modifyExisting(id.rawValue) { ClickToPay.disable(on: &$0) }
            ChangeText.report(changes, in: context, noChange: "Click to Pay is not enabled; no changes")
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
            let statuses = try context.readAccounts(context.arguments.words(statusAccounts)).map(ClickToPayStatus.init)
            if context.options.json {
                context.emit(versioned: ["accounts": .array(statuses.map(ClickToPayStatusText.json))])
            } else {
                context.emit(
                    statuses.map { ClickToPayStatusText.render($0, style: context.outputStyle) }.joined(separator: "\n")
                )
            }
            return 0
        })
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
        text += "  offered by: \(offering.isEmpty ? "-" : offering.joined(separator: ", "))\n"
        text +=
            "  card profiles without it: \(status.cardProfilesWithout.isEmpty ? "-" : status.cardProfilesWithout.joined(separator: ", "))\n"
        text += "  customer email known: \(email)\n"
        text += status.findings.map { AuditText.line($0, style: style) }.joined()
        return text
    }

    /// One account's object.
    static func json(_ status: ClickToPayStatus) -> JSONValue {
        .object([
            "account_id": .string(status.account.id), "enabled": .bool(status.isEnabled),
            "currencies": .array(status.currencies.map(JSONValue.string)),
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
