import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `--version` and `--version --json`: the CHANGELOG's latest release and the commit it was built from.
final class VersionTests: CLITestCase {
    func testVersionLineIsTheNameTheSemanticVersionAndTheCommit() throws {
        let result = cli.run("--version")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        let shape = try Regex(
            #"^checkout-admin [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{7,40}(-dirty)?|unknown commit)\)\n$"#)
        XCTAssertNotNil(result.stdout.wholeMatch(of: shape), result.stdout)
        XCTAssertEqual(result.stdout, BuildVersion.current.text)
    }

    func testVersionIsTheLatestReleaseHeadingOfTheChangelog() throws {
        let changelog = try String(
            contentsOf: BuiltBinary.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let heading = try Regex(#"^## \[([0-9]+\.[0-9]+\.[0-9]+)\] - ([0-9]{4}-[0-9]{2}-[0-9]{2})$"#)
        let release = try XCTUnwrap(
            changelog.split(separator: "\n").lazy.compactMap { $0.wholeMatch(of: heading) }.first)
        XCTAssertEqual(String(release.output[1].substring ?? ""), BuildVersion.current.version)
        XCTAssertEqual(String(release.output[2].substring ?? ""), BuildVersion.current.releaseDate)
    }

    func testVersionJSONHasTheCommitTheFormatVersionAndTheVersion() throws {
        let result = cli.run("--version --json")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasSuffix("}\n"))
        let build = BuildVersion.current
        XCTAssertEqual(
            try JSONValue(parsing: result.stdout),
            .object([
                "commit": build.commitLabel.map(JSONValue.string) ?? .null, "format_version": .string("1"),
                "version": .string(build.version),
            ]))
    }

    func testJSONBeforeVersionPrintsTheSameDocument() {
        XCTAssertEqual(cli.run("--json --version"), cli.run("--version --json"))
    }

    func testACommitBuiltFromAChangedTreeIsMarkedDirty() {
        let build = BuildVersion(version: "1.2.3", releaseDate: "2031-01-02", commit: "85d9d3d", isDirty: true)
        XCTAssertEqual(build.text, "checkout-admin 1.2.3 (85d9d3d-dirty)\n")
        XCTAssertEqual(build.fields["commit"], .string("85d9d3d-dirty"))
    }

    func testABuildOutsideGitSaysTheCommitIsUnknown() {
        let build = BuildVersion(version: "1.2.3", releaseDate: "2031-01-02", commit: nil, isDirty: false)
        XCTAssertEqual(build.text, "checkout-admin 1.2.3 (unknown commit)\n")
        XCTAssertEqual(build.fields["commit"], .null)
    }
}
