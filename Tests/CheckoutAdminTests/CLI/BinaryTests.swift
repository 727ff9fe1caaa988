import Foundation
import XCTest

@testable import CheckoutApp

/// The built `checkout-admin` executable run as a child process: what only a real process shows
/// (argv bytes, exit status, flushing of the real streams).
final class BinaryTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "checkout-admin-binary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    func testVersionExitsZeroAndPrintsTheVersionOnStdout() throws {
        let result = try run(["--version"])
        XCTAssertEqual(result, BinaryResult(status: 0, stdout: BuildVersion.current.text, stderr: ""))
    }

    func testInvalidUTF8ArgumentInArgvExitsTwo() throws {
        // Foundation passes arguments as Strings, which cannot hold invalid UTF-8; the shell's printf can.
        let binary = try Self.binary()
        let result = try run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            ["-c", #"exec "$0" account show "$(printf 'T\377')""#, binary.path])
        XCTAssertEqual(
            result,
            BinaryResult(
                status: 2, stdout: "",
                stderr: "error: argument 3 is not valid UTF-8 text\nhint: arguments must be UTF-8 without NUL bytes\n"))
    }

    func testListingAMissingStoreExitsZeroAndCreatesNothing() throws {
        let folder = directory.appendingPathComponent("data")
        let store = folder.appendingPathComponent("store.sqlite")
        let result = try run(["account", "list"], store: store.path)
        XCTAssertEqual(
            result,
            BinaryResult(status: 0, stdout: "ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\n", stderr: "")
        )
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path), "store file created by a read")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "store folder created by a read")
    }

    func testFailureWritesOnlyTheErrorOnStderr() throws {
        let result = try run(["account", "show", "T12345678"])
        XCTAssertEqual(
            result,
            BinaryResult(
                status: 3, stdout: "",
                stderr:
                    "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n"
            ))
    }

    func testUsageErrorWithJSONIsOneLineOnStderr() throws {
        let result = try run(["--json", "acount", "list"])
        XCTAssertEqual(
            result,
            BinaryResult(
                status: 2, stdout: "",
                stderr: #"{"error":{"code":"usage","exit_code":2,"hint":"did you mean 'checkout-admin account'?; "#
                    + #"see 'checkout-admin --help' for the list of commands","message":"unknown command 'acount'"}}"#
                    + "\n"))
    }

    // MARK: - Running the binary

    private struct BinaryResult: Equatable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    private func run(_ arguments: [String], store: String? = nil) throws -> BinaryResult {
        try run(executable: try Self.binary(), arguments, store: store)
    }

    private func run(executable: URL, _ arguments: [String], store: String? = nil) throws -> BinaryResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = [
            "CHECKOUT_ADMIN_STORE": store ?? directory.appendingPathComponent("store.sqlite").path,
            "CHECKOUT_ADMIN_ACTOR": "tester", "HOME": directory.path, "PATH": "/usr/bin:/bin", "LC_ALL": "C",
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Outputs here are small; reading one pipe to its end before the other cannot fill the other.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "the process was killed by a signal")
        return BinaryResult(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }

    private static func binary() throws -> URL {
        try BuiltBinary.url()
    }
}
