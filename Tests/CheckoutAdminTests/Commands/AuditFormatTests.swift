import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `audit --format github|junit`: findings where CI systems show them, with the usual exit codes.
final class AuditFormatTests: CLITestCase {
    override func setUp() {
        super.setUp()
        cli.succeed("account add T12345678 --name Shop")
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678")
    }

    func testGitHubFormatPrintsOneWorkflowCommandPerFinding() {
        assertRun(
            cli.run("audit --format github"), status: 0,
            stdout: """
                ::warning title=ctp-email-unknown (T12345678)::account 'T12345678' offers Click to Pay but the \
                customer's email is never known, so it would never be shown. Fix: checkout-admin settings set \
                T12345678 checkout_express=true (or session_customer_email=true)
                ::warning title=merchant-incomplete (T12345678)::account 'T12345678' lacks logo_url, which Dintero \
                requires. Fix: checkout-admin settings set T12345678 logo_url=…
                0 errors, 2 warnings in 1 account (1 profile)

                """)
    }

    func testGitHubFormatEscapesPropertiesAndData() throws {
        try sql(
            "INSERT INTO profile_method (account_id, profile_id, type, options) VALUES ('T12345678', 'web', 'foo.bar', '{}');"
        )
        let lines = cli.run("audit --format github").stdout.split(separator: "\n")
        XCTAssertTrue(
            lines.contains(
                "::error title=unknown-type (T12345678 profile web)::profile 'web' of account 'T12345678' uses unknown "
                    + "payment type 'foo.bar'. Fix: checkout-admin profile remove-method T12345678 web foo.bar"),
            lines.joined(separator: "\n"))
    }

    func testGitHubFormatKeepsTheStrictExitCode() {
        XCTAssertEqual(cli.run("audit --format github --strict").status, 1)
    }

    func testJUnitFormatHasASuitePerAccountAndACasePerRule() throws {
        let result = cli.run("audit --format junit --strict")
        XCTAssertEqual(result.status, 1)
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "\(AuditRule.allCases.count)")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "2")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { $0.attribute(forName: "name")?.stringValue }, ["T12345678"])
        let cases = suites[0].elements(forName: "testcase")
        XCTAssertEqual(
            cases.compactMap { $0.attribute(forName: "name")?.stringValue }, AuditRule.allCases.map(\.rawValue))
        let failing = cases.filter { !$0.elements(forName: "failure").isEmpty }
        XCTAssertEqual(
            failing.compactMap { $0.attribute(forName: "name")?.stringValue },
            ["ctp-email-unknown", "merchant-incomplete"])
        XCTAssertEqual(failing[0].elements(forName: "failure")[0].attribute(forName: "type")?.stringValue, "warning")
    }

    func testJUnitFormatWithoutStrictReportsWarningsAsOutputNotFailures() throws {
        let result = cli.run("audit --format junit")
        XCTAssertEqual(result.status, 0)
        let root = try XCTUnwrap(try XMLDocument(data: Data(result.stdout.utf8)).rootElement())
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "0")
        XCTAssertTrue(result.stdout.contains("<system-out>warning: account 'T12345678' lacks logo_url"), result.stdout)
    }

    func testAnUnknownFormatIsRefusedWithASuggestion() {
        assertRun(
            cli.run("audit --format junti"), status: 3,
            stderr: "error: unknown format 'junti'\nhint: did you mean 'junit'?\n"
                + "hint: a format is one of: text, json, github, junit\n")
    }
}
