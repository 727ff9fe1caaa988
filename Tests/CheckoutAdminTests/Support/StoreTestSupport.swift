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

/// File-system and store helpers for the store and command tests.
enum StoreTestSupport {
    /// The permission bits of `path` (`0o600`), or nil when it does not exist.
    static func permissions(of path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }

    /// The names in a folder, sorted; empty when the folder does not exist.
    static func entries(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Whether anything (a file, folder or symlink, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The SQLite sidecar files that exist next to `path` (`-wal`, `-shm`, `-journal`).
    static func sidecars(of path: String) -> [String] {
        ["-wal", "-shm", "-journal"].map { path + $0 }.filter(exists)
    }

    /// Writes `bytes` to `path`, replacing it.
    static func write(_ bytes: [UInt8], to path: String) {
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), path)
    }

    /// Writes `bytes` to `path` and returns them as `Data`, for comparing with the file later.
    @discardableResult
    static func writeData(_ bytes: [UInt8], to path: String) -> Data {
        write(bytes, to: path)
        return Data(bytes)
    }

    /// A file that is an SQLite database, set up by `sql` on a plain connection (no checkout-admin code).
    static func makeDatabase(at path: String, _ sql: String) throws {
        let database = try Database(path: path, mode: .readWriteCreate)
        try database.execute(sql)
    }

    /// One integer from a PRAGMA or query on the file at `path`, through a read-only connection.
    static func integer(_ sql: String, in path: String) throws -> Int64? {
        let database = try Database(path: path, mode: .readOnly)
        return try database.scalarInteger(sql)
    }

    /// `PRAGMA application_id` for "CHKA".
    static let applicationID: Int64 = 0x4348_4B41
}
