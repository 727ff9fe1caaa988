import CheckoutDomain

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The two bases the client talks to: Dintero's checkout admin API and its auth API.
package struct DinteroEndpoints: Equatable, Sendable {
    /// Dintero's checkout API (DINTERO-API: hosts).
    package static let defaultAPI = "https://checkout.dintero.com/v1"
    /// Dintero's auth/core API (DINTERO-API: hosts).
    package static let defaultAuth = "https://api.dintero.com/v1"

    /// The checkout base, without a trailing slash.
    package let api: String
    /// The auth base, without a trailing slash.
    package let auth: String

    /// Checks both bases: `https`, or plain `http` only to a loopback host (a token must never cross a network
    /// in the clear).
    package init(api: String?, auth: String?) throws {
        self.api = try DinteroEndpoints.checked(api ?? DinteroEndpoints.defaultAPI, option: "--api-url")
        self.auth = try DinteroEndpoints.checked(auth ?? DinteroEndpoints.defaultAuth, option: "--auth-url")
    }

    private static func checked(_ text: String, option: String) throws -> String {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else {
            throw Rejection.invalid("\(option) '\(text.debugEscaped)' is not an absolute http(s) URL")
        }
        switch scheme {
        case "https": break
        case "http" where isLoopback(host): break
        case "http":
            throw Rejection.invalid(
                "\(option) '\(text.debugEscaped)' uses plain http to a host that is not loopback",
                hints: ["use https; plain http is allowed only for 127.0.0.0/8, ::1 and localhost"])
        default:
            throw Rejection.invalid("\(option) '\(text.debugEscaped)' is not an http(s) URL")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Whether `host` is `localhost`, `::1` or in 127.0.0.0/8.
    package static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in UInt8(part).map { String($0) == part } ?? false }
    }
}
