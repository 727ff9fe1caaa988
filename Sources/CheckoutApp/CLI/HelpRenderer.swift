import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The synopsis line of a command, generated from its table.
enum Synopsis {
    /// `checkout-admin account add <account> [--name TEXT] [--if-not-exists]`.
    static func line(for command: CommandSpec) -> String {
        let arguments = command.arguments.map(\.usageForm)
        let options = command.options.map { option in
            if case .repeatedValue = option.kind { return "[\(option.usageForm)]…" }
            return "[\(option.usageForm)]"
        }
        return (["checkout-admin", command.name] + arguments + options).joined(separator: " ")
    }
}

/// `--help` text for commands, groups and the whole tool, all from the same tables the parser walks.
struct HelpRenderer {
    /// The command tree.
    let registry: CommandRegistry

    /// Help for the node at `path`, a help topic, or nil when nothing has that name.
    func help(for path: [String]) -> String? {
        if path.count == 1, let topic = HelpTopic(rawValue: path[0]) { return topic.text }
        if let command = registry.command(at: path) { return commandHelp(command) }
        if path.isEmpty || !registry.children(of: path).isEmpty { return groupHelp(path) }
        return nil
    }

    /// Help for one command.
    func commandHelp(_ command: CommandSpec) -> String {
        var sections = ["usage: \(Synopsis.line(for: command))", command.summary]
        if let discussion = command.discussion { sections.append(discussion) }
        if !command.arguments.isEmpty {
            sections.append("Arguments:\n" + table(command.arguments.map { ($0.usageForm, $0.help) }))
        }
        if !command.options.isEmpty {
            sections.append("Options:\n" + table(command.options.map(optionRow)))
        }
        sections.append("Global options:\n" + table(GlobalOptions.specs.map(optionRow)))
        sections.append("Examples:\n" + examples(command.examples))
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// Help for a group or, with an empty path, the whole tool.
    func groupHelp(_ path: [String]) -> String {
        let prefix = (["checkout-admin"] + path).joined(separator: " ")
        var sections = ["usage: \(prefix) <command> [arguments] [options]"]
        sections.append(path.isEmpty ? rootSummary : registry.summary(of: path))
        let rows = registry.children(of: path).map { ($0, registry.summary(of: path + [$0])) }
        sections.append("Commands:\n" + table(rows))
        if path.isEmpty {
            sections.append("Global options:\n" + table(GlobalOptions.specs.map(optionRow)))
            sections.append("Help topics:\n" + table(HelpTopic.allCases.map { ("help \($0.rawValue)", $0.summary) }))
        }
        let firstExamples = registry.commands(under: path).compactMap(\.examples.first)
        sections.append("Examples:\n" + examples(Array(firstExamples.prefix(path.isEmpty ? 4 : 8))))
        sections.append("Run '\(prefix) <command> --help' for more about a command.")
        return sections.joined(separator: "\n\n") + "\n"
    }

    private var rootSummary: String {
        "Backoffice for Dintero checkout: merchant settings, payment methods, payment profiles, and Click to Pay\noffered only through Dintero's own PSP (dintero_psp.clicktopay)."
    }

    private func optionRow(_ option: OptionSpec) -> (String, String) {
        let short = option.short.map { "-\($0), " } ?? ""
        return (short + option.usageForm, option.help)
    }

    private func examples(_ examples: [Example]) -> String {
        examples.map { "  # \($0.explanation)\n  checkout-admin \($0.command)" }.joined(separator: "\n")
    }

    private func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { left, right in
            "  " + left + String(repeating: " ", count: width - left.count + 3) + right
        }.joined(separator: "\n")
    }
}

/// Help pages that are not commands.
enum HelpTopic: String, CaseIterable {
    case exitCodes = "exit-codes"
    case environment
    case auditRules = "audit-rules"

    /// One line for listings.
    var summary: String {
        switch self {
        case .exitCodes: return "what each exit status means"
        case .environment: return "environment variables the tool reads"
        case .auditRules: return "every audit rule: its severity, when it fires, its fix"
        }
    }

    /// The page.
    var text: String {
        switch self {
        case .exitCodes: return HelpTopic.exitCodesText
        case .environment: return HelpTopic.environmentText
        case .auditRules: return AuditRulesTopic.text
        }
    }

    private static let exitCodesText = """
        Exit codes of checkout-admin. A failing command changes nothing: every command's writes are one transaction.

            0    success, including "nothing to change", an empty list, and an audit with no error findings
            1    audit found error-level findings (with --strict, also warnings)
            2    usage error: unknown command or option, missing or extra argument, bad option syntax
            3    rejected: invalid value, a rule forbids it, not found, already exists, still in use, not confirmed,
                 conflict (pull/push: Dintero and the store both changed, or Dintero changed since the last pull)
            4    store busy: another process held the write lock past --lock-timeout; safe to retry
            5    store unusable: cannot open or create, not a checkout-admin store, damaged, newer version,
                 read-only, disk full, I/O error
            6    remote (pull, diff, push): Dintero could not be reached, refused the credentials, or refused a
                 request (remote_unavailable, remote_auth, remote_rejected); a push says which requests were
                 carried out
            70   internal error (a bug)
            130  interrupted (SIGINT); the open transaction is rolled back (143 for SIGTERM)

        With --json, stderr holds one JSON object on failure:
            {"error": {"code": "<kind>", "message": "…", "hint": "…"|null, "exit_code": N}}

        """

    private static let environmentText = """
        Environment variables read by checkout-admin (an option on the command line wins over its variable):

            CHECKOUT_ADMIN_STORE         the store path (--store)
            CHECKOUT_ADMIN_ACTOR         who is making changes, for the history (--actor); default the login name
            CHECKOUT_ADMIN_LOCK_TIMEOUT  seconds a writer waits for another writer (--lock-timeout); default 30
            NO_COLOR                     when set and not empty, no colour (--no-color); TERM=dumb does the same
            CI                           when set, never prompt: removals need --yes
            XDG_DATA_HOME                the default store is $XDG_DATA_HOME/checkout-admin/store.sqlite
                                         (else ~/.local/share/checkout-admin/store.sqlite)
            CHECKOUT_ADMIN_API_URL       Dintero's checkout API base (--api-url); default https://checkout.dintero.com/v1
            CHECKOUT_ADMIN_AUTH_URL      Dintero's auth API base (--auth-url); default https://api.dintero.com/v1
            CHECKOUT_ADMIN_CLIENT_ID     API client id for pull, diff and push (with CHECKOUT_ADMIN_CLIENT_SECRET)
            CHECKOUT_ADMIN_CLIENT_SECRET  API client secret; never printed, stored or logged
            CHECKOUT_ADMIN_CREDENTIALS   credentials file (mode 0600) mapping account ids to client_id and
                                         client_secret; default $XDG_CONFIG_HOME/checkout-admin/credentials.json
            XDG_CONFIG_HOME              where the default credentials file is (else ~/.config)
            CHECKOUT_ADMIN_HTTP_TIMEOUT  seconds per request to Dintero, or CONNECT,REQUEST; default 10,30

        """
}
