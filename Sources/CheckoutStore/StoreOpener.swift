import CSQLite
import CheckoutDomain
import CheckoutFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a write found the store.
package enum StoreOpening: Equatable, Sendable {
    /// It was there, at this binary's schema version.
    case existing
    /// This write created it.
    case created
    /// It was at an older schema version and has been upgraded.
    case upgraded(from: Int)
}

/// Opens, creates and upgrades stores; refuses files that are not ours without modifying them.
package struct StoreOpener {
    /// The store file.
    package let path: String
    /// Seconds a writer waits for the lock.
    package let lockTimeout: Double

    /// For read commands: the store, never written, or an empty in-memory store when the file does not exist
    /// (nothing is created). Reads never migrate: an older store is refused (`outdated`) unless `allowingOlder`,
    /// for the commands that only inspect or copy the file. A store in a folder this process cannot write is
    /// read as immutable, so the commands that rescue a store work on a read-only disk.
    package func openForReading(allowingOlder: Bool = false) throws -> Store {
        if pathKind(path) == .missing { return try Store(database: emptyInMemoryDatabase(), path: path, exists: false) }
        try refuseUnusualPath()
        switch StoreFile.inspect(path) {
        case .foreign(let reason): throw unusable(reason)
        case .ours(let version) where version < Schema.currentVersion && !allowingOlder:
            throw StoreFailure.outdated(path: path, version: version)
        case .ours: break
        }
        let database = try wrap { try openForReadingOnly() }
        return Store(database: database, path: path, exists: true)
    }

    // Opened for writing when it can be (only so that, as the last connection, it checkpoints and removes the
    // `-wal` and `-shm` files as writers do; a read writes nothing itself). A WAL store needs its `-shm` index,
    // which a reader creates when it is missing; where it cannot (a read-only folder or file system), the file is
    // read as immutable instead; so is a store on a full disk whose `-shm` cannot be created again (immutable
    // reads do not see changes still in a write-ahead log, which a full disk's last failed checkpoint can leave).
    // A reader waits for a lock like a writer does: a wal-index being rebuilt holds readers out for a moment.
    private func openForReadingOnly() throws -> Database {
        do {
            return try firstRead(try Database(path: path, mode: .readWrite))
        } catch let error where [SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL].contains(error.code) {
            return try firstRead(try Database(path: path, mode: .readOnlyImmutable))
        }
    }

    private func firstRead(_ database: Database) throws(SQLiteError) -> Database {
        database.setBusyTimeout(milliseconds: Int32(min(lockTimeout * 1000, Double(Int32.max))))
        _ = try database.scalarInteger("SELECT count(*) FROM sqlite_master")
        return database
    }

    /// For `init`: the store, created (with its folder) when missing, upgraded when older; says which.
    package func openForWriting() throws -> (store: Store, opening: StoreOpening) {
        if pathKind(path) == .missing {
            let (_, opening) = try write({ _ in () }, wroteSomething: { true })
            return (try openExisting().store, opening)
        }
        return try openExisting()
    }

    /// Runs `write` (which commits its own transaction) on the store for writing, and says how the store was
    /// found. A missing store is built under a temporary name, `write` runs on it, and it is linked into place
    /// only when `wroteSomething` says so: a refused or empty write leaves no file and no folder behind, and no
    /// process ever sees a half-built store. When another process created the store meanwhile, the new file is
    /// discarded and `write` runs on that store instead — the result returned is always the one committed.
    package func write<T>(_ write: (Store) throws -> T, wroteSomething: (T) -> Bool) throws -> (T, StoreOpening) {
        guard pathKind(path) == .missing else {
            let (store, opening) = try openExisting()
            return (try write(store), opening)
        }
        let folders = try createFolders()
        var linked = false
        defer { if !linked { removeFolders(folders) } }
        let staged: StagedFile
        do { staged = try StagedFile(for: path) } catch let error as FileError {
            throw unusable("cannot be created: \(error.reason)")
        }
        defer { staged.discard() }
        let result = try buildNewStore(at: staged.temporaryPath, write)
        guard wroteSomething(result) else { return (result, .existing) }
        do { linked = try staged.linkUnlessPresent() } catch let error as FileError {
            throw unusable("cannot be created: \(error.reason)")
        }
        if linked { return (result, .created) }
        let (store, opening) = try openExisting()
        return (try write(store), opening)
    }

    // No other process sees the file until it is linked into place, and a crash leaves only a temporary file, so
    // it is built with its rollback journal in memory: every page is written once, into the file, where a write-ahead
    // log would take each page twice (into the log, then into the file), and an apply of 100 000 accounts into a
    // new store would write a 145 MB log. A refused write still rolls back (the journal holds what it needs). The
    // store leaves in WAL mode, like every store. The connection is closed before the file is linked into place.
    private func buildNewStore<T>(at temporaryPath: String, _ write: (Store) throws -> T) throws -> T {
        let database = try wrap { try Database(path: temporaryPath, mode: .readWrite) }
        try configure(database)
        try wrap {
            try database.execute("PRAGMA journal_mode = MEMORY; PRAGMA application_id = \(Schema.applicationID);")
            try migrate(database)
        }
        let result = try write(Store(database: database, path: path, exists: true))
        try wrap { try database.execute("PRAGMA journal_mode = WAL") }
        return result
    }

    /// Creates the store's missing folders (mode 0700), returning those it made, outermost first.
    private func createFolders() throws -> [String] {
        var missing: [String] = []
        var folder = parentDirectory(of: path)
        while pathKind(folder) == .missing && !["", "/", "."].contains(folder) {
            missing.insert(folder, at: 0)
            folder = parentDirectory(of: folder)
        }
        for folder in missing where mkdir(folder, 0o700) != 0 && errno != EEXIST {
            removeFolders(missing)
            throw unusable("cannot be created: \(FileError.current(folder).path): \(FileError.current(folder).reason)")
        }
        return missing
    }

    private func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    private func openExisting() throws -> (store: Store, opening: StoreOpening) {
        try refuseUnusualPath()
        let version: Int
        switch StoreFile.inspect(path) {
        case .foreign(let reason): throw unusable(reason)
        case .ours(let found): version = found
        }
        let database = try wrap { try Database(path: path, mode: .readWrite) }
        try configure(database)
        guard version < Schema.currentVersion else {
            return (Store(database: database, path: path, exists: true), .existing)
        }
        try migrate(database)
        return (Store(database: database, path: path, exists: true), .upgraded(from: version))
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
        for (index, migration) in Schema.migrations.enumerated() {
            try wrap {
                do {
                    try database.transaction(.immediate) {
                        // Another process may have migrated while this one waited for the lock.
                        let version = try database.scalarInteger("PRAGMA user_version") ?? 0
                        guard version == index else { return }
                        try migration.run(on: database)
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
