import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `apply` one account at a time: each account of the document is read, audited, compared with the store and (unless
/// a dry run) written with its history, all inside one transaction; the plan goes to a spool meanwhile, so memory
/// holds one account, however large the document. Any refusal, syntax error or audit error rolls everything back.
final class StreamedApply {
    /// The plan, as text lines or as the elements of the JSON `changes` array.
    let plan: Spool
    /// How many changes of each action.
    private(set) var counts: [Change.Action: Int] = [:]
    /// The error findings of the document's accounts (any one means nothing is written).
    private(set) var errors: [AuditFinding] = []
    /// The warnings the document's accounts would have that they do not have now.
    private(set) var createdWarnings: [AuditFinding] = []
    /// For the CI report formats, every finding of the document's accounts, written as `audit` writes them to a
    /// spool of their own, printed after the plan.
    private(set) var report: (audit: AuditStream, spool: Spool)?

    /// SQLite's page cache for an apply: the bench's 1 000 000 accounts stay within `apply`'s 256 MiB.
    static let cacheMebibytes = 96

    private let context: CommandContext
    private let asJSON: Bool
    private var changeCount = 0

    /// An apply for `context`, writing its plan as JSON elements or text lines, and its findings in `format` when
    /// that is a CI report format (github or junit).
    init(context: CommandContext, format: ReportFormat) throws {
        self.context = context
        asJSON = format == .json
        plan = try Spool()
        guard format == .github || format == .junit else { return }
        let spool = try Spool()
        let audit = try AuditStream(format: format, strict: false, style: context.outputStyle) { text in
            // A spool that cannot be written fails the command when it is replayed.
            try? spool.write(text)
        }
        report = (audit, spool)
    }

    /// How many changes of `action`.
    func count(_ action: Change.Action) -> Int { counts[action] ?? 0 }

    /// Whether nothing changes.
    var isEmpty: Bool { changeCount == 0 }

    /// Reads every account of `document`, planning each against `store` and, with `history`, writing it.
    func run(_ document: StateDocumentStream, on store: Store, recording history: HistoryRecorder?) throws {
        try store.reserveCache(mebibytes: StreamedApply.cacheMebibytes)
        let accounts = AccountPrefetcher(document)
        defer { accounts.stop() }
        var progress = Progress(total: nil, context: context)
        defer { progress.finish() }
        var batch = Batch()
        repeat {
            batch = Batch(taking: accounts)
            // One lookup per table for the whole batch: its accounts are distinct, so writing one leaves the
            // others as loaded.
            let stored = try store.loadAccounts(batch.targets.map(\.account.id))
            let current = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for target in batch.targets {
                let changes = try plan(target, over: current[target.account.id], store: store, history: history)
                if history != nil { progress.advance(by: changes) }
                try Signals.checkpoint()
            }
            if let failure = batch.failure { throw failure }
        } while !batch.isLast
        try history?.finish()
    }

    // Plans `target` against `current`, writes it with its history unless a dry run or an error was found, and
    // returns how many changes it has.
    private func plan(
        _ target: AuditedAccount, over current: MerchantAccount?, store: Store, history: HistoryRecorder?
    ) throws -> Int {
        let changes = ChangeSet.between(current, target.account)
        try audit(target, before: current)
        if let history, errors.isEmpty, !changes.isEmpty {
            try store.persist(changes, createdAt: history.time)
            try history.record(changes.map(AccountWriter.historyChange))
        }
        try add(changes)
        return changes.count
    }

    /// The summary counts as JSON.
    var summaryJSON: JSONValue {
        .object(
            [Change.Action.add, .change, .remove].reduce(into: [:]) { summary, action in
                summary[action.rawValue] = ChangeDocument.number(count(action))
            })
    }

    private func audit(_ target: AuditedAccount, before current: MerchantAccount?) throws {
        let findings = target.findings
        try report?.audit.write(target.account, findings: findings)
        errors += findings.filter { $0.severity == .error }
        guard findings.contains(where: { $0.severity == .warning }) else { return }
        createdWarnings += Audit.findingsCreated(before: current, found: findings).filter { $0.severity == .warning }
    }

    private func add(_ changes: [Change]) throws {
        for change in changes {
            counts[change.action, default: 0] += 1
            if asJSON {
                var writer = JSONValue.TextWriter(isPretty: true)
                writer.writeRaw(changeCount == 0 ? "\n    " : ",\n    ")
                writer.write(ChangeDocument.json(change), depth: 2)
                try plan.write(String(decoding: writer.bytes, as: UTF8.self))
            } else {
                try plan.write(ChangeText.line(change, style: context.outputStyle) + "\n")
            }
            changeCount += 1
        }
    }
}

/// Up to `AccountLoader.batchSize` accounts of a document, in its order, and what ended them.
private struct Batch {
    private(set) var targets: [AuditedAccount] = []
    /// The error the document gave after `targets`: thrown once they are planned, as an account at a time would.
    private(set) var failure: (any Error)?
    /// Whether the document has no more accounts.
    private(set) var isLast = false

    init() {}

    /// The next accounts of `accounts`.
    init(taking accounts: AccountPrefetcher) {
        targets.reserveCapacity(AccountLoader.batchSize)
        do {
            while targets.count < AccountLoader.batchSize {
                guard let target = try accounts.next() else {
                    isLast = true
                    return
                }
                targets.append(target)
            }
        } catch {
            failure = error
            isLast = true
        }
    }
}
