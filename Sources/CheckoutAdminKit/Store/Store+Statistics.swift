/// Counts for `store info`.
struct StoreStatistics: Equatable {
    /// Rows in each table.
    var accounts = 0, methods = 0, profiles = 0, historyEntries = 0
}

extension Store {
    /// How many rows each table holds.
    func statistics() throws -> StoreStatistics {
        func count(_ table: String) throws -> Int { Int(try database.scalarInteger("SELECT count(*) FROM \(table)") ?? 0) }
        return StoreStatistics(accounts: try count("account"), methods: try count("payment_method"),
                               profiles: try count("profile"), historyEntries: try count("history"))
    }
}
