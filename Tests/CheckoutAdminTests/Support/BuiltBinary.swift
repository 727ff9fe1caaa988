import Foundation
import XCTest

/// The `checkout-admin` executable built with the tests, for the few tests that need a real process
/// (argv bytes, signals, several processes at once).
enum BuiltBinary {
    /// Where it is: beside the test bundle, else in the package's `.build/debug`; `CHECKOUT_ADMIN_BINARY` overrides both.
    static func url() throws -> URL {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CHECKOUT_ADMIN_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        for bundle in [Bundle.main] + Bundle.allBundles {
            let location = bundle.bundleURL
            candidates.append(location.appendingPathComponent("checkout-admin"))
            candidates.append(location.deletingLastPathComponent().appendingPathComponent("checkout-admin"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/checkout-admin"))
        if let found = candidates.first(where: {
            FileManager.default.isExecutableFile(atPath: $0.path) && !isDirectory($0)
        }) {
            return found
        }
        throw NotFound(candidates: candidates)
    }

    /// The repository's root folder.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Thrown (and so reported as the test's failure) when no executable is found.
    struct NotFound: Error, CustomStringConvertible {
        let candidates: [URL]

        var description: String {
            "the checkout-admin executable was not found; build it with 'swift build' or set CHECKOUT_ADMIN_BINARY "
                + "(looked in: \(candidates.map(\.path).joined(separator: ", ")))"
        }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
