import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `pull`, `diff` and `push`: the store as a working copy of Dintero. The tables live here so help, completion
/// and the man page cover them; in `checkout-admin` their runs hand over to the helper executable.
enum RemoteCommands {
    /// `<account>…` of pull and diff.
    static let accounts = ArgumentSpec(
        name: "account", arity: .oneOrMore, help: "account ids to synchronise", completion: .account)
    /// `[<account>…]` of push (or `--all`).
    static let pushed = ArgumentSpec(
        name: "account", arity: .zeroOrMore, help: "account ids to push (or --all)", completion: .account)
    /// `--api-url URL`.
    static let apiURL = Option.value(
        "api-url", "URL", "Dintero's checkout API base (env CHECKOUT_ADMIN_API_URL; https unless loopback)")
    /// `--auth-url URL`.
    static let authURL = Option.value(
        "auth-url", "URL", "Dintero's auth API base (env CHECKOUT_ADMIN_AUTH_URL; https unless loopback)")
    /// `--force`.
    static let force = Option.flag("force", "take Dintero's version (pull) or overwrite it (push) on a conflict")
    /// `--exit-code`.
    static let exitCode = Option.flag("exit-code", "exit 1 when the store and Dintero differ")
    /// `--dry-run`.
    static let dryRun = Option.flag("dry-run", "print the plan and send nothing but reads")
    /// `--prune`.
    static let prune = Option.flag("prune", "delete profiles on Dintero that the store no longer has")
    /// `--all`.
    static let all = Option.flag("all", "every account that was pulled before")
    /// `--jobs N`.
    static let jobs = Option.value("jobs", "N", "accounts synchronised at once (default 8)")

    /// The family's commands.
    static let commands: [CommandSpec] = [pull, diff, push]

    static let pull = CommandSpec(
        path: ["pull"], summary: "Bring accounts' live configuration from Dintero into the store",
        arguments: [accounts], options: [force, apiURL, authURL, jobs],
        examples: [
            Example(command: "pull T12345678", explanation: "fetch the account's settings, methods and profiles"),
            Example(command: "pull T12345678 --force", explanation: "take Dintero's version over local changes"),
        ],
        discussion: """
            Each account is written in one transaction, with history, and remembered as its base. When the store has
            changes that were never pushed and Dintero changed too, the pull is refused (exit 3) unless --force.
            Credentials: CHECKOUT_ADMIN_CLIENT_ID and CHECKOUT_ADMIN_CLIENT_SECRET, or a credentials file.
            """,
        run: { context in try context.runRemote { try PullRunner(context: context, connector: $0).run() } })

    static let diff = CommandSpec(
        path: ["diff"], summary: "Show how the store differs from Dintero's live configuration",
        arguments: [accounts], options: [exitCode, apiURL, authURL, jobs],
        examples: [
            Example(command: "diff T12345678", explanation: "what push would change on Dintero"),
            Example(command: "diff T12345678 --exit-code", explanation: "a drift check in CI: exit 1 when they differ"),
        ],
        run: { context in try context.runRemote { try DiffRunner(context: context, connector: $0).run() } })

    static let push = CommandSpec(
        path: ["push"], summary: "Write the store's configuration of accounts to Dintero",
        arguments: [pushed], options: [all, dryRun, prune, force, apiURL, authURL, jobs],
        examples: [
            Example(command: "push T12345678 --dry-run", explanation: "show the plan, send nothing"),
            Example(command: "push --all", explanation: "push every pulled account"),
        ],
        discussion: """
            Refused (exit 3) on audit errors, when Dintero changed since the last pull, or for an account never
            pulled (unless --force). Then: PUT /admin/checkout, POST and PUT profiles, DELETE profiles only with
            --prune, removed methods last. A push that fails half way says which requests were carried out.
            """,
        run: { context in try context.runRemote { try PushRunner(context: context, connector: $0).run() } })
}

extension CommandContext {
    /// Runs a remote command here when this process has a connector, else hands the process to the helper.
    func runRemote(_ body: (any RemoteConnector) throws -> Int32) throws -> Int32 {
        switch remote {
        case .connector(let connector): return try body(connector)
        case .helper: try HelperLauncher.execute()
        case .unavailable:
            throw RemoteFailure(.unavailable, "talking to Dintero needs the \(HelperLauncher.helperName) helper")
        }
    }

    /// Where Dintero is, from the options and the environment.
    var remoteSettings: RemoteSettings {
        RemoteSettings(
            apiURL: arguments[RemoteCommands.apiURL] ?? environment.nonEmpty("CHECKOUT_ADMIN_API_URL"),
            authURL: arguments[RemoteCommands.authURL] ?? environment.nonEmpty("CHECKOUT_ADMIN_AUTH_URL"),
            environment: environment)
    }

    /// The validated account ids of a remote command, in order, without repeats.
    func remoteAccountIDs(_ words: [String]) throws -> [String] {
        var seen = Set<String>()
        return try words.map { try AccountID(parsing: $0).rawValue }.filter { seen.insert($0).inserted }
    }
}
