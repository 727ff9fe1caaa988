/// What a change does to an account's audit: the findings it creates, and how a refusal for them is reported.
extension Audit {
    /// The findings a change from `before` to `after` creates: those of `after` whose identity `before` lacks
    /// (rule, account, profile and payment type; a finding whose message only widens is not new). Every finding
    /// of a new account is created; removing an account creates none. Sorted as `findings(for:)` sorts them.
    package static func findingsCreated(before: MerchantAccount?, after: MerchantAccount?) -> [AuditFinding] {
        guard let after else { return [] }
        return findingsCreated(before: before, found: findings(for: after))
    }

    /// The same, for a caller that has audited the state after already: `found` are its findings.
    package static func findingsCreated(before: MerchantAccount?, found: [AuditFinding]) -> [AuditFinding] {
        // The common case has no findings at all, so the state before is audited only when the state after has some.
        guard !found.isEmpty, let before else { return found }
        let known = Set(findings(for: before).map(\.identity))
        return found.filter { !known.contains($0.identity) }
    }
}

extension AuditRule {
    /// The JSON error code of a change refused because it breaks this rule. SPEC §2 gives exit 3 with
    /// `policy_violation` when "a rule forbids it (the Click to Pay provider rule and the others in §6)"; a
    /// malformed value (an unknown type, a currency that is not ISO 4217) is refused as `invalid_value` by the
    /// parsers before the audit ever sees it, so every rule refusal is a policy violation.
    package var refusalReason: RejectionReason { .policyViolation }
}

extension Rejection {
    /// The JSON error code of a refusal caused by `findings` (the worst of their rules' reasons): the one mapping
    /// every writer and `apply` use.
    package static func reason(refusing findings: [AuditFinding]) -> RejectionReason {
        findings.contains { $0.rule.refusalReason == .policyViolation } ? .policyViolation : .invalidValue
    }
}
