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

    /// Captures the current errno for `path`.
    package static func current(_ path: String) -> FileError {
        let number = errno
        return FileError(path: path, reason: String(cString: strerror(number)), number: number)
    }
}

/// Reads all bytes from an open descriptor.
package func readDescriptorToEnd(_ descriptor: Int32, path: String = "<stdin>") throws -> [UInt8] {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count < 0 { throw FileError.current(path) }
        if count == 0 { return result }
        result.append(contentsOf: chunk[..<count])
    }
}

/// Reads a whole file.
package func readFile(atPath path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileError.current(path) }
    defer { close(descriptor) }
    return try readDescriptorToEnd(descriptor, path: path)
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

/// The folder part of a path ("." when there is none).
package func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// Creates `path` and missing parents with `mode` (like `mkdir -p`).
package func makeDirectories(_ path: String, mode: mode_t) throws {
    if pathKind(path) == .directory || path.isEmpty || path == "/" || path == "." { return }
    try makeDirectories(parentDirectory(of: path), mode: mode)
    if mkdir(path, mode) != 0 && errno != EEXIST { throw FileError.current(path) }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename, mode 0600.
/// Refuses to replace a symlink, so an export can never be redirected through one.
package func writeFileAtomically(_ bytes: [UInt8], toPath path: String) throws {
    if pathKind(path) == .symlink {
        throw FileError(path: path, reason: "refusing to write through a symlink", number: ELOOP)
    }
    // Failures name `path`, the file the user asked for, never the temporary (its name holds the pid).
    let temporary = "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else { throw FileError.current(path) }
    do {
        try writeAll(bytes, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw FileError.current(path) }
    } catch {
        close(descriptor)
        unlink(temporary)
        throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
        let failure = FileError.current(path)
        unlink(temporary)
        throw failure
    }
}

private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { throw FileError.current(path) }
        offset += written
    }
}
