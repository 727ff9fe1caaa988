import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `pull <account>…`: Dintero's configuration into the store, one transaction per account, and the base moved.
struct PullRunner {
    /// The running command.
    let context: CommandContext
    /// How to reach Dintero.
    let connector: any RemoteConnector

    /// What a pull did to one account.
    enum Outcome: String {
        /// The store now matches Dintero.
        case updated
        /// Dintero had not changed since the base, and neither had the store.
        case upToDate = "up_to_date"
        /// Dintero had not changed; the store's own changes wait for a push.
        case localChangesKept = "local_changes_kept"
    }

    /// Pulls every named account; stops at the first failure (earlier accounts stay pulled).
    func run() throws -> Int32 {
        let ids = try context.remoteAccountIDs(context.arguments.words(RemoteCommands.accounts))
        let force = context.arguments[RemoteCommands.force]
        let results = try RemoteJobs.map(ids, jobs: try context.remoteJobs) { id in
            try pull(id, force: force)
        }
        report(results)
        return 0
    }

    private func pull(_ id: String, force: Bool) throws -> (String, Outcome, [Change]) {
        let connection = try connector.connect(account: id, settings: context.remoteSettings)
        let remote = try RemoteSnapshot.fetch(id, from: connection).account
        return try RemoteJobs.exclusive { try save(id, remote, force: force) }
    }

    // The store's part, one account at a time: SQLite connections and the signal state are per thread of work.
    private func save(_ id: String, _ remote: MerchantAccount, force: Bool) throws -> (String, Outcome, [Change]) {
        let store = try context.readStore()
        let local = try store.loadAccount(id)
        let base = try store.remoteBase(id)
        let localView = local.map(RemoteView.of)
        if let base, base == remote {
            return (id, localView == nil || localView == base ? .upToDate : .localChangesKept, [])
        }
        if let localView, localView != remote, localView != base, !force {
            throw PullRunner.conflict(id, local: localView, base: base, remote: remote)
        }
        let changes = try context.writer.synchronize(
            id, { $0[id] = .some(RemoteView.merged(remote, keepingToolSettingsOf: local)) },
            alongside: { try $0.saveRemoteBase(remote, at: Timestamp.now().rfc3339) })
        return (id, changes.isEmpty && base != nil ? .upToDate : .updated, changes)
    }

    /// Both sides changed: names the objects each side changed since the base.
    static func conflict(_ id: String, local: MerchantAccount, base: MerchantAccount?, remote: MerchantAccount)
        -> Rejection
    {
        let ours = ChangeSet.between(base ?? remote, local).filter { $0.kind != .account }
        let theirs = base.map { ChangeSet.between($0, remote) } ?? []
        let names = { (changes: [Change]) in changes.map { "\($0.kind.rawValue) '\($0.id)'" } }
        let never = base == nil ? "was never pulled and differs from Dintero" : "changed both here and on Dintero"
        return Rejection(
            reason: .conflict, message: "account '\(id)' \(never) since the last pull",
            hints: [
                "'checkout-admin pull \(id) --force' takes Dintero's version (local changes are lost)",
                "'checkout-admin push \(id) --force' writes the local version over Dintero's",
            ],
            details: names(ours).map { "  local:  \($0)" } + names(theirs).map { "  remote: \($0)" })
    }

    private func report(_ results: [(String, Outcome, [Change])]) {
        if context.options.json {
            let accounts = results.map { result in
                JSONValue.object(["account": .string(result.0), "result": .string(result.1.rawValue)])
            }
            return context.emit(
                json: ChangeDocument.resultJSON(results.flatMap(\.2), extra: ["accounts": .array(accounts)]))
        }
        for (id, outcome, changes) in results {
            switch outcome {
            case .upToDate: context.inform("'\(id)' is up to date with Dintero")
            case .localChangesKept:
                context.inform(
                    "'\(id)': Dintero has not changed; local changes not pushed yet (see 'checkout-admin diff \(id)')")
            case .updated:
                let lines = changes.map { ChangeText.line($0, style: context.errorStyle) }
                context.inform((lines + ["pulled '\(id)' from Dintero"]).joined(separator: "\n"))
            }
        }
    }
}
