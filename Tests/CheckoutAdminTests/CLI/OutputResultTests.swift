import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `--json` with a document written to a file (`dump --output`, `profile export --output`, `account export
/// --output`, `store backup`): stdout holds a small result document — where, how many bytes, what it holds —
/// versioned like every other `--json` result; without `--json` stdout stays empty.
final class OutputResultTests: CLITestCase {
    override func setUp() {
        super.setUp()
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("profile add T12345678 app --method dintero_psp.creditcard")
    }

    private func size(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    func testDumpOutputWithJSONPrintsTheResultDocument() throws {
        cli.succeed("account add T87654321")
        let path = "\(cli.directory)/state.json"
        let result = cli.run(["--json", "dump", "--output", path])
        assertRun(
            result, status: 0,
            stdout: """
                {
                  "accounts": 2,
                  "bytes": \(try size(path)),
                  "format_version": "1",
                  "output": "\(path)"
                }

                """,
            stderr: "wrote '\(path)'\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), cli.run("dump").stdout)
    }

    func testProfileExportOutputWithJSONCountsTheProfiles() throws {
        let path = "\(cli.directory)/profiles.json"
        assertRun(
            cli.run(["profile", "export", "T12345678", "--output", path, "--json"]), status: 0,
            stdout: """
                {
                  "account": "T12345678",
                  "bytes": \(try size(path)),
                  "format_version": "1",
                  "output": "\(path)",
                  "profiles": 2
                }

                """,
            stderr: "wrote '\(path)'\n")
    }

    func testAccountExportOutputWithJSONNamesTheAccount() throws {
        let path = "\(cli.directory)/checkout.json"
        assertRun(
            cli.run(["account", "export", "T12345678", "--output", path, "--json"]), status: 0,
            stdout: """
                {
                  "account": "T12345678",
                  "bytes": \(try size(path)),
                  "format_version": "1",
                  "output": "\(path)"
                }

                """,
            stderr: "wrote '\(path)'\n")
    }

    func testStoreBackupWithJSONPrintsTheResultDocument() throws {
        let path = "\(cli.directory)/backup.sqlite"
        assertRun(
            cli.run(["store", "backup", path, "--json"]), status: 0,
            stdout: """
                {
                  "accounts": 1,
                  "bytes": \(try size(path)),
                  "format_version": "1",
                  "output": "\(path)"
                }

                """,
            stderr: "wrote backup '\(path)'\n")
    }

    func testQuietKeepsTheResultDocumentAndDropsTheMessage() throws {
        let path = "\(cli.directory)/state.json"
        let result = cli.run(["--json", "--quiet", "dump", "--output", path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(
            try JSONValue(parsing: result.stdout)["output"], .string(path))
    }

    func testWithoutJSONNothingIsPrintedOnStdout() {
        let path = "\(cli.directory)/state.json"
        assertRun(cli.run(["dump", "--output", path]), status: 0, stderr: "wrote '\(path)'\n")
    }

    func testOutputDashWritesTheDocumentItselfAndNoResultDocument() {
        assertRun(
            cli.run(["--json", "account", "export", "T12345678", "--output", "-"]), status: 0,
            stdout: cli.run("account export T12345678").stdout)
    }

    func testResultNamesARelativeOutputByItsAbsolutePath() {
        let directory = FileManager.default.currentDirectoryPath
        XCTAssertEqual(absolutePath("state.json"), "\(directory)/state.json")
        XCTAssertEqual(absolutePath("./out/state.json"), "\(directory)/out/state.json")
        XCTAssertEqual(absolutePath("/srv/state.json"), "/srv/state.json")
    }
}
