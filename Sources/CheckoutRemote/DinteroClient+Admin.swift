import CheckoutDomain
import CheckoutFormats
import Foundation

extension DinteroClient {
    /// `GET /admin/checkout`.
    package func checkout() throws -> JSONValue {
        guard let document = try request("GET", "/admin/checkout") else {
            throw RemoteFailure(.rejected, "account '\(account)' has no checkout configuration on Dintero")
        }
        return document
    }

    /// Every page of `GET /admin/session/profiles`: pages of `pageSize` until a shorter one.
    package func profiles() throws -> [JSONValue] {
        var all: [JSONValue] = []
        var after: String?
        while true {
            var path = "/admin/session/profiles?limit=\(DinteroClient.pageSize)"
            if let after { path += "&starting_after=\(DinteroClient.queryEncoded(after))" }
            let page = try request("GET", path)?.arrayValue ?? []
            all += page
            guard page.count == DinteroClient.pageSize, let last = page.last?["profile_id"]?.stringValue else {
                return all
            }
            after = last
        }
    }

    /// `GET /admin/session/profiles/{id}`, nil when absent.
    package func profile(_ id: String) throws -> JSONValue? {
        try request("GET", "/admin/session/profiles/\(DinteroClient.pathEncoded(id))")
    }

    /// `PUT /admin/checkout`.
    package func replaceCheckout(_ body: JSONValue) throws {
        _ = try request("PUT", "/admin/checkout", body: body)
    }

    /// `POST /admin/session/profiles`. Never blindly retried: after a timeout or 5xx the profile is looked up
    /// first, and a profile that now exists counts as created.
    package func createProfile(_ body: JSONValue) throws {
        let id = body["profile_id"]?.stringValue
        _ = try request(
            "POST", "/admin/session/profiles", body: body,
            recover: id.map { id in { try self.profile(id) != nil } })
    }

    /// `PUT /admin/session/profiles/{id}`; a 404 (the profile vanished) is a refusal.
    package func replaceProfile(_ id: String, _ body: JSONValue) throws {
        let path = "/admin/session/profiles/\(DinteroClient.pathEncoded(id))"
        guard try request("PUT", path, body: body) != nil else {
            throw RemoteFailure(.rejected, "Dintero refused PUT \(path) (404): the profile does not exist")
        }
    }

    /// `DELETE /admin/session/profiles/{id}`; already gone counts as deleted.
    package func deleteProfile(_ id: String) throws {
        _ = try request("DELETE", "/admin/session/profiles/\(DinteroClient.pathEncoded(id))")
    }

    /// A profile id as one path segment (DINTERO-API: the id must be percent-encoded).
    static func pathEncoded(_ id: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }

    static func queryEncoded(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
