import CheckoutDomain
import CheckoutFormats

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// An API client's id and secret for one account. The secret is only ever put in the token request's
/// Basic header: it has no description of its own, so it cannot end up in a message by accident.
package struct ClientCredentials: Sendable, CustomStringConvertible {
    /// The client id.
    package let clientID: String
    /// The client secret.
    let secret: String

    /// Never the secret.
    package var description: String { "client '\(clientID)'" }

    /// The `Authorization: Basic …` value.
    var basicAuthorization: String {
        "Basic " + Data("\(clientID):\(secret)".utf8).base64EncodedString()
    }

    /// From the environment (any account), else the credentials file (per account).
    package static func resolve(account: String, environment: [String: String]) throws -> ClientCredentials {
        let id = environment["CHECKOUT_ADMIN_CLIENT_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment["CHECKOUT_ADMIN_CLIENT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        if let id, let secret { return ClientCredentials(clientID: id, secret: secret) }
        let path = filePath(environment)
        if FileManager.default.fileExists(atPath: path) {
            if let found = try CredentialsFile(path: path).credentials(for: account) { return found }
        }
        throw Rejection.invalid(
            "no credentials for account '\(account)'",
            hints: [
                "set CHECKOUT_ADMIN_CLIENT_ID and CHECKOUT_ADMIN_CLIENT_SECRET",
                "or add {\"\(account)\": {\"client_id\": …, \"client_secret\": …}} to '\(path)' (mode 0600)",
            ])
    }

    /// `CHECKOUT_ADMIN_CREDENTIALS`, else `$XDG_CONFIG_HOME/checkout-admin/credentials.json`, else under `~/.config`.
    package static func filePath(_ environment: [String: String]) -> String {
        if let path = environment["CHECKOUT_ADMIN_CREDENTIALS"], !path.isEmpty { return path }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return "\(config)/checkout-admin/credentials.json"
        }
        return "\(environment["HOME"] ?? ".")/.config/checkout-admin/credentials.json"
    }
}

/// The credentials file: `{"T12345678": {"client_id": "…", "client_secret": "…"}, …}`, readable by its owner only.
struct CredentialsFile {
    /// Where it is.
    let path: String

    /// The account's entry, or nil; refuses a file others can read (like ssh does a private key).
    func credentials(for account: String) throws -> ClientCredentials? {
        var status = stat()
        let mode = stat(path, &status) == 0 ? Int(status.st_mode) & 0o777 : 0
        guard mode & 0o077 == 0 else {
            throw Rejection.invalid(
                "credentials file '\(path)' is readable by others (mode \(String(mode, radix: 8)))",
                hints: ["chmod 600 '\(path)'"])
        }
        guard let data = FileManager.default.contents(atPath: path),
            let document = try? JSONParser.parseInput(Array(data))
        else {
            throw Rejection.invalid("credentials file '\(path)' is not a JSON object")
        }
        guard let entry = document[account] else { return nil }
        guard let id = entry["client_id"]?.stringValue, let secret = entry["client_secret"]?.stringValue else {
            throw Rejection.invalid("credentials file '\(path)': '\(account)' needs client_id and client_secret")
        }
        return ClientCredentials(clientID: id, secret: secret)
    }
}
