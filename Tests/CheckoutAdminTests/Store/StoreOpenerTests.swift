import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the store lives, how it is created, and which files are refused without being touched.
final class StoreOpenerTests: CLITestCase {
    // MARK: Creation

    func testFirstWriteCreatesTheStoreWithMode0600() {
        XCTAssertNil(cli.storeBytes())
        cli.succeed("account add T12345678")
        XCTAssertEqual(StoreTestSupport.permissions(of: cli.storePath), 0o600)
    }

    func testFirstWriteCreatesMissingFoldersWithMode0700() {
        let outer = "\(cli.directory)/data"
        let inner = "\(outer)/checkout-admin"
        cli.environment["CHECKOUT_ADMIN_STORE"] = "\(inner)/store.sqlite"
        cli.succeed("account add T12345678")
        XCTAssertEqual(StoreTestSupport.permissions(of: outer), 0o700)
        XCTAssertEqual(StoreTestSupport.permissions(of: inner), 0o700)
        XCTAssertEqual(StoreTestSupport.permissions(of: "\(inner)/store.sqlite"), 0o600)
    }

    func testCreatingTheStoreLeavesNoTemporaryOrJournalFiles() {
        cli.succeed("account add T12345678")
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["store.sqlite"])
    }

    func testNewStoreIsInWALModeLikeEveryStore() throws {
        cli.succeed("account add T12345678")
        // The header's read and write versions: 2 means WAL (a new store is built with its journal in memory).
        let header = try XCTUnwrap(cli.storeBytes())
        XCTAssertEqual([header[18], header[19]], [2, 2])
    }

    func testApplyIntoAMissingStoreRefusedAfterItsFirstAccountLeavesNoFile() {
        let account = { (id: String, type: String) in
            #"{"account_id": "\#(id)", "settings": {}, "payment_methods": [{"type": "\#(type)", "currencies": ["NOK"]}], "profiles": []}"#
        }
        let document = cli.file(
            "state.json",
            #"{"format_version": "1", "accounts": [\#(account("T00000001", "vipps")), \#(account("T00000002", "payex.clicktopay"))]}"#
        )
        assertRun(
            cli.run(["apply", document]), status: 3,
            stderr: "error: payment type 'payex.clicktopay' is refused at '$.accounts[1].payment_methods[0].type': "
                + "Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'\n"
                + "hint: use 'dintero_psp.clicktopay' instead\n")
        XCTAssertNil(cli.storeBytes())
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["state.json"])
    }

    func testStaleTemporaryFromACrashedCreationIsReplaced() {
        let stale = "\(cli.storePath).tmp-\(getpid())"
        StoreTestSupport.write(Array("half-written garbage".utf8), to: stale)
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "created store '\(cli.storePath)'\n")
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["store.sqlite"])
    }

    func testNewStoreCarriesTheCHKAApplicationID() throws {
        cli.succeed("account add T12345678")
        XCTAssertEqual(
            try StoreTestSupport.integer("PRAGMA application_id", in: cli.storePath), StoreTestSupport.applicationID)
        XCTAssertEqual(cli.storeBytes()?[68..<72], Data("CHKA".utf8))
    }

    func testNewStoreIsAtTheCurrentSchemaVersion() throws {
        cli.succeed("account add T12345678")
        XCTAssertEqual(
            try StoreTestSupport.integer("PRAGMA user_version", in: cli.storePath), Int64(Schema.currentVersion))
        XCTAssertGreaterThan(Schema.currentVersion, 0)
    }

    func testOpenedStoreAcceptsRowsInTablesWithJSONChecks() throws {
        let store = try StoreOpener(path: cli.storePath, lockTimeout: 1).openForWriting().store
        try store.database.execute("INSERT INTO account (id, created_at) VALUES ('T12345678', '2026-01-01T00:00:00Z')")
        try store.database.execute(
            """
            INSERT INTO profile (account_id, profile_id, extra_configuration) VALUES ('T12345678', 'web', '{"theme":{}}')
            """)
        try store.database.execute(
            "INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'web', 'vipps')")
        XCTAssertEqual(try store.database.scalarInteger("SELECT count(*) FROM profile_method"), 1)
    }

    func testOpenedStoreEnforcesTheJSONChecks() throws {
        let store = try StoreOpener(path: cli.storePath, lockTimeout: 1).openForWriting().store
        try store.database.execute("INSERT INTO account (id, created_at) VALUES ('T12345678', '2026-01-01T00:00:00Z')")
        XCTAssertThrowsError(
            try store.database.execute(
                "INSERT INTO profile (account_id, profile_id, extra_fields) VALUES ('T12345678', 'web', 'not json')")
        ) { error in
            XCTAssertEqual((error as? SQLiteError)?.isConstraintViolation, true, "\(error)")
        }
    }

    func testOpenedStoreEnforcesForeignKeys() throws {
        let store = try StoreOpener(path: cli.storePath, lockTimeout: 1).openForWriting().store
        XCTAssertThrowsError(
            try store.database.execute("INSERT INTO setting (account_id, key, value) VALUES ('T12345678', 'name', 'x')")
        ) { error in
            XCTAssertEqual((error as? SQLiteError)?.isConstraintViolation, true, "\(error)")
        }
    }

    func testStoreInsideAFileCannotBeCreated() {
        let blocker = cli.file("blocker", "a file, not a folder")
        assertRun(
            cli.run(["account", "add", "T12345678", "--store", "\(blocker)/store.sqlite"]), status: 5,
            stderr: "error: store '\(blocker)/store.sqlite' cannot be created: Not a directory\n")
        assertRun(
            cli.run(["account", "add", "T12345678", "--store", "\(blocker)/sub/store.sqlite"]), status: 5,
            stderr: "error: store '\(blocker)/sub/store.sqlite' cannot be created: \(blocker)/sub: Not a directory\n")
        XCTAssertEqual(FileManager.default.contents(atPath: blocker), Data("a file, not a folder".utf8))
    }

    // MARK: Where the store is

    func testStoreOptionBeatsTheEnvironmentVariable() {
        let chosen = "\(cli.directory)/chosen.sqlite"
        assertRun(
            cli.run(["init", "--store", chosen]), status: 0,
            stdout: "path: \(chosen)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "created store '\(chosen)'\n")
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["chosen.sqlite"])
    }

    func testStoreOptionWorksBeforeTheCommandToo() {
        let chosen = "\(cli.directory)/chosen.sqlite"
        cli.succeed("--store \(chosen) account add T12345678")
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["chosen.sqlite"])
    }

    func testEnvironmentVariableBeatsXDGDataHome() {
        cli.environment["XDG_DATA_HOME"] = "\(cli.directory)/xdg"
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(cli.storePath)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "created store '\(cli.storePath)'\n")
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["store.sqlite"])
    }

    func testXDGDataHomeBeatsHome() {
        cli.environment["CHECKOUT_ADMIN_STORE"] = nil
        cli.environment["XDG_DATA_HOME"] = "\(cli.directory)/xdg"
        let expected = "\(cli.directory)/xdg/checkout-admin/store.sqlite"
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(expected)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "created store '\(expected)'\n")
        XCTAssertEqual(StoreTestSupport.permissions(of: expected), 0o600)
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["xdg"])
    }

    func testHomeLocalShareIsTheLastResort() {
        cli.environment["CHECKOUT_ADMIN_STORE"] = nil
        let expected = "\(cli.directory)/.local/share/checkout-admin/store.sqlite"
        assertRun(
            cli.run("init"), status: 0, stdout: "path: \(expected)\nschema_version: \(Schema.currentVersion)\n",
            stderr: "created store '\(expected)'\n")
        XCTAssertEqual(StoreTestSupport.permissions(of: expected), 0o600)
        XCTAssertEqual(StoreTestSupport.permissions(of: "\(cli.directory)/.local/share/checkout-admin"), 0o700)
    }

    func testEmptyEnvironmentVariableFallsBackToTheDefault() {
        cli.environment["CHECKOUT_ADMIN_STORE"] = ""
        cli.environment["XDG_DATA_HOME"] = "\(cli.directory)/xdg"
        cli.succeed("account add T12345678")
        XCTAssertNotNil(FileManager.default.contents(atPath: "\(cli.directory)/xdg/checkout-admin/store.sqlite"))
    }

    func testDefaultPathPrefersXDGDataHome() {
        XCTAssertEqual(
            GlobalOptions.defaultStorePath(["XDG_DATA_HOME": "/data", "HOME": "/home/ops"]),
            "/data/checkout-admin/store.sqlite")
    }

    func testDefaultPathFallsBackToHomeWithoutXDGDataHome() {
        XCTAssertEqual(
            GlobalOptions.defaultStorePath(["HOME": "/home/ops"]), "/home/ops/.local/share/checkout-admin/store.sqlite")
        XCTAssertEqual(
            GlobalOptions.defaultStorePath(["XDG_DATA_HOME": "", "HOME": "/home/ops"]),
            "/home/ops/.local/share/checkout-admin/store.sqlite")
    }

    func testDefaultPathIgnoresARelativeXDGDataHome() {
        // The XDG Base Directory specification says relative paths are invalid and must be ignored.
        XCTAssertEqual(
            GlobalOptions.defaultStorePath(["XDG_DATA_HOME": "data", "HOME": "/home/ops"]),
            "/home/ops/.local/share/checkout-admin/store.sqlite")
    }

    // MARK: Read commands on a missing store

    func testReadCommandsOnAMissingStoreCreateNothing() {
        let folder = "\(cli.directory)/missing"
        let path = "\(folder)/store.sqlite"
        cli.environment["CHECKOUT_ADMIN_STORE"] = path
        let notFound =
            "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n"
        assertRun(
            cli.run("account list"), status: 0, stdout: "ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\n")
        assertRun(
            cli.run("account list --json"), status: 0,
            stdout: "{\n  \"accounts\": [],\n  \"format_version\": \"1\"\n}\n")
        assertRun(cli.run("account show T12345678"), status: 3, stderr: notFound)
        assertRun(cli.run("account export T12345678"), status: 3, stderr: notFound)
        assertRun(cli.run("settings show T12345678"), status: 3, stderr: notFound)
        XCTAssertEqual(cli.run("store info").stdout.split(separator: "\n").prefix(2), ["path: \(path)", "exists: no"])
        XCTAssertFalse(StoreTestSupport.exists(folder))
    }

    func testRemovingFromAMissingStoreCreatesNothing() {
        assertRun(
            cli.run("account remove T12345678 --yes"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), [])
    }

    // MARK: Files that are not ours, refused untouched

    func testRandomBytesAreRefusedUntouched() {
        var generator = SeededGenerator(seed: 42)
        StoreTestSupport.write((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: cli.storePath)
        assertRefusedUntouched(because: "is not an SQLite database (damaged, or another kind of file)")
    }

    func testTextFileIsRefusedUntouched() {
        StoreTestSupport.write(Array("name,country\nExample AS,NO\n".utf8), to: cli.storePath)
        assertRefusedUntouched(because: "is not an SQLite database (damaged, or another kind of file)")
    }

    func testZeroByteFileIsRefusedUntouched() {
        StoreTestSupport.write([], to: cli.storePath)
        assertRefusedUntouched(because: "is empty (0 bytes), not a checkout-admin store")
    }

    func testTruncatedStoreIsRefusedUntouched() throws {
        let real = "\(cli.directory)/real.sqlite"
        cli.succeed("--store \(real) account add T12345678")
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: real))
        StoreTestSupport.write(Array(whole.prefix(50)), to: cli.storePath)
        try FileManager.default.removeItem(atPath: real)
        assertRefusedUntouched(because: "is not an SQLite database (damaged, or another kind of file)")
    }

    func testStoreCutAfterItsHeaderIsRefusedAsDamaged() throws {
        let real = "\(cli.directory)/real.sqlite"
        cli.succeed("--store \(real) account add T12345678")
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: real))
        StoreTestSupport.write(Array(whole.prefix(100)), to: cli.storePath)
        try FileManager.default.removeItem(atPath: real)
        let before = cli.storeBytes()
        assertRun(
            cli.run("account list"), status: 5,
            stderr: "error: store '\(cli.storePath)' is unusable: database disk image is malformed\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAnotherApplicationsDatabaseIsRefusedUntouched() throws {
        try StoreTestSupport.makeDatabase(
            at: cli.storePath,
            """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
            INSERT INTO notes (body) VALUES ('keep me');
            """)
        assertRefusedUntouched(because: "is an SQLite database of another application, not a checkout-admin store")
        XCTAssertEqual(try StoreTestSupport.integer("SELECT count(*) FROM notes", in: cli.storePath), 1)
    }

    func testDatabaseWithAnotherApplicationIDIsRefusedUntouched() throws {
        try StoreTestSupport.makeDatabase(
            at: cli.storePath, "PRAGMA application_id = 1; CREATE TABLE account (id TEXT)")
        assertRefusedUntouched(because: "is an SQLite database of another application, not a checkout-admin store")
    }

    func testStoreFromANewerVersionIsRefusedUntouched() throws {
        cli.succeed("account add T12345678")
        try cli.database().execute("PRAGMA user_version = \(Schema.currentVersion + 1)")
        assertRefusedUntouched(
            because:
                "was written by a newer checkout-admin (schema \(Schema.currentVersion + 1); this one knows up to \(Schema.currentVersion))"
        )
    }

    func testStoreWithANegativeSchemaVersionIsRefusedUntouched() throws {
        cli.succeed("account add T12345678")
        try cli.database().execute("PRAGMA user_version = -1")
        assertRefusedUntouched(because: "is damaged: its schema version -1 is not valid")
    }

    func testDirectoryAtTheStorePathIsRefused() throws {
        try FileManager.default.createDirectory(atPath: cli.storePath, withIntermediateDirectories: false)
        for line in ["account list", "account add T12345678", "init", "store info"] {
            assertRun(
                cli.run(line), status: 5, stderr: "error: store '\(cli.storePath)' is a directory, not a store file\n")
        }
        XCTAssertEqual(StoreTestSupport.entries(of: cli.storePath), [])
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["store.sqlite"])
    }

    func testSymlinkedStorePathIsRefusedAndItsTargetUntouched() throws {
        let real = "\(cli.directory)/real.sqlite"
        cli.succeed("--store \(real) account add T12345678")
        let bytes = FileManager.default.contents(atPath: real)
        try FileManager.default.createSymbolicLink(atPath: cli.storePath, withDestinationPath: real)
        let refusal =
            "error: store '\(cli.storePath)' is a symlink; refusing to follow it\nhint: give the real path with --store\n"
        for line in ["account list", "account add T87654321", "init", "store info"] {
            assertRun(cli.run(line), status: 5, stderr: refusal)
        }
        XCTAssertEqual(FileManager.default.contents(atPath: real), bytes)
        XCTAssertEqual(StoreTestSupport.sidecars(of: real), [])
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["real.sqlite", "store.sqlite"])
    }

    func testDanglingSymlinkIsRefusedAndItsTargetNotCreated() throws {
        try FileManager.default.createSymbolicLink(
            atPath: cli.storePath, withDestinationPath: "\(cli.directory)/elsewhere.sqlite")
        assertRun(
            cli.run("account add T12345678"), status: 5,
            stderr:
                "error: store '\(cli.storePath)' is a symlink; refusing to follow it\nhint: give the real path with --store\n"
        )
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), ["store.sqlite"])
    }

    func testRefusalInJSONIsAStoreUnusableObject() throws {
        try StoreTestSupport.makeDatabase(at: cli.storePath, "CREATE TABLE notes (body TEXT)")
        let message =
            "store '\(cli.storePath)' is an SQLite database of another application, not a checkout-admin store"
        assertRun(
            cli.run("account list --json"), status: 5,
            stderr:
                "{\"error\":{\"code\":\"store_unusable\",\"exit_code\":5,\"hint\":null,\"message\":\"\(message)\"}}\n")
    }

    // MARK: Helpers

    /// Runs read and write commands against the file at the store path and checks each is refused with exit 5
    /// and the one error line naming the file, and that the file is byte-identical with no sidecar files.
    private func assertRefusedUntouched(because reason: String, file: StaticString = #filePath, line: UInt = #line) {
        let before = cli.storeBytes()
        XCTAssertNotNil(before, "the test must put a file at the store path", file: file, line: line)
        let entries = StoreTestSupport.entries(of: cli.directory)
        for command in [
            "account list", "account show T12345678", "store info", "account add T12345678", "init",
            "settings set T12345678 name=Example",
        ] {
            let result = cli.run(command)
            XCTAssertEqual(result.status, 5, command, file: file, line: line)
            XCTAssertEqual(result.stdout, "", command, file: file, line: line)
            XCTAssertEqual(
                result.stderr, "error: store '\(cli.storePath)' \(reason)\n", command, file: file, line: line)
        }
        XCTAssertEqual(cli.storeBytes(), before, "the file changed", file: file, line: line)
        XCTAssertEqual(StoreTestSupport.sidecars(of: cli.storePath), [], file: file, line: line)
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), entries, file: file, line: line)
    }
}
