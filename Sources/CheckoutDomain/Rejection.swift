/// Why a well-formed request was refused; each reason has its own exit code .
package enum RejectionReason: String, Sendable {
    case invalidValue = "invalid_value"
    case policyViolation = "policy_violation"
    case notFound = "not_found"
    case alreadyExists = "already_exists"
    case inUse = "in_use"
    case notConfirmed = "not_confirmed"
    /// Both the store and Dintero changed the same account since the last pull, or Dintero changed since it.
    case conflict
}

/// A request that was understood but refused: exit 3.
package struct Rejection: Error, Equatable {
    /// The kind of refusal, reported as the JSON error code.
    package let reason: RejectionReason
    /// The one-line message, git style: lower case, subject in single quotes, no full stop.
    package var message: String
    /// Where in an input document the refused value stands, as a JSON path (`$.accounts[0].settings.name`).
    package var location: String?
    /// Why, said after the subject and location: `<message> at '<location>': <explanation>`.
    package var explanation: String?
    /// What to do next, one line each.
    package var hints: [String] = []
    /// Commands that get past the refusal, shown as hints after `hints`.
    package var fixes: [Fix] = []
    /// Extra lines printed after the error (e.g. audit findings that caused the refusal).
    package var details: [String] = []
    /// The audit findings that caused the refusal, if any (also in the `--json` error object).
    package var findings: [AuditFinding] = []

    /// A refusal from its parts.
    package init(
        reason: RejectionReason, message: String, hints: [String] = [], fixes: [Fix] = [], details: [String] = [],
        findings: [AuditFinding] = []
    ) {
        self.fixes = fixes
        self.reason = reason
        self.message = message
        self.hints = hints
        self.details = details
        self.findings = findings
    }

    /// The one line shown: the message, where it happened, then why.
    package var text: String {
        message + (location.map { " at '\($0)'" } ?? "") + (explanation.map { ": " + $0 } ?? "")
    }

    /// The refusal placed at `path` in an input document, unless a deeper place was already named.
    package func located(at path: String) -> Rejection {
        var placed = self
        placed.location = location ?? path
        return placed
    }

    /// A value that failed validation.
    package static func invalid(_ message: String, hints: [String] = [], fixes: [Fix] = []) -> Rejection {
        Rejection(reason: .invalidValue, message: message, hints: hints, fixes: fixes)
    }

    /// A thing that was named but does not exist.
    package static func notFound(_ message: String, hints: [String] = []) -> Rejection {
        Rejection(reason: .notFound, message: message, hints: hints)
    }
}
