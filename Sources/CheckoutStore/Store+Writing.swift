import CheckoutDomain
import CheckoutFormats

extension Store {
    /// Writes `changes` to the tables. Must run inside a write transaction.
    package func persist(_ changes: [Change], createdAt: String) throws {
        for change in changes {
            switch (change.kind, change.after) {
            case (.account, .some):
                try database.execute(
                    "INSERT INTO account (id, created_at) VALUES (?, ?)", [.text(change.id), .text(createdAt)])
            case (.account, nil):
                try database.execute("DELETE FROM account WHERE id = ?", [.text(change.id)])
            case (.settings, .setting(let key, let value)?):
                try database.execute(
                    """
                    INSERT INTO setting (account_id, key, value) VALUES (?, ?, ?)
                    ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value
                    """, [.text(change.account), .text(key), .text(value)])
            case (.method, .method(let type, let currencies, let details)?):
                try database.execute(
                    """
                    INSERT INTO payment_method (account_id, type, currencies, details) VALUES (?, ?, ?, ?)
                    ON CONFLICT (account_id, type) DO UPDATE SET currencies = excluded.currencies,
                                                                 details = excluded.details
                    """,
                    [
                        .text(change.account), .text(type), .text(CurrencyList.encode(currencies)),
                        SQLiteValue(details.map(StoredJSON.text)),
                    ])
            case (.profile, .profile(let profile)?):
                try deleteProfile(account: change.account, id: change.id)
                try insertProfile(profile, account: change.account)
            case (.settings, nil):
                try database.execute(
                    "DELETE FROM setting WHERE account_id = ? AND key = ?", [.text(change.account), .text(change.id)])
            case (.method, nil):
                try database.execute(
                    "DELETE FROM payment_method WHERE account_id = ? AND type = ?",
                    [.text(change.account), .text(change.id)])
            case (.profile, nil):
                try deleteProfile(account: change.account, id: change.id)
            default:
                preconditionFailure("change of kind \(change.kind) carries a value of another kind")
            }
        }
    }

    private func deleteProfile(account: String, id: String) throws {
        try database.execute(
            "DELETE FROM profile WHERE account_id = ? AND profile_id = ?", [.text(account), .text(id)])
    }

    private func insertProfile(_ profile: PaymentProfile, account: String) throws {
        try database.execute(
            """
            INSERT INTO profile (account_id, profile_id, description, channel, auto_capture, all_active,
                                 default_payment_type, merchant_terms_url, extra_configuration, extra_fields)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(account), .text(profile.id), SQLiteValue(profile.description), .text(profile.channel),
                SQLiteValue(profile.autoCapture), SQLiteValue(profile.allActive),
                SQLiteValue(profile.defaultPaymentType),
                SQLiteValue(profile.merchantTermsURL), .text(StoredJSON.text(profile.extraConfiguration)),
                .text(StoredJSON.text(profile.extraFields)),
            ])
        let statement = try database.cachedStatement(
            "INSERT INTO profile_method (account_id, profile_id, type, options, enabled) VALUES (?, ?, ?, ?, ?)")
        for type in profile.sortedMethodTypes {
            try statement.execute([
                .text(account), .text(profile.id), .text(type), .text(StoredJSON.text(profile.methods[type] ?? [:])),
                .integer(1),
            ])
        }
        for (type, options) in profile.disabledProducts.sorted(by: { $0.key < $1.key })
        where profile.methods[type] == nil {
            try statement.execute([
                .text(account), .text(profile.id), .text(type), .text(StoredJSON.text(options)), .integer(0),
            ])
        }
    }
}
