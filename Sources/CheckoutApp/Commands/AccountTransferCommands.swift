import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `account export` and `account import`: Dintero's `/v1/admin/checkout` configuration, out and in.
enum AccountTransferCommands {
    /// The commands.
    static let all: [CommandSpec] = [export, importConfiguration]

    static let export = CommandSpec(
        path: ["account", "export"], summary: "Export the /v1/admin/checkout request body for an account",
        arguments: [.account], options: [SharedOptions.output],
        examples: [
            Example(
                command: "account export T12345678 --output checkout.json", explanation: "the body to PUT to Dintero")
        ],
        discussion:
            "Payment options carry their details exactly as imported: the PUT replaces the whole configuration, so a body without them would delete them. An account Dintero's schema would reject (no name or logo_url) is refused, naming each field and the command that fixes it.",
        run: { context in
            let account = try context.readAccount(try context.accountArgument())
            try ExportGate.checkAccount(account)
            try context.emitDocument(
                AccountDocument.checkoutConfigurationJSON(account), result: ["account": .string(account.id)])
            return 0
        })

    static let importConfiguration = CommandSpec(
        path: ["account", "import"],
        summary: "Import an account's checkout configuration from Dintero's JSON (GET /v1/admin/checkout)",
        arguments: [.account, .inputFile],
        examples: [
            Example(
                command: "account import T12345678 checkout.json",
                explanation: "merchant settings and payment methods (with details) as Dintero has them")
        ],
        discussion:
            "Accepts the GET /v1/admin/checkout response or the PUT body. The merchant becomes the account's settings and the payment options its methods, with currencies and details kept verbatim; read-only fields (payout, created_by, updated_at) are dropped. The account is created when it does not exist. Settings Dintero does not know (checkout_express, session_customer_email) and profiles are kept. All or nothing: a document that breaks a rule changes nothing.",
        run: { context in
            let id = try context.accountArgument()
            let file = context.arguments.word(.inputFile)
            let configuration = try CheckoutConfiguration.read(try JSONInput.read(file, context))
            let changes = try context.writer.modify(id.rawValue) { account in
                account = (account ?? MerchantAccount(id: id.rawValue)).applying(configuration)
            }
            ChangeText.report(
                changes, in: context, noChange: "no changes: account '\(id)' is already as in '\(file)'")
            return 0
        })
}
