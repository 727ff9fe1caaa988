import CheckoutDomain

/// `help audit-rules`: every rule of the audit, generated from `AuditRule` so the page cannot drift from it.
enum AuditRulesTopic {
    /// The page: what errors and warnings mean, then one block per rule in the enum's order.
    static var text: String {
        let rules = AuditRule.allCases.map { rule in
            """
                \(rule.rawValue) (\(rule.severity.rawValue))
                  fires when: \(rule.trigger)
                  fix: \(rule.remedy)
            """
        }
        return """
            Audit rules checked by checkout-admin audit (see also README's audit table).

            An error fails the audit (exit 1) and is refused by every write that would create it (exit 3,
            policy_violation). A warning is reported by the write that creates it and fails only audit --strict.
            Every finding carries the command that fixes it, with the account, profile and type filled in.

            \(rules.joined(separator: "\n\n"))

            """
    }
}
