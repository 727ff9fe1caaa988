import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `apply --format github|junit` for pull-request checks, the plan printed with the findings, and documents read
/// a piece at a time from stdin.
final class ApplyReportTests: CLITestCase {
    private let incomplete =
        #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {"name": "Shop"}, "payment_methods": [{"type": "vipps", "currencies": ["NOK"]}], "profiles": []}]}"#
    private let broken =
        #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {"name": "Shop", "logo_url": "https://x.no/l.png"}, "payment_methods": [{"type": "dintero_psp.clicktopay", "currencies": ["NOK"]}], "profiles": []}]}"#
    private let plan = """
        + account T12345678
        + settings T12345678 name: 'Shop'
        + method T12345678 vipps: NOK
        Plan: 3 to add, 0 to change, 0 to remove.

        """

    func testDryRunWithGithubFormatPrintsThePlanThenTheAnnotations() {
        assertRun(
            cli.run(["apply", cli.file("state.json", incomplete), "--dry-run", "--format", "github"]), status: 0,
            stdout: plan + """
                ::warning title=merchant-incomplete (T12345678)::account 'T12345678' lacks logo_url, which Dintero requires. Fix: checkout-admin settings set T12345678 logo_url=…
                0 errors, 1 warning in 1 account (0 profiles)

                """, stderr: "Dry run: nothing written.\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testABrokenDocumentWithGithubFormatPrintsThePlanAndTheErrorAnnotationAndIsRefused() {
        assertRun(
            cli.run(["apply", cli.file("state.json", broken), "--format", "github"]), status: 3,
            stdout: """
                + account T12345678
                + settings T12345678 logo_url: 'https://x.no/l.png'
                + settings T12345678 name: 'Shop'
                + method T12345678 dintero_psp.clicktopay: NOK
                Plan: 4 to add, 0 to change, 0 to remove.
                ::error title=ctp-without-card (T12345678)::account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form. Fix: checkout-admin method enable T12345678 dintero_psp.creditcard
                ::warning title=ctp-email-unknown (T12345678)::account 'T12345678' offers Click to Pay but the customer's email is never known, so it would never be shown. Fix: checkout-admin settings set T12345678 checkout_express=true (or session_customer_email=true)
                1 error, 1 warning in 1 account (0 profiles)

                """,
            stderr: """
                error: the document breaks 1 audit rule; nothing written
                hint: fix the state document and run apply again; first: ctp-without-card (T12345678)
                  error ctp-without-card: account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testJunitFormatWritesTheReportOnStdoutAndThePlanOnStderr() throws {
        let result = cli.run(["apply", cli.file("state.json", broken), "--dry-run", "--format", "junit"])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix("+ account T12345678\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Plan: 4 to add, 0 to change, 0 to remove.\nerror: the document breaks"))
        let root = try XCTUnwrap(XMLDocument(data: Data(result.stdout.utf8)).rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { $0.attribute(forName: "name")?.stringValue }, ["T12345678"])
        let failing = suites[0].elements(forName: "testcase").filter { !$0.elements(forName: "failure").isEmpty }
        XCTAssertEqual(failing.compactMap { $0.attribute(forName: "name")?.stringValue }, ["ctp-without-card"])
    }

    func testJSONApplyListsTheFindingsItCreatesAndTextModeOnlyThoseItCreates() throws {
        let file = cli.file("state.json", incomplete)
        let result = cli.run(["--json", "apply", file])
        XCTAssertEqual(result.status, 0)
        let findings = try XCTUnwrap(JSONValue(parsing: result.stdout)["findings"]?.arrayValue)
        XCTAssertEqual(findings.compactMap { $0["rule"]?.stringValue }, ["merchant-incomplete"])
        // Applied again, the account already has that warning: the apply creates nothing and says nothing.
        assertRun(cli.run(["apply", file]), status: 0, stdout: "No changes.\n", stderr: "")
        XCTAssertEqual(cli.run("audit").status, 0)
    }

    func testAJSONRefusalStillCarriesTheFindingsAndPrintsNoPlan() {
        let result = cli.run(["--json", "apply", cli.file("state.json", broken)])
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains(#""code":"policy_violation""#), result.stderr)
        XCTAssertTrue(result.stderr.contains("ctp-without-card"), result.stderr)
    }

    func testADumpOfManyAccountsReadFromStdinInPiecesAppliesAsANoOp() {
        let entries = (0..<300).map { index in
            #"{"account_id": "T\#(String(format: "%08d", index))", "settings": {"name": "Shop \#(index)", "logo_url": "https://x.no/\#(index).png"}, "payment_methods": [{"type": "vipps", "currencies": ["NOK"]}], "profiles": [{"profile_id": "web", "configuration": {"vipps": {"enabled": true}}}]}"#
        }
        let document = #"{"format_version": "1", "accounts": ["# + entries.joined(separator: ", ") + "]}"
        XCTAssertGreaterThan(document.utf8.count, 1 << 16, "read in more than one piece")
        XCTAssertEqual(cli.run(["apply", "-"], stdin: document).status, 0)
        let dump = cli.succeed("dump").stdout
        assertRun(cli.run(["apply", "-"], stdin: dump), status: 0, stdout: "No changes.\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM account"), [["300"]])
    }

    func testABadVersionAtTheEndOfTheDocumentWritesNothingOfWhatCameBefore() throws {
        cli.succeed("account add T00000001")
        let before = try XCTUnwrap(cli.storeBytes())
        let document =
            #"{"accounts": [{"account_id": "T12345678", "settings": {}, "payment_methods": [], "profiles": []}], "format_version": "2"}"#
        assertRun(
            cli.run(["apply", cli.file("state.json", document)]), status: 3,
            stderr: """
                error: unsupported format_version "2" in the state document
                hint: this checkout-admin reads format_version "1"

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }
}
