import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// every error type's exit code, JSON code, text and JSON rendering.
final class ErrorReportTests: CLITestCase {
    private struct UnexpectedError: Error {}

    // MARK: - Exit codes and JSON codes

    func testUsageErrorExitsTwoWithCodeUsage() {
        let report = ErrorReport(UsageError(message: "unknown command 'lis'"))
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(report.code, "usage")
    }

    func testEveryRejectionReasonExitsThreeWithItsOwnCode() {
        let expected: [(RejectionReason, String)] = [
            (.invalidValue, "invalid_value"), (.policyViolation, "policy_violation"), (.notFound, "not_found"),
            (.alreadyExists, "already_exists"), (.inUse, "in_use"), (.notConfirmed, "not_confirmed"),
        ]
        for (reason, code) in expected {
            let report = ErrorReport(Rejection(reason: reason, message: "refused"))
            XCTAssertEqual(report.exitCode, 3, code)
            XCTAssertEqual(report.code, code)
        }
    }

    func testReadingStdinAgainAfterAnotherProcessCreatedTheStoreIsBusyAndSafeToRetry() throws {
        let input = StateInput(file: "-", standardInput: ProvidedInput(Array("{}".utf8)), storePath: "/tmp/s.sqlite")
        _ = try input.open()
        XCTAssertThrowsError(try input.open()) { error in
            XCTAssertEqual(error as? StoreFailure, .createdMeanwhile(path: "/tmp/s.sqlite"))
            let report = ErrorReport(error)
            XCTAssertEqual(report.exitCode, 4)
            XCTAssertEqual(report.code, "store_busy")
            XCTAssertEqual(
                report.message,
                "store '/tmp/s.sqlite' was created by another process while stdin was read; nothing written")
        }
    }

    func testInvalidValueShorthandIsInvalidValue() {
        XCTAssertEqual(ErrorReport(Rejection.invalid("bad")).code, "invalid_value")
    }

    func testNotFoundShorthandIsNotFound() {
        XCTAssertEqual(ErrorReport(Rejection.notFound("missing")).code, "not_found")
    }

    func testBusyStoreExitsFourWithCodeStoreBusy() {
        let report = ErrorReport(StoreFailure.busy(path: "/data/store.sqlite", timeout: 30))
        XCTAssertEqual(report.exitCode, 4)
        XCTAssertEqual(report.code, "store_busy")
        XCTAssertEqual(
            report.text(),
            "error: store '/data/store.sqlite' is busy: another process held the write lock for more than 30s\n"
                + "hint: retry, or raise --lock-timeout\n")
    }

    func testBusyStoreMessageKeepsAFractionalTimeout() {
        let report = ErrorReport(StoreFailure.busy(path: "/s", timeout: 0.5))
        XCTAssertEqual(report.message, "store '/s' is busy: another process held the write lock for more than 0.5s")
    }

    func testUnusableStoreExitsFiveWithCodeStoreUnusable() {
        let report = ErrorReport(
            StoreFailure.unusable(message: "store '/s' is not a checkout-admin store", hints: ["check --store"]))
        XCTAssertEqual(report.exitCode, 5)
        XCTAssertEqual(report.code, "store_unusable")
        XCTAssertEqual(report.text(), "error: store '/s' is not a checkout-admin store\nhint: check --store\n")
    }

    func testInterruptionBySIGINTExits130() {
        let report = ErrorReport(Interruption(signal: SIGINT))
        XCTAssertEqual(report.exitCode, 130)
        XCTAssertEqual(report.code, "interrupted")
        XCTAssertEqual(report.text(), "error: interrupted, no changes written\n")
    }

    func testInterruptionBySIGTERMExits143() {
        let report = ErrorReport(Interruption(signal: SIGTERM))
        XCTAssertEqual(report.exitCode, 143)
        XCTAssertEqual(report.code, "interrupted")
    }

    func testUnknownErrorExitsSeventyWithCodeInternal() {
        let report = ErrorReport(UnexpectedError())
        XCTAssertEqual(report.exitCode, 70)
        XCTAssertEqual(report.code, "internal")
        XCTAssertEqual(
            report.text(),
            "error: internal error: UnexpectedError()\nhint: this is a bug in checkout-admin; please report it\n")
    }

    func testInterruptedSQLiteStatementExits130() {
        let report = ErrorReport(SQLiteError(extendedCode: ResultCode.interrupt, message: "interrupted"))
        XCTAssertEqual(report.exitCode, 130)
        XCTAssertEqual(report.code, "interrupted")
    }

    func testStoreProviderTriggerIsAPolicyViolation() {
        let report = ErrorReport(
            SQLiteError(extendedCode: ResultCode.constraintTrigger, message: Schema.providerRuleMessage))
        XCTAssertEqual(report.exitCode, 3)
        XCTAssertEqual(report.code, "policy_violation")
        XCTAssertEqual(
            report.text(),
            "error: refused by the store: Click to Pay is only offered through dintero_psp (dintero_psp.clicktopay)\n"
                + "hint: use 'dintero_psp.clicktopay'\n")
    }

    func testOtherConstraintFailureIsInternal() {
        let report = ErrorReport(
            SQLiteError(extendedCode: ResultCode.constraintUnique, message: "UNIQUE constraint failed: account.id"))
        XCTAssertEqual(report.exitCode, 70)
        XCTAssertEqual(report.code, "internal")
    }

    func testDamagedStoreFileExitsFive() {
        let report = ErrorReport(
            SQLiteError(extendedCode: ResultCode.corrupt, message: "database disk image is malformed"))
        XCTAssertEqual(report.exitCode, 5)
        XCTAssertEqual(report.code, "store_unusable")
        XCTAssertEqual(report.message, "store unusable: database disk image is malformed")
    }

    func testFullDiskExitsFive() {
        XCTAssertEqual(
            ErrorReport(SQLiteError(extendedCode: ResultCode.full, message: "database or disk is full")).exitCode, 5)
    }

    func testReadOnlyStoreExitsFive() {
        XCTAssertEqual(
            ErrorReport(SQLiteError(extendedCode: ResultCode.readOnly, message: "attempt to write a readonly database"))
                .exitCode, 5)
    }

    func testBusySQLiteErrorExitsFourWithCodeStoreBusy() {
        let report = ErrorReport(SQLiteError(extendedCode: ResultCode.busy, message: "database is locked"))
        XCTAssertEqual(report.exitCode, 4)
        XCTAssertEqual(report.code, "store_busy")
        XCTAssertEqual(
            report.text(), "error: store is busy: database is locked\nhint: retry, or raise --lock-timeout\n")
    }

    // MARK: - Text rendering

    func testTextIsTheErrorLineThenOneHintLineEach() {
        let report = ErrorReport(
            Rejection(
                reason: .notFound, message: "account 'T12345678' not found",
                hints: ["check the id", "list accounts with 'checkout-admin account list'"]))
        XCTAssertEqual(
            report.text(),
            "error: account 'T12345678' not found\nhint: check the id\n"
                + "hint: list accounts with 'checkout-admin account list'\n")
    }

    func testTextWithoutHintsIsOneLine() {
        XCTAssertEqual(
            ErrorReport(Rejection.invalid("country 'XX' is not a real code")).text(),
            "error: country 'XX' is not a real code\n")
    }

    func testTextPrintsDetailsAfterTheHints() {
        let report = ErrorReport(
            Rejection(
                reason: .policyViolation, message: "change refused", hints: ["fix it"],
                details: ["  error ctp-provider: payex.clicktopay"]))
        XCTAssertEqual(report.text(), "error: change refused\nhint: fix it\n  error ctp-provider: payex.clicktopay\n")
    }

    func testTextColoursOnlyTheErrorPrefixWhenStyled() {
        let report = ErrorReport(
            Rejection(reason: .notFound, message: "account 'T12345678' not found", hints: ["add it"]))
        XCTAssertEqual(
            report.text(style: Style(enabled: true)),
            "\u{1B}[31merror:\u{1B}[0m account 'T12345678' not found\nhint: add it\n")
    }

    // MARK: - JSON rendering

    func testJSONHasCodeMessageHintAndExitCode() {
        let report = ErrorReport(
            Rejection(
                reason: .alreadyExists, message: "account 'T12345678' already exists",
                hints: ["pass --if-not-exists to accept an existing account"]))
        XCTAssertEqual(
            report.json.compactText(),
            #"{"error":{"code":"already_exists","exit_code":3,"hint":"pass --if-not-exists to accept an existing account","#
                + #""message":"account 'T12345678' already exists"}}"#)
    }

    func testJSONHintIsNullWhenThereIsNone() {
        XCTAssertEqual(
            ErrorReport(Interruption(signal: SIGINT)).json.compactText(),
            #"{"error":{"code":"interrupted","exit_code":130,"hint":null,"message":"interrupted, no changes written"}}"#
        )
    }

    func testJSONJoinsSeveralHintsIntoOne() {
        let report = ErrorReport(UsageError(message: "m", hints: ["first", "second"]))
        XCTAssertEqual(
            report.json.compactText(), #"{"error":{"code":"usage","exit_code":2,"hint":"first; second","message":"m"}}"#
        )
    }

    // MARK: - Through a run

    func testRejectionGoesToStderrAndNothingToStdout() {
        assertRun(
            cli.run("account show T12345678"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testRejectionWithJSONIsOneJSONObjectOnStderr() {
        assertRun(
            cli.run("account show T12345678 --json"), status: 3,
            stderr:
                #"{"error":{"code":"not_found","exit_code":3,"hint":"create it with 'checkout-admin account add T12345678'","#
                + #""message":"account 'T12345678' not found"}}"# + "\n")
    }

    func testRejectionWithJSONGivenAsAnOptionValueIsText() {
        assertRun(
            cli.run("account add T1 --name --json"), status: 3,
            stderr: "error: invalid account id 'T1'\n"
                + "hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678\n")
    }

    func testErrorIsColouredOnATerminal() {
        assertRun(
            cli.run(["account", "show", "T12345678"], terminal: true), status: 3,
            stderr: "\u{1B}[31merror:\u{1B}[0m account 'T12345678' not found\n"
                + "hint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testNoColorOptionKeepsErrorsPlainOnATerminal() {
        assertRun(
            cli.run(["account", "show", "T12345678", "--no-color"], terminal: true), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testNoColorOptionKeepsUsageErrorsPlainOnATerminal() {
        assertRun(
            cli.run(["--no-color", "account", "lis"], terminal: true), status: 2,
            stderr: "error: unknown command 'lis'\nhint: did you mean 'checkout-admin account list'?\n"
                + "hint: see 'checkout-admin account --help' for the list of commands\n")
    }

    func testNoColorEnvironmentKeepsErrorsPlainOnATerminal() {
        cli.environment["NO_COLOR"] = "1"
        assertRun(
            cli.run(["account", "show", "T12345678"], terminal: true), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testDumbTerminalKeepsErrorsPlain() {
        cli.environment["TERM"] = "dumb"
        assertRun(
            cli.run(["account", "show", "T12345678"], terminal: true), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testInvalidLockTimeoutIsAnInvalidValue() {
        assertRun(
            cli.run("--json --lock-timeout soon account list"), status: 3,
            stderr: #"{"error":{"code":"invalid_value","exit_code":3,"hint":null,"#
                + #""message":"lock timeout 'soon' is not a number of seconds from 0 to 86400"}}"# + "\n")
    }
}

/// SQLite result codes, spelled out so that raw codes stay out of the kit's API (as in DatabaseTests).
private enum ResultCode {
    static let busy: Int32 = 5
    static let readOnly: Int32 = 8
    static let interrupt: Int32 = 9
    static let corrupt: Int32 = 11
    static let full: Int32 = 13
    static let constraintTrigger: Int32 = 1811
    static let constraintUnique: Int32 = 2067
}
