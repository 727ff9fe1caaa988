import CheckoutDomain
import CheckoutFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens, creates and upgrades stores; refuses files that are not ours without modifying them.
package struct StoreOpener {
    /// The store file.
    package let path: String
    /// Seconds a writer waits for the lock.
    package let lockTimeout: Double

    /// For read commands: the store, or an empty in-memory store when the file does not exist (nothing is created).
    package func openForReading() throws -> Store {
        if pathKind(path) == .missing { return try Store(database: emptyInMemoryDatabase(), path: path, exists: false) }
        return try openExisting()
    }

    /// For write commands: the store, created (with its folder) when missing.
    package func openForWriting() throws -> Store {
        if pathKind(path) == .missing { try create() }
        return try openExisting()
    }

    private func openExisting() throws -> Store {
        try refuseUnusualPath()
        let version: Int
        switch StoreFile.inspect(path) {
        case .foreign(let reason): throw unusable(reason)
        case .ours(let found): version = found
        }
        let database = try wrap { try Database(path: path, mode: .readWrite) }
        try configure(database)
        if version < Schema.currentVersion { try migrate(database) }
        return Store(database: database, path: path, exists: true)
    }

    private func refuseUnusualPath() throws {
        switch pathKind(path) {
        case .directory: throw unusable("is a directory, not a store file")
        case .symlink: throw unusable("is a symlink; refusing to follow it", hints: ["give the real path with --store"])
        case .other: throw unusable("is not a regular file")
        case .missing, .regularFile: break
        }
    }

    private func configure(_ database: Database) throws {
        database.setBusyTimeout(milliseconds: Int32(min(lockTimeout * 1000, Double(Int32.max))))
        try wrap {
            try database.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
        }
    }

    /// Applies the missing migrations, each in its own IMMEDIATE transaction with its version bump.
    package func migrate(_ database: Database) throws {
        for (index, sql) in Schema.migrations.enumerated() {
            try wrap {
                do {
                    try database.transaction(.immediate) {
                        // Another process may have migrated while this one waited for the lock.
                        let version = try database.scalarInteger("PRAGMA user_version") ?? 0
                        guard version == index else { return }
                        try database.execute(sql)
                        try database.execute("PRAGMA user_version = \(index + 1)")
                    }
                } catch let error as SQLiteError where !error.isBusy && !error.isInterrupted && !error.isStoreUnusable {
                    // Our own migration failing on a file that claims to be ours means the file is damaged
                    // (objects that clash with the schema), not that the program is wrong.
                    throw unusable("cannot be upgraded to schema version \(index + 1): \(error.message)")
                }
            }
        }
    }

    // A new store is built under a temporary name and linked into place, so no process ever sees a
    // half-initialised file, and two processes creating it at once end with exactly one store.
    private func create() throws {
        do { try makeDirectories(parentDirectory(of: path), mode: 0o700) } catch let error as FileError {
            throw unusable("cannot be created: \(error.path): \(error.reason)")
        }
        let temporary = "\(path).creating-\(getpid())"
        // The file exists with mode 0600 before SQLite sees it, so the store (and the journal files SQLite
        // gives the store's mode) is never readable by others, not even for a moment; a stale temporary
        // left by a crashed run with the same pid is discarded.
        unlink(temporary)
        defer { unlink(temporary) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw unusable("cannot be created: \(FileError.current(temporary).reason)") }
        close(descriptor)
        try wrap {
            let database = try Database(path: temporary, mode: .readWriteCreate)
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA application_id = \(Schema.applicationID);")
            try migrate(database)
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw unusable("cannot be created: \(FileError.current(path).reason)")
        }
    }

    private func emptyInMemoryDatabase() throws -> Database {
        try wrap {
            let database = try Database(path: ":memory:", mode: .readWriteCreate)
            try migrate(database)
            return database
        }
    }

    private func unusable(_ reason: String, hints: [String] = []) -> StoreFailure {
        .unusable(message: "store '\(path)' \(reason)", hints: hints)
    }

    /// Runs `body`, turning SQLite failures that make the store unusable into a StoreFailure naming the file.
    package func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError where error.isBusy {
            throw StoreFailure.busy(path: path, timeout: lockTimeout)
        } catch let error as SQLiteError where error.isStoreUnusable {
            throw unusable("is unusable: \(error.message)")
        }
    }

    /// A value from its parts.
    package init(path: String, lockTimeout: Double) {
        self.path = path
        self.lockTimeout = lockTimeout
    }
}
