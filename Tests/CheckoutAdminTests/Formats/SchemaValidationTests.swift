import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The repository root, found from this file: Tests/CheckoutAdminTests/Formats/<this file>.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Exported profiles validate against `PaymentConfiguration` in Dintero's published schema, checked by
/// Support/validate_profiles.py (python3 with yaml and jsonschema). A missing schema, python3 or module is a
/// failure, never a skip: the contract says the output must validate.
final class SchemaValidationTests: CLITestCase {
    private var spec: URL {
        repositoryRoot.appendingPathComponent("../shared/reference/dintero-spec-payments-2024-09.yaml").standardized
    }
    private var helper: URL {
        repositoryRoot.appendingPathComponent("Tests/CheckoutAdminTests/Support/validate_profiles.py")
    }
    private var fixture: URL {
        repositoryRoot.appendingPathComponent("Tests/CheckoutAdminTests/Fixtures/profiles/api-response.json")
    }

    /// What one run of the helper produced.
    private struct HelperRun {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the helper on `files`; nil (after recording a failure) when the schema or the helper is missing.
    private func validate(_ files: [String], file: StaticString = #filePath, line: UInt = #line) throws -> HelperRun? {
        guard FileManager.default.fileExists(atPath: spec.path) else {
            XCTFail(
                "Dintero's schema is missing at '\(spec.path)' (expected <repository root>/../shared/reference); "
                    + "the exported profiles cannot be validated", file: file, line: line)
            return nil
        }
        guard FileManager.default.fileExists(atPath: helper.path) else {
            XCTFail("the validator is missing at '\(helper.path)'", file: file, line: line)
            return nil
        }
        let output = "\(cli.directory)/helper.out"
        let errors = "\(cli.directory)/helper.err"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", helper.path, "--spec", spec.path,
                "--allowed-types", PaymentCatalogue.allowedIdentifiers.joined(separator: ","),
            ] + files
        // Files, not pipes: a chatty failure cannot fill a pipe and hang the test.
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            XCTFail("cannot start '/usr/bin/env python3': \(error)", file: file, line: line)
            return nil
        }
        process.waitUntilExit()
        let run = HelperRun(
            status: process.terminationStatus, stdout: try String(contentsOfFile: output, encoding: .utf8),
            stderr: try String(contentsOfFile: errors, encoding: .utf8))
        if run.status == 127 || run.status == 2 {
            XCTFail(
                "the validator could not run (python3 with the yaml and jsonschema modules is required): \(run.stderr)",
                file: file, line: line)
            return nil
        }
        return run
    }

    /// Exports every profile of `account` to a file and returns its path.
    private func export(_ account: String) -> String {
        let path = "\(cli.directory)/\(account).json"
        let result = cli.run(["profile", "export", account, "--output", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    private func addProfile(_ arguments: String) {
        cli.succeed("profile add T12345678 \(arguments)")
    }

    /// An account with a method from every gateway and profiles covering channels, all_active, defaults (old and
    /// new enum values), options that came in through import, Vipps and several gateways in one profile.
    private func makeManyProfiles() {
        makeCardAccount()
        for type in [
            "dintero_psp.clicktopay", "dintero_psp.applepay", "dintero_psp.googlepay", "dintero_psp.vipps", "vipps",
            "bambora.creditcard", "bambora.mobilepay", "payex.creditcard", "payex.swish", "netaxept.creditcard",
            "swish.swish",
            "klarna.klarna", "klarna.billie", "collector.invoice", "collector.invoice_b2b", "instabank.finance",
            "santander.debit_account", "kravia.invoice_b2c", "two.invoice_b2b", "seitatech.in_person", "dintero.zero",
            "dintero.external",
        ] {
            cli.succeed("method enable T12345678 \(type)")
        }
        addProfile(
            "web --method dintero_psp.creditcard --method dintero_psp.clicktopay --method dintero_psp.applepay "
                + "--method dintero_psp.googlepay --default dintero_psp.creditcard")
        addProfile("app --channel in_app --method vipps --default vipps --auto-capture")
        addProfile("till --channel in_store --all-active --auto-capture")
        addProfile("everything --all-active --default klarna.klarna")
        addProfile(
            "gateways --method bambora.creditcard --method payex.creditcard --method netaxept.creditcard --method payex.swish "
                + "--method swish.swish --method bambora.mobilepay --default payex.creditcard")
        addProfile(
            "invoices --method collector.invoice --method collector.invoice_b2b --method instabank.finance "
                + "--method santander.debit_account --method kravia.invoice_b2c --method two.invoice_b2b --method klarna.billie "
                + "--default collector.invoice")
        addProfile(
            "newer --method dintero_psp.vipps --method seitatech.in_person --method dintero.zero --method dintero.external "
                + "--default dintero_psp.vipps --channel in_app")
        cli.succeed("profile set T12345678 web merchant_terms_url=https://example.com/terms description=Web")
        cli.succeed("profile import T12345678 \(fixture.path)")
    }

    /// A second account with Dintero Wallets, which cannot share a profile with Vipps and others.
    private func makeWalletsProfile() {
        makeCardAccount("T87654321")
        cli.succeed("method enable T87654321 dintero.wallets")
        cli.succeed(
            "profile add T87654321 giftcards --method dintero.wallets --method dintero_psp.creditcard --default dintero.wallets"
        )
    }

    func testExportedProfilesOfEveryKindValidateAgainstPaymentConfiguration() throws {
        makeManyProfiles()
        makeWalletsProfile()
        let files = [export("T12345678"), export("T87654321")]
        guard let run = try validate(files) else { return }
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            run.stdout, "valid: 10 configurations against PaymentConfiguration (self-check: 10 cases)\n",
            "every profile was validated")
        XCTAssertEqual(run.stderr, "")
    }

    func testOneExportedProfileObjectValidates() throws {
        makeCardAccount()
        cli.succeed(
            "profile add T12345678 web --method dintero_psp.creditcard --channel in_store --default dintero_psp.creditcard"
        )
        let path = "\(cli.directory)/web.json"
        cli.succeed("profile export T12345678 web --output \(path)")
        guard let run = try validate([path]) else { return }
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "valid: 1 configurations against PaymentConfiguration (self-check: 10 cases)\n")
    }

    func testTheValidatorRejectsAnInvalidConfiguration() throws {
        let path = cli.file(
            "invalid.json",
            """
            [{"profile_id": "ok", "configuration": {"auto_capture": false}},
             {"profile_id": "bad", "configuration": {"auto_capture": "yes", "channel": "ecommerce"}}]
            """)
        guard let run = try validate([path]) else { return }
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            """
            invalid: \(path) $[1] (profile_id "bad"): configuration.auto_capture: 'yes' is not of type 'boolean'
            invalid: \(path) $[1] (profile_id "bad"): configuration.channel: 'ecommerce' is not one of ['in_app', 'in_store']

            """)
    }

    func testTheValidatorRejectsADefaultOutsideTheCatalogue() throws {
        let path = cli.file(
            "invalid.json", #"{"profile_id": "bad", "configuration": {"default_payment_type": "payex.clicktopay"}}"#)
        guard let run = try validate([path]) else { return }
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.hasPrefix(
                "invalid: \(path) $ (profile_id \"bad\"): configuration.default_payment_type: 'payex.clicktopay' is not one of ["
            ),
            run.stderr)
    }
}
