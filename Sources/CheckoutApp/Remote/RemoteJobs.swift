import CheckoutDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the per-account work of a remote command on up to `--jobs` threads: the time goes into waiting for
/// Dintero, so accounts are synchronised concurrently. Local writes and output go through `exclusive`, one at
/// a time (SQLite connections, the signal state and the streams are not shared between threads).
enum RemoteJobs {
    /// The default of `--jobs`: enough to hide network latency without crowding Dintero's rate limits.
    static let defaultJobs = 8

    private static let lock = Mutex()

    /// `body` for each id, results in the ids' order. After a failure no further account is started; the
    /// failure of the earliest account is thrown once the accounts in flight are done.
    static func map<T>(_ ids: [String], jobs: Int, _ body: (String) throws -> T) throws -> [T] {
        if jobs <= 1 || ids.count <= 1 { return try ids.map(body) }
        return try withoutActuallyEscaping(body) { body in
            let queue = JobQueue<T>(ids: ids, body: body)
            let threads = (0..<min(jobs, ids.count)).map { _ in JobThread.start(queue.work) }
            threads.forEach(JobThread.join)
            return try queue.results()
        }
    }

    /// Runs `body` while no other job runs its own exclusive part.
    static func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// The ids still to do and the results so far, shared by the job threads under its own mutex.
private final class JobQueue<T>: @unchecked Sendable {
    private let ids: [String]
    private let body: (String) throws -> T
    private let mutex = Mutex()
    private var next = 0
    private var failed = false
    private var outcomes: [Result<T, any Error>?]

    init(ids: [String], body: @escaping (String) throws -> T) {
        self.ids = ids
        self.body = body
        outcomes = Array(repeating: nil, count: ids.count)
    }

    /// A thread's loop: take the next id, run it, record the outcome.
    func work() {
        while let index = take() {
            let outcome = Result { try body(ids[index]) }
            mutex.lock()
            outcomes[index] = outcome
            if case .failure = outcome { failed = true }
            mutex.unlock()
        }
    }

    private func take() -> Int? {
        mutex.lock()
        defer { mutex.unlock() }
        guard !failed, next < ids.count else { return nil }
        next += 1
        return next - 1
    }

    /// The results in order, or the earliest failure.
    func results() throws -> [T] {
        var values: [T] = []
        for outcome in outcomes {
            guard let outcome else { continue }
            values.append(try outcome.get())
        }
        return values
    }
}

/// A POSIX thread running one closure.
private enum JobThread {
    /// Starts `work` on a new thread.
    static func start(_ work: @escaping () -> Void) -> pthread_t {
        let context = Unmanaged.passRetained(Box(work)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { raw in
                let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
                box.work()
                return nil
            }, context)
        precondition(status == 0, "pthread_create failed: \(status)")
        return thread
    }

    /// Waits for `thread` to end.
    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }

    private final class Box: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }
}

/// A pthread mutex on the heap (a Swift value's address is not stable enough for one).
private final class Mutex: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
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
