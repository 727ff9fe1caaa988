/// The audit's rules, each with its severity.
package enum AuditRule: String, CaseIterable, Sendable, Comparable {
    case ctpProvider = "ctp-provider"
    case ctpNotOnAccount = "ctp-not-on-account"
    case ctpWithoutCard = "ctp-without-card"
    case ctpMissingFromProfile = "ctp-missing-from-profile"
    case ctpEmailUnknown = "ctp-email-unknown"
    case ctpAsDefault = "ctp-as-default"
    case ctpCurrencyWithoutCard = "ctp-currency-without-card"
    case ctpCurrencyMissing = "ctp-currency-missing"
    case ctpChannel = "ctp-channel"
    case methodNotOnAccount = "method-not-on-account"
    case defaultNotOffered = "default-not-offered"
    case profileEmpty = "profile-empty"
    case unknownType = "unknown-type"
    case currencyInvalid = "currency-invalid"
    case walletsConflict = "wallets-conflict"
    case merchantIncomplete = "merchant-incomplete"
    case defaultNotAllowed = "default-not-allowed"
    case productNotOfferable = "product-not-offerable"
    case productOptionsMissing = "product-options-missing"

    /// Error (blocks writes, fails `audit`) or warning.
    package var severity: AuditFinding.Severity {
        switch self {
        case .ctpMissingFromProfile, .ctpEmailUnknown, .ctpAsDefault, .ctpCurrencyMissing, .ctpChannel,
            .merchantIncomplete:
            .warning
        default: .error
        }
    }

    /// Whether the rule is about Click to Pay.
    package var isClickToPayRule: Bool { rawValue.hasPrefix("ctp-") }

    /// Orders by the rule id, as reports list them.
    package static func < (lhs: AuditRule, rhs: AuditRule) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One problem the audit found.
package struct AuditFinding: Equatable, Hashable, Sendable {
    /// How bad it is.
    package enum Severity: String, Sendable, Comparable {
        case error, warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// The rule that fired.
    package let rule: AuditRule
    /// The account concerned.
    package let account: String
    /// The profile concerned, if the finding is about one.
    package var profile: String?
    /// The payment type concerned, if any.
    package var paymentType: String?
    /// What is wrong, naming the account and profile.
    package let message: String
    /// The command that fixes it.
    package let fix: Fix

    /// A finding from its parts.
    package init(
        rule: AuditRule, account: String, profile: String? = nil, paymentType: String? = nil, message: String,
        fix: Fix
    ) {
        self.rule = rule
        self.account = account
        self.profile = profile
        self.paymentType = paymentType
        self.message = message
        self.fix = fix
    }

    /// Error or warning, from the rule.
    package var severity: Severity { rule.severity }

    /// The identity used to tell whether a change creates a finding that was not there before.
    package var identity: String {
        [rule.rawValue, account, profile ?? "", paymentType ?? ""].joined(separator: "\u{1F}")
    }

    /// Deterministic order: account, worst first, rule, profile, payment type, then message — the last because
    /// two findings can share the rest (a profile offering `payex.clicktopay` and having it as its default), and
    /// the standard library does not promise a stable sort.
    package static func precedes(_ lhs: AuditFinding, _ rhs: AuditFinding) -> Bool {
        (
            lhs.account, lhs.severity == .error ? 0 : 1, lhs.rule.rawValue, lhs.profile ?? "", lhs.paymentType ?? "",
            lhs.message
        )
            < (
                rhs.account, rhs.severity == .error ? 0 : 1, rhs.rule.rawValue, rhs.profile ?? "",
                rhs.paymentType ?? "",
                rhs.message
            )
    }
}

extension String {
    /// Every occurrence of `target` replaced (the standard library has no such method without Foundation).
    package func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
