/// The repository: maps accounts, settings, methods, profiles and history to the store's tables.
/// It never formats output; JSON columns hold pass-through fields only.
final class Store {
    /// The connection.
    let database: Database
    /// The store file (shown in messages even when the store is an empty stand-in).
    let path: String
    /// False when a read command found no file and runs against an empty in-memory store.
    let exists: Bool

    /// Wraps an open, migrated database.
    init(database: Database, path: String, exists: Bool) {
        self.database = database
        self.path = path
        self.exists = exists
    }

    /// The schema version.
    func schemaVersion() throws -> Int {
        Int(try database.scalarInteger("PRAGMA user_version") ?? 0)
    }

    /// Sorted ids of every account.
    func accountIDs() throws -> [String] {
        try database.query("SELECT id FROM account ORDER BY id") { $0.text(0) }
    }

    /// Whether the account exists.
    func hasAccount(_ id: String) throws -> Bool {
        try database.scalarInteger("SELECT count(*) FROM account WHERE id = ?", [.text(id)]) == 1
    }

    /// One account with everything it has, or nil.
    func loadAccount(_ id: String) throws -> MerchantAccount? {
        try loadAccounts([id]).first
    }

    /// The named accounts (nil: all), sorted by id; names that do not exist are skipped.
    func loadAccounts(_ ids: [String]? = nil) throws -> [MerchantAccount] {
        // Past a few accounts one pass over each table beats a query per account.
        let scope = AccountScope(ids: (ids?.count ?? 0) > 32 ? nil : ids)
        let filter = ids.map { Set($0) }
        var accounts: [String: MerchantAccount] = [:]
        try scope.forEachRow(in: database, "SELECT id FROM account", keyColumn: "id") { row in
            let id = row.text(0)
            if filter?.contains(id) ?? true { accounts[id] = MerchantAccount(id: id) }
        }
        guard !accounts.isEmpty else { return [] }
        try scope.forEachRow(in: database, "SELECT account_id, key, value FROM setting") { row in
            accounts[row.text(0)]?.settings[row.text(1)] = row.text(2)
        }
        try scope.forEachRow(in: database, "SELECT account_id, type, currencies FROM payment_method") { row in
            accounts[row.text(0)]?.methods[row.text(1)] = CurrencyList.decode(row.text(2))
        }
        try loadProfiles(into: &accounts, scope: scope)
        return accounts.values.sorted { $0.id < $1.id }
    }

    private func loadProfiles(into accounts: inout [String: MerchantAccount], scope: AccountScope) throws {
        let columns = "account_id, profile_id, description, channel, auto_capture, all_active, default_payment_type, merchant_terms_url, extra_configuration, extra_fields"
        try scope.forEachRow(in: database, "SELECT \(columns) FROM profile") { row in
            var profile = PaymentProfile(id: row.text(1))
            profile.description = row.optionalText(2)
            profile.channel = row.text(3)
            profile.autoCapture = row.bool(4)
            profile.allActive = row.bool(5)
            profile.defaultPaymentType = row.optionalText(6)
            profile.merchantTermsURL = row.optionalText(7)
            profile.extraConfiguration = StoredJSON.object(row.text(8))
            profile.extraFields = StoredJSON.object(row.text(9))
            accounts[row.text(0)]?.profiles[profile.id] = profile
        }
        try scope.forEachRow(in: database, "SELECT account_id, profile_id, type, options FROM profile_method") { row in
            accounts[row.text(0)]?.profiles[row.text(1)]?.methods[row.text(2)] = StoredJSON.object(row.text(3))
        }
    }
}

/// Restricts a bulk query to some accounts, or none.
private struct AccountScope {
    let ids: [String]?

    func forEachRow(in database: Database, _ sql: String, keyColumn: String = "account_id", _ body: (Row) throws -> Void) throws {
        guard let ids else {
            _ = try database.query(sql, [], body)
            return
        }
        for id in ids {
            _ = try database.query(sql + " WHERE \(keyColumn) = ?", [.text(id)], body)
        }
    }
}

/// Currencies are stored as one comma-separated column: `NOK,SEK`.
enum CurrencyList {
    /// Splits the stored text; an empty column is an empty list.
    static func decode(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// Joins sorted currencies.
    static func encode(_ currencies: [String]) -> String {
        currencies.joined(separator: ",")
    }
}

/// JSON columns hold objects of pass-through fields.
enum StoredJSON {
    /// The object in a column; a column that is not an object (a raw edit) reads as empty.
    static func object(_ text: String) -> [String: JSONValue] {
        if text == "{}" { return [:] }
        return (try? JSONParser.parse(Array(text.utf8)))?.objectValue ?? [:]
    }

    /// The compact text of an object.
    static func text(_ object: [String: JSONValue]) -> String {
        object.isEmpty ? "{}" : JSONValue.object(object).compactText()
    }
}
