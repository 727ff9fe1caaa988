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

/// Dintero's admin API for one account: a token bound to that account (so a `T` account's token is never
/// sent for a `P` account), requests with retries, pagination, and Dintero's error shape decoded.
package final class DinteroClient {
    /// Profiles per page: Dintero's maximum (DINTERO-API: limit 1..100, default 10).
    package static let pageSize = 100

    /// The account the token is for.
    package let account: String
    private let endpoints: DinteroEndpoints
    private let credentials: ClientCredentials
    private let transport: HTTPTransport
    private let policy: RetryPolicy
    private var token: (value: String, renewAt: Date)?

    /// A client for `account`; nothing is sent until the first request.
    package init(
        account: String, endpoints: DinteroEndpoints, credentials: ClientCredentials,
        transport: HTTPTransport = .shared, policy: RetryPolicy = .standard
    ) {
        self.account = account
        self.endpoints = endpoints
        self.credentials = credentials
        self.transport = transport
        self.policy = policy
    }

    /// A request under the checkout base with the account's bearer token; retried per the policy, and once
    /// more with a fresh token when the token was refused (it expired mid-run). Returns nil on 404.
    package func request(_ method: String, _ path: String, body: JSONValue? = nil, recover: (() throws -> Bool)? = nil)
        throws -> JSONValue?
    {
        for renewal in 0..<2 {
            let bearer = try currentToken()
            let answer = try send(
                method, endpoints.api + path, headers: [("Authorization", "Bearer \(bearer)")], body: body,
                recover: recover)
            switch answer.status {
            case 200..<300: return try decode(answer, method, path)
            case 401 where renewal == 0: token = nil
            case 401, 403: throw authFailure(answer)
            case 404: return nil
            default: throw rejected(answer, method, path)
            }
        }
        throw RemoteFailure(.auth, "Dintero refused a fresh token for account '\(account)'")
    }

    private func currentToken() throws -> String {
        if let token, Date() < token.renewAt { return token.value }
        let body: JSONValue = .object([
            "grant_type": .string("client_credentials"),
            "audience": .string("\(endpoints.auth)/accounts/\(account)"),
        ])
        let answer = try send(
            "POST", "\(endpoints.auth)/accounts/\(account)/auth/token",
            headers: [("Authorization", credentials.basicAuthorization)], body: body, recover: nil)
        guard answer.status == 200 else {
            throw answer.status < 500
                ? authFailure(answer) : rejected(answer, "POST", "/accounts/\(account)/auth/token")
        }
        let document = try decode(answer, "POST", "auth/token")
        guard let value = document["access_token"]?.stringValue else {
            throw RemoteFailure(.unavailable, "Dintero's token answer for account '\(account)' has no access_token")
        }
        // Reused until half its life has passed, as Dintero's SDKs do (DINTERO-API: auth).
        var lifetime = 0.0
        if case .number(let text)? = document["expires_in"] { lifetime = Double(text) ?? 0 }
        token = (value, Date().addingTimeInterval(lifetime / 2))
        return value
    }

    // Sends with retries. `recover` runs before retrying after an answer that may hide a carried-out write
    // (a timeout or 5xx): true means the write is known to have happened, so it is not sent again.
    private func send(
        _ method: String, _ url: String, headers: [(String, String)], body: JSONValue?, recover: (() throws -> Bool)?
    ) throws -> HTTPAnswer {
        var headers = headers + [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let bytes = body.map { Array($0.compactText().utf8) }
        var attempt = 1
        while true {
            let outcome = Result { try transport.send(method, url, headers: headers, body: bytes) }
            let retryable: Bool
            var retryAfter: Double?
            switch outcome {
            case .success(let answer):
                guard RetryPolicy.isRetryable(status: answer.status) else { return answer }
                retryable = attempt < policy.attempts
                retryAfter = answer.retryAfter
                if !retryable { throw unavailable("\(method) \(pathOf(url)) answered \(answer.status)", attempt) }
            case .failure(let error):
                retryable = attempt < policy.attempts
                if !retryable { throw unavailable("\(method) \(pathOf(url)): \(describe(error))", attempt) }
            }
            RetryPolicy.sleep(policy.delay(afterAttempt: attempt, retryAfter: retryAfter))
            attempt += 1
            if let recover, try recover() { return HTTPAnswer(status: 200, retryAfter: nil, body: []) }
        }
    }

    private func pathOf(_ url: String) -> String {
        url.hasPrefix(endpoints.api)
            ? String(url.dropFirst(endpoints.api.count)) : String(url.dropFirst(endpoints.auth.count))
    }

    private func describe(_ error: any Error) -> String {
        (error as? TransportFailure)?.reason ?? "the request failed"
    }

    private func unavailable(_ what: String, _ attempts: Int) -> RemoteFailure {
        RemoteFailure(
            .unavailable, "Dintero could not be reached for account '\(account)': \(what) (after \(attempts) tries)",
            hints: ["retry later; nothing more was sent"])
    }

    private func decode(_ answer: HTTPAnswer, _ method: String, _ path: String) throws -> JSONValue {
        if answer.body.isEmpty { return .null }
        do { return try JSONParser.parse(answer.body) } catch {
            throw RemoteFailure(.unavailable, "Dintero's answer to \(method) \(path) is not JSON: \(error)")
        }
    }

    private func authFailure(_ answer: HTTPAnswer) -> RemoteFailure {
        let error = DinteroError(answer)
        return RemoteFailure(
            .auth, "Dintero refused the credentials for account '\(account)' (\(answer.status)\(error.codeSuffix))",
            hints: ["check CHECKOUT_ADMIN_CLIENT_ID/CHECKOUT_ADMIN_CLIENT_SECRET or the credentials file"],
            details: error.message.map { ["  \($0)"] } ?? [])
    }

    private func rejected(_ answer: HTTPAnswer, _ method: String, _ path: String) -> RemoteFailure {
        let error = DinteroError(answer)
        return RemoteFailure(
            .rejected,
            "Dintero refused \(method) \(path) (\(answer.status)\(error.codeSuffix)): \(error.message ?? "no message")",
            details: error.errors.map { "  \($0)" })
    }
}

/// Dintero's error body: `{"error": {"code", "message", "errors": [...]}}` (DINTERO-API).
struct DinteroError {
    /// `error.code`.
    let code: String?
    /// `error.message`.
    let message: String?
    /// `error.errors`, one line each (`path: message` when the entry has both).
    let errors: [String]

    /// Decodes what there is; a body of another shape gives empty fields.
    init(_ answer: HTTPAnswer) {
        let error = (try? JSONParser.parse(answer.body))?["error"]
        code = error?["code"]?.stringValue
        message = error?["message"]?.stringValue
        errors = (error?["errors"]?.arrayValue ?? []).map { entry in
            if let path = entry["path"]?.stringValue, let message = entry["message"]?.stringValue {
                return "\(path): \(message)"
            }
            return entry.stringValue ?? entry["message"]?.stringValue ?? entry.compactText()
        }
    }

    /// ` validation_error` after the status, when there is a code.
    var codeSuffix: String { code.map { " \($0)" } ?? "" }
}
