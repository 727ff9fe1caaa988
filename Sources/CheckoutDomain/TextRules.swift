/// Validation of the text shapes settings and profiles use.
package enum TextRules {
    /// 1…maxLength characters, no control characters (C0, DEL, C1), not only whitespace.
    package static func isPlainText(_ text: String, maxLength: Int) -> Bool {
        let count = text.count
        return count >= 1 && count <= maxLength && !containsControlCharacters(text)
            && !text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Whether any scalar is a control character.
    package static func containsControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// An absolute `http://` or `https://` URL with a host and no spaces or control characters.
    package static func isWebURL(_ text: String) -> Bool {
        guard text.utf8.count <= 2048, !containsControlCharacters(text), !text.contains(" ") else { return false }
        let rest: Substring
        if text.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
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
