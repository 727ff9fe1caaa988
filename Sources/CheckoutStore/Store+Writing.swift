import CheckoutDomain
import CheckoutFormats

/// One row of the append-only history, ready to store.
package struct HistoryEntry: Equatable, Sendable {
    /// When, RFC 3339 UTC.
    package let at: String
    /// Who.
    package let actor: String
    /// The command line that made the change.
    package let command: String
    /// The account concerned.
    package let account: String
    /// add, change or remove.
    package let action: String
    /// account, settings, method or profile.
    package let kind: String
    /// The setting key, payment type, profile id or account id.
    package let objectID: String
    /// JSON text of the state before, nil when added.
    package let before: String?
    /// JSON text of the state after, nil when removed.
    package let after: String?

    /// A value from its parts.
    package init(
        at: String, actor: String, command: String, account: String, action: String, kind: String, objectID: String,
        before: String? = nil, after: String? = nil
    ) {
        self.at = at
        self.actor = actor
        self.command = command
        self.account = account
        self.action = action
        self.kind = kind
        self.objectID = objectID
        self.before = before
        self.after = after
    }

    /// `change` as made by a write at `at` by `actor` running `command`.
    package init(_ change: HistoryChange, at: String, actor: String, command: String) {
        self.init(
            at: at, actor: actor, command: command, account: change.account, action: change.action,
            kind: change.kind, objectID: change.objectID, before: change.before, after: change.after)
    }
}

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
