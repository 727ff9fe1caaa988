import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// Everything a running command may use: its arguments, the global options, the streams, the store.
/// Commands write only through it, which is what lets tests run the CLI in-process.
final class CommandContext {
    /// The command's parsed words.
    let arguments: ParsedArguments
    /// Global options resolved against the environment.
    let options: GlobalOptions
    /// stdout, stderr, stdin.
    let streams: Streams
    /// The process environment.
    let environment: [String: String]
    /// The command line as typed, for the history.
    let commandLine: String
    /// How `pull`, `diff` and `push` reach Dintero in this process.
    let remote: RemoteAccess
    /// The audit findings the command's committed change created (set by the write path, `AccountWriter`); every
    /// write reports them with its changes.
    var findingsCreated: [AuditFinding] = []

    /// A context for one run.
    init(
        arguments: ParsedArguments, options: GlobalOptions, streams: Streams, environment: [String: String],
        commandLine: String, remote: RemoteAccess = .unavailable
    ) {
        self.remote = remote
        self.arguments = arguments
        self.options = options
        self.streams = streams
        self.environment = environment
        self.commandLine = commandLine
    }

    /// Colour for stdout.
    var outputStyle: Style { Style(enabled: options.colorAllowed && streams.output.isTerminal) }

    /// Colour for stderr.
    var errorStyle: Style { Style(enabled: options.colorAllowed && streams.errors.isTerminal) }

    /// Writes requested output to stdout.
    func emit(_ text: String) {
        streams.output.write(text)
    }

    /// Writes one JSON document to stdout.
    func emit(json: JSONValue) {
        streams.output.write(json.prettyText() + "\n")
    }

    /// Writes a `--json` document of the tool's own (not a Dintero export): the fields plus `format_version`.
    func emit(versioned fields: [String: JSONValue]) {
        var document = fields
        document["format_version"] = .string(DocumentFormat.version)
        emit(json: .object(document))
    }

    /// Writes a list: aligned on a terminal, tab-separated otherwise.
    func emit(table: Table) {
        emit(table.render(for: streams.output, style: outputStyle))
    }

    /// Writes a message to stderr unless `--quiet`.
    func inform(_ text: String) {
        guard !options.quiet else { return }
        streams.errors.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Asks before a destructive step: `--yes` passes; otherwise prompts only when stdin and stdout are
    /// terminals and `CI` is unset; anything else is refused with `not_confirmed`.
    func confirm(_ question: String, yes: Bool) throws {
        if yes { return }
        let interactive = streams.input.isTerminal && streams.output.isTerminal && environment["CI"] == nil
        guard interactive else {
            throw Rejection(
                reason: .notConfirmed, message: "\(question): not confirmed", hints: ["pass --yes to confirm"])
        }
        streams.errors.write("\(question)? [y/N] ")
        let answer = streams.input.readLine()?.lowercased() ?? ""
        guard answer == "y" || answer == "yes" else {
            throw Rejection(
                reason: .notConfirmed, message: "\(question): not confirmed", hints: ["pass --yes to confirm"])
        }
    }

    /// The store for reading; an empty stand-in when the file does not exist.
    func readStore(allowingOlder: Bool = false) throws -> Store {
        try opener.openForReading(allowingOlder: allowingOlder)
    }

    /// The store for writing, created when missing, and how it was found.
    func writeStore() throws -> (store: Store, opening: StoreOpening) {
        try opener.openForWriting()
    }

    /// Opens and configures stores at the chosen path.
    var opener: StoreOpener { StoreOpener(path: options.storePath, lockTimeout: options.lockTimeout) }
}
