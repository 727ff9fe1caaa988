import Foundation
import XCTest

@testable import CheckoutStore

/// `push` against the emulator: the safe order, idempotence, refusals, `--dry-run` and `--prune`.
final class PushCommandTests: PulledMerchantTestCase {

    /// Local edits touching every kind of request.
    private func editEverything() throws {
        for line in [
            "settings set T12345678 website=https://example.org", "method disable T12345678 swish.swish",
            "profile add T12345678 web --method vipps",
            "profile set T12345678 p001 description=changed", "profile remove T12345678 p002 --yes",
        ] {
            let result = try emulator.run(line)
            XCTAssertEqual(result.status, 0, "\(line): \(result.stderr)")
        }
    }

    private func writes() throws -> [String] {
        try emulator.requestLines().filter { !$0.hasPrefix("GET") && !$0.contains("/auth/token") }
    }

    func testPushSendsItsRequestsInTheSafeOrder() throws {
        try editEverything()
        let result = try emulator.run("push T12345678 --prune")
        XCTAssertEqual(
            result.stdout,
            """
            + settings T12345678 website: 'https://example.org'
            - method T12345678 swish.swish
            ~ profile T12345678 p001: description 'profile p001' → 'changed'
            - profile T12345678 p002
            + profile T12345678 web: offers vipps
            Plan: 2 to add, 1 to change, 2 to remove.

            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try writes(),
            [
                "PUT /v1/admin/checkout", "POST /v1/admin/session/profiles", "PUT /v1/admin/session/profiles/p001",
                "DELETE /v1/admin/session/profiles/p002", "PUT /v1/admin/checkout",
            ])
        XCTAssertEqual(
            try emulator.run("diff T12345678 --exit-code"),
            ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: ""))
    }

    func testPushKeepsTheMethodDetailsOnlyDinteroKnows() throws {
        try editEverything()
        XCTAssertEqual(try emulator.run("push T12345678").status, 0)
        let accounts = try emulator.state()["accounts"] as? [String: Any]
        let account = accounts?["T12345678"] as? [String: Any]
        let configuration = (account?["checkout"] as? [String: Any])?["configuration"] as? [String: Any]
        let options = configuration?["payment_options"] as? [[String: Any]] ?? []
        let card = options.first { $0["type"] as? String == "dintero_psp.creditcard" }
        XCTAssertEqual(card?["details"] as? [String: String], ["sca_policy": "always"])
    }

    func testPushTwiceSendsNoSecondWrite() throws {
        try editEverything()
        XCTAssertEqual(try emulator.run("push T12345678 --prune").status, 0)
        try emulator.clearRequests()
        XCTAssertEqual(
            try emulator.run("push T12345678 --prune"),
            ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: ""))
        XCTAssertEqual(try writes(), [])
    }

    func testWithoutPruneProfilesOnlyOnDinteroAreKept() throws {
        XCTAssertEqual(try emulator.run("profile remove T12345678 p002 --yes").status, 0)
        let result = try emulator.run("push T12345678")
        XCTAssertEqual(
            result,
            ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: "kept on Dintero (no --prune): 'p002'\n"))
        XCTAssertEqual(try writes(), [])
    }

    func testDryRunSendsNothingButReads() throws {
        try editEverything()
        let result = try emulator.run("push T12345678 --dry-run --prune")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "Dry run: nothing sent.\n")
        XCTAssertEqual(try writes(), [])
    }

    func testANeverPulledAccountIsRefused() throws {
        XCTAssertEqual(try emulator.run("account add T11111111 --name Other").status, 0)
        XCTAssertEqual(try emulator.run("settings set T11111111 logo_url=https://example.com/l.png").status, 0)
        XCTAssertEqual(
            try emulator.run("push T11111111"),
            ChildProcessResult(
                status: 3, stdout: "",
                stderr: """
                    error: account 'T11111111' was never pulled; refusing to overwrite Dintero
                    hint: pull it first: 'checkout-admin pull T11111111'
                    hint: or overwrite Dintero with 'push T11111111 --force'

                    """))
        XCTAssertEqual(try emulator.requestLines(), [])
    }

    func testARemoteChangedSinceTheBaseIsAConflict() throws {
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        try emulator.fault([
            "kind": "backoffice_edit", "account": "T12345678", "target": "profile", "profile_id": "p001",
            "patch": ["description": "from backoffice"], "path": "/v1/admin/checkout",
        ])
        XCTAssertEqual(
            try emulator.run("push T12345678"),
            ChildProcessResult(
                status: 3, stdout: "",
                stderr: """
                    error: account 'T12345678' changed on Dintero since the last pull
                    hint: 'checkout-admin pull T12345678' brings the change in (refused if it clashes with local changes)
                    hint: 'checkout-admin push T12345678 --force' overwrites it
                      remote: profile 'p001'

                    """))
        XCTAssertEqual(try writes(), [])
        // --force overwrites Dintero: the Backoffice edit of p001 is undone too.
        XCTAssertEqual(try emulator.run("push T12345678 --force").status, 0)
        XCTAssertEqual(try writes(), ["PUT /v1/admin/checkout", "PUT /v1/admin/session/profiles/p001"])
    }

    func testAccountWithAuditErrorsIsRefused() throws {
        // Only a store edited by other means holds an error: every command refuses to create one.
        let database = try Database(path: emulator.storePath, mode: .readWrite)
        try database.execute("INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'empty')")
        let result = try emulator.run("push T12345678")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(
            result.stderr.hasPrefix("error: account 'T12345678' has 1 audit error; nothing sent\n"), result.stderr)
        XCTAssertEqual(try emulator.requestLines(), [])
    }

    func testPushAllPushesEveryPulledAccount() throws {
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        XCTAssertEqual(try emulator.run("account add T11111111").status, 0)
        let result = try emulator.run("push --all")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try writes(), ["PUT /v1/admin/checkout"])
    }
}

/// SIGINT during a push: the request in flight finishes, the push stops and says what was written.
final class PushInterruptionTests: XCTestCase {
    func testSIGINTStopsThePushAfterTheRequestInFlight() throws {
        let emulator = try EmulatorHarness(
            state: EmulatorState.document(["T12345678": EmulatorState.merchant(profiles: 1)]))
        defer { emulator.stop() }
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        XCTAssertEqual(try emulator.run("profile set T12345678 p001 description=changed").status, 0)
        try emulator.fault(["kind": "delay", "ms": 3000, "method": "PUT", "path": "/v1/admin/checkout"])
        let process = Process()
        process.executableURL = try BuiltBinary.url()
        process.arguments = ["push", "T12345678"]
        process.environment = emulator.environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The helper is waiting for the delayed PUT by now.
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(
            stderr.hasSuffix(
                """
                error: interrupted: push stopped after the request in flight
                hint: the base records what was written: run the same push again to finish
                requests of this push:
                  done: PUT /admin/checkout
                  not sent: PUT /admin/session/profiles/p001

                """), stderr)
        let second = try emulator.run("push T12345678")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.hasPrefix("~ profile T12345678 p001"), second.stdout)
    }
}
