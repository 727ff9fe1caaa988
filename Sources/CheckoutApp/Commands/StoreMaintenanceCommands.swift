import CheckoutDomain
import CheckoutFormats
import CheckoutStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `store check` and `store backup` (SPEC §3.1).
enum StoreMaintenanceCommands {
    /// The commands.
    private static let backupFile = ArgumentSpec(
        name: "file", arity: .required, help: "where to write the copy", completion: .file)

    static let all: [CommandSpec] = [check, backup]

    static let check = CommandSpec(
        path: ["store", "check"],
        summary: "Check integrity, foreign keys and the Click to Pay rule; exit 5 when any fails",
        examples: [Example(command: "store check", explanation: "verify the store after a crash or a copy")],
        run: { context in
            let store = try context.readStore()
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
                    hints: ["restore a backup, or repair the rows listed above"])
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
        run: { context in
            let store = try context.readStore()
            guard store.exists else {
                throw Rejection.notFound("store '\(store.path)' does not exist; nothing to back up")
            }
            let target = context.arguments.word(backupFile)
            try copy(store, to: target, context)
            context.inform("wrote backup '\(target)'")
            return 0
        })

    // VACUUM INTO reads one snapshot, so the copy is consistent even while other processes write.
    private static func copy(_ store: Store, to target: String, _ context: CommandContext) throws {
        if pathKind(target) == .symlink || pathKind(target) == .directory {
            throw Rejection.invalid(
                "cannot write backup '\(target)': it is a \(pathKind(target) == .symlink ? "symlink" : "directory")")
        }
        let temporary = "\(target).tmp-\(getpid())"
        unlink(temporary)
        // Created empty with mode 0600 first (VACUUM INTO accepts an empty file), so the copy is never readable by others.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw Rejection.invalid("cannot write backup '\(target)': \(FileError.current(temporary).reason)")
        }
        close(descriptor)
        do {
            try context.opener.wrap { try store.database.execute("VACUUM INTO ?", [.text(temporary)]) }
        } catch let failure as StoreFailure {
            unlink(temporary)
            throw failure
        } catch let error as SQLiteError {
            unlink(temporary)
            throw Rejection.invalid("cannot write backup '\(target)': \(error.message)")
        }
        guard rename(temporary, target) == 0 else {
            let failure = FileError.current(target)
            unlink(temporary)
            throw Rejection.invalid("cannot write backup '\(target)': \(failure.reason)")
        }
    }
}
