import CheckoutDomain
import CheckoutFormats

/// The audit's JSON .
package enum AuditDocument {
    /// One finding; `profile` and `payment_type` are null when the finding is not about one.
    package static func findingJSON(_ finding: AuditFinding) -> JSONValue {
        .object([
            "severity": .string(finding.severity.rawValue), "rule": .string(finding.rule.rawValue),
            "account": .string(finding.account),
            "profile": finding.profile.map(JSONValue.string) ?? .null,
            "payment_type": finding.paymentType.map(JSONValue.string) ?? .null,
            "message": .string(finding.message), "hint": .string(finding.fix.commandLine),
        ])
    }

    /// The report's members besides `findings`, which an audit writes as it goes.
    package static func reportFields(_ tally: AuditTally, strict: Bool) -> [String: JSONValue] {
        [
            "format_version": .string(DocumentFormat.version), "valid": .bool(tally.passes(strict: strict)),
            "error_count": ChangeDocument.number(tally.errorCount),
            "warning_count": ChangeDocument.number(tally.warningCount),
            "accounts_checked": ChangeDocument.number(tally.accountsChecked),
            "profiles_checked": ChangeDocument.number(tally.profilesChecked),
        ]
    }
}

/// The counts an audit's summary and exit status need, kept while the findings themselves stream past.
package struct AuditTally {
    /// Error findings.
    package private(set) var errorCount = 0
    /// Warning findings.
    package private(set) var warningCount = 0
    /// Accounts audited.
    package private(set) var accountsChecked = 0
    /// Profiles audited.
    package private(set) var profilesChecked = 0

    /// Nothing counted yet.
    package init() {}

    /// Counts one audited account and its findings.
    package mutating func count(_ account: MerchantAccount, findings: [AuditFinding]) {
        accountsChecked += 1
        profilesChecked += account.profiles.count
        errorCount += findings.count { $0.severity == .error }
        warningCount += findings.count { $0.severity == .warning }
    }

    /// No errors (with `strict`, no warnings either).
    package func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0)
    }
}

/// The findings over a set of accounts held in memory (`apply` checks its document with it; `audit` streams).
package struct AuditReport {
    /// Every finding, grouped by account, worst first.
    package let findings: [AuditFinding]

    /// Audits `accounts`.
    package init(accounts: [MerchantAccount]) {
        findings = accounts.flatMap(Audit.findings)
    }
}
