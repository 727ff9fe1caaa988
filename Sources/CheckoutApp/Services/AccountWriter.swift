import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The one write path every command takes: load the accounts' current state inside an IMMEDIATE
/// transaction, let the command change it, refuse changes that create audit errors, then persist the
/// changes and their history rows in the same transaction.
struct AccountWriter {
    /// The running command.
    let context: CommandContext

    /// The write path of `context`'s command.
    init(context: CommandContext) {
        self.context = context
    }

    /// Edits the named accounts (absent ones are nil in `accounts`; set one to nil to remove it) and
    /// saves the result. Returns what changed; nothing is written when nothing changed.
    @discardableResult
    func modify(_ ids: [String], _ edit: (inout [String: MerchantAccount?]) throws -> Void) throws -> [Change] {
        // A refused or empty change on a missing store creates neither the file nor its folder.
        let (changes, _) = try context.opener.write(
            { store in try transaction(on: store, ids, edit) }, wroteSomething: { !$0.isEmpty })
        if !changes.isEmpty { context.streams.record.committed = true }
        return changes
    }

    /// Like `modify`, for `pull`: Dintero's state is taken as it is (no audit refusal), and `alongside` runs in
    /// the same transaction after the changes are saved (the base moves with them), even when nothing changed.
    @discardableResult
    func synchronize(
        _ id: String, _ edit: (inout [String: MerchantAccount?]) throws -> Void, alongside: (Store) throws -> Void
    ) throws -> [Change] {
        var audited = self
        audited.refusesNewErrors = false
        let (changes, _) = try context.opener.write(
            { store in try audited.transaction(on: store, [id], edit, alongside) }, wroteSomething: { _ in true })
        if !changes.isEmpty { context.streams.record.committed = true }
        return changes
    }

    /// Whether a change that creates an audit error is refused (true but for `pull`).
    private var refusesNewErrors = true

    /// Runs `body` as one write transaction on the store (created when missing, and kept only when
    /// `wroteSomething` says so), for a write that streams its changes instead of editing named accounts.
    func stream<T>(_ body: (Store) throws -> T, wroteSomething: (T) -> Bool) throws -> T {
        let (result, _) = try context.opener.write(
            { store in try inTransaction(on: store) { try body(store) } }, wroteSomething: wroteSomething)
        if wroteSomething(result) { context.streams.record.committed = true }
        return result
    }

    private func transaction(
        on store: Store, _ ids: [String], _ edit: (inout [String: MerchantAccount?]) throws -> Void,
        _ alongside: (Store) throws -> Void = { _ in }
    ) throws -> [Change] {
        try inTransaction(on: store) {
            let changes = try apply(edit, to: ids, in: store)
            try alongside(store)
            return changes
        }
    }

    // One IMMEDIATE transaction that a signal interrupts cleanly (rolled back) until its last checkpoint.
    private func inTransaction<T>(on store: Store, _ body: () throws -> T) throws -> T {
        try context.opener.wrap {
            try Signals.duringWrite(store.database.interruptHandle) {
                try store.database.transaction(.immediate) {
                    let result = try body()
                    try Signals.checkpoint()
                    return result
                }
            }
        }
    }

    // Runs inside the transaction: what the edit decides on is read under the write lock.
    private func apply(
        _ edit: (inout [String: MerchantAccount?]) throws -> Void, to ids: [String], in store: Store
    ) throws -> [Change] {
        var accounts = ids.reduce(into: [String: MerchantAccount?]()) { $0[$1] = .some(nil) }
        for account in try store.loadAccounts(ids) { accounts[account.id] = account }
        let before = accounts
        do {
            try edit(&accounts)
        } catch let missing as MissingAccount {
            throw AccountWriter.accountNotFound(missing.id, among: try store.accountIDs())
        }
        let changes = try save(before: before, after: accounts, in: store)
        try Signals.checkpoint()
        return changes
    }

    /// Edits one account (nil when it does not exist).
    @discardableResult
    func modify(_ id: String, _ edit: (inout MerchantAccount?) throws -> Void) throws -> [Change] {
        try modify([id]) { accounts in
            var account = accounts[id] ?? nil
            try edit(&account)
            accounts[id] = .some(account)
        }
    }

    /// Edits one account that must exist.
    @discardableResult
    func modifyExisting(_ id: String, _ edit: (inout MerchantAccount) throws -> Void) throws -> [Change] {
        try modify(id) { account in
            guard var existing = account else { throw MissingAccount(id: id) }
            try edit(&existing)
            account = existing
        }
    }

    private func save(
        before: [String: MerchantAccount?], after: [String: MerchantAccount?], in store: Store
    ) throws -> [Change] {
        var changes: [Change] = []
        var created: [AuditFinding] = []
        for id in after.keys.sorted() {
            let old = before[id] ?? nil
            let new = after[id] ?? nil
            let accountChanges = ChangeSet.between(old, new)
            guard !accountChanges.isEmpty else { continue }
            // `pull` takes Dintero's state as it is: nothing refused, nothing reported.
            if refusesNewErrors {
                let findings = Audit.findingsCreated(before: old, after: new)
                try RuleRefusal.refuseErrors(findings, before: old)
                created += findings
            }
            changes += accountChanges
        }
        guard !changes.isEmpty else { return [] }
        context.findingsCreated += created
        let now = Timestamp.now().rfc3339
        let history = try HistoryRecorder(
            store: store, at: now, actor: context.options.actor, command: context.commandLine)
        var progress = Progress(total: changes.count, context: context)
        for chunk in stride(from: 0, to: changes.count, by: Progress.chunkSize).map({
            changes[$0..<min($0 + Progress.chunkSize, changes.count)]
        }) {
            try store.persist(Array(chunk), createdAt: now)
            try history.record(chunk.map(AccountWriter.historyChange))
            progress.advance(by: chunk.count)
        }
        try history.finish()
        progress.finish()
        return changes
    }

    /// A change as the history keeps it.
    static func historyChange(_ change: Change) -> HistoryChange {
        HistoryChange(
            account: change.account, action: change.action.rawValue, kind: change.kind.rawValue, objectID: change.id,
            before: change.before.map { ChangeDocument.valueJSON($0).compactText() },
            after: change.after.map { ChangeDocument.valueJSON($0).compactText() })
    }

    /// The not-found refusal for an account, with the command that creates it and a near id, if any.
    static func accountNotFound(_ id: String, among known: [String] = []) -> Rejection {
        Rejection.notFound(
            "account '\(id)' not found",
            hints: Suggestion.hints(for: id, among: known) + [
                "create it with 'checkout-admin account add \(shellQuoted(id))'"
            ])
    }
}

/// Thrown by an edit that needs an existing account; the writer turns it into the not-found refusal.
struct MissingAccount: Error {
    let id: String
}

/// `saving changes: 12000/44000` on stderr while a long write runs (`saving changes: 12000` when the total is not
/// known in advance, as in a streamed apply), only when stderr is a terminal.
struct Progress {
    /// Changes written between two updates.
    static let chunkSize = 2000

    private let total: Int?
    private let output: TextOutput?
    private var done = 0
    private var shownAt = 0

    init(total: Int?, context: CommandContext) {
        self.total = total
        let shown = total.map { $0 > Progress.chunkSize } ?? true
        output = shown && context.streams.errors.isTerminal && !context.options.quiet ? context.streams.errors : nil
    }

    mutating func advance(by count: Int) {
        done += count
        guard let total else {
            // Without a total the count is shown each time another chunk is done.
            guard done - shownAt >= Progress.chunkSize else { return }
            shownAt = done - done % Progress.chunkSize
            output?.write("\rsaving changes: \(shownAt)")
            return
        }
        output?.write("\rsaving changes: \(done)/\(total)")
    }

    func finish() {
        // Carriage return and erase-line leave the terminal as it was.
        if total != nil || shownAt > 0 { output?.write("\r\u{1B}[K") }
    }
}
