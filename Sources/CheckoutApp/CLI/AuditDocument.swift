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

    /// The whole report.
    package static func reportJSON(_ report: AuditReport, strict: Bool) -> JSONValue {
        .object([
            "format_version": .string(DocumentFormat.version), "valid": .bool(report.passes(strict: strict)),
            "error_count": ChangeDocument.number(report.errorCount),
            "warning_count": ChangeDocument.number(report.warningCount),
            "accounts_checked": ChangeDocument.number(report.accountsChecked),
            "profiles_checked": ChangeDocument.number(report.profilesChecked),
            "findings": .array(report.findings.map(findingJSON)),
        ])
    }
}

/// The findings over a set of accounts, with the counts the summary needs.
package struct AuditReport {
    /// Every finding, grouped by account, worst first.
    package let findings: [AuditFinding]
    /// Accounts audited.
    package let accountsChecked: Int
    /// Profiles audited.
    package let profilesChecked: Int

    /// A report of `findings` (sorted as `Audit` sorts them) over so many accounts and profiles.
    package init(findings: [AuditFinding], accountsChecked: Int, profilesChecked: Int) {
        self.findings = findings
        self.accountsChecked = accountsChecked
        self.profilesChecked = profilesChecked
    }

    /// Audits `accounts`.
    package init(accounts: [MerchantAccount]) {
        findings = accounts.flatMap(Audit.findings)
        accountsChecked = accounts.count
        profilesChecked = accounts.reduce(0) { $0 + $1.profiles.count }
    }

    /// Error findings.
    package var errorCount: Int { findings.count { $0.severity == .error } }
    /// Warning findings.
    package var warningCount: Int { findings.count { $0.severity == .warning } }

    /// No errors (with `strict`, no warnings either).
    package func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0)
    }
}
