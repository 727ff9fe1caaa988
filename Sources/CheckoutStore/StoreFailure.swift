import CheckoutDomain
import CheckoutFormats

/// The store cannot be used now or at all: exit 4 (busy) or 5 (unusable).
package enum StoreFailure: Error, Equatable {
    /// Another writer held the lock past the timeout.
    case busy(path: String, timeout: Double)
    /// The file cannot serve as a store; the message names the file and the cause.
    case unusable(message: String, hints: [String])
    /// The store is at an older schema version, which read commands do not upgrade; writing (or `init`) does.
    case outdated(path: String, version: Int)
    /// Another process created the missing store while this one built its own from an input it cannot read again
    /// (stdin): nothing written, safe to retry.
    case createdMeanwhile(path: String)
}
