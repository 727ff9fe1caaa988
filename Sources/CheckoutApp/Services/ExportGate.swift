import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// Keeps bodies Dintero's schema rejects from leaving the tool: an export that would carry one is refused with
/// every field at fault and the command that fixes each, instead of a file a later PUT fails on.
enum ExportGate {
    /// Audit rules whose findings on the account itself mean the `/v1/admin/checkout` body is invalid:
    /// `merchant.name` and `merchant.logo_url` are required, types and currencies are enums.
    static let accountRules: Set<AuditRule> = [.merchantIncomplete, .unknownType, .currencyInvalid, .ctpProvider]

    /// Audit rules whose findings on a profile mean its body is invalid.
    static let profileRules: Set<AuditRule> = [
        .defaultNotAllowed, .productNotOfferable, .productOptionsMissing, .unknownType, .ctpProvider,
    ]

    /// Refuses when the account's checkout configuration body would be rejected.
    static func checkAccount(_ account: MerchantAccount) throws {
        let findings = Audit.findings(for: account).filter { $0.profile == nil && accountRules.contains($0.rule) }
        try refuse(findings, subject: "account '\(account.id)'")
    }

    /// Refuses when any of `profiles` (of `account`) would be rejected.
    static func checkProfiles(_ profiles: [PaymentProfile], of account: MerchantAccount) throws {
        let ids = Set(profiles.map(\.id))
        let findings = Audit.findings(for: account).filter {
            $0.profile.map(ids.contains) == true && profileRules.contains($0.rule)
        }
        let subject = profiles.count == 1 ? "profile '\(profiles[0].id)'" : "the profiles of account '\(account.id)'"
        try refuse(findings, subject: subject)
    }

    private static func refuse(_ findings: [AuditFinding], subject: String) throws {
        guard !findings.isEmpty else { return }
        var fixes: [Fix] = []
        for finding in findings where !fixes.contains(finding.fix) { fixes.append(finding.fix) }
        throw Rejection(
            reason: .invalidValue, message: "refused to export \(subject): Dintero's schema would reject it",
            fixes: fixes, details: findings.map { "  \($0.message) (\($0.rule.rawValue))" }, findings: findings)
    }
}
