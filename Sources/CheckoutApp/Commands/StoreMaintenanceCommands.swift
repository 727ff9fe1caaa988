import CheckoutDomain
import CheckoutFormats
import CheckoutStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `store check` and `store backup`.
enum StoreMaintenanceCommands {
    private static let backupFile = ArgumentSpec(
        name: "file", arity: .required, help: "where to write the copy", completion: .file)

    /// The commands.
    static let all: [CommandSpec] = [check, backup]

    static let check = CommandSpec(
        path: ["store", "check"],
        summary: "Check integrity, foreign keys and the Click to Pay rule; exit 5 when any fails",
        examples: [Example(command: "store check", explanation: "verify the store after a crash or a copy")],
        run: { context in
            let store = try context.readStore(allowingOlder: true)
            guard store.exists else {
                throw StoreFailure.unusable(message: "store '\(store.path)' does not exist", hints: [])
            }
            let checks = try store.runChecks()
            if context.options.json {
                let items = checks.map {
                    JSONValue.object([
                        "name": .string($0.name), "ok": .bool($0.holds),
                        "problems": .array($0.problems.map(JSONValue.string)),
                    ])
                }
                context.emit(versioned: ["ok": .bool(checks.allSatisfy(\.holds)), "checks": .array(items)])
            } else {
                context.emit(
                    checks.map { check in
                        "\(check.name): \(check.holds ? "ok" : "FAILED")\n"
                            + check.problems.map { "  \($0)\n" }.joined()
                    }.joined())
            }
            let failed = checks.filter { !$0.holds }.map(\.name)
            guard failed.isEmpty else {
                throw StoreFailure.unusable(
                    message: "store '\(store.path)' failed \(failed.joined(separator: ", "))",
                    hints: ["restore a backup, or repair the rows listed above"]
                        + (failed.contains("schema")
                            ? ["'checkout-admin init' recreates dropped triggers and indexes"] : []))
            }
            return 0
        })

    static let backup = CommandSpec(
        path: ["store", "backup"], summary: "Write a consistent copy of the store (mode 0600, written then renamed)",
        arguments: [backupFile],
        examples: [
            Example(
                command: "store backup /var/backups/checkout-admin.sqlite",
                explanation: "a copy safe to take while others write")
        ],
        discussion:
            #"With --json, stdout holds where the copy is and what it holds: {"format_version", "output" (absolute), "bytes", "accounts"}."#,
        run: { context in
            let store = try context.readStore(allowingOlder: true)
            guard store.exists else {
                throw Rejection.notFound("store '\(store.path)' does not exist; nothing to back up")
            }
            let target = context.arguments.word(backupFile)
            let accounts = try store.statistics().accounts
            try copy(store, to: target, context)
            context.inform("wrote backup '\(target)'")
            context.reportWritten(
                target, bytes: fileSize(target) ?? 0, result: ["accounts": .number(String(accounts))])
            return 0
        })

    private static func copy(_ store: Store, to target: String, _ context: CommandContext) throws {
        do {
            guard case .file = try outputDestination(target, protecting: store.path) else {
                throw Rejection.invalid("cannot write backup to standard output", hints: ["name a file"])
            }
            try context.opener.wrap { try store.backup(to: target) }
        } catch let error as FileError {
            throw OutputFailure.writing(error, naming: "backup '\(target)'")
        } catch let error as SQLiteError {
            throw Rejection.invalid("cannot write backup '\(target)': \(error.message)")
        }
    }
}
