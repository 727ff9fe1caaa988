import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The one-line text form of a change, as in a plan: `+ method T12345678 dintero_psp.creditcard (NOK, SEK)`.
enum ChangeText {
    /// One line, coloured by action when `style` is enabled.
    static func line(_ change: Change, style: Style) -> String {
        subject(change, style: style) + labelled(detail(change))
    }

    /// One line with the difference field by field, as `history` shows it: `~ settings T12345678 name: 'A' → 'B'`,
    /// `~ method T12345678 vipps: + SEK`, `~ profile T12345678 web: + vipps; - dintero_psp.creditcard`; an addition
    /// or removal says what was added or removed. Account lines are the caller's (their values are whole accounts).
    static func differenceLine(_ change: Change, style: Style) -> String {
        subject(change, style: style) + labelled(difference(change))
    }

    /// The sign, kind, account and (except for accounts) the id: `+ method T12345678 vipps`.
    static func subject(_ change: Change, style: Style) -> String {
        let sign: String
        switch change.action {
        case .add: sign = style.green("+")
        case .change: sign = style.yellow("~")
        case .remove: sign = style.red("-")
        }
        var words = [sign, change.kind.rawValue, change.account]
        if change.kind != .account { words.append(change.id) }
        return words.joined(separator: " ")
    }

    private static func labelled(_ detail: String) -> String {
        detail.isEmpty ? "" : ": " + detail
    }

    private static func difference(_ change: Change) -> String {
        switch (change.before, change.after) {
        case (.profile(let old)?, .profile(let new)?): return ProfileDifference.describe(old, new)
        case (.method(_, let old, let oldDetails)?, .method(_, let new, let newDetails)?):
            var parts = new.filter { !old.contains($0) }.map { "+ \($0)" }
            parts += old.filter { !new.contains($0) }.map { "- \($0)" }
            if oldDetails != newDetails { parts.append("details") }
            return parts.isEmpty ? "changed" : parts.joined(separator: "; ")
        case (let old?, let new?): return "\(summary(old)) → \(summary(new))"
        case (.account?, nil), (nil, .account?), (nil, nil): return ""
        case (let value?, nil), (nil, let value?): return summary(value)
        }
    }

    private static func detail(_ change: Change) -> String {
        switch (change.before, change.after) {
        case (.profile(let old)?, .profile(let new)?) where summary(.profile(old)) == summary(.profile(new)):
            return ProfileDifference.describe(old, new)
        case (let old?, let new?): return "\(summary(old)) → \(summary(new))"
        case (nil, let new?): return change.kind == .account ? "" : summary(new)
        default: return ""
        }
    }

    /// A short description of one side of a change.
    static func summary(_ value: Change.Value) -> String {
        switch value {
        case .account(let account): return account.id
        case .setting(_, let value): return "'\(value.debugEscaped)'"
        case .method(_, let currencies, let details):
            let text = currencies.isEmpty ? "(no currencies)" : currencies.joined(separator: ", ")
            return details == nil ? text : text + " with details"
        case .profile(let profile): return profileSummary(profile)
        }
    }

    private static func profileSummary(_ profile: PaymentProfile) -> String {
        var parts = profile.sortedMethodTypes
        if profile.allActive { parts.insert("all active methods", at: 0) }
        if parts.isEmpty { parts = ["nothing"] }
        var text = "offers " + parts.joined(separator: ", ")
        if let type = profile.defaultPaymentType { text += "; default \(type)" }
        if profile.channel != "ecommerce" { text += "; channel \(profile.channel)" }
        if profile.autoCapture { text += "; auto capture" }
        return text
    }

    /// Reports the changes of a write command and the audit findings they created (`context.findingsCreated`):
    /// change lines, `notes`, then the findings on stderr (text mode), or the JSON document on stdout with
    /// `findings` beside the changes.
    static func report(
        _ changes: [Change], in context: CommandContext, noChange: String, notes: [String] = [],
        extra: [String: JSONValue] = [:]
    ) {
        if context.options.json {
            var fields = extra
            fields["findings"] = .array(context.findingsCreated.map(AuditDocument.findingJSON))
            context.emit(json: ChangeDocument.resultJSON(changes, extra: fields))
            return
        }
        if changes.isEmpty {
            context.inform(noChange)
        } else {
            context.inform(changes.map { line($0, style: context.errorStyle) }.joined(separator: "\n"))
        }
        notes.forEach(context.inform)
        inform(context.findingsCreated, in: context)
    }

    /// Findings on stderr (unless `--quiet`), each as `audit` prints it: severity, rule, message, fix.
    static func inform(_ findings: [AuditFinding], in context: CommandContext) {
        for finding in findings {
            context.inform(String(AuditText.line(finding, style: context.errorStyle).dropLast()))
        }
    }
}
