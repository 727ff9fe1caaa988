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
        percentEncoded(id)
    }

    /// A query value, percent-encoded.
    static func queryEncoded(_ value: String) -> String {
        percentEncoded(value)
    }

    // RFC 3986 unreserved characters stay; every other byte is %XX (a strict subset of what a path or query
    // allows, so it is right in both).
    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
