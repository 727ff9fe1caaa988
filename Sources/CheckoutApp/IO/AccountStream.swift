import CheckoutDomain
import CheckoutFormats
import CheckoutStore

extension CommandContext {
    /// The accounts a command goes over one at a time: the named ones (loaded now, so a name that does not exist
    /// is refused before anything is written) or, when none is named, every account of the store, read only as
    /// they are handed over, so memory does not grow with the store.
    func accountStream(_ names: [String]) throws -> AccountStream {
        AccountStream(
            source: names.isEmpty ? .store(try readStore()) : .named(try readAccounts(names)), output: streams.output)
    }
}

/// Accounts handed over one at a time, in id order, until stdout is found to have failed.
struct AccountStream {
    /// Where the accounts come from.
    enum Source {
        /// Accounts already loaded.
        case named([MerchantAccount])
        /// Every account of a store.
        case store(Store)
    }

    /// Where they come from.
    let source: Source
    /// The stdout the command writes to: once a write to it failed, the rest would be lost (exit 5 all the same).
    let output: TextOutput

    /// Hands `body` each account in turn.
    func visit(_ body: (MerchantAccount) throws -> Void) throws {
        func each(_ account: MerchantAccount) throws {
            try body(account)
            if let reason = output.knownFailure { throw OutputFailure(stdoutReason: reason) }
        }
        switch source {
        case .named(let accounts): for account in accounts { try each(account) }
        case .store(let store): try store.forEachAccount(nil, each)
        }
    }
}
