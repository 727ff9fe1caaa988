/// Why a well-formed request was refused; each reason has its own exit code (SPEC §2).
enum RejectionReason: String, Sendable {
    case invalidValue = "invalid_value"
    case policyViolation = "policy_violation"
    case notFound = "not_found"
    case alreadyExists = "already_exists"
    case inUse = "in_use"
    case notConfirmed = "not_confirmed"
}

/// A request that was understood but refused: exit 3.
struct Rejection: Error, Equatable {
    /// The kind of refusal, reported as the JSON error code.
    let reason: RejectionReason
    /// The one-line message, git style: lower case, subject in single quotes, no full stop.
    let message: String
    /// What to do next, one line each.
    var hints: [String] = []
    /// Extra lines printed after the error (e.g. audit findings that caused the refusal).
    var details: [String] = []
    /// The audit findings that caused the refusal, if any (also in the `--json` error object).
    var findings: [AuditFinding] = []

    /// A value that failed validation.
    static func invalid(_ message: String, hints: [String] = []) -> Rejection {
        Rejection(reason: .invalidValue, message: message, hints: hints)
    }

    /// A thing that was named but does not exist.
    static func notFound(_ message: String, hints: [String] = []) -> Rejection {
        Rejection(reason: .notFound, message: message, hints: hints)
    }
}
