import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// What a push planned and which of its requests Dintero accepted, for the text and `--json` reports.
/// Shared by the accounts' jobs: call it only inside `RemoteJobs.exclusive`.
final class PushLog {
    /// One request and how it ended.
    private struct Entry {
        let account: String
        let request: String
        var status: String
    }

    private var changes: [Change] = []
    private var entries: [Entry] = []
    private var pending: [(String, [PushRequest])] = []

    /// Whether any write request was accepted.
    var sentAny: Bool { entries.contains { $0.status == "done" } }

    /// Records an account's plan and prints it (text mode; `--json` prints one document at the end).
    func planned(_ plan: PushPlan, _ context: CommandContext) {
        changes += plan.changes
        if let account = plan.changes.first?.account { pending.append((account, plan.requests)) }
        if !context.options.json { context.emit(PlanText.text(plan.changes, style: context.outputStyle)) }
    }

    /// A request is about to be sent; returns its entry for `succeeded`.
    func started(_ request: PushRequest, account: String) -> Int {
        entries.append(Entry(account: account, request: request.description, status: "failed"))
        if let index = pending.firstIndex(where: { $0.0 == account }) { pending[index].1.removeFirst() }
        return entries.count - 1
    }

    /// The request of `entry` was accepted.
    func succeeded(_ entry: Int, _ context: CommandContext) {
        entries[entry].status = "done"
        context.inform("\(entries[entry].request): done")
    }

    /// The JSON document (with `--json`), and the closing line in text mode.
    func finish(applied: Bool, _ context: CommandContext) {
        let requests = (entries + notSent).map { entry in
            JSONValue.object([
                "account": .string(entry.account), "request": .string(entry.request), "status": .string(entry.status),
            ])
        }
        if context.options.json {
            PlanText.report(changes, applied: applied, context, extra: ["requests": .array(requests)])
        } else if applied {
            context.inform("pushed: \(AuditText.plural(entries.count, "request")) carried out")
        } else if context.arguments[RemoteCommands.dryRun] {
            context.inform("Dry run: nothing sent.")
        }
    }

    private var notSent: [Entry] {
        pending.flatMap { account, requests in
            requests.map { Entry(account: account, request: $0.description, status: "not_sent") }
        }
    }

    /// The failure that stopped the push, with the lines saying which requests were carried out.
    func failure(_ error: any Error) -> any Error {
        guard !entries.isEmpty else { return error }
        let lines =
            ["requests of this push:"]
            + (entries + notSent).map { "  \($0.status.replacingUnderscores): \($0.request)" }
        switch error {
        case var remote as RemoteFailure:
            remote.message = "push stopped: " + remote.message
            remote.hints.append("the base records what was written: run the same push again to finish")
            remote.details += lines
            return remote
        case var rejection as Rejection:
            rejection.details += lines
            return rejection
        case let interruption as Interruption:
            return PushInterruption(signal: interruption.signal, details: lines)
        default:
            return error
        }
    }
}

extension String {
    /// `not_sent` → `not sent`.
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}

/// SIGINT or SIGTERM stopped a push after the request in flight: exit 130 (143), with what was written.
struct PushInterruption: Error {
    /// The signal number.
    let signal: Int32
    /// Which requests were carried out.
    let details: [String]
}
