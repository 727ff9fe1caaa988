import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Guarantees only real processes show: concurrent writers lose nothing, a signal during a write rolls it back.
/// (Scripts/stress.sh runs the heavy versions: more processes, kill -9 at random points.)
final class ReliabilityTests: CLITestCase {
    func testConcurrentWritersFromFourProcessesLoseNoWrite() throws {
        cli.succeed("account add T00000001")
        cli.succeed("account add T00000002")
        let binary = try BuiltBinary.url()
        let environment = cli.environment
        let group = DispatchGroup()
        let failures = LockedCounter()
        for process in 0..<4 {
            DispatchQueue.global().async(group: group) {
                for write in 0..<10 {
                    let status = Self.runBinary(
                        binary, environment,
                        ["profile", "add", "T0000000\(process % 2 + 1)", "p\(process)-\(write)", "--all-active"])
                    if status != 0 { failures.increment() }
                }
            }
        }
        group.wait()
        XCTAssertEqual(failures.value, 0)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile"), [["40"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history WHERE kind = 'profile'"), [["40"]])
    }

    // Both processes find no store; each builds one, and one of them loses the race to link it into place. The
    // loser must apply its write to the winner's store, not report the winner's account or its own as existing.
    func testTwoFirstWritesOnANewStoreBothSucceed() throws {
        let binary = try BuiltBinary.url()
        for round in 0..<12 {
            var roundEnvironment = cli.environment
            roundEnvironment["CHECKOUT_ADMIN_STORE"] = "\(cli.directory)/race-\(round)/store.sqlite"
            let environment = roundEnvironment
            let group = DispatchGroup()
            let failures = LockedCounter()
            for account in ["T00000001", "T00000002"] {
                DispatchQueue.global().async(group: group) {
                    let status = Self.runBinary(binary, environment, ["account", "add", account, "--name", "Race"])
                    if status != 0 { failures.increment() }
                }
            }
            group.wait()
            XCTAssertEqual(failures.value, 0, "round \(round)")
            let listed = cli.run(["--store", environment["CHECKOUT_ADMIN_STORE"]!, "account", "list", "--json"])
            XCTAssertTrue(listed.stdout.contains("T00000001") && listed.stdout.contains("T00000002"), listed.stdout)
        }
    }

    func testSigintDuringAnApplyExits130AndWritesNothing() throws {
        let state = cli.file("state.json", Self.stateDocument(accounts: 3000))
        let process = Process()
        process.executableURL = try BuiltBinary.url()
        process.arguments = ["apply", state]
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        process.interrupt()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        assertRun(
            cli.run("account list"), status: 0, stdout: "ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\n")
        if cli.storeBytes() != nil {
            assertRun(
                cli.run("store check"), status: 0,
                stdout: "integrity: ok\nforeign_keys: ok\nclick_to_pay_provider: ok\n")
        }
    }

    func testSigintWhileApplyWaitsForAStalledStdinExits130AndWritesNothing() throws {
        cli.succeed("account add T00000001")
        let before = try XCTUnwrap(cli.storeBytes())
        let input = Pipe()
        let process = Process()
        process.executableURL = try BuiltBinary.url()
        process.arguments = ["apply", "-"]
        process.environment = cli.environment
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // One account, then nothing: the writer holds the transaction and waits for the next account.
        input.fileHandleForWriting.write(
            Data(#"{"format_version": "1", "accounts": [{"account_id": "T00000002", "settings": {}, "#.utf8)
                + Data(#""payment_methods": [], "profiles": []},"#.utf8))
        Thread.sleep(forTimeInterval: 0.3)
        process.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { process.terminate() }
        XCTAssertFalse(process.isRunning, "apply did not end after SIGINT while its stdin stalled")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertEqual(cli.storeBytes(), before)
        try input.fileHandleForWriting.close()
    }

    private static func runBinary(_ binary: URL, _ environment: [String: String], _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func stateDocument(accounts: Int) -> String {
        let entries = (0..<accounts).map { index in
            #"{"account_id": "T\#(String(format: "%08d", index))", "settings": {"name": "M\#(index)"}, "#
                + #""payment_methods": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}], "#
                + #""profiles": [{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}]}"#
        }
        return #"{"format_version": "1", "accounts": ["# + entries.joined(separator: ",") + "]}"
    }
}

/// A counter several threads may increment.
private final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
