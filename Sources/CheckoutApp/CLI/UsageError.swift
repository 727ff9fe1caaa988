import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The command line itself is wrong: exit 2.
struct UsageError: Error, Equatable {
    /// The one-line message.
    let message: String
    /// What to do next.
    var hints: [String] = []
}

/// Requested output that could not be written: stdout closed, full, or its reader gone. Exit 5.
struct OutputFailure: Error, Equatable {
    /// What failed, e.g. "cannot write output: No space left on device".
    let message: String

    /// Standard output failed for the C library's `reason`.
    init(stdoutReason reason: String) {
        message = "cannot write output: \(reason)"
    }

    private init(message: String) {
        self.message = message
    }

    /// A failed `--output` or backup file: a target refused before writing is a rejection (exit 3); a write the
    /// system failed (full disk, I/O error, read-only file system) is exit 5.
    static func writing(_ error: FileError, naming target: String) -> any Error {
        let message = "cannot write \(target): \(error.reason)"
        return error.isSystemFailure ? OutputFailure(message: message) : Rejection.invalid(message)
    }
}
