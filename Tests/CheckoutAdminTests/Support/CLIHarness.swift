import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// What one in-process run of the CLI produced.
struct RunResult: Equatable {
    /// The exit status.
    let status: Int32
    /// Everything written to stdout.
    let stdout: String
    /// Everything written to stderr.
    let stderr: String
}

/// A temporary folder with a store path in it, and a way to run the CLI against it in-process.
final class CLIHarness {
    /// The temporary folder (removed by `cleanUp`).
    let directory: String
    /// The store path (not created until a command writes).
    let storePath: String
    /// Environment every run gets; tests may add to it.
    var environment: [String: String]

    /// A fresh folder under the system temporary directory.
    init() {
        let base = FileManager.default.temporaryDirectory.path
        directory = "\(base)/checkout-admin-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        storePath = "\(directory)/store.sqlite"
        environment = ["CHECKOUT_ADMIN_STORE": storePath, "CHECKOUT_ADMIN_ACTOR": "tester", "HOME": directory]
    }

    /// Removes the folder.
    func cleanUp() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `checkout-admin <arguments>` in-process.
    @discardableResult
    func run(_ arguments: [String], stdin: String = "", terminal: Bool = false, stdoutFailure: String? = nil)
        -> RunResult
    {
        let output = CapturedOutput(isTerminal: terminal, width: terminal ? 200 : nil)
        output.failure = stdoutFailure
        let errors = CapturedOutput(isTerminal: terminal)
        let input = ProvidedInput(Array(stdin.utf8), isTerminal: terminal)
        let status = CheckoutAdmin.run(
            arguments: arguments, environment: environment,
            streams: Streams(output: output, errors: errors, input: input))
        return RunResult(status: status, stdout: output.text, stderr: errors.text)
    }

    /// Runs a command line split on spaces (for lines without quoted words).
    @discardableResult
    func run(_ line: String, stdin: String = "") -> RunResult {
        run(line.split(separator: " ").map(String.init), stdin: stdin)
    }

    /// Runs and fails the test unless the exit status is 0.
    @discardableResult
    func succeed(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> RunResult {
        let result = run(line)
        XCTAssertEqual(result.status, 0, "\(line)\n\(result.stderr)", file: file, line: lineNumber)
        return result
    }

    /// Opens the store directly, for asserting its contents or editing it with SQL.
    func database() throws -> Database {
        try Database(path: storePath, mode: .readWrite)
    }

    /// The rows of a query as arrays of text (NULL as "NULL").
    func rows(_ sql: String) throws -> [[String]] {
        let database = try database()
        return try database.query(sql) { row in
            (0..<Int32(row.columnCount)).map { row.optionalText($0) ?? "NULL" }
        }
    }

    /// The store file's bytes, or nil when it does not exist.
    func storeBytes() -> Data? {
        FileManager.default.contents(atPath: storePath)
    }

    /// A file in the temporary folder with `contents`; returns its path.
    func file(_ name: String, _ contents: String) -> String {
        let path = "\(directory)/\(name)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
        return path
    }
}

/// A test case with a fresh harness per test.
class CLITestCase: XCTestCase {
    /// The harness for the running test.
    var cli: CLIHarness!

    override func setUp() {
        super.setUp()
        cli = CLIHarness()
    }

    override func tearDown() {
        cli.cleanUp()
        super.tearDown()
    }

    /// Asserts status, stdout and stderr exactly.
    func assertRun(
        _ result: RunResult, status: Int32, stdout: String = "", stderr: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(result.status, status, "status; stderr: \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stdout, stdout, "stdout", file: file, line: line)
        XCTAssertEqual(result.stderr, stderr, "stderr", file: file, line: line)
    }

    /// The audit's ctp-email-unknown warning for T12345678, as printed in text mode.
    let emailUnknown = """
          warning ctp-email-unknown: account 'T12345678' offers Click to Pay but the customer's email is never known, so it would never be shown
                   fix: checkout-admin settings set T12345678 checkout_express=true (or session_customer_email=true)

        """

    /// The merchant-incomplete warning a write prints when it leaves `account` without `missing` ("logo_url", or
    /// "name and logo_url").
    func merchantIncomplete(_ account: String = "T12345678", lacks missing: String = "logo_url") -> String {
        let assignments = missing.split(separator: " and ").map { "\($0)=…" }.joined(separator: " ")
        return """
              warning merchant-incomplete: account '\(account)' lacks \(missing), which Dintero requires
                       fix: checkout-admin settings set \(account) \(assignments)

            """
    }

    /// Edits the store with SQL, as another program would; the connection is closed on return.
    func sql(_ statements: String) throws {
        let database = try cli.database()
        try database.execute(statements)
    }

    /// Creates an account with a card method and name/logo, the usual starting point.
    func makeCardAccount(_ id: String = "T12345678") {
        cli.succeed("account add \(id) --name Example")
        cli.succeed("settings set \(id) logo_url=https://example.com/logo.png")
        cli.succeed("method enable \(id) dintero_psp.creditcard --currency NOK")
    }
}
