/// Rules for profile ids and fields (SPEC §3: 1–255 characters, no leading or trailing whitespace, no controls).
enum ProfileRules {
    /// Validates a profile id.
    static func validateID(_ text: String) throws {
        let trimmed = text.unicodeScalars.first.map { !$0.properties.isWhitespace } ?? false
            && text.unicodeScalars.last.map { !$0.properties.isWhitespace } ?? false
        guard (1...255).contains(text.count), trimmed, !TextRules.containsControlCharacters(text) else {
            throw Rejection.invalid("invalid profile id '\(String(text.prefix(60)).debugEscaped)'",
                                    hints: ["a profile id is 1-255 characters, without leading or trailing spaces or control characters"])
        }
    }

    /// Validates a channel.
    static func validateChannel(_ text: String) throws {
        guard PaymentProfile.channels.contains(text) else {
            throw Rejection.invalid("invalid channel '\(String(text.prefix(60)).debugEscaped)'",
                                    hints: Suggestion.hints(for: text, among: PaymentProfile.channels)
                                        + ["a channel is one of: \(PaymentProfile.channels.joined(separator: ", "))"])
        }
    }

    /// Validates a description: at most 1000 characters, no control characters but newline and tab.
    static func validateDescription(_ text: String) throws {
        let controls = text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
        guard text.count <= 1000, !controls else {
            throw Rejection.invalid("invalid description '\(String(text.prefix(60)).debugEscaped)'",
                                    hints: ["a description is at most 1000 characters without control characters"])
        }
    }

    /// Validates a terms URL.
    static func validateTermsURL(_ text: String) throws {
        guard TextRules.isWebURL(text) else {
            throw Rejection.invalid("invalid merchant_terms_url '\(String(text.prefix(60)).debugEscaped)'",
                                    hints: ["merchant_terms_url must be an absolute https:// or http:// URL"])
        }
    }

    /// Most bytes of pass-through fields one profile may carry: far above any real theme, far below a flood.
    static let maximumPassThroughBytes = 64 << 10

    /// Refuses a profile whose pass-through fields (configuration, top level, product options) exceed the limit.
    static func validatePassThroughSize(_ profile: PaymentProfile, at path: String) throws {
        let size = StoredJSON.text(profile.extraConfiguration).utf8.count + StoredJSON.text(profile.extraFields).utf8.count
            + profile.methods.values.reduce(0) { $0 + StoredJSON.text($1).utf8.count }
        guard size <= maximumPassThroughBytes else {
            throw Rejection.invalid("profile '\(String(profile.id.prefix(60)).debugEscaped)' at '\(path)' carries \(size) bytes of pass-through fields; at most \(maximumPassThroughBytes)")
        }
    }
}
