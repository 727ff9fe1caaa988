@testable import CheckoutApp
@testable import CheckoutDomain

extension Rejection {
    /// The refusal as the user reads it: location, explanation and fixes folded into message and hints.
    var flattened: Rejection {
        Rejection(
            reason: reason, message: text, hints: hints + fixes.map(\.commandLine), details: details,
            findings: findings)
    }
}
