import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Dintero emulator (Support/dintero_emulator.py) started on a free loopback port, a temporary store, and
/// the built `checkout-admin` run against both as a child process.
final class EmulatorHarness {
    /// `http://127.0.0.1:<port>`.
    let origin: String
    /// The temporary folder (store, state file).
    let directory: String
    /// The store path.
    var storePath: String { "\(directory)/store.sqlite" }
    /// Environment of every run; tests may change it.
    var environment: [String: String]
    private let process: Process

    /// Starts the emulator with `state` (the default merchant when nil) and waits for its `listening` line.
    init(state: Any? = nil, tokenTTL: Int? = nil) throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "checkout-admin-remote-\(UUID().uuidString)"
            ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var arguments = [EmulatorHarness.script, "--port", "0"]
        if let state {
            let path = "\(directory)/state.json"
            try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: path))
            arguments += ["--state", path]
        }
        if let tokenTTL { arguments += ["--token-ttl", String(tokenTTL)] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        origin = try EmulatorHarness.readListeningLine(output.fileHandleForReading)
        environment = [
            "CHECKOUT_ADMIN_STORE": "\(directory)/store.sqlite", "CHECKOUT_ADMIN_ACTOR": "tester", "HOME": directory,
            "CHECKOUT_ADMIN_API_URL": "\(origin)/v1", "CHECKOUT_ADMIN_AUTH_URL": "\(origin)/v1",
            "CHECKOUT_ADMIN_CLIENT_ID": "test-client", "CHECKOUT_ADMIN_CLIENT_SECRET": "test-secret",
            "CHECKOUT_ADMIN_HTTP_TIMEOUT": "2,5",
        ]
    }

    private static var script: String {
        BuiltBinary.packageRoot.appendingPathComponent("Tests/CheckoutAdminTests/Support/dintero_emulator.py").path
    }

    private static func readListeningLine(_ handle: FileHandle) throws -> String {
        var text = ""
        while !text.contains("\n") {
            let data = handle.availableData
            if data.isEmpty { throw HarnessError(message: "the emulator ended before listening: \(text)") }
            text += String(decoding: data, as: UTF8.self)
        }
        let line = text.split(separator: "\n")[0]
        guard line.hasPrefix("listening ") else { throw HarnessError(message: "unexpected first line: \(line)") }
        return String(line.dropFirst("listening ".count))
    }

    /// Stops the emulator and removes the folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `checkout-admin <arguments>` (the real binary, which executes its helper for remote commands).
    func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ChildProcessResult {
        try ChildProcess.run(
            try BuiltBinary.url().path, arguments, environment: environment, file: file, line: line)
    }

    /// Runs a command line split on spaces.
    func run(_ line: String, file: StaticString = #filePath, line number: UInt = #line) throws -> ChildProcessResult {
        try run(line.split(separator: " ").map(String.init), file: file, line: number)
    }

    /// Queues faults (`POST /_emulator/faults`).
    func fault(_ fault: [String: Any]) throws {
        _ = try control("POST", "/_emulator/faults", body: fault)
    }

    /// The request log (`GET /_emulator/requests`).
    func requests() throws -> [[String: Any]] {
        try control("GET", "/_emulator/requests", body: nil) as? [[String: Any]] ?? []
    }

    /// `METHOD path` of every logged request, in order.
    func requestLines() throws -> [String] {
        try requests().map { entry in
            let query = (entry["query"] as? String).map { $0.isEmpty ? "" : "?\($0)" } ?? ""
            return "\(entry["method"] as? String ?? "") \(entry["path"] as? String ?? "")\(query)"
        }
    }

    /// Empties the request log.
    func clearRequests() throws {
        _ = try control("DELETE", "/_emulator/requests", body: nil)
    }

    /// The emulator's state document.
    func state() throws -> [String: Any] {
        try control("GET", "/_emulator/state", body: nil) as? [String: Any] ?? [:]
    }

    /// Replaces the emulator's state.
    func setState(_ state: Any) throws {
        _ = try control("PUT", "/_emulator/state", body: state)
    }

    private func control(_ method: String, _ path: String, body: Any?) throws -> Any? {
        var request = URLRequest(url: URL(string: origin + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Data?, Error?) = (nil, nil)
        URLSession.shared.dataTask(with: request) { data, _, error in
            result = (data, error)
            done.signal()
        }.resume()
        done.wait()
        if let error = result.1 { throw error }
        guard let data = result.0, !data.isEmpty else { return nil }
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// A failure of the harness itself.
    struct HarnessError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// Tests that start from a merchant with two profiles on the emulator, already pulled, with the request log empty.
class PulledMerchantTestCase: XCTestCase {
    /// The emulator and a store that pulled `T12345678`.
    var emulator: EmulatorHarness!

    override func setUpWithError() throws {
        emulator = try EmulatorHarness(
            state: EmulatorState.document(["T12345678": EmulatorState.merchant(profiles: 2)]))
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
        try emulator.clearRequests()
    }

    override func tearDown() {
        emulator.stop()
    }
}
