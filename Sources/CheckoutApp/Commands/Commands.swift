import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// Every command of the tool, gathered from the command families.
enum Commands {
    /// The registry the parser, help and completion walk.
    static let registry = CommandRegistry(
        commands: StoreCommands.all + StoreMaintenanceCommands.all + AccountCommands.all + SettingsCommands.all
            + MethodCommands.all
            + ProfileCommands.all + ClickToPayCommands.all + AuditCommands.all
            + ProvisionCommands.all + RemoteCommands.commands + HistoryCommands.all + CompletionCommands.all,
        groups: [
            CommandGroup(name: "store", summary: "Inspect, check and back up the store"),
            CommandGroup(name: "account", summary: "Manage merchant accounts"),
            CommandGroup(name: "settings", summary: "Show and change an account's merchant settings"),
            CommandGroup(name: "method", summary: "Enable and disable payment methods on an account"),
            CommandGroup(name: "profile", summary: "Manage payment profiles and their methods"),
            CommandGroup(name: "clicktopay", summary: "Turn Click to Pay on and off, and see where it stands"),
        ]
    )
}

/// Argument specs several families share.
extension ArgumentSpec {
    /// `<account>`.
    static let account = ArgumentSpec(
        name: "account", arity: .required, help: "account id: T (test) or P (production) and 8 digits",
        completion: .account)
    /// `<profile>`.
    static let profile = ArgumentSpec(
        name: "profile", arity: .required, help: "payment profile id", completion: .profile)
    /// `[<account>…]` for commands over all accounts by default.
    static func accounts(_ help: String) -> ArgumentSpec {
        ArgumentSpec(name: "account", arity: .zeroOrMore, help: help, completion: .account)
    }
    /// `<file>`: a JSON input, or `-` for stdin.
    static let inputFile = ArgumentSpec(
        name: "file", arity: .required, help: "a JSON file, or - for stdin", completion: .file)
}

/// Options several families share.
enum SharedOptions {
    /// `--yes`.
    static let yes = Option.flag("yes", "confirm without prompting (needed when not interactive)")
    /// `--output FILE`.
    static let output = Option.value(
        "output", "FILE",
        "write to FILE (atomically, mode 0600) instead of stdout; with --json, prints its path and size",
        completion: .file)
    /// `--if-not-exists`.
    static let ifNotExists = Option.flag("if-not-exists", "succeed without change when it already exists")
}

extension CommandContext {
    /// The `<account>` argument, validated.
    func accountArgument() throws -> AccountID {
        try AccountID(parsing: arguments.word(.account))
    }

    /// Loads an account for reading, or refuses with not-found.
    func readAccount(_ id: AccountID) throws -> MerchantAccount {
        let store = try readStore()
        guard let account = try store.loadAccount(id.rawValue) else {
            throw AccountWriter.accountNotFound(id.rawValue, among: try store.accountIDs())
        }
        return account
    }

    /// The write path for this command.
    var writer: AccountWriter { AccountWriter(context: self) }

    /// Writes `document` (with a trailing newline) to `--output`, or to stdout. `result`: as for `emitDocument(text:)`.
    func emitDocument(_ document: JSONValue, result: [String: JSONValue] = [:]) throws {
        try ClickToPayGate.check(document)
        try emitDocument(text: document.prettyText() + "\n", result: result)
    }

    /// Writes a rendered document to `--output`, or to stdout. Written to a file, `--json` prints the result
    /// document on stdout: where, how many bytes, and the `result` fields (what the document holds).
    func emitDocument(text: String, result: [String: JSONValue] = [:]) throws {
        guard let path = arguments[SharedOptions.output] else { return emit(text) }
        let bytes = Array(text.utf8)
        do {
            guard case .file(let file) = try outputDestination(path, protecting: options.storePath) else {
                return emit(text)
            }
            try writeFileAtomically(bytes, toPath: file)
        } catch let error as FileError {
            throw OutputFailure.writing(error, naming: "'\(path)'")
        }
        inform("wrote '\(path)'")
        reportWritten(path, bytes: Int64(bytes.count), result: result)
    }

    /// With `--json`, the result of writing a file: `{"format_version", "output": absolute path, "bytes", …result}`.
    /// Every command that writes a file instead of stdout reports through this, so the documents stay alike.
    func reportWritten(_ path: String, bytes: Int64, result: [String: JSONValue] = [:]) {
        guard options.json else { return }
        var document = result
        document["output"] = .string(absolutePath(path))
        document["bytes"] = .number(String(bytes))
        emit(versioned: document)
    }
}
