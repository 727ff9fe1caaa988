import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Colour, prompts and `--quiet`. Colour and prompts run the built binary on a real pseudo-terminal
/// through util-linux `script -qec '<command>' /dev/null`, which merges stdout and stderr and ends lines
/// with "\r\n"; `--quiet` runs in-process.
final class TerminalTests: CLITestCase {
    private static let red = "\u{1B}[31m", bold = "\u{1B}[1m", reset = "\u{1B}[0m"
    private static let notFoundHint = "hint: create it with 'checkout-admin account add T87654321'\r\n"

    // MARK: - Colour

    func testErrorOnATerminalIsRed() throws {
        XCTAssertEqual(
            try onTerminal("checkout-admin account show T87654321"),
            ChildProcessResult(
                status: 3,
                stdout: "\(Self.red)error:\(Self.reset) account 'T87654321' not found\r\n"
                    + Self.notFoundHint, stderr: ""))
    }

    func testErrorOnATerminalWithNoColorSetIsPlain() throws {
        XCTAssertEqual(
            try onTerminal("checkout-admin account show T87654321", environment: ["NO_COLOR": "1"]), plainNotFound)
    }

    func testErrorOnATerminalWithAnEmptyNoColorIsRed() throws {
        XCTAssertEqual(
            try onTerminal("checkout-admin account show T87654321", environment: ["NO_COLOR": ""]).stdout,
            "\(Self.red)error:\(Self.reset) account 'T87654321' not found\r\n" + Self.notFoundHint)
    }

    func testErrorOnADumbTerminalIsPlain() throws {
        XCTAssertEqual(
            try onTerminal("checkout-admin account show T87654321", environment: ["TERM": "dumb"]), plainNotFound)
    }

    func testErrorOnATerminalWithTheNoColorOptionIsPlain() throws {
        XCTAssertEqual(try onTerminal("checkout-admin account show T87654321 --no-color"), plainNotFound)
    }

    func testUsageErrorOnATerminalWithTheNoColorOptionIsPlain() throws {
        XCTAssertEqual(
            try onTerminal("checkout-admin --no-color acount list"),
            ChildProcessResult(
                status: 2,
                stdout: "error: unknown command 'acount'\r\n"
                    + "hint: did you mean 'checkout-admin account'?\r\n"
                    + "hint: see 'checkout-admin --help' for the list of commands\r\n", stderr: ""))
    }

    func testErrorPipedFromATerminalIsPlain() throws {
        XCTAssertEqual(try onTerminal("checkout-admin account show T87654321 2>&1 | cat").stdout, plainNotFound.stdout)
    }

    func testErrorStaysRedWhenOnlyStdoutIsPiped() throws {
        XCTAssertEqual(
            try onTerminal("checkout-admin account show T87654321 | cat").stdout,
            "\(Self.red)error:\(Self.reset) account 'T87654321' not found\r\n" + Self.notFoundHint)
    }

    func testTableOnATerminalHasABoldHeader() throws {
        makeCardAccount()
        XCTAssertEqual(
            try onTerminal("checkout-admin account list"),
            ChildProcessResult(
                status: 0,
                stdout: """
                    \(Self.bold)ACCOUNT    ENVIRONMENT  NAME     METHODS  PROFILES  CLICK_TO_PAY\(Self.reset)\r
                    T12345678  test         Example  1        0         off\r

                    """, stderr: ""))
    }

    func testTablePipedFromATerminalIsPlainTabSeparated() throws {
        makeCardAccount()
        XCTAssertEqual(
            try onTerminal("checkout-admin account list | cat"),
            ChildProcessResult(
                status: 0,
                stdout: """
                    ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\r
                    T12345678\ttest\tExample\t1\t0\toff\r

                    """, stderr: ""))
    }

    func testTableOnATerminalWithNoColorSetHasAPlainHeader() throws {
        makeCardAccount()
        XCTAssertEqual(
            try onTerminal("checkout-admin account list", environment: ["NO_COLOR": "1"]).stdout,
            """
            ACCOUNT    ENVIRONMENT  NAME     METHODS  PROFILES  CLICK_TO_PAY\r
            T12345678  test         Example  1        0         off\r

            """)
    }

    // MARK: - Prompts

    func testPromptOnATerminalAcceptsYes() throws {
        makeCardAccount()
        let result = try onTerminal("checkout-admin account remove T12345678", stdin: "y\n")
        // The terminal echoes the typed answer whenever it arrives; everything else is exact.
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(
            result.stdout.replacingOccurrences(of: "y\r\n", with: ""),
            "remove account 'T12345678' with its 1 method and 0 profiles? [y/N] \(Self.red)-\(Self.reset) account T12345678\r\n"
        )
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM account"), [["0"]])
    }

    func testPromptOnATerminalRefusesAtEndOfInput() throws {
        makeCardAccount()
        XCTAssertEqual(
            try onTerminal("checkout-admin account remove T12345678", environment: ["NO_COLOR": "1"]),
            ChildProcessResult(
                status: 3,
                stdout: "remove account 'T12345678' with its 1 method and 0 profiles? [y/N] "
                    + notConfirmed(red: false), stderr: ""))
    }

    func testNoPromptWhenCIIsSet() throws {
        makeCardAccount()
        XCTAssertEqual(
            try onTerminal("checkout-admin account remove T12345678", environment: ["CI": "true"]),
            ChildProcessResult(status: 3, stdout: notConfirmed(red: true), stderr: ""))
    }

    func testNoPromptWhenCIIsSetToAnEmptyValue() throws {
        makeCardAccount()
        XCTAssertEqual(
            try onTerminal("checkout-admin account remove T12345678", environment: ["CI": ""]),
            ChildProcessResult(status: 3, stdout: notConfirmed(red: true), stderr: ""))
    }

    func testNoPromptWhenStdinIsNotATerminal() throws {
        makeCardAccount()
        XCTAssertEqual(
            try onTerminal("checkout-admin account remove T12345678 < /dev/null"),
            ChildProcessResult(status: 3, stdout: notConfirmed(red: true), stderr: ""))
    }

    func testNoPromptWhenStdoutIsNotATerminal() throws {
        makeCardAccount()
        XCTAssertEqual(try onTerminal("checkout-admin account remove T12345678 | cat").stdout, notConfirmed(red: true))
    }

    func testRefusedPromptWritesNothing() throws {
        makeCardAccount()
        let before = cli.storeBytes()
        XCTAssertEqual(try onTerminal("checkout-admin account remove T12345678", stdin: "n\n").status, 3)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    // MARK: - --quiet (in-process)

    func testQuietSilencesMessagesOnStderr() {
        makeCardAccount()
        let path = "\(cli.directory)/account.json"
        assertRun(cli.run(["--quiet", "account", "export", "T12345678", "--output", path]), status: 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testWithoutQuietTheMessageIsShown() {
        makeCardAccount()
        let path = "\(cli.directory)/account.json"
        assertRun(
            cli.run(["account", "export", "T12345678", "--output", path]), status: 0, stderr: "wrote '\(path)'\n")
    }

    func testQuietKeepsRequestedDataOnStdout() {
        makeCardAccount()
        let loud = cli.run("dump")
        XCTAssertEqual(loud.status, 0)
        assertRun(cli.run("dump --quiet"), status: 0, stdout: loud.stdout)
    }

    func testQuietKeepsThePlanAndDropsTheDryRunNote() {
        makeCardAccount()
        let state = cli.file("state.json", cli.run("dump").stdout)
        cli.succeed("settings set T12345678 name=Other")
        assertRun(
            cli.run(["apply", state, "--dry-run", "-q"]), status: 0,
            stdout: "~ settings T12345678 name: 'Other' → 'Example'\nPlan: 0 to add, 1 to change, 0 to remove.\n")
    }

    func testQuietStillReportsErrors() {
        assertRun(
            cli.run("--quiet account show T87654321"), status: 3,
            stderr:
                "error: account 'T87654321' not found\nhint: create it with 'checkout-admin account add T87654321'\n")
    }

    func testQuietStillReportsUsageErrors() {
        assertRun(
            cli.run("-q account lis"), status: 2,
            stderr: "error: unknown command 'lis'\nhint: did you mean 'checkout-admin account list'?\n"
                + "hint: see 'checkout-admin account --help' for the list of commands\n")
    }

    func testNoQuietAfterQuietShowsMessages() {
        makeCardAccount()
        let path = "\(cli.directory)/account.json"
        assertRun(
            cli.run(["--quiet", "account", "export", "T12345678", "--output", path, "--no-quiet"]), status: 0,
            stderr: "wrote '\(path)'\n")
    }

    // MARK: - Helpers

    private var plainNotFound: ChildProcessResult {
        ChildProcessResult(
            status: 3, stdout: "error: account 'T87654321' not found\r\n" + Self.notFoundHint, stderr: "")
    }

    private func notConfirmed(red: Bool) -> String {
        let label = red ? "\(Self.red)error:\(Self.reset)" : "error:"
        return
            "\(label) remove account 'T12345678' with its 1 method and 0 profiles: not confirmed\r\nhint: pass --yes to confirm\r\n"
    }

    /// Runs `command` with /bin/sh on a new pseudo-terminal (stdin, stdout and stderr all on it), the
    /// built binary first on PATH; `stdin` is typed into the terminal.
    private func onTerminal(_ command: String, environment extra: [String: String] = [:], stdin: String = "") throws
        -> ChildProcessResult
    {
        let script = try ChildProcess.program("script", package: "bsdutils")
        var environment = [
            "PATH": "\(try ChildProcess.builtBinaryFolder()):/usr/bin:/bin", "SHELL": "/bin/sh", "TERM": "xterm",
            "CHECKOUT_ADMIN_STORE": cli.storePath, "CHECKOUT_ADMIN_ACTOR": "tester", "HOME": cli.directory,
        ]
        environment.merge(extra) { $1 }
        return try ChildProcess.run(script, ["-qec", command, "/dev/null"], environment: environment, stdin: stdin)
    }
}
