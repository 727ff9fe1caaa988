import Foundation
import XCTest

/// `pull` with the real binaries (checkout-admin and its helper) against the Dintero emulator over loopback.
final class PullCommandTests: XCTestCase {
    private var emulator: EmulatorHarness!

    override func setUpWithError() throws {
        emulator = try EmulatorHarness(
            state: EmulatorState.document(["T12345678": EmulatorState.merchant(profiles: 230, deleted: ["zz-gone"])]))
    }

    override func tearDown() {
        emulator.stop()
    }

    func testPullReadsEveryPageAndSkipsSoftDeletedProfiles() throws {
        let result = try emulator.run("pull T12345678 --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lists = try emulator.requestLines().filter { $0.hasPrefix("GET /v1/admin/session/profiles") }
        XCTAssertEqual(
            lists,
            [
                "GET /v1/admin/session/profiles?limit=100",
                "GET /v1/admin/session/profiles?limit=100&starting_after=p099",
                "GET /v1/admin/session/profiles?limit=100&starting_after=p199",
            ])
        let listed = try emulator.run("profile list T12345678 --json")
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let ids = (document["profiles"] as? [[String: Any]] ?? []).compactMap { $0["profile_id"] as? String }
        XCTAssertEqual(ids.count, 231)
        XCTAssertFalse(ids.contains("zz-gone"))
    }

    func testPullTwiceSaysUpToDateAndWritesNothing() throws {
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
        let history = try emulator.run("history T12345678 --json").stdout
        let again = try emulator.run("pull T12345678")
        XCTAssertEqual(
            again, ChildProcessResult(status: 0, stdout: "", stderr: "'T12345678' is up to date with Dintero\n"))
        XCTAssertEqual(try emulator.run("history T12345678 --json").stdout, history)
    }

    func testPullKeepsTheToolsOwnSettings() throws {
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
        XCTAssertEqual(try emulator.run("settings set T12345678 checkout_express=true").status, 0)
        try emulator.fault(backofficeRename("Renamed AS"))
        _ = try emulator.run("diff T12345678")
        let pulled = try emulator.run("pull T12345678")
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        let settings = try emulator.run("settings show T12345678").stdout
        XCTAssertTrue(settings.contains("checkout_express") && settings.contains("Renamed AS"), settings)
    }

    func testLocalChangesAndAnUnchangedRemoteAreKept() throws {
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        XCTAssertEqual(
            try emulator.run("pull T12345678"),
            ChildProcessResult(
                status: 0, stdout: "",
                stderr:
                    "'T12345678': Dintero has not changed; local changes not pushed yet (see 'checkout-admin diff T12345678')\n"
            ))
    }

    func testPullWithLocalAndRemoteChangesIsAConflictNamingTheObjects() throws {
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
        XCTAssertEqual(try emulator.run("profile set T12345678 p001 description=local").status, 0)
        try emulator.fault(backofficeRename("Renamed AS"))
        _ = try emulator.run("diff T12345678")
        XCTAssertEqual(
            try emulator.run("pull T12345678"),
            ChildProcessResult(
                status: 3, stdout: "",
                stderr: """
                    error: account 'T12345678' changed both here and on Dintero since the last pull
                    hint: 'checkout-admin pull T12345678 --force' takes Dintero's version (local changes are lost)
                    hint: 'checkout-admin push T12345678 --force' writes the local version over Dintero's
                      local:  profile 'p001'
                      remote: settings 'name'

                    """))
        let forced = try emulator.run("pull T12345678 --force")
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try emulator.run("profile show T12345678 p001").stdout.contains("profile p001"))
    }

    func testConflictInJSONHasTheConflictCode() throws {
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        try emulator.fault(backofficeRename("Renamed AS"))
        _ = try emulator.run("diff T12345678")
        let result = try emulator.run("pull T12345678 --json")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.contains("\"code\":\"conflict\""), result.stderr)
    }

    /// A Backoffice edit, applied by the emulator on the next request (here: a diff's first request).
    private func backofficeRename(_ name: String) -> [String: Any] {
        [
            "kind": "backoffice_edit", "account": "T12345678", "target": "checkout",
            "patch": ["configuration": ["merchant": ["name": name]]],
        ]
    }
}
