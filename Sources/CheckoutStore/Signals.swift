import CheckoutDomain
import CheckoutFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM handling. Before any write the process just ends (nothing to undo); during a write the
/// signal interrupts SQLite and is remembered, so the transaction rolls back and the run exits 130 (143); after a
/// write committed, the signal is noted and the run finishes, so its exit status tells the truth: committed.
package enum Signals {
    // Signal handlers cannot capture context, so the state they need is global. Only the main thread
    // writes it; the handler reads it, and sqlite3_interrupt is safe to call from a handler.
    nonisolated(unsafe) private static var activeWrite: SQLiteInterruptHandle?
    nonisolated(unsafe) private static var received: Int32 = 0
    nonisolated(unsafe) private static var committed = false
    nonisolated(unsafe) private static var deferring = false

    /// Installs the handlers (once, for the real process only; in-process tests never install them).
    package static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { number in
                if let write = Signals.activeWrite {
                    Signals.received = number
                    write.interrupt()
                } else if Signals.deferring || Signals.committed {
                    // A push stops after the request in flight; after a commit the run finishes with its true
                    // status, and a later write of the same run (the next account of a pull) is not started.
                    Signals.received = number
                } else {
                    _exit(128 + number)
                }
            }
        }
    }

    /// The signal received during the current write, if any.
    package static var pending: Int32? { received == 0 ? nil : received }

    /// Runs a write with `handle` as the thing a signal interrupts.
    package static func duringWrite<T>(_ handle: SQLiteInterruptHandle, _ body: () throws -> T) throws -> T {
        activeWrite = handle
        defer { activeWrite = nil }
        do {
            let result = try body()
            committed = true
            return result
        } catch {
            if let signal = pending { throw Interruption(signal: signal) }
            throw error
        }
    }

    /// Runs `body` with signals remembered rather than fatal, for work that must finish the step in flight
    /// (a push's request) and then stop at the next `checkpoint()`.
    package static func deferringInterrupts<T>(_ body: () throws -> T) rethrows -> T {
        deferring = true
        defer { deferring = false }
        return try body()
    }

    /// Throws when a signal arrived, so the caller's transaction rolls back instead of committing.
    package static func checkpoint() throws {
        if let signal = pending { throw Interruption(signal: signal) }
    }
}

/// The run was interrupted by a signal and rolled back.
package struct Interruption: Error, Equatable {
    /// The signal number (SIGINT 2, SIGTERM 15).
    package let signal: Int32

    /// The interruption by `signal`.
    package init(signal: Int32) { self.signal = signal }
}
