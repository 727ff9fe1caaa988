import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `dump` and `apply`: declarative provisioning for CI, Terraform style.
enum ProvisionCommands {
    private static let dumped = ArgumentSpec.accounts("accounts to dump (default: all)")
    private static let stateFile = ArgumentSpec(
        name: "file", arity: .required, help: "a state document, or - for stdin", completion: .file)
    private static let dryRun = Option.flag("dry-run", "print the plan and write nothing")

    /// The family's commands.
    static let all: [CommandSpec] = [dump, apply]

    static let dump = CommandSpec(
        path: ["dump"], summary: "Write the store (or some accounts) as a state document",
        arguments: [dumped],
        options: [SharedOptions.output],
        examples: [Example(command: "dump --output state.json", explanation: "the whole store, for git")],
        run: { context in
            let accounts = try context.accountStream(context.arguments.words(dumped))
            try context.streamDocument { sink in
                var document = StateDocumentWriter()
                try sink.write(document.head())
                try accounts.visit { try sink.write(try document.account($0)) }
                try sink.write(document.tail())
            }
            return 0
        })

    static let apply = CommandSpec(
        path: ["apply"],
        summary: "Make the store match a state document: plan, validate, then write in one transaction",
        arguments: [stateFile],
        options: [dryRun],
        examples: [
            Example(command: "apply state.json --dry-run", explanation: "show the plan on a pull request"),
            Example(command: "apply state.json", explanation: "apply it on merge"),
        ],
        discussion: """
            Every account in the document gets exactly the document's settings, methods and profiles; accounts not in
            the document are untouched. If the result breaks any error rule of the audit, nothing is written (exit 3).
            """,
        run: { context in
            let file = context.arguments.word(stateFile)
            let targets = try StateDocument.parse(try JSONInput.read(file, context))
            try refuseErrors(in: targets)
            let dryRun = context.arguments[dryRun]
            // A document without accounts changes nothing, so it must not create a missing store either.
            let changes = dryRun || targets.isEmpty ? try plan(targets, context) : try write(targets, context)
            report(changes, applied: !dryRun && !changes.isEmpty, context)
            return 0
        })

    private static func refuseErrors(in accounts: [MerchantAccount]) throws {
        let errors = AuditReport(accounts: accounts).findings.filter { $0.severity == .error }
        guard let first = errors.first else { return }
        throw Rejection(
            reason: errors.contains { $0.rule == .ctpProvider } ? .policyViolation : .invalidValue,
            message: "the document breaks \(AuditText.plural(errors.count, "audit rule")); nothing written",
            hints: ["fix the state document and run apply again; first: \(first.rule.rawValue) (\(first.account))"],
            details: errors.map { "  error \($0.rule.rawValue): \($0.message)" }, findings: errors)
    }

    private static func plan(_ targets: [MerchantAccount], _ context: CommandContext) throws -> [Change] {
        let current = try context.readStore().loadAccounts(targets.map(\.id))
        let byID = Dictionary(uniqueKeysWithValues: current.map { ($0.id, $0) })
        return targets.sorted { $0.id < $1.id }.flatMap { ChangeSet.between(byID[$0.id], $0) }
    }

    private static func write(_ targets: [MerchantAccount], _ context: CommandContext) throws -> [Change] {
        try context.writer.modify(targets.map(\.id)) { accounts in
            for target in targets { accounts[target.id] = .some(target) }
        }
    }

    private static func report(_ changes: [Change], applied: Bool, _ context: CommandContext) {
        if context.options.json {
            context.emit(versioned: [
                "changes": .array(changes.map(ChangeDocument.json)),
                "summary": ChangeDocument.summaryJSON(changes), "applied": .bool(applied),
            ])
            return
        }
        guard !changes.isEmpty else { return context.emit("No changes.\n") }
        let counts = Dictionary(grouping: changes, by: \.action).mapValues(\.count)
        context.emit(
            changes.map { ChangeText.line($0, style: context.outputStyle) + "\n" }.joined()
                + "Plan: \(counts[.add] ?? 0) to add, \(counts[.change] ?? 0) to change, \(counts[.remove] ?? 0) to remove.\n"
        )
        context.inform(applied ? "Applied." : "Dry run: nothing written.")
    }
}
