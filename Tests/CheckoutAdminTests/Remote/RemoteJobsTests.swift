import Foundation
import XCTest

/// Several accounts at once (`--jobs`): every account synchronised, results in order, one token per account.
final class RemoteJobsTests: XCTestCase {
    private var emulator: EmulatorHarness!
    private let accounts = (1...6).map { String(format: "T1000000%d", $0) }

    override func setUpWithError() throws {
        let state = Dictionary(uniqueKeysWithValues: accounts.map { ($0, EmulatorState.merchant($0)) })
        emulator = try EmulatorHarness(state: EmulatorState.document(state))
    }

    override func tearDown() {
        emulator.stop()
    }

    func testConcurrentPullAndPushSynchroniseEveryAccount() throws {
        let pulled = try emulator.run(["pull"] + accounts + ["--jobs", "4", "--json"])
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(pulled.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((document["accounts"] as? [[String: Any]])?.compactMap { $0["account"] as? String }, accounts)
        for account in accounts {
            XCTAssertEqual(try emulator.run("settings set \(account) website=https://example.org").status, 0)
        }
        try emulator.clearRequests()
        let pushed = try emulator.run("push --all --jobs 4")
        XCTAssertEqual(pushed.status, 0, pushed.stderr)
        XCTAssertEqual(try emulator.requestLines().filter { $0 == "PUT /v1/admin/checkout" }.count, accounts.count)
        XCTAssertEqual(
            try emulator.run(["diff"] + accounts + ["--exit-code", "--jobs", "3"]),
            ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: ""))
    }

    func testJobsOutOfRangeIsRefused() throws {
        XCTAssertEqual(
            try emulator.run("pull T10000001 --jobs 0"),
            ChildProcessResult(
                status: 3, stdout: "", stderr: "error: --jobs '0' is not a whole number from 1 to 64\n"))
    }
}
