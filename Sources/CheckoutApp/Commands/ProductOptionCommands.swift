import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `profile set-option` and `profile unset-option`: a product's options on a profile.
enum ProductOptionCommands {
    /// The commands.
    static let all: [CommandSpec] = [setOption, unsetOption]

    private static let assignments = ArgumentSpec(
        name: "key=json", arity: .oneOrMore, help: "an option and its JSON value")
    private static let removedKeys = ArgumentSpec(name: "key", arity: .oneOrMore, help: "an option to remove")
    private static let type = ArgumentSpec(
        name: "type", arity: .required, help: "payment type of the product, e.g. dintero_psp.creditcard",
        completion: .paymentType)

    static let setOption = CommandSpec(
        path: ["profile", "set-option"],
        summary: "Set options of a product on a profile; values are JSON, all validated first",
        arguments: [
            .account, .profile, type,
            assignments,
        ],
        examples: [
            Example(
                command: "profile set-option T12345678 webshop dintero_psp.creditcard generate_payment_token=true",
                explanation: "let card payments create a payment token"),
            Example(
                command: #"profile set-option T12345678 webshop vipps 'dynamic_descriptor="SHOP"'"#,
                explanation: "a string value is JSON too, so it is quoted"),
        ],
        discussion:
            "Keys and JSON types are checked against Dintero's 2026 profile schema. A product the profile does not offer yet is kept as a disabled product with these options; add-method then offers it with them.",
        run: { context in
            let productType = try ProductOptionRules.productType(context.arguments.word(ProductOptionCommands.type))
            let pairs = try KeyValuePairs.parse(context.arguments.words(assignments)) { word in
                try ProductOptionRules.validateKey(word, for: productType)
                return OptionKey(rawValue: word)
            }
            let values = try pairs.map { key, text in
                let value = try parseJSON(text, key: key.rawValue)
                try ProductOptionRules.validateValue(value, key: key.rawValue, for: productType)
                return (key.rawValue, value)
            }
            return try editOptions(context, of: productType, creating: true) { options in
                for (key, value) in values { options[key] = value }
            }
        })

    static let unsetOption = CommandSpec(
        path: ["profile", "unset-option"], summary: "Remove options of a product on a profile",
        arguments: [
            .account, .profile, type, removedKeys,
        ],
        examples: [
            Example(
                command: "profile unset-option T12345678 webshop dintero_psp.creditcard sca_policy",
                explanation: "back to Dintero's default SCA policy")
        ],
        discussion: "A required option (e.g. generate_payment_token) goes back to its default, false.",
        run: { context in
            let productType = try ProductOptionRules.productType(context.arguments.word(ProductOptionCommands.type))
            let keys = context.arguments.words(removedKeys)
            for key in keys { try ProductOptionRules.validateKey(key, for: productType) }
            return try editOptions(context, of: productType, creating: false) { options in
                for key in keys { options[key] = nil }
            }
        })

    private static func parseJSON(_ text: String, key: String) throws -> JSONValue {
        do { return try JSONParser.parse(Array(text.utf8)) } catch {
            throw Rejection.invalid(
                "invalid JSON for option '\(key)': \(error.description)",
                hints: [#"values are JSON: true, 12, "text" (quoted for the shell), {"key":"value"}"#])
        }
    }

    // The product's options, offered or disabled; a product the profile lacks is created disabled when
    // `creating`, and left absent otherwise (unsetting on a missing product changes nothing).
    private static func editOptions(
        _ context: CommandContext, of type: String, creating: Bool,
        _ edit: @escaping (inout [String: JSONValue]) -> Void
    ) throws -> Int32 {
        let id = try context.accountArgument()
        let profileID = context.arguments.word(.profile)
        let changes = try context.writer.modifyExisting(id.rawValue) { account in
            var profile = try account.existingProfile(profileID)
            if var options = profile.methods[type] {
                edit(&options)
                profile.methods[type] = ProductSchema.minimized(type, options)
            } else if creating || profile.disabledProducts[type] != nil {
                var options = profile.disabledProducts[type] ?? [:]
                edit(&options)
                profile.disabledProducts[type] = ProductSchema.minimized(type, options)
            }
            account.profiles[profileID] = profile
        }
        ChangeText.report(changes, in: context, noChange: "no changes")
        return 0
    }
}

/// An option name, as `KeyValuePairs` wants keys.
private struct OptionKey: Hashable, RawRepresentable {
    let rawValue: String
}
