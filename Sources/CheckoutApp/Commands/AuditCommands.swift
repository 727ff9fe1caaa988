import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `audit`: every audit rule over the store.
enum AuditCommands {
    private static let strict = Option.flag("strict", "warnings also fail the audit (exit 1)")

    private static let audited = ArgumentSpec.accounts("accounts to audit (default: all)")

    private static let format = Option.value(
        "format", "FORMAT", "text (default), json, github (workflow commands) or junit (XML test report)",
        completion: .words(["github", "json", "junit", "text"]))

    /// The family's commands.
    static let all: [CommandSpec] = [audit]

    static let audit = CommandSpec(
        path: ["audit"], summary: "Check accounts against every configuration rule; exit 1 on errors",
        arguments: [audited],
        options: [strict, format],
        examples: [
            Example(command: "audit --strict --json", explanation: "fail a pipeline on any finding"),
            Example(command: "audit --format github", explanation: "findings as annotations on a pull request"),
        ],
        discussion: "Exit 0 when there are no error findings, 1 when there are (with --strict, warnings count too).",
        run: { context in
            let accounts = try context.accountStream(context.arguments.words(audited))
            let strict = context.arguments[strict]
            let stream = try AuditStream(
                format: try ReportFormat(context.arguments[format], json: context.options.json), strict: strict,
                style: context.outputStyle, emit: context.emit)
            try accounts.visit(stream.audit)
            try stream.finish()
            return stream.tally.passes(strict: strict) ? 0 : 1
        })
}

/// How a report is written: `--format`, with `--json` meaning `json`.
enum ReportFormat: String, CaseIterable {
    case text, json, github, junit

    /// The format named by `--format` (default text, or json under `--json`); an unknown name is refused.
    init(_ name: String?, json: Bool) throws {
        guard let name else {
            self = json ? .json : .text
            return
        }
        guard let format = ReportFormat(rawValue: name) else {
            throw Rejection.invalid(
                "unknown format '\(name.excerpt())'",
                hints: Suggestion.hints(for: name, among: ReportFormat.allCases.map(\.rawValue))
                    + ["a format is one of: text, json, github, junit"])
        }
        self = format
    }
}

/// The text form of audit findings: grouped by account, worst first, each with its fix.
enum AuditText {
    /// One finding: severity, rule, message, then the fix on its own line.
    static func line(_ finding: AuditFinding, style: Style) -> String {
        let severity = finding.severity == .error ? style.red("error  ") : style.yellow("warning")
        return
            "  \(severity) \(finding.rule.rawValue): \(finding.message)\n           fix: \(finding.fix.commandLine)\n"
    }

    /// `2 errors, 1 warning in 3 accounts (7 profiles)`.
    static func summary(_ tally: AuditTally) -> String {
        "\(plural(tally.errorCount, "error")), \(plural(tally.warningCount, "warning")) in "
            + "\(plural(tally.accountsChecked, "account")) (\(plural(tally.profilesChecked, "profile")))"
    }

    /// `1 error`, `2 errors`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension CommandContext {
    /// The named accounts (all when none is named); a name that does not exist is refused.
    func readAccounts(_ names: [String]) throws -> [MerchantAccount] {
        let ids = try names.map { try AccountID(parsing: $0).rawValue }
        let store = try readStore()
        guard !ids.isEmpty else { return try store.loadAccounts() }
        let accounts = try store.loadAccounts(Array(Set(ids)))
        let found = Set(accounts.map(\.id))
        if let missing = ids.first(where: { !found.contains($0) }) {
            throw Rejection.notFound(
                "account '\(missing)' not found", hints: Suggestion.hints(for: missing, among: try store.accountIDs()))
        }
        return accounts
    }
}
