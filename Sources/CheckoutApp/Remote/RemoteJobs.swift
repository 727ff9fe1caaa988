import CheckoutDomain

/// Runs the per-account work of a remote command.
enum RemoteJobs {
    /// The default of `--jobs`.
    static let defaultJobs = 4

    /// `body` for each id, results in the ids' order; the first failure stops the run and is thrown.
    // Sequential for now: `--jobs` is parsed and validated, the concurrent runner is not built yet.
    static func map<T>(_ ids: [String], jobs: Int, _ body: (String) throws -> T) throws -> [T] {
        try ids.map(body)
    }
}

extension CommandContext {
    /// `--jobs N`, from 1 to 64.
    var remoteJobs: Int {
        get throws {
            guard let text = arguments[RemoteCommands.jobs] else { return RemoteJobs.defaultJobs }
            guard let jobs = Int(text), (1...64).contains(jobs) else {
                throw Rejection.invalid("--jobs '\(text.debugEscaped)' is not a whole number from 1 to 64")
            }
            return jobs
        }
    }
}
