import CheckoutDomain
import CheckoutFormats

/// Counts for `store info`.
package struct StoreStatistics: Equatable {
    /// Rows in each table.
    package var accounts = 0, methods = 0, profiles = 0, historyEntries = 0
}

extension Store {
    /// How many rows each table holds.
    package func statistics() throws -> StoreStatistics {
        func count(_ table: String) throws -> Int {
            Int(try database.scalarInteger("SELECT count(*) FROM \(table)") ?? 0)
        }
        return StoreStatistics(
            accounts: try count("account"), methods: try count("payment_method"),
            profiles: try count("profile"), historyEntries: try historyCount())
    }
}
