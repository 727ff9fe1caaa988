import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The help topics' coverage: what the golden files (HelpGoldenTests) cannot say, because regenerating
/// them accepts whatever the text says. The exact text is in Fixtures/help/help-*.txt.
final class HelpTopicTests: CLITestCase {
    func testEnvironmentTopicDescribesEveryVariableOfTheContract() {
        XCTAssertEqual(
            rowNames(cli.run("help environment").stdout),
            [
                "CHECKOUT_ADMIN_STORE", "CHECKOUT_ADMIN_ACTOR", "CHECKOUT_ADMIN_LOCK_TIMEOUT", "NO_COLOR", "CI",
                "XDG_DATA_HOME", "CHECKOUT_ADMIN_API_URL", "CHECKOUT_ADMIN_AUTH_URL", "CHECKOUT_ADMIN_CLIENT_ID",
                "CHECKOUT_ADMIN_CLIENT_SECRET", "CHECKOUT_ADMIN_CREDENTIALS", "XDG_CONFIG_HOME",
                "CHECKOUT_ADMIN_HTTP_TIMEOUT",
            ])
    }

    func testEveryVariableTheToolReadsIsDescribedOrStandard() {
        // HOME, USER, LOGNAME and TERM are the system's own; the topic names them only within its rows.
        let standard: Set = ["HOME", "USER", "LOGNAME", "TERM"]
        let described = Set(rowNames(cli.run("help environment").stdout))
        XCTAssertEqual(
            CheckoutAdmin.environmentVariables.filter { !standard.contains($0) && !described.contains($0) }, [])
    }

    func testExitCodesTopicListsEveryExitCodeOfTheContract() {
        XCTAssertEqual(rowNames(cli.run("help exit-codes").stdout), ["0", "1", "2", "3", "4", "5", "6", "70", "130"])
    }

    func testRootHelpListsEveryTopic() {
        let help = cli.run("--help").stdout
        XCTAssertTrue(
            help.contains(
                """
                Help topics:
                  help exit-codes    what each exit status means
                  help environment   environment variables the tool reads
                  help audit-rules   every audit rule: its severity, when it fires, its fix
                """), help)
    }

    func testAuditRulesTopicHasABlockForEveryRuleWithItsSeverityTriggerAndFix() {
        let text = cli.run("help audit-rules").stdout
        for rule in AuditRule.allCases {
            XCTAssertTrue(
                text.contains(
                    "    \(rule.rawValue) (\(rule.severity.rawValue))\n      fires when: \(rule.trigger)\n      fix: \(rule.remedy)\n"
                ), rule.rawValue)
        }
        XCTAssertEqual(text.components(separatedBy: "\n      fires when: ").count - 1, AuditRule.allCases.count)
    }

    func testReadmesAuditTableAgreesWithTheRules() throws {
        let readme = try String(
            contentsOf: BuiltBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        // Rows of the table under "### Audit": | `rule` | severity | fires when | fix |, code spans unquoted.
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.hasSuffix("|") }.map { line in
            line.dropFirst(2).dropLast(2).replacingOccurrences(of: "`", with: "").replacingOccurrences(
                of: "\\|", with: "|"
            )
            .components(separatedBy: " | ")
        }.filter { $0.count == 4 && AuditRule(rawValue: $0[0]) != nil }
        XCTAssertEqual(
            rows, AuditRule.allCases.map { [$0.rawValue, $0.severity.rawValue, $0.trigger, $0.remedy] })
    }

    func testTopicWithHelpOptionIsTheTopic() {
        assertRun(cli.run("help environment --help"), status: 0, stdout: HelpTopic.environment.text)
    }

    /// The first word of every row indented by four spaces and followed by at least two spaces.
    private func rowNames(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("    "), line.dropFirst(4).first?.isWhitespace == false else { return nil }
            let name = line.dropFirst(4).prefix { !$0.isWhitespace }
            return line.dropFirst(4 + name.count).hasPrefix("  ") ? String(name) : nil
        }
    }
}
