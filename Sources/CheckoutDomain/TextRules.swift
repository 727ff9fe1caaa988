/// Validation of the text shapes settings and profiles use.
///
/// The whitespace policy, one rule for every input (arguments, imports, state documents, pulled documents): text
/// is stored exactly as given, never trimmed. Free text (names, address lines, descriptions, the actor) that starts
/// or ends with whitespace is refused, so a whitespace-only value is refused too; every other shape (ids, codes,
/// URLs, emails, numbers) admits no whitespace at all.
package enum TextRules {
    /// 1…maxLength characters, no control characters (C0, DEL, C1), no leading or trailing whitespace.
    package static func isPlainText(_ text: String, maxLength: Int) -> Bool {
        // No more bytes than the limit means no more characters either: only longer text needs counting.
        let bytes = text.utf8.count
        return bytes >= 1 && (bytes <= maxLength || text.count <= maxLength) && !containsControlCharacters(text)
            && !hasSurroundingWhitespace(text)
    }

    /// Whether any scalar is a control character: C0 and DEL are single bytes, C1 (U+0080…U+009F) is 0xC2 followed
    /// by 0x80…0x9F, and 0xC2 is never a continuation byte, so the bytes tell without decoding.
    package static func containsControlCharacters(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte <= 0x9F) { return true }
            previous = byte
        }
        return false
    }

    /// Whether the text starts or ends with white space (Unicode's property: space, tab, line breaks, U+00A0,
    /// U+3000, …); true for text that is only whitespace, false for empty text.
    package static func hasSurroundingWhitespace(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
    }

    /// The text without leading and trailing white space, as a hint offers it.
    package static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Refuses `text` unless it is plain text of at most `maxLength` characters: `message` is the refusal, the
    /// hint the trimmed value when that one is valid, else `rule`.
    package static func requirePlainText(
        _ text: String, maxLength: Int, message: @autoclosure () -> String, rule: String
    ) throws {
        guard !isPlainText(text, maxLength: maxLength) else { return }
        throw Rejection.invalid(
            message(), hints: [trimmedSuggestion(for: text) { isPlainText($0, maxLength: maxLength) } ?? rule])
    }

    /// The hint for a value refused only for its surrounding whitespace: the trimmed value when `isValid` accepts
    /// it, else nil (the value has other problems, and the field's own description is the better hint).
    package static func trimmedSuggestion(for text: String, isValid: (String) -> Bool) -> String? {
        guard hasSurroundingWhitespace(text) else { return nil }
        let trimmed = trimmingWhitespace(text)
        guard !trimmed.isEmpty, isValid(trimmed) else { return nil }
        return "leading and trailing whitespace is not allowed: did you mean '\(trimmed.excerpt(marksCut: true))'?"
    }

    /// An absolute `http://` or `https://` URL with a host and no whitespace or control characters. The scheme is
    /// matched without regard to case (RFC 3986 §3.1), so `HTTPS://example.com` is accepted and kept as written.
    package static func isWebURL(_ text: String) -> Bool {
        guard text.utf8.count <= 2048, !containsControlCharacters(text) else { return false }
        // ASCII text, the usual case, is checked byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.withContiguousStorageIfAvailable(isASCIIWebURL) ?? isASCIIWebURL(Array(text.utf8))
        }
        guard !text.unicodeScalars.contains(where: \.properties.isWhitespace) else { return false }
        let rest: Substring
        if hasPrefixIgnoringCase(text, "https://") {
            rest = text.dropFirst(8)
        } else if hasPrefixIgnoringCase(text, "http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // Empty pieces are kept, so `https://:80` and `https://user@` have an empty host and are refused.
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let host = hostAndPort.split(separator: ":", omittingEmptySubsequences: false).first ?? ""
        return !host.isEmpty
            && host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "[" || $0 == "]" }
    }

    // `isWebURL` for ASCII without control characters, whose only whitespace can be the space: the host is what
    // follows the scheme and the last `@` of the authority, up to the first `:`.
    private static func isASCIIWebURL<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard !bytes.contains(UInt8(ascii: " ")) else { return false }
        let rest: Bytes.SubSequence
        if startsIgnoringCase(bytes, "https://") {
            rest = bytes.dropFirst(8)
        } else if startsIgnoringCase(bytes, "http://") {
            rest = bytes.dropFirst(7)
        } else {
            return false
        }
        let authority = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let hostAndPort = authority.lastIndex(of: UInt8(ascii: "@")).map { authority[authority.index(after: $0)...] }
        let host = (hostAndPort ?? authority).prefix { $0 != UInt8(ascii: ":") }
        return !host.isEmpty && host.allSatisfy(isHostByte)
    }

    // Whether `bytes` start with the lower-case ASCII `prefix`, in any case.
    private static func startsIgnoringCase<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ prefix: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return bytes.count >= expected.count
            && zip(bytes, expected).allSatisfy { byte, lower in byte == lower || byte | 0x20 == lower }
    }

    // An ASCII letter or digit, `.`, `-`, `[` or `]`.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
    }

    /// `local@domain.tld`: one `@`, a local part of printable ASCII, a domain of dotted labels.
    package static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2, (1...64).contains(parts[0].utf8.count) else { return false }
        let localAllowed = parts[0].utf8.allSatisfy {
            $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return localAllowed && labels.count >= 2 && labels.allSatisfy(isDomainLabel)
    }

    /// `+` then 7 to 15 digits, the first not zero.
    package static func isE164(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst()
        return text.hasPrefix("+") && (7...15).contains(digits.count) && digits.allSatisfy(isDigit)
            && digits.first != UInt8(ascii: "0")
    }

    // `prefix` is lower case; compared by Characters, as `dropFirst` then cuts.
    private static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        text.prefix(prefix.count).lowercased() == prefix
    }

    /// An ASCII digit.
    package static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isDomainLabel(_ label: Substring) -> Bool {
        guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
        return label.utf8.allSatisfy {
            isDigit($0) || $0 == UInt8(ascii: "-") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20)
        }
    }
}

extension String {
    /// The text with control characters shown as escapes, for error messages.
    package var debugEscaped: String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension String {
    /// The text as a message quotes it: at most `limit` Unicode scalars, control characters escaped, and "…" where
    /// it was cut when `marksCut` — so a 10 MB value or an escape sequence never reaches a terminal whole. The one
    /// place text is shortened for a message.
    package func excerpt(_ limit: Int = 60, marksCut: Bool = false) -> String {
        guard unicodeScalars.count > limit else { return debugEscaped }
        return String(String.UnicodeScalarView(unicodeScalars.prefix(limit))).debugEscaped + (marksCut ? "…" : "")
    }
}
