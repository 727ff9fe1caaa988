import CheckoutDomain

/// Quotes a word for a shell command line when it needs it.
func shellQuoted(_ word: String) -> String {
    let safe =
        !word.isEmpty
        && word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_./=:@,+%".unicodeScalars.contains($0)
        }
    return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension Fix {
    /// The fix as the user types it: `checkout-admin method enable T12345678 vipps`. An alternative with the same
    /// command and leading arguments is shown by its differing words only: `… checkout_express=true (or
    /// session_customer_email=true)`.
    var commandLine: String {
        let line = (lead ?? "") + "checkout-admin " + (command + arguments.map(Fix.shellWord)).joined(separator: " ")
        return alternatives.reduce(line + (trail ?? "")) { $0 + " (or \(alternativeText($1)))" }
    }

    private func alternativeText(_ other: Fix) -> String {
        guard other.command == command, other.arguments.count == arguments.count, other.lead == nil else {
            return other.commandLine
        }
        let shared = zip(arguments, other.arguments).prefix { $0 == $1 }.count
        return other.arguments.dropFirst(shared).map(Fix.shellWord).joined(separator: " ")
    }

    private static func shellWord(_ word: Word) -> String {
        switch word {
        case .value(let text): shellQuoted(text)
        case .placeholder(let text): text
        }
    }
}
