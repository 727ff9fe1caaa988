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
            let accounts = try context.accountStream(context.arguments.words(dumped))
            var written = 0
            try context.streamDocument(result: { ["accounts": .number(String(written))] }) { sink in
                var document = StateDocumentWriter()
                try sink.write(document.head())
                try accounts.visit { account in
                    try sink.write(try document.account(account))
                    written += 1
                }
                try sink.write(document.tail())
            }
            return 0
        })
}
