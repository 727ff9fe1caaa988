import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Every help page compared byte for byte with its golden file in Fixtures/help.
///
/// After an intended change to help text, regenerate the files and review the diff:
/// `UPDATE_GOLDEN=1 swift test --disable-swift-testing --filter HelpGoldenTests`.
final class HelpGoldenTests: CLITestCase {
    // MARK: - Pages

    func testRootHelpMatchesItsGoldenFile() {
        checkHelp(["--help"], golden: "root")
    }

    func testEveryGroupHelpMatchesItsGoldenFile() {
        XCTAssertFalse(groupPaths.isEmpty)
        for path in groupPaths {
            checkHelp(path + ["--help"], golden: GoldenFile.name(for: path))
        }
    }

    func testEveryCommandHelpMatchesItsGoldenFile() {
        XCTAssertFalse(Commands.registry.commands.isEmpty)
        for command in Commands.registry.commands {
            checkHelp(command.path + ["--help"], golden: GoldenFile.name(for: command.path))
        }
    }

    func testHelpCommandMatchesTheSameGoldenFiles() {
        for path in [[String]()] + groupPaths + Commands.registry.commands.map(\.path) {
            checkHelp(["help"] + path, golden: GoldenFile.name(for: path))
        }
    }

    func testExitCodesTopicMatchesItsGoldenFile() {
        checkHelp(["help", "exit-codes"], golden: "help-exit-codes")
    }

    func testEnvironmentTopicMatchesItsGoldenFile() {
        checkHelp(["help", "environment"], golden: "help-environment")
    }

    func testAuditRulesTopicMatchesItsGoldenFile() {
        checkHelp(["help", "audit-rules"], golden: "help-audit-rules")
    }

    func testEveryGoldenFileBelongsToAHelpPage() throws {
        let expected = Set(
            (["root", "help-exit-codes", "help-environment", "help-audit-rules"]
                + (groupPaths + Commands.registry.commands.map(\.path)).map(GoldenFile.name(for:))).map { "\($0).txt" })
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: GoldenFile.directory.path))
        XCTAssertEqual(present.subtracting(expected).sorted(), [], "golden files for help pages that no longer exist")
    }

    // MARK: - The comparison itself

    func testMissingGoldenFileIsAFailure() {
        let url = URL(fileURLWithPath: cli.directory).appendingPathComponent("missing.txt")
        XCTAssertEqual(
            GoldenFile.mismatch("text\n", at: url, updating: false),
            "golden file missing.txt is missing; run UPDATE_GOLDEN=1 swift test to write it")
    }

    func testDifferentGoldenFileIsAFailureNamingTheFirstDifferentLine() {
        let url = URL(fileURLWithPath: cli.file("page.txt", "usage: a\nsame\nold\n"))
        XCTAssertEqual(
            GoldenFile.mismatch("usage: a\nsame\nnew\n", at: url, updating: false),
            "page.txt differs at line 3:\n  expected: old\n  actual:   new")
    }

    func testGoldenFileDifferingOnlyInTheFinalNewlineIsAFailure() {
        let url = URL(fileURLWithPath: cli.file("page.txt", "usage: a\n"))
        XCTAssertNotNil(GoldenFile.mismatch("usage: a", at: url, updating: false))
    }

    func testEqualGoldenFileIsNoFailure() {
        let url = URL(fileURLWithPath: cli.file("page.txt", "usage: a\n"))
        XCTAssertNil(GoldenFile.mismatch("usage: a\n", at: url, updating: false))
    }

    func testUpdatingWritesTheGoldenFile() throws {
        let url = URL(fileURLWithPath: cli.directory).appendingPathComponent("new.txt")
        XCTAssertNil(GoldenFile.mismatch("usage: a\n", at: url, updating: true))
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "usage: a\n")
    }

    // MARK: - Helpers

    /// Every word with subcommands, e.g. ["account"].
    private var groupPaths: [[String]] {
        Commands.registry.children(of: []).map { [$0] }.filter { Commands.registry.command(at: $0) == nil }
    }

    private func checkHelp(
        _ arguments: [String], golden name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let result = cli.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr, "", "\(arguments)", file: file, line: line)
        let url = GoldenFile.directory.appendingPathComponent("\(name).txt")
        if let failure = GoldenFile.mismatch(result.stdout, at: url, updating: GoldenFile.isUpdating) {
            XCTFail("checkout-admin \(arguments.joined(separator: " ")): \(failure)", file: file, line: line)
        }
    }
}

/// Golden files under Tests/CheckoutAdminTests/Fixtures/help, found from this source file's path.
private enum GoldenFile {
    /// The folder of help golden files in the source tree (not the copied bundle, so updates land in git).
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("help")

    /// Whether this run rewrites the golden files instead of comparing.
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// `account-add` for ["account", "add"]; `root` for the whole tool.
    static func name(for path: [String]) -> String {
        path.isEmpty ? "root" : path.joined(separator: "-")
    }

    /// Nil when `actual` equals the file (or was written to it when updating); otherwise why not.
    static func mismatch(_ actual: String, at url: URL, updating: Bool) -> String? {
        if updating {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                return nil
            } catch {
                return "cannot write golden file \(url.path): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "golden file \(url.lastPathComponent) is missing; run UPDATE_GOLDEN=1 swift test to write it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let index =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let show = { (lines: [Substring]) in index < lines.count ? String(lines[index]) : "<end of text>" }
        return
            "\(url.lastPathComponent) differs at line \(index + 1):\n  expected: \(show(expectedLines))\n  actual:   \(show(actualLines))"
    }
}
