import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The repository root, found from this file: Tests/CheckoutAdminTests/Formats/<this file>.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every body the CLI exports validates against the project's own schema fixtures (Fixtures/schema, written from
/// Dintero's 2026 types: closed objects, required product fields, read-only fields refused), checked by
/// Support/schema_check.py (python3 with jsonschema). A missing python3 or module is a failure, never a skip.
final class SchemaValidationTests: CLITestCase {
    private let support = repositoryRoot.appendingPathComponent("Tests/CheckoutAdminTests/Support")
    private let fixtures = repositoryRoot.appendingPathComponent("Tests/CheckoutAdminTests/Fixtures")

    /// The two write bodies there are schemas for.
    enum Body: String {
        case profile = "session-profile"
        case checkout = "checkout-configuration"
    }

    /// Runs the checker on `path`: its exit status and its error lines.
    private func check(_ body: Body, _ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> (
        Int32, String
    ) {
        let output = "\(cli.directory)/check-\(UUID().uuidString).out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", support.appendingPathComponent("schema_check.py").path,
            fixtures.appendingPathComponent("schema/\(body.rawValue).schema.json").path, path,
        ]
        // A file, not a pipe: a chatty failure cannot fill a pipe and hang the test.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertNotEqual(process.terminationStatus, 2, "the checker could not run: \(text)", file: file, line: line)
        return (process.terminationStatus, text)
    }

    /// Exports with `arguments` to a file, asserts success, and asserts the file validates as `body`.
    private func assertExportValidates(
        _ body: Body, _ arguments: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let path = "\(cli.directory)/export-\(UUID().uuidString).json"
        let result = cli.run("\(arguments) --output \(path)")
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let (status, errors) = try check(body, path, file: file, line: line)
        XCTAssertEqual(status, 0, "\(arguments): \(errors)", file: file, line: line)
        XCTAssertEqual(errors, "", file: file, line: line)
    }

    private func dintero(_ name: String) -> String {
        fixtures.appendingPathComponent("dintero/\(name)").path
    }

    /// An account brought in from the realistic Dintero fixtures: GET /admin/checkout and two pages of profiles.
    private func importRealisticAccount(_ account: String = "T12345678") {
        cli.succeed("account import \(account) \(dintero("checkout-get.json"))")
        cli.succeed("profile import \(account) \(dintero("profiles-page-1.json"))")
        cli.succeed("profile import \(account) \(dintero("profiles-page-2.json"))")
    }

    func testBodiesExportedFromTheRealisticFixturesValidate() throws {
        importRealisticAccount()
        try assertExportValidates(.checkout, "account export T12345678")
        try assertExportValidates(.profile, "profile export T12345678")
        for profile in ["store-oslo", "invoices", "T12345678.46dP6T4F1mUXYPeYKYc5Gj"] {
            try assertExportValidates(.profile, "profile export T12345678 \(profile)")
        }
    }

    func testProfilesBuiltByCommandsOfEveryKindValidate() throws {
        importRealisticAccount()
        for type in [
            "payex.creditcard", "kravia.invoice_b2b", "collector.finance", "instabank.postponement", "two.invoice_b2b",
        ] {
            cli.succeed("method enable T12345678 \(type)")
        }
        cli.succeed(
            "profile add T12345678 cards --method dintero_psp.creditcard --method dintero_psp.googlepay "
                + "--default dintero_psp.creditcard --channel in_app --auto-capture")
        cli.succeed("clicktopay enable T12345678 --profile cards")
        cli.succeed(
            "profile add T12345678 required --method payex.creditcard --method kravia.invoice_b2b "
                + "--method collector.finance --method instabank.postponement --method two.invoice_b2b --method bambora.creditcard"
        )
        cli.succeed("profile add T12345678 all --all-active --default collector.installment_b2b_preapproved")
        cli.succeed("profile set-option T12345678 cards dintero_psp.creditcard generate_payment_token=true")
        let option = cli.run(["profile", "set-option", "T12345678", "cards", "vipps", #"dynamic_descriptor="SHOP""#])
        XCTAssertEqual(option.status, 0, option.stderr)
        try assertExportValidates(.profile, "profile export T12345678")
    }

    func testTheCheckerRejectsTheBareProductThatOlderVersionsExported() throws {
        let path = cli.file(
            "bare.json", #"{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}"#)
        let (status, errors) = try check(.profile, path)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(errors.contains("generate_payment_token"), errors)
    }

    func testTheCheckerRejectsAReadOnlyFieldBelowTheTopLevel() throws {
        let path = cli.file(
            "nested.json",
            #"{"profile_id": "web", "configuration": {"discounts": {"type": "discounts", "order": {"enabled": true}}}}"#
        )
        let (status, errors) = try check(.profile, path)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(errors.contains("configuration.discounts"), errors)
    }

    func testTheCheckerRejectsAnAccountBodyWithoutLogoURL() throws {
        let path = cli.file(
            "merchant.json", #"{"configuration": {"merchant": {"name": "Shop"}, "payment_options": []}}"#)
        let (status, errors) = try check(.checkout, path)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(errors.contains("logo_url"), errors)
    }
}
