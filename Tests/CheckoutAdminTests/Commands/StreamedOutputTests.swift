import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `dump`, `audit` and `clicktopay status` write as they read, one account at a time: the bytes are those of the
/// whole document, and a `--output` file refused half way is never put in place.
final class StreamedOutputTests: CLITestCase {
    override func setUp() {
        super.setUp()
        makeCardAccount("T22222222")
        makeCardAccount("P99999999")
        cli.succeed("account add T11111111 --name Bare")
        cli.succeed("profile add T22222222 web --method dintero_psp.creditcard --description Shop")
        cli.succeed("profile add T22222222 app --all-active --channel in_app")
        cli.succeed("clicktopay enable T22222222")
    }

    private func loaded() throws -> [MerchantAccount] {
        try Store(database: cli.database(), path: cli.storePath, exists: true).loadAccounts()
    }

    private func bypassClickToPayGuardOn(_ id: String) throws {
        try sql(
            """
            DROP TRIGGER payment_method_type_shape_on_insert;
            INSERT INTO payment_method (account_id, type, currencies) VALUES ('\(id)', CAST('payex.clicktopay' AS BLOB), 'NOK');
            """)
    }

    func testDumpOfThreeAccountsIsByteForByteTheWholeDocument() throws {
        let expected = StateDocument.json(try loaded()).prettyText() + "\n"
        assertRun(cli.run("dump"), status: 0, stdout: expected)
        let path = "\(cli.directory)/state.json"
        assertRun(cli.run("dump --output \(path)"), status: 0, stderr: "wrote '\(path)'\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected)
        assertRun(cli.run("dump --output -"), status: 0, stdout: expected)
    }

    func testDumpOutputRefusedHalfWayLeavesTheFileAsItWasAndNoTemporary() throws {
        try bypassClickToPayGuardOn("T22222222")
        let path = cli.file("state.json", "kept\n")
        let result = cli.run("dump --output \(path)")
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("error: refused to write a body with payment type 'payex.clicktopay'"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "kept\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory).filter { $0.contains(".tmp-") }
        XCTAssertEqual(left, [])
    }

    func testDumpToStdoutRefusedHalfWayKeepsTheAccountsBeforeAndFails() throws {
        try bypassClickToPayGuardOn("T22222222")
        let before = try loaded().filter { $0.id < "T22222222" }
        let written = try XCTUnwrap(StateDocument.json(before).prettyText().split(separator: "\n  ]").first)
        let result = cli.run("dump")
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stdout, String(written))
    }

    func testAuditJSONWithFindingsOnSeveralAccountsIsTheWholeDocument() throws {
        let accounts = try loaded()
        let findings = accounts.flatMap(Audit.findings)
        XCTAssertEqual(Set(findings.map(\.account)).count, 2)
        var tally = AuditTally()
        for account in accounts { tally.count(account, findings: Audit.findings(for: account)) }
        var document = AuditDocument.reportFields(tally, strict: true)
        document["findings"] = .array(findings.map(AuditDocument.findingJSON))
        assertRun(cli.run("audit --json --strict"), status: 1, stdout: JSONValue.object(document).prettyText() + "\n")
    }

    func testJUnitTotalsComeFirstAndEveryAccountHasItsSuiteInOrder() throws {
        let result = cli.run("audit --format junit --strict")
        XCTAssertEqual(result.status, 1)
        let root = try XCTUnwrap(try XMLDocument(data: Data(result.stdout.utf8)).rootElement())
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "\(3 * AuditRule.allCases.count)")
        let findings = try loaded().flatMap(Audit.findings)
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "\(findings.count)")
        XCTAssertEqual(
            root.elements(forName: "testsuite").map { $0.attribute(forName: "name")?.stringValue },
            ["P99999999", "T11111111", "T22222222"])
        XCTAssertTrue(result.stdout.hasSuffix("  </testsuite>\n</testsuites>\n"))
    }

    func testClickToPayStatusJSONOfEveryAccountIsTheWholeDocument() throws {
        let statuses = try loaded().map { ClickToPayStatusText.json(ClickToPayStatus(account: $0)) }
        let document = JSONValue.object(["accounts": .array(statuses), "format_version": .string("1")])
        assertRun(cli.run("clicktopay status --json"), status: 0, stdout: document.prettyText() + "\n")
    }

    func testClickToPayStatusTextSeparatesAccountsWithABlankLine() throws {
        let blocks = try loaded().map {
            ClickToPayStatusText.render(ClickToPayStatus(account: $0), style: Style(enabled: false))
        }
        assertRun(cli.run("clicktopay status"), status: 0, stdout: blocks.joined(separator: "\n"))
        XCTAssertEqual(blocks.count, 3)
    }

    func testDumpStopsReadingOnceStdoutHasFailedAndExitsFive() throws {
        let result = cli.run(["dump"], stdoutFailure: "Broken pipe")
        XCTAssertEqual(result.status, 5)
        XCTAssertEqual(result.stderr, "error: cannot write output: Broken pipe\n")
        var document = StateDocumentWriter()
        XCTAssertEqual(result.stdout, document.head() + (try document.account(try loaded()[0])))
    }

    func testAuditWithFindingsToABrokenStdoutExitsFiveNotOne() {
        XCTAssertEqual(cli.run("audit --strict").status, 1)
        let result = cli.run(["audit", "--strict"], stdoutFailure: "Broken pipe")
        XCTAssertEqual(result.status, 5)
        XCTAssertEqual(result.stderr, "error: cannot write output: Broken pipe\n")
    }

    func testClickToPayStatusToABrokenStdoutExitsFive() {
        let result = cli.run(["clicktopay", "status", "--json"], stdoutFailure: "No space left on device")
        XCTAssertEqual(result.status, 5)
        XCTAssertEqual(
            result.stderr,
            #"{"error":{"code":"store_unusable","exit_code":5,"hint":null,"message":"cannot write output: No space left on device"}}"#
                + "\n")
    }
}
