import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The options accepted anywhere on the line, resolved against the environment.
struct GlobalOptions: Equatable, Sendable {
    /// `--store PATH`.
    static let store = Option.value("store", "PATH", "the SQLite store (env CHECKOUT_ADMIN_STORE)", completion: .file)
    /// `--json`.
    static let json = Option.flag("json", "machine output: stdout holds exactly one JSON document")
    /// `--quiet`, `-q`.
    static let quiet = Option.flag("quiet", short: "q", "print nothing on success except requested data")
    /// `--no-color`.
    static let noColor = Option.flag("no-color", "no ANSI colour (env NO_COLOR)")
    /// `--actor NAME`.
    static let actor = Option.value(
        "actor", "NAME", "who is making the change, for the history (env CHECKOUT_ADMIN_ACTOR)")
    /// `--lock-timeout SECONDS`.
    static let lockTimeout = Option.value(
        "lock-timeout", "SECONDS", "how long a writer waits for another writer (default 30)")
    /// `--help`, `-h`.
    static let help = Option.flag("help", short: "h", "show help for the command")
    /// `--version`.
    static let version = Option.flag("version", "print the version")

    /// The table shared by every command.
    static let specs: [OptionSpec] = [
        store.spec, json.spec, quiet.spec, noColor.spec, actor.spec, lockTimeout.spec, help.spec, version.spec,
    ]

    /// Explicit store path, if given by option or environment; else the XDG default applies.
    var storePath: String
    /// Machine output.
    var json = false
    /// Only requested data on success.
    var quiet = false
    /// Colour allowed on terminals.
    var colorAllowed = true
    /// Who makes the change.
    var actor: String
    /// Seconds a writer waits for the lock.
    var lockTimeout: Double = 30

    /// Resolves options over environment over defaults.
    init(parsed: ParsedArguments, environment: [String: String]) throws {
        storePath =
            parsed[GlobalOptions.store] ?? environment.nonEmpty("CHECKOUT_ADMIN_STORE")
            ?? GlobalOptions.defaultStorePath(environment)
        json = parsed[GlobalOptions.json]
        quiet = parsed[GlobalOptions.quiet]
        colorAllowed =
            !parsed[GlobalOptions.noColor] && environment.nonEmpty("NO_COLOR") == nil && environment["TERM"] != "dumb"
        actor =
            parsed[GlobalOptions.actor] ?? environment.nonEmpty("CHECKOUT_ADMIN_ACTOR") ?? environment.nonEmpty("USER")
            ?? environment.nonEmpty("LOGNAME") ?? loginName() ?? "unknown"
        if let timeout = parsed[GlobalOptions.lockTimeout] ?? environment.nonEmpty("CHECKOUT_ADMIN_LOCK_TIMEOUT") {
            lockTimeout = try GlobalOptions.parseTimeout(timeout)
        }
        if storePath.isEmpty { throw Rejection.invalid("store path is empty") }
        try GlobalOptions.validateActor(actor)
    }

    // The actor is free text like a name: the history shows it, so no control characters (an escape sequence
    // would reach every terminal that reads the history) and no surrounding whitespace.
    private static func validateActor(_ actor: String) throws {
        try TextRules.requirePlainText(
            actor, maxLength: 200, message: "invalid actor '\(actor.excerpt(marksCut: true))'",
            rule: "an actor (--actor or CHECKOUT_ADMIN_ACTOR) is 1-200 characters, without control characters or "
                + "leading or trailing whitespace")
    }

    /// `$XDG_DATA_HOME/checkout-admin/store.sqlite`, else `~/.local/share/checkout-admin/store.sqlite`.
    static func defaultStorePath(_ environment: [String: String]) -> String {
        if let data = environment.nonEmpty("XDG_DATA_HOME"), data.hasPrefix("/") {
            return "\(data)/checkout-admin/store.sqlite"
        }
        return "\(environment.nonEmpty("HOME") ?? homeDirectory() ?? ".")/.local/share/checkout-admin/store.sqlite"
    }

    private static func parseTimeout(_ text: String) throws -> Double {
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
            throw Rejection.invalid("lock timeout '\(text)' is not a number of seconds from 0 to 86400")
        }
        return seconds
    }
}

extension Dictionary where Key == String, Value == String {
    /// The variable's value when set and not empty.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
