import XCTest
@testable import CheckoutAdminKit

final class AccountCommandsTests: CLITestCase {
    func testAddingAnAccountReportsTheChangesOnStderr() {
        assertRun(cli.run(["account", "add", "T12345678", "--name", "Example AS"]), status: 0,
                  stderr: "+ account T12345678\n+ settings T12345678 name: 'Example AS'\n")
    }

    func testAddingAnExistingAccountIsRefusedWithExitThree() {
        cli.succeed("account add T12345678")
        assertRun(cli.run("account add T12345678"), status: 3,
                  stderr: "error: account 'T12345678' already exists\nhint: pass --if-not-exists to accept an existing account\n")
    }

    func testIfNotExistsAcceptsAnExistingAccount() {
        cli.succeed("account add T12345678")
        assertRun(cli.run("account add T12345678 --if-not-exists"), status: 0, stderr: "account 'T12345678' already exists\n")
    }

    func testListOnAMissingStoreIsEmptyAndCreatesNothing() {
        assertRun(cli.run("account list"), status: 0, stdout: "ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\n")
        XCTAssertNil(cli.storeBytes())
    }
}
