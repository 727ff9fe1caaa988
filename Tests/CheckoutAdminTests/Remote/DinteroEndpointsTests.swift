import XCTest

@testable import CheckoutDomain
@testable import CheckoutRemote

/// The remote target's pure parts: the loopback rule, timeouts from the environment, the retry delays.
final class DinteroEndpointsTests: XCTestCase {
    func testLoopbackHostsAreRecognised() {
        for host in ["127.0.0.1", "127.255.0.9", "localhost", "LOCALHOST", "::1", "[::1]"] {
            XCTAssertTrue(DinteroEndpoints.isLoopback(host), host)
        }
        for host in ["128.0.0.1", "127.0.0.1.example.com", "127.0.0", "10.0.0.1", "example.com", "127.00.0.1"] {
            XCTAssertFalse(DinteroEndpoints.isLoopback(host), host)
        }
    }

    func testDefaultsAreDinterosHttpsHosts() throws {
        let endpoints = try DinteroEndpoints(api: nil, auth: nil)
        XCTAssertEqual(endpoints.api, "https://checkout.dintero.com/v1")
        XCTAssertEqual(endpoints.auth, "https://api.dintero.com/v1")
    }

    func testPlainHTTPIsAllowedOnlyToLoopback() throws {
        XCTAssertEqual(
            try DinteroEndpoints(api: "http://127.0.0.1:8080/v1/", auth: nil).api, "http://127.0.0.1:8080/v1")
        XCTAssertThrowsError(try DinteroEndpoints(api: nil, auth: "http://api.dintero.com/v1"))
        XCTAssertThrowsError(try DinteroEndpoints(api: "ftp://127.0.0.1/v1", auth: nil))
    }

    func testTimeoutsComeFromTheEnvironment() {
        let defaults = HTTPTransport.Timeouts(environment: [:])
        XCTAssertEqual([defaults.connect, defaults.request], [10, 30])
        let one = HTTPTransport.Timeouts(environment: ["CHECKOUT_ADMIN_HTTP_TIMEOUT": "5"])
        XCTAssertEqual([one.connect, one.request], [5, 5])
        let two = HTTPTransport.Timeouts(environment: ["CHECKOUT_ADMIN_HTTP_TIMEOUT": "2,60"])
        XCTAssertEqual([two.connect, two.request], [2, 60])
    }

    func testRetryAfterWinsOverBackoffAndIsCapped() {
        let policy = RetryPolicy.standard
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: 2), 2)
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: 3600), 30)
        let third = policy.delay(afterAttempt: 3, retryAfter: nil)
        XCTAssertTrue((0.5...1.5).contains(third), "\(third)")
    }
}
