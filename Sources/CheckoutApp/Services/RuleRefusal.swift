import CheckoutDomain

/// The refusal of a change that creates audit errors: the first error as the message, the others as `also:`
/// lines, and a hint for each of them (once per distinct hint) that can be followed from where the user stands.
enum RuleRefusal {
    /// Throws the refusal when `created` (the findings a change creates) holds errors; `before` is the account
    /// before the change (nil when the change creates it).
    static func refuseErrors(_ created: [AuditFinding], before: MerchantAccount?) throws {
        let errors = created.filter { $0.severity == .error }
        guard let first = errors.first else { return }
        var seen = Set<String>()
        let hints = errors.map { hint(for: $0, before: before) }.filter { seen.insert($0).inserted }
        throw Rejection(
            reason: Rejection.reason(refusing: errors), message: "refused: \(first.message) (\(first.rule.rawValue))",
            hints: hints, details: errors.dropFirst().map { "  also: \($0.message) (\($0.rule.rawValue))" },
            findings: errors)
    }

    /// The finding's fix as a command line, unless it edits a profile the refused change was creating: that
    /// profile does not exist, so the hint says what the new profile needs instead.
    static func hint(for finding: AuditFinding, before: MerchantAccount?) -> String {
        guard let profile = finding.profile, before?.profiles[profile] == nil,
            let needs = newProfileNeeds(finding.fix, profile)
        else { return finding.fix.commandLine }
        return "profile '\(profile)' was not created: \(needs)"
    }

    /// What a `profile …` fix on `profile` asks of the profile, in words; nil for a fix that does not edit it.
    private static func newProfileNeeds(_ fix: Fix, _ profile: String) -> String? {
        let all = [fix] + fix.alternatives
        let needs = all.compactMap { need($0, profile) }
        guard needs.count == all.count else { return nil }
        return needs.joined(separator: ", or ")
    }

    private static func need(_ fix: Fix, _ profile: String) -> String? {
        let words = fix.arguments.map(\.text)
        guard fix.command.first == "profile", words.count >= 3, words[1] == profile else { return nil }
        let type = fix.arguments[2].quoted
        switch fix.command.last {
        case "add-method": return "offer \(type) in it too"
        case "remove-method": return "leave \(type) out of it"
        case "set":
            let (key, value) = split(words[2])
            return value.isEmpty ? "give it no \(key)" : "give it \(words[2])"
        case "set-option" where words.count >= 4: return "give its \(type) product \(words[3])"
        default: return nil
        }
    }

    private static func split(_ assignment: String) -> (String, String) {
        guard let equals = assignment.firstIndex(of: "=") else { return (assignment, "") }
        return (String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
    }
}

extension Fix.Word {
    /// The word's text: a value as it is, a placeholder as shown.
    var text: String {
        switch self {
        case .value(let text), .placeholder(let text): text
        }
    }

    /// A value in single quotes, as messages name things; a placeholder as it is.
    var quoted: String {
        switch self {
        case .value(let text): "'\(text)'"
        case .placeholder(let text): text
        }
    }
}
