/// One problem the audit found (SPEC §6).
package struct AuditFinding: Equatable, Hashable, Sendable {
    /// How bad it is.
    package enum Severity: String, Sendable, Comparable {
        case error, warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// Error or warning.
    package let severity: Severity
    /// The rule id, e.g. `ctp-provider`.
    package let rule: String
    /// The account concerned.
    package let account: String
    /// The profile concerned, if the finding is about one.
    package var profile: String?
    /// The payment type concerned, if any.
    package var paymentType: String?
    /// What is wrong, naming the account and profile.
    package let message: String
    /// The command that fixes it.
    package let hint: String

    /// The identity used to tell whether a change creates a finding that was not there before.
    package var identity: String { [rule, account, profile ?? "", paymentType ?? ""].joined(separator: "\u{1F}") }

    /// Deterministic order: account, worst first, rule, profile, payment type, then message — the last because
    /// two findings can share the rest (a profile offering `payex.clicktopay` and having it as its default), and
    /// the standard library does not promise a stable sort.
    package static func precedes(_ lhs: AuditFinding, _ rhs: AuditFinding) -> Bool {
        (lhs.account, lhs.severity == .error ? 0 : 1, lhs.rule, lhs.profile ?? "", lhs.paymentType ?? "", lhs.message)
            < (
                rhs.account, rhs.severity == .error ? 0 : 1, rhs.rule, rhs.profile ?? "", rhs.paymentType ?? "",
                rhs.message
            )
    }
}

/// Quotes a word for a shell command line when it needs it.
package func shellQuoted(_ word: String) -> String {
    let safe =
        !word.isEmpty
        && word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_./=:@,+%".unicodeScalars.contains($0)
        }
    return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension String {
    /// Every occurrence of `target` replaced (the standard library has no such method without Foundation).
    package func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
