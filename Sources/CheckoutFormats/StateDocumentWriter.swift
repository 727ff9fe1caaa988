import CheckoutDomain

/// Writes a state document piece by piece as accounts arrive in id order (a `dump` of any size): the text is
/// byte for byte `StateDocument.json(accounts).prettyText() + "\n"`. Each account passes the last Click to Pay
/// gate before its text is handed out.
package struct StateDocumentWriter {
    private var stream = StreamedJSONObject(arrayKey: "accounts")
    private let fields: [String: JSONValue] = ["format_version": .string(DocumentFormat.version)]

    /// A writer before the first account.
    package init() {}

    /// The text before the first account.
    package mutating func head() -> String {
        stream.head(fields)
    }

    /// One account's entry; refused (exit 3, `policy_violation`) when it would offer a foreign Click to Pay.
    package mutating func account(_ account: MerchantAccount) throws -> String {
        let document = AccountDocument.stateJSON(account)
        try ClickToPayGate.check(document)
        return stream.element(document)
    }

    /// The text after the last account, with the trailing newline.
    package mutating func tail() -> String {
        stream.tail(fields)
    }
}
