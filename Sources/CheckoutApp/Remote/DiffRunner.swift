import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `diff <account>…`: the store against Dintero's live configuration, in `apply`'s plan format.
struct DiffRunner {
    /// The running command.
    let context: CommandContext
    /// How to reach Dintero.
    let connector: any RemoteConnector

    /// Prints the plan; exit 1 with `--exit-code` when anything differs.
    func run() throws -> Int32 {
        let ids = try context.remoteAccountIDs(context.arguments.words(RemoteCommands.accounts))
        let locals = try ids.map { id in try context.readAccount(try AccountID(parsing: id)) }
        let changes = try RemoteJobs.map(ids, jobs: try context.remoteJobs) { id in
            let connection = try connector.connect(account: id, settings: context.remoteSettings)
            let remote = try RemoteSnapshot.fetch(id, from: connection).account
            let local = locals.first { $0.id == id }.map(RemoteView.of)
            return ChangeSet.between(remote, local)
        }.flatMap { $0 }
        PlanText.report(changes, applied: false, context)
        return context.arguments[RemoteCommands.exitCode] && !changes.isEmpty ? 1 : 0
    }
}

/// A plan as `apply` prints it: `+ ~ -` lines and the summary, or its JSON document.
enum PlanText {
    /// Writes the plan to stdout (text or `--json`).
    static func report(_ changes: [Change], applied: Bool, _ context: CommandContext, extra: [String: JSONValue] = [:])
    {
        if context.options.json {
            var fields = extra
            fields["changes"] = .array(changes.map(ChangeDocument.json))
            fields["summary"] = ChangeDocument.summaryJSON(changes)
            fields["applied"] = .bool(applied)
            return context.emit(versioned: fields)
        }
        context.emit(text(changes, style: context.outputStyle))
    }

    /// The text form: `No changes.`, or one line per change and the `Plan:` line.
    static func text(_ changes: [Change], style: Style) -> String {
        guard !changes.isEmpty else { return "No changes.\n" }
        let counts = Dictionary(grouping: changes, by: \.action).mapValues(\.count)
        return changes.map { ChangeText.line($0, style: style) + "\n" }.joined()
            + "Plan: \(counts[.add] ?? 0) to add, \(counts[.change] ?? 0) to change, \(counts[.remove] ?? 0) to remove.\n"
    }
}
