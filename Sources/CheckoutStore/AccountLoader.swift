import CheckoutDomain
import CheckoutFormats

/// Reads whole accounts with one ordered pass over each table: a merge join on the account id, so an
/// account is built in one place and no row is looked up by hashing (SQLite returns each table in
/// primary-key order, which starts with the account id).
package struct AccountLoader {
    /// The connection.
    package let database: Database

    private static let queries = [
        "SELECT id FROM account",
        "SELECT account_id, key, value FROM setting",
        "SELECT account_id, type, currencies, details FROM payment_method",
        """
        SELECT account_id, profile_id, description, channel, auto_capture, all_active, default_payment_type,
               merchant_terms_url, extra_configuration, extra_fields FROM profile
        """,
        "SELECT account_id, profile_id, type, options, enabled FROM profile_method",
    ]

    /// How many accounts one lookup reads: the named accounts of `forEach` when they are this few, each table
    /// searched once for all of them.
    package static let batchSize = 32

    // Each table in account order: the whole store, or the accounts an IN list names (its placeholders padded with
    // a repeated id, so one statement serves every batch of up to `batchSize`).
    private static let scans = queries.enumerated().map { index, sql in "\(sql) ORDER BY \(key(index))" }
    private static let lookups = queries.enumerated().map { index, sql in
        let placeholders = repeatElement("?", count: batchSize).joined(separator: ", ")
        return "\(sql) WHERE \(key(index)) IN (\(placeholders)) ORDER BY \(key(index))"
    }

    private static func key(_ index: Int) -> String { index == 0 ? "id" : "account_id" }

    /// The named accounts (nil: all), sorted by id; names that do not exist are skipped. Holds them all: for the
    /// few-account commands; commands over the whole store use `forEach`.
    package func load(_ ids: [String]?) throws -> [MerchantAccount] {
        var accounts: [MerchantAccount] = []
        try forEach(ids) { accounts.append($0) }
        return accounts
    }

    /// Hands `body` the named accounts (nil: all) one at a time, sorted by id, holding only the one being built
    /// and the five cursors, so memory does not grow with the store. Names that do not exist are skipped. The
    /// cursors are the connection's cached statements: `body` must not load accounts from the same store.
    package func forEach(_ ids: [String]?, _ body: (MerchantAccount) throws -> Void) throws {
        guard let ids, ids.count <= AccountLoader.batchSize else {
            let wanted = ids.map(Set.init)
            return try merge(cursors(AccountLoader.scans, binding: [])) { account in
                if wanted?.contains(account.id) ?? true { try body(account) }
            }
        }
        guard let first = ids.first else { return }
        let padded = ids + repeatElement(first, count: AccountLoader.batchSize - ids.count)
        try merge(cursors(AccountLoader.lookups, binding: padded.map { .text($0) }), body)
    }

    private func cursors(_ queries: [String], binding values: [SQLiteValue]) throws -> [Cursor] {
        try queries.map { sql in
            let statement = try database.cachedStatement(sql)
            if !values.isEmpty { try statement.bind(values) }
            return try Cursor(statement)
        }
    }

    private func merge(_ cursors: [Cursor], _ body: (MerchantAccount) throws -> Void) throws {
        defer { for cursor in cursors { cursor.statement.reset() } }
        while cursors[0].hasRow {
            var account = MerchantAccount(id: cursors[0].statement.row.text(0))
            try cursors[0].next()
            try cursors[1].drain(account.id) { account.settings[$0.text(1)] = $0.text(2) }
            try cursors[2].drain(account.id) { row in
                account.methods[row.text(1)] = CurrencyList.decode(row.text(2))
                if let details = row.optionalText(3) { account.methodDetails[row.text(1)] = StoredJSON.object(details) }
            }
            try cursors[3].drain(account.id) { row in
                let profile = AccountLoader.profile(from: row)
                account.profiles[profile.id] = profile
            }
            try cursors[4].drain(account.id) { row in
                // Minimized like an import, so a store written by other means compares equal to its own dump.
                let options = ProductSchema.minimized(row.text(2), StoredJSON.object(row.text(3)))
                if row.bool(4) {
                    account.profiles[row.text(1)]?.methods[row.text(2)] = options
                } else {
                    account.profiles[row.text(1)]?.disabledProducts[row.text(2)] = options
                }
            }
            try body(account)
        }
    }

    private static func profile(from row: Row) -> PaymentProfile {
        var profile = PaymentProfile(id: row.text(1))
        profile.description = row.optionalText(2)
        profile.channel = row.text(3)
        profile.autoCapture = row.bool(4)
        profile.allActive = row.bool(5)
        profile.defaultPaymentType = row.optionalText(6)
        profile.merchantTermsURL = row.optionalText(7)
        profile.extraConfiguration = StoredJSON.object(row.text(8))
        profile.extraFields = StoredJSON.object(row.text(9))
        return profile
    }
}

/// A statement stepped row by row, whose first column is the account id.
private final class Cursor {
    package let statement: Statement
    private(set) var hasRow: Bool

    package init(_ statement: Statement) throws {
        self.statement = statement
        hasRow = try statement.step()
    }

    package func next() throws {
        hasRow = try statement.step()
    }

    /// Hands `body` every row of account `id`, skipping rows of accounts that sort before it (orphans).
    package func drain(_ id: String, _ body: (Row) -> Void) throws {
        while hasRow {
            let key = statement.row.text(0)
            if key != id && !utf8Precedes(key, id) { return }
            if key == id { body(statement.row) }
            try next()
        }
    }
}

/// SQLite's BINARY collation order: UTF-8 bytes compared with memcmp.
package func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
    JSONValue.TextWriter.precedes(lhs, rhs)
}
