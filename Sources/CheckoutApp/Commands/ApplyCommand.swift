import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `apply`: declarative provisioning for CI, Terraform style, read account by account.
enum ApplyCommand {
    private static let stateFile = ArgumentSpec(
        name: "file", arity: .required, help: "a state document, or - for stdin", completion: .file)
    private static let dryRun = Option.flag("dry-run", "print the plan and write nothing")
    private static let format = Option.value(
        "format", "FORMAT",
        "text (default), json, github (plan, then findings as workflow commands) or junit (findings as an XML test "
            + "report; the plan goes to stderr)",
        completion: .words(["github", "json", "junit", "text"]))

    static let apply = CommandSpec(
        path: ["apply"],
        summary: "Make the store match a state document: plan, validate, then write in one transaction",
        arguments: [stateFile],
        options: [dryRun, format],
        examples: [
            Example(command: "apply state.json --dry-run", explanation: "show the plan on a pull request"),
            Example(
                command: "apply state.json --dry-run --format github",
                explanation: "the plan, and the findings as annotations"),
            Example(command: "apply state.json", explanation: "apply it on merge"),
        ],
        discussion: """
            Every account in the document gets exactly the document's settings, methods and profiles; accounts not in
            the document are untouched. The document is read one account at a time, so its size is not limited by
            memory; the plan lists the accounts in the document's order. If the result breaks any error rule of the
            audit, the plan and the findings are printed and nothing is written (exit 3).
            """,
        run: { context in
            let reportFormat = try ReportFormat(context.arguments[format], json: context.options.json)
            let input = StateInput(
                file: context.arguments.word(stateFile), standardInput: context.streams.input,
                storePath: context.options.storePath)
            let apply = try StreamedApply(context: context, format: reportFormat)
            let dryRun = context.arguments[dryRun]
            do {
                try input.translatingFailures {
                    if dryRun { try plan(apply, input, context) } else { try write(apply, input, context) }
                }
            } catch is StreamedApply.BreaksRules {
                try ApplyReport.refuse(apply, format: reportFormat, context)
            }
            try ApplyReport.print(apply, format: reportFormat, applied: !dryRun && !apply.isEmpty, context)
            return 0
        })

    private static func plan(_ apply: StreamedApply, _ input: StateInput, _ context: CommandContext) throws {
        let store = try context.readStore()
        try store.database.transaction(.deferred) {
            try apply.run(try input.open(), on: store, recording: nil)
        }
        if !apply.errors.isEmpty { throw StreamedApply.BreaksRules() }
    }

    // A document without changes writes nothing, so it does not create a missing store either.
    private static func write(_ apply: StreamedApply, _ input: StateInput, _ context: CommandContext) throws {
        try context.writer.stream(
            { store in
                let history = try HistoryRecorder(
                    store: store, at: Timestamp.now().rfc3339, actor: context.options.actor,
                    command: context.commandLine)
                try apply.run(try input.open(), on: store, recording: history)
                if !apply.errors.isEmpty { throw StreamedApply.BreaksRules() }
            }, wroteSomething: { !apply.isEmpty })
    }
}

extension StreamedApply {
    /// Thrown inside the transaction when the document breaks an error rule, so that nothing is written.
    struct BreaksRules: Error {}
}

/// The state document `apply` reads: a file, read a piece at a time, or stdin.
final class StateInput {
    let file: String
    private let standardInput: TextInput
    private let storePath: String
    private var readStandardInput = false

    /// `file` (`-`: `standardInput`), applied to the store at `storePath`.
    init(file: String, standardInput: TextInput, storePath: String) {
        self.file = file
        self.standardInput = standardInput
        self.storePath = storePath
    }

    /// The name messages give it.
    var name: String { file == "-" ? "<stdin>" : file }

    /// The document from its start. Stdin can be read once: a second reading (another process created the missing
    /// store while this one read it, so the apply must run again on that store) is refused as busy, safe to retry.
    func open() throws -> StateDocumentStream {
        guard file == "-" else {
            let chunks = try ChunkedFile(path: file)
            return StateDocumentStream { try chunks.next() }
        }
        let input = standardInput
        guard !readStandardInput else { throw StoreFailure.createdMeanwhile(path: storePath) }
        readStandardInput = true
        return StateDocumentStream { try input.readChunk() }
    }

    /// Runs `body`, turning unreadable input and invalid JSON into refusals naming the input.
    func translatingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as FileError {
            throw Rejection.invalid("cannot read '\(error.path)': \(error.reason)")
        } catch let error as JSONParseError {
            throw Rejection.invalid("invalid JSON in '\(name)': \(error.description)")
        }
    }
}
