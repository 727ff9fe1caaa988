import AsyncHTTPClient
import CheckoutDomain
import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP answer: status, the headers the client reads, and the body.
package struct HTTPAnswer: Sendable {
    /// The status code.
    package let status: Int
    /// `Retry-After` in seconds, when given as a number.
    package let retryAfter: Double?
    /// The body bytes.
    package let body: [UInt8]
}

/// A failure below HTTP: refused, reset, dropped or timed out. Always worth a retry.
package struct TransportFailure: Error, Sendable {
    /// What went wrong, without any header value.
    package let reason: String
    /// Whether it was a timeout (the request may have been carried out).
    package let timedOut: Bool
}

/// Blocking requests over AsyncHTTPClient. The CLI is synchronous; the client's event loops run on their own
/// threads, so waiting on a future from a command's thread is safe.
package final class HTTPTransport: Sendable {
    /// The one client of the process: kept for the process's life, so it never needs shutting down.
    package static let shared = HTTPTransport(timeouts: Timeouts(environment: ProcessInfo.processInfo.environment))

    /// Connect and whole-request timeouts in seconds.
    package struct Timeouts: Sendable {
        /// Seconds to open a connection.
        package let connect: Double
        /// Seconds for one request, from sending to the last byte of the answer.
        package let request: Double

        /// `CHECKOUT_ADMIN_HTTP_TIMEOUT=REQUEST` or `CONNECT,REQUEST` (seconds); defaults 10 and 30.
        package init(environment: [String: String]) {
            let parts = (environment["CHECKOUT_ADMIN_HTTP_TIMEOUT"] ?? "").split(separator: ",").compactMap {
                Double($0).flatMap { $0 > 0 && $0 <= 3600 ? $0 : nil }
            }
            request = parts.last ?? 30
            connect = parts.count > 1 ? parts[0] : min(10, request)
        }
    }

    private let client: HTTPClient
    private let timeouts: Timeouts

    private init(timeouts: Timeouts) {
        self.timeouts = timeouts
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .milliseconds(Int64(timeouts.connect * 1000))))
        // A redirect could carry the bearer token to another host.
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Sends one request and waits for the answer.
    package func send(_ method: String, _ url: String, headers: [(String, String)], body: [UInt8]?) throws
        -> HTTPAnswer
    {
        do {
            let request = try HTTPClient.Request(
                url: url, method: HTTPMethod(rawValue: method), headers: HTTPHeaders(headers),
                body: body.map { .bytes($0) })
            let deadline = NIODeadline.now() + .milliseconds(Int64(timeouts.request * 1000))
            let response = try client.execute(request: request, deadline: deadline).wait()
            let bytes = response.body.map { Array($0.readableBytesView) } ?? []
            let retryAfter = response.headers.first(name: "Retry-After").flatMap(Double.init)
            return HTTPAnswer(status: Int(response.status.code), retryAfter: retryAfter, body: bytes)
        } catch let error as HTTPClientError {
            let timedOut = [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error)
            throw TransportFailure(reason: timedOut ? "timed out" : String(describing: error), timedOut: timedOut)
        } catch {
            throw TransportFailure(reason: String(describing: error), timedOut: false)
        }
    }
}
