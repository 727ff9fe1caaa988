import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Temporaries a killed run left beside a store or a backup are removed by the next run that stages the same file.
final class AbandonedTemporaryTests: CLITestCase {
    /// The pid of a process that has finished, so no process has it (for a while).
    private func finishedPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testCreatingAStoreRemovesAKilledCreationsTemporary() throws {
        let abandoned = cli.file("store.sqlite.tmp-\(try finishedPID())", "half a store")
        cli.succeed("account add T12345678")
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned))
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["store.sqlite"])
    }

    func testABackupRemovesAKilledBackupsTemporary() throws {
        cli.succeed("account add T12345678")
        let abandoned = cli.file("copy.sqlite.tmp-\(try finishedPID())", "half a copy")
        cli.succeed("store backup \(cli.directory)/copy.sqlite")
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned))
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["copy.sqlite", "store.sqlite"])
    }

    func testTheJournalFilesOfAnAbandonedTemporaryGoWithIt() throws {
        let pid = try finishedPID()
        for suffix in ["", "-journal", "-wal", "-shm"] { _ = cli.file("store.sqlite.tmp-\(pid)\(suffix)", "debris") }
        cli.succeed("account add T12345678")
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["store.sqlite"])
    }

    func testATemporaryOfARunningProcessIsLeftAlone() throws {
        cli.succeed("account add T12345678")
        let running = cli.file("copy.sqlite.tmp-1", "init's")
        cli.succeed("store backup \(cli.directory)/copy.sqlite")
        XCTAssertTrue(FileManager.default.fileExists(atPath: running))
    }
}

/// Inputs are read up to their limit and no further.
final class BoundedReadTests: CLITestCase {
    func testReadingStopsOnceTheLimitIsPassed() throws {
        let path = cli.file("big.json", String(repeating: " ", count: 1 << 20))
        let bytes = try readFile(atPath: path, limit: 10)
        XCTAssertGreaterThan(bytes.count, 10)
        XCTAssertLessThanOrEqual(bytes.count, 1 << 16)
        XCTAssertEqual(try readFile(atPath: path).count, 1 << 20)
    }
}
