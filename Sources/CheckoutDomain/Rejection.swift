/// Why a well-formed request was refused; each reason has its own exit code (SPEC §2).
package enum RejectionReason: String, Sendable {
    case invalidValue = "invalid_value"
    case policyViolation = "policy_violation"
    case notFound = "not_found"
    case alreadyExists = "already_exists"
    case inUse = "in_use"
    case notConfirmed = "not_confirmed"
}

/// A request that was understood but refused: exit 3.
package struct Rejection: Error, Equatable {
    /// The kind of refusal, reported as the JSON error code.
    package let reason: RejectionReason
    /// The one-line message, git style: lower case, subject in single quotes, no full stop.
    package let message: String
    /// What to do next, one line each.
    package var hints: [String] = []
    /// Extra lines printed after the error (e.g. audit findings that caused the refusal).
    package var details: [String] = []
    /// The audit findings that caused the refusal, if any (also in the `--json` error object).
    package var findings: [AuditFinding] = []

    /// A refusal from its parts.
    package init(
        reason: RejectionReason, message: String, hints: [String] = [], details: [String] = [],
        findings: [AuditFinding] = []
    ) {
        self.reason = reason
        self.message = message
        self.hints = hints
        self.details = details
        self.findings = findings
    }

    /// A value that failed validation.
    package static func invalid(_ message: String, hints: [String] = []) -> Rejection {
        Rejection(reason: .invalidValue, message: message, hints: hints)
    }

    /// A thing that was named but does not exist.
    package static func notFound(_ message: String, hints: [String] = []) -> Rejection {
        Rejection(reason: .notFound, message: message, hints: hints)
    }
}
