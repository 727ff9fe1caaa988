import CheckoutDomain
import CheckoutFormats

/// The repository: maps accounts, settings, methods, profiles and history to the store's tables.
/// It never formats output; JSON columns hold pass-through fields only.
package final class Store {
    /// The connection.
    package let database: Database
    /// The store file (shown in messages even when the store is an empty stand-in).
    package let path: String
    /// False when a read command found no file and runs against an empty in-memory store.
    package let exists: Bool

    /// Wraps an open, migrated database.
    package init(database: Database, path: String, exists: Bool) {
        self.database = database
        self.path = path
        self.exists = exists
    }

    /// Lets SQLite keep up to `mebibytes` of pages in memory (default 2 MiB) for a bulk command that reads and
    /// writes across the whole store in one transaction: without it, one large transaction spills its pages into
    /// the write-ahead log again and again and each read searches an ever longer log.
    package func reserveCache(mebibytes: Int) throws {
        try database.execute("PRAGMA cache_size = -\(mebibytes * 1024)")
    }

    /// The schema version.
    package func schemaVersion() throws -> Int {
        Int(try database.scalarInteger("PRAGMA user_version") ?? 0)
    }

    /// Sorted ids of every account.
    package func accountIDs() throws -> [String] {
        try database.query("SELECT id FROM account ORDER BY id") { $0.text(0) }
    }

    /// One account with everything it has, or nil.
    package func loadAccount(_ id: String) throws -> MerchantAccount? {
        try loadAccounts([id]).first
    }

    /// The named accounts (nil: all), sorted by id; names that do not exist are skipped.
    package func loadAccounts(_ ids: [String]? = nil) throws -> [MerchantAccount] {
        try AccountLoader(database: database).load(ids)
    }

    /// Hands `body` the named accounts (nil: all) one at a time, sorted by id: memory stays flat however many
    /// accounts the store holds. Names that do not exist are skipped.
    package func forEachAccount(_ ids: [String]? = nil, _ body: (MerchantAccount) throws -> Void) throws {
        try AccountLoader(database: database).forEach(ids, body)
    }
}

/// Currencies are stored as one comma-separated column: `NOK,SEK`.
package enum CurrencyList {
    /// Splits the stored text; an empty column is an empty list.
    package static func decode(_ text: String) -> [String] {
        text.isEmpty
            ? []
            : text.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                String(Substring($0))
            }
    }

    /// Joins sorted currencies.
    package static func encode(_ currencies: [String]) -> String {
        currencies.joined(separator: ",")
    }
}

/// JSON columns hold objects of pass-through fields.
package enum StoredJSON {
    /// The object in a column; a column that is not an object (a raw edit) reads as empty.
    package static func object(_ text: String) -> [String: JSONValue] {
        if text == "{}" { return [:] }
        return (try? JSONParser.parse(Array(text.utf8)))?.objectValue ?? [:]
    }

    /// The compact text of an object.
    package static func text(_ object: [String: JSONValue]) -> String {
        object.isEmpty ? "{}" : JSONValue.object(object).compactText()
    }
}
