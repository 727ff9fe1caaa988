import CheckoutDomain

/// Findings in the forms CI systems show on a pull or merge request: GitHub Actions workflow commands, and
/// JUnit XML (one test case per account and rule), which GitLab and Jenkins show as test reports.
enum AuditAnnotations {
    /// `::error title=…::message` lines, one per finding (warnings as `::warning`); the summary line follows them.
    static func github(_ findings: [AuditFinding]) -> String {
        findings.map { finding in
            let title = "\(finding.rule.rawValue) (\(place(finding)))"
            let body = "\(finding.message). Fix: \(finding.fix.commandLine)"
            return "::\(finding.severity.rawValue) title=\(escapeProperty(title))::\(escapeData(body))\n"
        }.joined()
    }

    /// JUnit XML's opening, whose totals are known only once every account is audited: a suite per account, a
    /// case per account and rule follow it, then `junitEnd`.
    static func junitHead(_ tally: AuditTally, strict: Bool) -> String {
        let failures = tally.errorCount + (strict ? tally.warningCount : 0)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="checkout-admin audit" tests="\(tally.accountsChecked * AuditRule.allCases.count)" \
            failures="\(failures)" errors="0">

            """
    }

    /// The end of the JUnit document.
    static let junitEnd = "</testsuites>\n"

    /// One account's suite: an error finding (and with `strict` a warning) is a `<failure>`, a warning otherwise
    /// goes to the case's `<system-out>`.
    static func junitSuite(account: String, _ findings: [AuditFinding], strict: Bool) -> String {
        let failing = findings.filter { $0.severity == .error || strict }
        let cases = AuditRule.allCases.map { rule in
            testCase(account: account, rule: rule, findings.filter { $0.rule == rule }, strict)
        }
        return "  <testsuite name=\"\(xml(account))\" tests=\"\(AuditRule.allCases.count)\" "
            + "failures=\"\(Set(failing.map(\.rule)).count)\" errors=\"0\">\n" + cases.joined() + "  </testsuite>\n"
    }

    private static func testCase(account: String, rule: AuditRule, _ findings: [AuditFinding], _ strict: Bool)
        -> String
    {
        let head = "    <testcase classname=\"\(xml(account))\" name=\"\(rule.rawValue)\""
        guard !findings.isEmpty else { return head + "/>\n" }
        let text = findings.map { "\($0.message)\nfix: \($0.fix.commandLine)" }.joined(separator: "\n")
        if rule.severity == .error || strict {
            return head
                + ">\n      <failure type=\"\(rule.severity.rawValue)\" message=\"\(xml(findings[0].message))\">"
                + xml(text) + "</failure>\n    </testcase>\n"
        }
        return head + ">\n      <system-out>warning: " + xml(text) + "</system-out>\n    </testcase>\n"
    }

    private static func place(_ finding: AuditFinding) -> String {
        finding.account + (finding.profile.map { " profile \($0)" } ?? "")
    }

    // GitHub's workflow-command escaping: data escapes %, CR and LF; properties also : and ,.
    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private static func xml(_ text: String) -> String {
        // Most text (every account id and rule name) has nothing to escape: a JUnit report writes ten per account.
        guard text.utf8.contains(where: { "&<>\"".utf8.contains($0) }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
