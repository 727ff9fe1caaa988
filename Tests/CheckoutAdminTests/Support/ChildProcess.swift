import Foundation
import XCTest

/// What a child process produced.
struct ChildProcessResult: Equatable {
    /// The exit status.
    let status: Int32
    /// Everything written to stdout.
    let stdout: String
    /// Everything written to stderr.
    let stderr: String
}

/// Runs programs as child processes: the built `checkout-admin`, shells, groff, util-linux `script`.
enum ChildProcess {
    /// Runs `executable` with exactly `environment`; stdout and stderr go to files, so no pipe fills up.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> ChildProcessResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "checkout-admin-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["stdin", "stdout", "stderr"].map { folder.appendingPathComponent($0).path }
        _ = FileManager.default.createFile(atPath: paths[0], contents: Data(stdin.utf8))
        for path in paths.dropFirst() { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle(forReadingAtPath: paths[0])
        process.standardOutput = FileHandle(forWritingAtPath: paths[1])
        process.standardError = FileHandle(forWritingAtPath: paths[2])
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "\(executable) was killed by a signal", file: file, line: line)
        let read = { (path: String) in
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return ChildProcessResult(status: process.terminationStatus, stdout: read(paths[1]), stderr: read(paths[2]))
    }

    /// The path of an installed program; throws (failing the test with how to install it) when it is missing.
    static func program(_ name: String, package: String) throws -> String {
        let folders = ["/usr/local/bin", "/usr/bin", "/bin"]
        guard let path = folders.map({ "\($0)/\(name)" }).first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            let missing = MissingProgram(name: name, package: package, folders: folders)
            // CI must run every test; elsewhere a test that needs a shell or groff says why it did not run.
            if ProcessInfo.processInfo.environment["CI"] == nil { throw XCTSkip(missing.description) }
            throw missing
        }
        return path
    }

    /// The folder of the built binary, for the front of PATH (the completion scripts run `checkout-admin`).
    static func builtBinaryFolder() throws -> String {
        try BuiltBinary.url().deletingLastPathComponent().path
    }
}

/// Thrown (and so reported as the test's failure) in CI when a program a test needs is missing; outside CI the
/// test is skipped with this text, so the output says what did not run and why.
struct MissingProgram: Error, CustomStringConvertible {
    /// The program's name.
    let name: String
    /// The Debian package that installs it.
    let package: String
    /// Where it was looked for.
    let folders: [String]

    var description: String {
        "'\(name)' is not installed (looked in \(folders.joined(separator: ", "))); "
            + "install it with 'apt-get install -y \(package)' (Scripts/ensure-deps.sh does this)"
    }
}
