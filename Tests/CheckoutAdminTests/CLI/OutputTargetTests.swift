import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `--output` and `store backup` targets: the store and its journals, devices, FIFOs and folders are refused
/// before anything is written; `-` and `/dev/stdout` mean standard output.
final class OutputTargetTests: CLITestCase {
    override func setUp() {
        super.setUp()
        cli.succeed("account add T12345678")
    }

    func testDumpOverTheStoreItselfIsRefused() throws {
        let before = cli.storeBytes()
        assertRun(
            cli.run(["dump", "--output", cli.storePath]), status: 3,
            stderr: "error: cannot write '\(cli.storePath)': it is the store or one of its journal files\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testExportOverTheStoreWALThroughAnotherPathIsRefused() {
        cli.succeed("settings set T12345678 name=Shop logo_url=https://example.com/logo.png")
        let walByAnotherPath = "\(cli.directory)/../\((cli.directory as NSString).lastPathComponent)/store.sqlite-wal"
        assertRun(
            cli.run(["account", "export", "T12345678", "--output", walByAnotherPath]), status: 3,
            stderr: "error: cannot write '\(walByAnotherPath)': it is the store or one of its journal files\n")
    }

    func testDumpToADeviceNodeIsRefused() {
        assertRun(
            cli.run(["dump", "--output", "/dev/null"]), status: 3,
            stderr: "error: cannot write '/dev/null': it is not a regular file (a device, FIFO or socket)\n")
    }

    func testBackupIntoAFolderIsRefused() {
        assertRun(
            cli.run(["store", "backup", cli.directory]), status: 3,
            stderr: "error: cannot write backup '\(cli.directory)': it is a directory\n")
    }

    func testBackupOverTheStoreIsRefused() {
        assertRun(
            cli.run(["store", "backup", cli.storePath]), status: 3,
            stderr: "error: cannot write backup '\(cli.storePath)': it is the store or one of its journal files\n")
    }

    func testDashAndDevStdoutMeanStandardOutput() {
        let plain = cli.run(["dump"])
        XCTAssertEqual(cli.run(["dump", "--output", "-"]).stdout, plain.stdout)
        XCTAssertEqual(cli.run(["dump", "--output", "/dev/stdout"]).stdout, plain.stdout)
        XCTAssertEqual(plain.status, 0)
        XCTAssertTrue(plain.stdout.contains("T12345678"))
    }
}
