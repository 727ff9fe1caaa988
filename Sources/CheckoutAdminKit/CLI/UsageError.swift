/// The command line itself is wrong: exit 2.
struct UsageError: Error, Equatable {
    /// The one-line message.
    let message: String
    /// What to do next.
    var hints: [String] = []
}

/// The run was interrupted by a signal and rolled back.
struct Interruption: Error, Equatable {
    /// The signal number (SIGINT 2, SIGTERM 15).
    let signal: Int32
}
