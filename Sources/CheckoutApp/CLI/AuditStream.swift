import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// An audit written while the accounts are read one at a time: findings are handed over per account and written
/// at once, and the summary (or, for JSON and JUnit, the totals their opening needs) is written at the end. What
/// must wait for the totals is spooled to a temporary file, never held, so memory stays flat however many
/// accounts and findings there are.
final class AuditStream {
    private let format: ReportFormat
    private let strict: Bool
    private let style: Style
    private let emit: (String) -> Void
    private var spool: Spool?
    private var json = StreamedJSONObject(arrayKey: "findings")
    private var lastAccount: String?
    /// The counts so far.
    private(set) var tally = AuditTally()

    /// A stream writing `format` through `emit`.
    init(format: ReportFormat, strict: Bool, style: Style, emit: @escaping (String) -> Void) throws {
        self.format = format
        self.strict = strict
        self.style = style
        self.emit = emit
        if format == .json || format == .junit { spool = try Spool() }
    }

    /// Audits one account and writes (or spools) what it found.
    func audit(_ account: MerchantAccount) throws {
        try write(account, findings: Audit.findings(for: account))
    }

    /// Writes (or spools) the findings of an account its caller has audited already.
    func write(_ account: MerchantAccount, findings: [AuditFinding]) throws {
        tally.count(account, findings: findings)
        switch format {
        case .text: emit(textLines(findings))
        case .github: emit(AuditAnnotations.github(findings))
        case .json: for finding in findings { try spool?.write(json.element(AuditDocument.findingJSON(finding))) }
        case .junit: try spool?.write(AuditAnnotations.junitSuite(account: account.id, findings, strict: strict))
        }
    }

    /// Writes the summary, or the opening, the spooled part and the end.
    func finish() throws {
        switch format {
        case .text, .github: emit(AuditText.summary(tally) + "\n")
        case .json:
            let fields = AuditDocument.reportFields(tally, strict: strict)
            emit(json.head(fields))
            try spool?.replay(emit)
            emit(json.tail(fields))
        case .junit:
            emit(AuditAnnotations.junitHead(tally, strict: strict))
            try spool?.replay(emit)
            emit(AuditAnnotations.junitEnd)
        }
    }

    // Findings grouped under their account's name, each with its fix.
    private func textLines(_ findings: [AuditFinding]) -> String {
        var text = ""
        for finding in findings {
            if finding.account != lastAccount {
                lastAccount = finding.account
                text += style.bold(finding.account) + "\n"
            }
            text += AuditText.line(finding, style: style)
        }
        return text
    }
}
