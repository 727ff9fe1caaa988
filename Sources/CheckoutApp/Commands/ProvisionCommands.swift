import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `dump` and `apply` (in ApplyCommand): declarative provisioning for CI, Terraform style.
enum ProvisionCommands {
    private static let dumped = ArgumentSpec.accounts("accounts to dump (default: all)")

    /// The family's commands.
    static let all: [CommandSpec] = [dump, ApplyCommand.apply]

    static let dump = CommandSpec(
        path: ["dump"], summary: "Write the store (or some accounts) as a state document",
        arguments: [dumped],
        options: [SharedOptions.output],
        examples: [Example(command: "dump --output state.json", explanation: "the whole store, for git")],
        run: { context in
            let accounts = try context.readAccounts(context.arguments.words(dumped))
            try context.emitDocument(
                text: try StateDocument.prettyText(accounts), result: ["accounts": .number(String(accounts.count))])
            return 0
        })
}
