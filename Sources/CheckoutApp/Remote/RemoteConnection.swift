import CheckoutDomain
import CheckoutFormats

/// Dintero's admin API for one account, as `pull`, `diff` and `push` use it. The app only declares it: the
/// implementation (HTTP, tokens, retries) lives in the `checkout-admin-remote` helper, so `checkout-admin`
/// itself never links the HTTP stack. Bodies are Dintero's JSON; failures are thrown as `RemoteFailure`.
package protocol RemoteConnection {
    /// `GET /admin/checkout`: the account's checkout configuration document.
    func checkout() throws -> JSONValue
    /// Every page of `GET /admin/session/profiles`, soft-deleted profiles included.
    func profiles() throws -> [JSONValue]
    /// `PUT /admin/checkout` with a full replacement body.
    func replaceCheckout(_ body: JSONValue) throws
    /// `POST /admin/session/profiles`; the body carries its `profile_id`.
    func createProfile(_ body: JSONValue) throws
    /// `PUT /admin/session/profiles/{id}`.
    func replaceProfile(_ id: String, _ body: JSONValue) throws
    /// `DELETE /admin/session/profiles/{id}`.
    func deleteProfile(_ id: String) throws
}

/// Where the remote commands find Dintero: the bases and the environment they were resolved from.
package struct RemoteSettings: Sendable {
    /// `--api-url`, else `CHECKOUT_ADMIN_API_URL`, else nil (the connector's default).
    package let apiURL: String?
    /// `--auth-url`, else `CHECKOUT_ADMIN_AUTH_URL`, else nil (the connector's default).
    package let authURL: String?
    /// The process environment (credentials, timeouts, the credentials file's location).
    package let environment: [String: String]
}

/// Opens connections to Dintero, one per account (a token is bound to its account).
package protocol RemoteConnector: Sendable {
    /// Checks the settings and the account's credentials, and returns a connection; nothing is sent yet.
    func connect(account: String, settings: RemoteSettings) throws -> any RemoteConnection
}

/// How a remote command reaches Dintero in this process.
package enum RemoteAccess: Sendable {
    /// Not here: `checkout-admin` executes its helper, which has the connector.
    case helper
    /// Through this connector (the helper, or a test).
    case connector(any RemoteConnector)
    /// Not at all: in-process runs without a connector.
    case unavailable
}
