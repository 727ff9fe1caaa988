#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// When and how long to wait before trying a request again: 429 honours `Retry-After`; 5xx, resets and
/// timeouts back off exponentially with jitter, so many clients do not retry in step.
package struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    package var attempts = 4
    /// The first backoff, in seconds; doubled each time.
    package var base = 0.25
    /// The longest wait, in seconds, whatever `Retry-After` says.
    package var maximum = 30.0

    /// The policy used by the client.
    package static let standard = RetryPolicy()

    /// Whether an answer with this status is worth another try.
    package static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// Seconds to wait after failed try number `attempt` (1-based).
    package func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(max(retryAfter, 0), maximum) }
        let backoff = base * Double(1 << min(attempt - 1, 16))
        return min(backoff * Double.random(in: 0.5...1.5), maximum)
    }

    /// Blocks the calling thread.
    package static func sleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        var remaining = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var requested = remaining
        // A signal (SIGINT during a push) ends the sleep early; the rest is slept unless the caller stops.
        while nanosleep(&requested, &remaining) == -1 && errno == EINTR { requested = remaining }
    }
}
