#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// Writes a consistent copy of the store to `target` (mode 0600, built under a temporary name and renamed).
    /// VACUUM INTO reads one snapshot, so the copy is consistent even while other processes write. Refuses a
    /// symlink or a directory as the target.
    package func backup(to target: String) throws {
        switch pathKind(target) {
        case .symlink: throw FileError(path: target, reason: "it is a symlink", number: ELOOP)
        case .directory: throw FileError(path: target, reason: "it is a directory", number: EISDIR)
        case .missing, .regularFile, .other: break
        }
        // The staged file exists, empty, with mode 0600 before SQLite writes into it (VACUUM INTO accepts an empty
        // file), so the copy is never readable by others.
        let staged = try StagedFile(for: target)
        do {
            try database.execute("VACUUM INTO ?", [.text(staged.temporaryPath)])
            try staged.replaceDestination()
        } catch {
            staged.discard()
            throw error
        }
    }
}
