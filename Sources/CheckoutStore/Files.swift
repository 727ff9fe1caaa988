import CheckoutDomain
import CheckoutFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file-system failure with the path and the C library's reason.
package struct FileError: Error, Equatable {
    /// The file concerned.
    package let path: String
    /// `strerror(errno)` text, e.g. "No such file or directory".
    package let reason: String
    /// The errno value.
    package let number: Int32

    /// The system failed the write (full disk, quota, I/O error, read-only file system, file too large), as
    /// opposed to refusing the path.
    package var isSystemFailure: Bool {
        [ENOSPC, EDQUOT, EIO, EROFS, EFBIG].contains(number)
    }

    /// Captures the current errno for `path`.
    package static func current(_ path: String) -> FileError {
        let number = errno
        return FileError(path: path, reason: String(cString: strerror(number)), number: number)
    }
}

/// Reads all bytes from an open descriptor, or stops once more than `limit` bytes came (the caller refuses the
/// input then, without holding more of it than the limit).
package func readDescriptorToEnd(_ descriptor: Int32, path: String = "<stdin>", limit: Int = .max) throws -> [UInt8] {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while result.count <= limit {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count < 0 { throw FileError.current(path) }
        if count == 0 { return result }
        result.append(contentsOf: chunk[..<count])
    }
    return result
}

/// The next piece (up to 1 MiB) of what `descriptor` holds; empty at its end.
package func readChunkOfDescriptor(_ descriptor: Int32, path: String = "<stdin>") throws -> [UInt8] {
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count < 0 { throw FileError.current(path) }
        chunk.removeSubrange(count...)
        return chunk
    }
}

/// A file read a piece at a time; closed when released.
package final class ChunkedFile {
    private let descriptor: Int32
    private let path: String

    /// Opens `path` for reading.
    package init(path: String) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError.current(path) }
        self.path = path
    }

    deinit { close(descriptor) }

    /// The next piece, empty at the end of the file.
    package func next() throws -> [UInt8] {
        try readChunkOfDescriptor(descriptor, path: path)
    }
}

/// Reads a whole file (or more than `limit` bytes of it, as `readDescriptorToEnd`).
package func readFile(atPath path: String, limit: Int = .max) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileError.current(path) }
    defer { close(descriptor) }
    return try readDescriptorToEnd(descriptor, path: path, limit: limit)
}

/// What a path is on disk, without following a final symlink.
package enum PathKind: Equatable {
    case missing, regularFile, directory, symlink, other
}

/// Looks at `path` with lstat.
package func pathKind(_ path: String) -> PathKind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regularFile
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return .other
    }
}

/// The size of a file in bytes, or nil when it cannot be read.
package func fileSize(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int64(info.st_size)
}

/// `path` made absolute against the current directory; `..` and symlinks are left as written.
package func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let directory = getcwd(nil, 0) else { return path }
    defer { free(directory) }
    let base = String(cString: directory)
    let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return (base == "/" ? "" : base) + "/" + relative
}

/// The folder part of a path ("." when there is none).
package func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename, mode 0600.
/// Refuses to replace a symlink, so an export can never be redirected through one.
package func writeFileAtomically(_ bytes: [UInt8], toPath path: String) throws {
    if pathKind(path) == .symlink {
        throw FileError(path: path, reason: "refusing to write through a symlink", number: ELOOP)
    }
    let staged = try StagedFile(for: path)
    do {
        try staged.write(bytes)
        try staged.replaceDestination()
    } catch {
        staged.discard()
        throw error
    }
}

/// A file built under a temporary name beside its destination (mode 0600 from the first moment) and put in place
/// only when complete, so no reader ever sees it half written. The one implementation of temp-file-and-rename.
package struct StagedFile {
    /// Where the file goes.
    package let destination: String
    /// Where it is built; its name holds the pid, so failures name `destination` instead.
    package let temporaryPath: String

    /// Creates the empty temporary file. Temporaries that runs killed before they finished left beside the
    /// destination (their process is gone) are removed first, so a kill -9 leaves nothing behind for long.
    package init(for destination: String) throws {
        self.destination = destination
        temporaryPath = "\(destination).tmp-\(getpid())"
        StagedFile.removeAbandonedTemporaries(of: destination)
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw FileError.current(destination) }
        close(descriptor)
    }

    /// Writes `bytes` into the temporary file and flushes them to disk.
    package func write(_ bytes: [UInt8]) throws {
        let descriptor = open(temporaryPath, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw FileError.current(destination) }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: destination)
        guard fsync(descriptor) == 0 else { throw FileError.current(destination) }
    }

    /// Renames the file over the destination.
    package func replaceDestination() throws {
        guard rename(temporaryPath, destination) == 0 else { throw FileError.current(destination) }
    }

    /// Links the file in place unless the destination exists; false when it did (the file is then discarded).
    package func linkUnlessPresent() throws -> Bool {
        defer { discard() }
        if link(temporaryPath, destination) == 0 { return true }
        if errno == EEXIST { return false }
        throw FileError.current(destination)
    }

    /// Removes the temporary file, and the journal files SQLite may have left beside it.
    package func discard() {
        for suffix in StagedFile.sidecarSuffixes { unlink(temporaryPath + suffix) }
    }

    /// The temporary itself and SQLite's journal files of it.
    private static let sidecarSuffixes = ["", "-journal", "-wal", "-shm"]

    // `<name>.tmp-<pid>` files in the destination's folder whose process no longer runs (or is this one).
    private static func removeAbandonedTemporaries(of destination: String) {
        let folder = parentDirectory(of: destination)
        let prefix = (destination.split(separator: "/").last.map(String.init) ?? destination) + ".tmp-"
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let pid = Int32(digits), sidecarSuffixes.contains(String(rest.dropFirst(digits.count))) else {
                continue
            }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) { unlink("\(folder)/\(name)") }
        }
    }
}

/// Writes every byte of `bytes` to `descriptor`, retrying short writes and EINTR; a failure names `path`.
package func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { throw FileError.current(path) }
        offset += written
    }
}

/// Where requested output goes.
package enum OutputDestination: Equatable {
    /// `-` or `/dev/stdout`.
    case standardOutput
    /// A regular file, replaced atomically.
    case file(String)
}

/// Checks an output path before anything is written: `-` and `/dev/stdout` mean stdout; a directory, device,
/// FIFO or socket is refused, and so are the store and its `-wal`, `-shm` and `-journal` files (compared
/// after resolving the folders' real paths), so an export can never replace the live store or a device node.
package func outputDestination(_ path: String, protecting storePath: String) throws -> OutputDestination {
    if path == "-" || path == "/dev/stdout" { return .standardOutput }
    switch pathKind(path) {
    case .directory: throw FileError(path: path, reason: "it is a directory", number: EISDIR)
    case .symlink: break  // the writers refuse symlinks themselves, each in its own words
    case .other:
        throw FileError(path: path, reason: "it is not a regular file (a device, FIFO or socket)", number: EINVAL)
    case .missing, .regularFile: break
    }
    let store = canonicalPath(storePath)
    if [store, store + "-wal", store + "-shm", store + "-journal"].contains(canonicalPath(path)) {
        throw FileError(path: path, reason: "it is the store or one of its journal files", number: EINVAL)
    }
    return .file(path)
}

/// The path with its folder's symlinks and `..` resolved (the file itself need not exist).
private func canonicalPath(_ path: String) -> String {
    let folder = parentDirectory(of: path)
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    guard let resolved = realpath(folder, nil) else { return path }
    defer { free(resolved) }
    let base = String(cString: resolved)
    return (base == "/" ? "" : base) + "/" + name
}
