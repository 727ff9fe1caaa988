import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The command line itself is wrong: exit 2.
struct UsageError: Error, Equatable {
    /// The one-line message.
    let message: String
    /// What to do next.
    var hints: [String] = []
}
