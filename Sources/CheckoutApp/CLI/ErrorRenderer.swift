import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The one place that turns any thrown error into an exit code and the error text.
struct ErrorReport: Equatable {
    /// The JSON error kind.
    let code: String
    /// The message, without the `error: ` prefix.
    let message: String
    /// Hint lines.
    let hints: [String]
    /// Extra lines printed after the hints in text mode.
    let details: [String]
    /// The process exit status.
    let exitCode: Int32
    /// Audit findings behind a refusal; with `--json` they appear as `error.findings`.
    private(set) var findings: [AuditFinding] = []

    /// Classifies `error`.
    init(_ error: any Error) {
        switch error {
        case let usage as UsageError:
            self.init("usage", usage.message, usage.hints, [], 2)
        case let rejection as Rejection:
            self.init(
                rejection.reason.rawValue, rejection.text, rejection.hints + rejection.fixes.map(\.commandLine),
                rejection.details, 3)
            findings = rejection.findings
        case let push as PushInterruption:
            self.init(
                "interrupted", "interrupted: push stopped after the request in flight",
                ["the base records what was written: run the same push again to finish"], push.details,
                128 + push.signal)
        case let remote as RemoteFailure:
            self.init(remote.kind.rawValue, remote.message, remote.hints, remote.details, 6)
        case let failure as StoreFailure:
            self.init(storeFailure: failure)
        case let failure as OutputFailure:
            self.init("store_unusable", failure.message, [], [], 5)
        case let interruption as Interruption:
            self.init("interrupted", "interrupted, no changes written", [], [], 128 + interruption.signal)
        case let sqlite as SQLiteError:
            self.init(sqliteError: sqlite)
        default:
            self.init(
                "internal", "internal error: \(error)", ["this is a bug in checkout-admin; please report it"], [], 70)
        }
    }

    private init(_ code: String, _ message: String, _ hints: [String], _ details: [String], _ exitCode: Int32) {
        self.code = code
        self.message = message
        self.hints = hints
        self.details = details
        self.exitCode = exitCode
    }

    private init(storeFailure: StoreFailure) {
        switch storeFailure {
        case .busy(let path, let timeout):
            self.init(
                "store_busy",
                "store '\(path)' is busy: another process held the write lock for more than \(formatSeconds(timeout))s",
                ["retry, or raise --lock-timeout"], [], 4)
        case .unusable(let message, let hints):
            self.init("store_unusable", message, hints, [], 5)
        case .createdMeanwhile(let path):
            self.init(
                "store_busy",
                "store '\(path)' was created by another process while stdin was read; nothing written",
                ["run the command again: stdin cannot be read twice"], [], 4)
        case .outdated(let path, let version):
            self.init(
                "store_unusable",
                "store '\(path)' has schema version \(version); this checkout-admin reads version \(Schema.currentVersion)",
                [
                    "upgrade it with 'checkout-admin init' (read commands never upgrade a store: an older "
                        + "checkout-admin could no longer read it)"
                ], [], 5)
        }
    }

    private init(sqliteError: SQLiteError) {
        if sqliteError.isInterrupted {
            self.init("interrupted", "interrupted, no changes written", [], [], 130)
        } else if sqliteError.isProviderRuleRefusal {
            self.init(
                "policy_violation", "refused by the store: \(Schema.providerRuleMessage)",
                ["use 'dintero_psp.clicktopay'"], [], 3)
        } else if sqliteError.isBusy {
            // Writers turn this into StoreFailure.busy; a read that meets a lock is just as safe to retry.
            self.init("store_busy", "store is busy: \(sqliteError.message)", ["retry, or raise --lock-timeout"], [], 4)
        } else if sqliteError.isSchemaDamage {
            self.init(
                "store_unusable", "store schema is damaged: \(sqliteError.message)",
                ["see what is wrong with 'checkout-admin store check'; restore a backup"], [], 5)
        } else if sqliteError.isStoreUnusable {
            self.init("store_unusable", "store unusable: \(sqliteError.message)", [], [], 5)
        } else {
            self.init(
                "internal", "internal error: \(sqliteError)", ["this is a bug in checkout-admin; please report it"], [],
                70)
        }
    }

    /// The text-mode rendering: `error:` line, `hint:` lines, then details.
    func text(style: Style = Style(enabled: false)) -> String {
        var lines = [style.red("error:") + " " + message]
        lines += hints.map { "hint: \($0)" }
        lines += details
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `--json` rendering: one object on one line.
    var json: JSONValue {
        var error: [String: JSONValue] = [
            "code": .string(code),
            "message": .string(message),
            "hint": hints.isEmpty ? .null : .string(hints.joined(separator: "; ")),
            "exit_code": .number(String(exitCode)),
        ]
        if !findings.isEmpty { error["findings"] = .array(findings.map(AuditDocument.findingJSON)) }
        return .object(["error": .object(error)])
    }
}

/// Seconds without a needless `.0`.
func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
}
