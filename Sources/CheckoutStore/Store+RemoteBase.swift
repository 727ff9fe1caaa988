import CheckoutDomain
import CheckoutFormats

extension Store {
    /// The account as it was on Dintero when last pulled or pushed, or nil when it never was.
    package func remoteBase(_ accountID: String) throws -> MerchantAccount? {
        let documents = try database.query(
            "SELECT document FROM remote_base WHERE account_id = ?", [.text(accountID)]
        ) { $0.text(0) }
        guard let text = documents.first else { return nil }
        // Written by this code from a valid account, so a failure here is a damaged store, not input.
        let entry = try JSONParser.parse(Array(text.utf8))
        return try StateDocument.parse(
            .object(["format_version": .string(DocumentFormat.version), "accounts": .array([entry])])
        ).first
    }

    /// The ids of the accounts that have a base, sorted.
    package func accountIDsWithRemoteBase() throws -> [String] {
        try database.query("SELECT account_id FROM remote_base ORDER BY account_id", []) { $0.text(0) }
    }

    /// Records `account` as the base of its account (the account row must exist); call inside a transaction.
    package func saveRemoteBase(_ account: MerchantAccount, at time: String) throws {
        try database.execute(
            "INSERT INTO remote_base (account_id, document, synced_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (account_id) DO UPDATE SET document = excluded.document, synced_at = excluded.synced_at",
            [.text(account.id), .text(AccountDocument.stateJSON(account).compactText()), .text(time)])
    }
}
