import CheckoutDomain
import CheckoutFormats
import CheckoutStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a state document on a second thread, a bounded number of accounts ahead of the writer, so reading,
/// checking and auditing the accounts overlaps with the store's work. The accounts, and the error that ends them,
/// come out exactly as the stream gives them; memory holds at most `capacity` accounts. The writer never waits on the reader
/// beyond a signal: stdin may stall (a stalled pipe, a terminal), and Ctrl-C must still roll the write back.
final class AccountPrefetcher: @unchecked Sendable {
    private enum Item {
        case account(AuditedAccount)
        case end
        case failure(any Error)
    }

    private static let capacity = 256
    private static let batch = 32
    private var stream: StateDocumentStream
    // Guarded by `mutex`: what the reader has handed over.
    private var items: [Item] = []
    private var stopped = false
    // The consumer's own: taken over in one go, so the lock is taken once per batch, not per account.
    private var taken: [Item] = []
    private var position = 0
    private var mutex = pthread_mutex_t()
    private var filled = pthread_cond_t()
    private var drained = pthread_cond_t()
    private var thread: pthread_t?
    private var detached = false

    /// Starts reading `stream` on its own thread.
    init(_ stream: StateDocumentStream) {
        self.stream = stream
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&filled, nil)
        pthread_cond_init(&drained, nil)
        var started = pthread_t()
        // The thread holds its own reference: `stop` does not wait for a reader blocked on a stalled input.
        let retained = Unmanaged.passRetained(self)
        let created = pthread_create(
            &started, nil,
            { context in
                Unmanaged<AccountPrefetcher>.fromOpaque(context!).takeRetainedValue().produce()
                return nil
            }, retained.toOpaque())
        guard created == 0 else {
            // Without a thread the caller's `next` reads the stream itself.
            retained.release()
            return
        }
        thread = started
    }

    deinit {
        pthread_cond_destroy(&drained)
        pthread_cond_destroy(&filled)
        pthread_mutex_destroy(&mutex)
    }

    /// The next account, nil after the last; throws what the stream threw.
    func next() throws -> AuditedAccount? {
        guard thread != nil else { return try stream.next().map(AuditedAccount.init) }
        if position == taken.count { try takeOver() }
        let item = taken[position]
        position += 1
        switch item {
        case .account(let account): return account
        case .end: return nil
        case .failure(let error): throw error
        }
    }

    // Waits for the reader to hand something over and takes all of it; a signal received meanwhile ends the wait
    // (checked every 20 ms), so the write is rolled back even while the input stalls.
    private func takeOver() throws {
        taken.removeAll(keepingCapacity: true)
        position = 0
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items.isEmpty {
            var deadline = timespec()
            clock_gettime(CLOCK_REALTIME, &deadline)
            deadline.tv_nsec += 20_000_000
            if deadline.tv_nsec >= 1_000_000_000 {
                deadline.tv_sec += 1
                deadline.tv_nsec -= 1_000_000_000
            }
            pthread_cond_timedwait(&filled, &mutex, &deadline)
            try Signals.checkpoint()
        }
        swap(&taken, &items)
        pthread_cond_signal(&drained)
    }

    /// Tells the reading thread to stop at its next hand-over and lets it end on its own (it may be blocked on a
    /// stalled input); call once, when done with the accounts.
    func stop() {
        guard let thread, !detached else { return }
        detached = true
        pthread_mutex_lock(&mutex)
        stopped = true
        pthread_cond_signal(&drained)
        pthread_mutex_unlock(&mutex)
        pthread_detach(thread)
    }

    private func produce() {
        var batch: [Item] = []
        var ended = false
        while !ended {
            do {
                let item = try stream.next().map { Item.account(AuditedAccount($0)) } ?? .end
                batch.append(item)
                if case .end = item { ended = true }
            } catch {
                batch.append(.failure(error))
                ended = true
            }
            guard ended || batch.count == AccountPrefetcher.batch else { continue }
            guard hand(&batch) else { return }
        }
    }

    // Hands `batch` over once there is room; false when the consumer stopped.
    private func hand(_ batch: inout [Item]) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items.count >= AccountPrefetcher.capacity && !stopped { pthread_cond_wait(&drained, &mutex) }
        guard !stopped else { return false }
        items += batch
        batch.removeAll(keepingCapacity: true)
        pthread_cond_signal(&filled)
        return true
    }
}

/// An account of the document with its audit findings, which depend on nothing else and so are found on the reading
/// thread.
struct AuditedAccount {
    /// The account as the document describes it.
    let account: MerchantAccount
    /// `Audit.findings(for: account)`.
    let findings: [AuditFinding]

    init(_ account: MerchantAccount) {
        self.account = account
        findings = Audit.findings(for: account)
    }
}
