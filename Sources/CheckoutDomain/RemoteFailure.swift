/// Dintero's API could not be reached, refused the credentials, or refused a request: exit 6.
/// Thrown by the remote client; the app renders it like a rejection, with its own exit code.
package struct RemoteFailure: Error, Equatable, Sendable {
    /// Which of the three ways talking to Dintero went wrong; each is a JSON error code.
    package enum Kind: String, Sendable {
        /// No answer, a reset, a timeout, or 429/5xx after the retries.
        case unavailable = "remote_unavailable"
        /// The token request was refused (wrong or revoked credentials), or a fresh token was refused.
        case auth = "remote_auth"
        /// Dintero answered 4xx to a body the tool sent.
        case rejected = "remote_rejected"
    }

    /// The kind, reported as the JSON error code.
    package let kind: Kind
    /// The one-line message, git style; never holds a secret.
    package var message: String
    /// What to do next.
    package var hints: [String] = []
    /// Extra lines after the hints: Dintero's `errors[]`, or which requests of a push were carried out.
    package var details: [String] = []

    /// A failure from its parts.
    package init(_ kind: Kind, _ message: String, hints: [String] = [], details: [String] = []) {
        self.kind = kind
        self.message = message
        self.hints = hints
        self.details = details
    }
}
