import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `push <account>… | --all`: the store's configuration written to Dintero, safely and resumably.
struct PushRunner {
    /// The running command.
    let context: CommandContext
    /// How to reach Dintero.
    let connector: any RemoteConnector

    /// Pushes each account in turn; the first failure stops the run with what was carried out.
    func run() throws -> Int32 {
        let ids = try accountIDs()
        let log = PushLog()
        do {
            try Signals.deferringInterrupts {
                _ = try RemoteJobs.map(ids, jobs: try context.remoteJobs) { id in try push(id, log: log) }
            }
        } catch {
            log.finish(applied: false, context)
            throw log.failure(error)
        }
        log.finish(applied: !context.arguments[RemoteCommands.dryRun] && log.sentAny, context)
        return 0
    }

    private func accountIDs() throws -> [String] {
        let words = context.arguments.words(RemoteCommands.pushed)
        if context.arguments[RemoteCommands.all] {
            guard words.isEmpty else { throw UsageError(message: "give account ids or --all, not both", hints: []) }
            return try context.readStore().accountIDsWithRemoteBase()
        }
        guard !words.isEmpty else {
            throw UsageError(
                message: "missing <account>", hints: ["name accounts, or push every pulled one with --all"])
        }
        return try context.remoteAccountIDs(words)
    }

    private func push(_ id: String, log: PushLog) throws {
        let force = context.arguments[RemoteCommands.force]
        let base = try RemoteJobs.exclusive { try localState(id, force: force) }
        let connection = try connector.connect(account: id, settings: context.remoteSettings)
        let snapshot = try RemoteSnapshot.fetch(id, from: connection)
        if let base = base.base, base != snapshot.account, !force {
            throw PushRunner.remoteChanged(id, base: base, remote: snapshot.account)
        }
        let plan = PushPlan(remote: snapshot, local: base.local, prune: context.arguments[RemoteCommands.prune])
        RemoteJobs.exclusive {
            log.planned(plan, context)
            if !plan.unprunedProfiles.isEmpty {
                let kept = plan.unprunedProfiles.map { "'\($0)'" }.joined(separator: ", ")
                context.inform("kept on Dintero (no --prune): \(kept)")
            }
        }
        guard !context.arguments[RemoteCommands.dryRun] else { return }
        var moved = snapshot.account
        if base.base != moved { try RemoteJobs.exclusive { try saveBase(moved) } }
        for request in plan.requests {
            try Signals.checkpoint()
            let entry = RemoteJobs.exclusive { log.started(request, account: id) }
            try request.send(connection)
            request.moveBase(&moved)
            try RemoteJobs.exclusive {
                try saveBase(moved)
                log.succeeded(entry, context)
            }
        }
    }

    // The store's side, read under the jobs' lock: the account without the tool's settings, and its base.
    private func localState(_ id: String, force: Bool) throws -> (local: MerchantAccount, base: MerchantAccount?) {
        let local = RemoteView.of(try context.readAccount(try AccountID(parsing: id)))
        try PushRunner.refuseAuditErrors(in: local)
        // The bodies Dintero's schema would reject, or that would offer a foreign Click to Pay, never leave.
        try ExportGate.checkAccount(local)
        try ExportGate.checkProfiles(local.sortedProfiles, of: local)
        try ClickToPayGate.check(AccountDocument.checkoutConfigurationJSON(local))
        for profile in local.sortedProfiles { try ClickToPayGate.check(ProfileDocument.json(profile)) }
        let base = try context.readStore().remoteBase(id)
        if base == nil, !force {
            throw Rejection(
                reason: .conflict, message: "account '\(id)' was never pulled; refusing to overwrite Dintero",
                hints: ["pull it first: 'checkout-admin pull \(id)'", "or overwrite Dintero with 'push \(id) --force'"])
        }
        return (local, base)
    }

    private func saveBase(_ account: MerchantAccount) throws {
        let store = try context.writeStore().store
        try context.opener.wrap {
            try store.database.transaction(.immediate) {
                try store.saveRemoteBase(account, at: Timestamp.now().rfc3339)
            }
        }
    }

    /// Dintero changed since the base: names what changed there.
    static func remoteChanged(_ id: String, base: MerchantAccount, remote: MerchantAccount) -> Rejection {
        Rejection(
            reason: .conflict, message: "account '\(id)' changed on Dintero since the last pull",
            hints: [
                "'checkout-admin pull \(id)' brings the change in (refused if it clashes with local changes)",
                "'checkout-admin push \(id) --force' overwrites it",
            ],
            details: ChangeSet.between(base, remote).map { "  remote: \($0.kind.rawValue) '\($0.id)'" })
    }

    /// A push never carries audit errors to Dintero.
    static func refuseAuditErrors(in account: MerchantAccount) throws {
        let errors = Audit.findings(for: account).filter { $0.severity == .error }
        guard let first = errors.first else { return }
        throw Rejection(
            reason: Rejection.reason(refusing: errors),
            message: "account '\(account.id)' has \(AuditText.plural(errors.count, "audit error")); nothing sent",
            hints: [first.fix.commandLine],
            details: errors.map { "  error \($0.rule.rawValue): \($0.message)" }, findings: errors)
    }
}
