import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// A UTF-8 byte order mark at the start of a JSON input (file or stdin) is skipped, for every command that reads
/// one.
final class ByteOrderMarkTests: CLITestCase {
    private let byteOrderMark = "\u{FEFF}"

    func testApplyReadsADocumentWithAByteOrderMarkFromStdin() throws {
        let document =
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {"name": "Example"}, "payment_methods": [], "profiles": []}]}"#
        assertRun(
            cli.run(["apply", "-"], stdin: byteOrderMark + document), status: 0,
            stdout: """
                + account T12345678
                + settings T12345678 name: 'Example'
                Plan: 2 to add, 0 to change, 0 to remove.

                """,
            stderr: """
                  warning merchant-incomplete: account 'T12345678' lacks logo_url, which Dintero requires
                           fix: checkout-admin settings set T12345678 logo_url=…
                Applied.

                """)
        XCTAssertEqual(try cli.rows("SELECT key, value FROM setting"), [["name", "Example"]])
    }

    func testProfileImportReadsAFileWithAByteOrderMark() throws {
        makeCardAccount()
        let file = cli.file(
            "profile.json",
            byteOrderMark
                + #"{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}"#)
        assertRun(
            cli.run(["profile", "import", "T12345678", file]), status: 0,
            stderr: "+ profile T12345678 web: offers dintero_psp.creditcard\n")
        XCTAssertEqual(try cli.rows("SELECT profile_id FROM profile"), [["web"]])
    }

    func testAccountImportReadsAFileWithAByteOrderMark() throws {
        let file = cli.file(
            "checkout.json",
            byteOrderMark
                + #"{"configuration": {"merchant": {"name": "Example"}, "payment_options": [{"type": "vipps", "currencies": ["NOK"]}]}}"#
        )
        XCTAssertEqual(cli.run(["account", "import", "T12345678", file]).status, 0)
        XCTAssertEqual(try cli.rows("SELECT type, currencies FROM payment_method"), [["vipps", "NOK"]])
    }

    func testTwoByteOrderMarksAreStillRefused() throws {
        let before = cli.storeBytes()
        assertRun(
            cli.run(["apply", "-"], stdin: byteOrderMark + byteOrderMark + "{}"), status: 3,
            stderr:
                "error: invalid JSON in '<stdin>': a UTF-8 byte order mark (U+FEFF) is not allowed at the start of a document at line 1, column 1 ($)\n"
        )
        XCTAssertEqual(cli.storeBytes(), before)
    }
}
