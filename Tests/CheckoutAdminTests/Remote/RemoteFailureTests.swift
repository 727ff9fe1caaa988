import Foundation
import XCTest

/// Faults the emulator injects, and the refusals before anything is sent: retries, exit 6 and its JSON codes,
/// partial pushes, secrets, and the loopback rule.
final class RemoteFailureTests: PulledMerchantTestCase {

    private func statuses(_ method: String, _ path: String) throws -> [Int] {
        try emulator.requests().filter { $0["method"] as? String == method && $0["path"] as? String == path }
            .compactMap { $0["status"] as? Int }
    }

    func testTooManyRequestsWaitsForRetryAfter() throws {
        try emulator.fault(["kind": "status", "status": 429, "retry_after": 2, "path": "/v1/admin/checkout"])
        let started = Date()
        XCTAssertEqual(
            try emulator.run("diff T12345678"), ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: ""))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 2)
        XCTAssertEqual(try statuses("GET", "/v1/admin/checkout"), [429, 200])
    }

    func testServerErrorsAreRetriedThenExitSix() throws {
        try emulator.fault(["kind": "status", "status": 500, "times": 10, "path": "/v1/admin/checkout"])
        XCTAssertEqual(
            try emulator.run("diff T12345678"),
            ChildProcessResult(
                status: 6, stdout: "",
                stderr: """
                    error: Dintero could not be reached for account 'T12345678': GET /admin/checkout answered 500 (after 4 tries)
                    hint: retry later; nothing more was sent

                    """))
        XCTAssertEqual(try statuses("GET", "/v1/admin/checkout"), [500, 500, 500, 500])
    }

    func testAServerErrorOnceIsRetriedToSuccess() throws {
        try emulator.fault(["kind": "status", "status": 503, "path": "/v1/admin/session/profiles"])
        XCTAssertEqual(try emulator.run("diff T12345678").status, 0)
    }

    func testADroppedConnectionIsRetried() throws {
        try emulator.fault(["kind": "drop", "path": "/v1/admin/checkout"])
        XCTAssertEqual(
            try emulator.run("diff T12345678"), ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: ""))
    }

    func testASlowAnswerTimesOutAndIsRetried() throws {
        emulator.environment["CHECKOUT_ADMIN_HTTP_TIMEOUT"] = "1,1"
        try emulator.fault(["kind": "delay", "ms": 2500, "path": "/v1/admin/checkout"])
        XCTAssertEqual(try emulator.run("diff T12345678").status, 0)
    }

    func testATokenThatExpiresMidRunIsRenewed() throws {
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        try emulator.fault(["kind": "expire_tokens", "method": "PUT", "path": "/v1/admin/checkout"])
        let result = try emulator.run("push T12345678")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try statuses("PUT", "/v1/admin/checkout"), [401, 200])
        XCTAssertEqual(try statuses("POST", "/v1/accounts/T12345678/auth/token"), [200, 200])
    }

    func testAFailedPostIsLookedUpBeforeItIsSentAgain() throws {
        XCTAssertEqual(try emulator.run("profile add T12345678 web --method vipps").status, 0)
        try emulator.fault(["kind": "status", "status": 500, "method": "POST", "path": "/v1/admin/session/profiles"])
        XCTAssertEqual(try emulator.run("push T12345678").status, 0)
        XCTAssertEqual(
            try emulator.requestLines().filter { $0.contains("/profiles/web") || $0.hasPrefix("POST /v1/admin") },
            [
                "POST /v1/admin/session/profiles", "GET /v1/admin/session/profiles/web",
                "POST /v1/admin/session/profiles",
            ])
    }

    func testWrongCredentialsAreRemoteAuth() throws {
        emulator.environment["CHECKOUT_ADMIN_CLIENT_SECRET"] = "wrong"
        XCTAssertEqual(
            try emulator.run("diff T12345678 --json"),
            ChildProcessResult(
                status: 6, stdout: "",
                stderr: """
                    {"error":{"code":"remote_auth","exit_code":6,"hint":"check CHECKOUT_ADMIN_CLIENT_ID/CHECKOUT_ADMIN_CLIENT_SECRET or the credentials file","message":"Dintero refused the credentials for account 'T12345678' (401 unauthorized)"}}

                    """))
    }

    func testARejectedBodyShowsDinterosMessage() throws {
        // A field the tool passes through unexamined (it may be one Dintero added later) that Dintero's closed
        // schema does not know: only Dintero can refuse it.
        let profile = "\(emulator.directory)/cards.json"
        try Data(
            #"{"profile_id": "cards", "metadata": {"team": "web"}, "configuration": {"dintero_psp": {"creditcard": {"enabled": true, "generate_payment_token": false}}}}"#
                .utf8
        ).write(to: URL(fileURLWithPath: profile))
        XCTAssertEqual(try emulator.run(["profile", "import", "T12345678", profile]).status, 0)
        let text = try emulator.run("push T12345678")
        XCTAssertEqual(text.status, 6)
        XCTAssertTrue(
            text.stderr.hasPrefix(
                "error: push stopped: Dintero refused POST /admin/session/profiles (400 validation_error): "
                    + "the body does not match session-profile"),
            text.stderr)
        XCTAssertTrue(text.stderr.contains("'metadata' was unexpected"), text.stderr)
        XCTAssertTrue(text.stderr.hasSuffix("requests of this push:\n  failed: POST /admin/session/profiles (cards)\n"))
        let json = try emulator.run("push T12345678 --json")
        XCTAssertEqual(json.status, 6)
        XCTAssertTrue(json.stderr.contains("\"code\":\"remote_rejected\""), json.stderr)
        XCTAssertTrue(json.stdout.contains(#""status": "failed""#), json.stdout)
    }

    func testAPartialPushReportsWhatWasWrittenAndASecondPushFinishes() throws {
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        XCTAssertEqual(try emulator.run("profile set T12345678 p001 description=changed").status, 0)
        try emulator.fault(["kind": "status", "status": 500, "times": 4, "method": "PUT", "path": "/v1/admin/session"])
        let failed = try emulator.run("push T12345678")
        XCTAssertEqual(failed.status, 6)
        XCTAssertTrue(
            failed.stderr.hasSuffix(
                """
                requests of this push:
                  done: PUT /admin/checkout
                  failed: PUT /admin/session/profiles/p001

                """), failed.stderr)
        try emulator.clearRequests()
        let second = try emulator.run("push T12345678")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(
            second.stdout,
            "~ profile T12345678 p001: description 'profile p001' → 'changed'\nPlan: 0 to add, 1 to change, 0 to remove.\n"
        )
        XCTAssertEqual(try statuses("PUT", "/v1/admin/checkout"), [])
    }

    func testSecretsAppearInNoOutputStoreOrHistory() throws {
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        var outputs = [try emulator.run("push T12345678 --json"), try emulator.run("pull T12345678 --json")]
        emulator.environment["CHECKOUT_ADMIN_CLIENT_SECRET"] = "wrong-secret"
        outputs.append(try emulator.run("diff T12345678"))
        outputs.append(try emulator.run("history --json"))
        for output in outputs {
            XCTAssertFalse(output.stdout.contains("secret") || output.stderr.contains("secret"), "\(output)")
        }
        let store = try Data(contentsOf: URL(fileURLWithPath: emulator.storePath))
        XCTAssertNil(store.range(of: Data("test-secret".utf8)))
    }

    func testPlainHTTPToAHostThatIsNotLoopbackIsRefused() throws {
        XCTAssertEqual(
            try emulator.run("diff T12345678 --api-url http://example.com/v1"),
            ChildProcessResult(
                status: 3, stdout: "",
                stderr: """
                    error: --api-url 'http://example.com/v1' uses plain http to a host that is not loopback
                    hint: use https; plain http is allowed only for 127.0.0.0/8, ::1 and localhost

                    """))
    }

    func testMissingCredentialsNameBothWaysToGiveThem() throws {
        emulator.environment["CHECKOUT_ADMIN_CLIENT_ID"] = nil
        let path = "\(emulator.directory)/.config/checkout-admin/credentials.json"
        XCTAssertEqual(
            try emulator.run("pull T12345678"),
            ChildProcessResult(
                status: 3, stdout: "",
                stderr: """
                    error: no credentials for account 'T12345678'
                    hint: set CHECKOUT_ADMIN_CLIENT_ID and CHECKOUT_ADMIN_CLIENT_SECRET
                    hint: or add {"T12345678": {"client_id": …, "client_secret": …}} to '\(path)' (mode 0600)

                    """))
    }

    func testACredentialsFileOthersCanReadIsRefused() throws {
        emulator.environment["CHECKOUT_ADMIN_CLIENT_ID"] = nil
        let path = "\(emulator.directory)/credentials.json"
        let body = #"{"T12345678": {"client_id": "test-client", "client_secret": "test-secret"}}"#
        try Data(body.utf8).write(to: URL(fileURLWithPath: path))
        emulator.environment["CHECKOUT_ADMIN_CREDENTIALS"] = path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        XCTAssertEqual(try emulator.run("diff T12345678").status, 3)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        XCTAssertEqual(
            try emulator.run("diff T12345678"), ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: ""))
    }
}
