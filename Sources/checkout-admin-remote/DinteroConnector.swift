import CheckoutApp
import CheckoutDomain
import CheckoutFormats
import CheckoutRemote

/// Joins the app's remote commands to the HTTP client: one `DinteroClient` per account.
struct DinteroConnector: RemoteConnector {
    /// Checks the bases and finds the account's credentials; sends nothing.
    func connect(account: String, settings: RemoteSettings) throws -> any RemoteConnection {
        let endpoints = try DinteroEndpoints(api: settings.apiURL, auth: settings.authURL)
        let credentials = try ClientCredentials.resolve(account: account, environment: settings.environment)
        return DinteroConnection(
            client: DinteroClient(account: account, endpoints: endpoints, credentials: credentials))
    }
}

/// The app's view of one account's API.
struct DinteroConnection: RemoteConnection {
    /// The client for the account.
    let client: DinteroClient

    /// `GET /admin/checkout`.
    func checkout() throws -> JSONValue { try client.checkout() }
    /// Every page of `GET /admin/session/profiles`.
    func profiles() throws -> [JSONValue] { try client.profiles() }
    /// `PUT /admin/checkout`.
    func replaceCheckout(_ body: JSONValue) throws { try client.replaceCheckout(body) }
    /// `POST /admin/session/profiles`, looked up before any retry.
    func createProfile(_ body: JSONValue) throws { try client.createProfile(body) }
    /// `PUT /admin/session/profiles/{id}`.
    func replaceProfile(_ id: String, _ body: JSONValue) throws { try client.replaceProfile(id, body) }
    /// `DELETE /admin/session/profiles/{id}`.
    func deleteProfile(_ id: String) throws { try client.deleteProfile(id) }
}
