#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open descriptor written through a 64 KiB buffer, so a document of any size is written piece by piece
/// while it is produced; a failed write throws a `FileError` naming `path`.
package final class BufferedFileWriter {
    /// The open descriptor.
    package let descriptor: Int32
    /// The name failures carry.
    package let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16

    /// Wraps `descriptor`, which the writer closes when it goes away.
    package init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(BufferedFileWriter.capacity)
    }

    deinit { close(descriptor) }

    /// Appends UTF-8 bytes.
    package func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= BufferedFileWriter.capacity { try flush() }
    }

    /// Appends text.
    package func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= BufferedFileWriter.capacity { try flush() }
    }

    /// Writes out what is buffered.
    package func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        try writeAll(buffer, to: descriptor, path: path)
    }
}

/// A `StagedFile` filled piece by piece: `--output` of a document too large to hold, put in place only by
/// `commit`, so a failure half way leaves the destination as it was.
package final class StagedFileWriter {
    private let staged: StagedFile
    private let writer: BufferedFileWriter

    /// Creates the temporary file beside `destination`; refuses a symlink as the destination, like
    /// `writeFileAtomically`.
    package init(for destination: String) throws {
        if pathKind(destination) == .symlink {
            throw FileError(path: destination, reason: "refusing to write through a symlink", number: ELOOP)
        }
        staged = try StagedFile(for: destination)
        let descriptor = open(staged.temporaryPath, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            let error = FileError.current(destination)
            staged.discard()
            throw error
        }
        writer = BufferedFileWriter(descriptor: descriptor, path: destination)
    }

    /// Appends text.
    package func write(_ text: String) throws {
        try writer.write(text)
    }

    /// Flushes, syncs to disk and renames the file over the destination; the temporary is removed on failure.
    package func commit() throws {
        do {
            try writer.flush()
            guard fsync(writer.descriptor) == 0 else { throw FileError.current(staged.destination) }
            try staged.replaceDestination()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Removes the temporary file; the destination is untouched.
    package func discard() {
        staged.discard()
    }
}

/// An anonymous temporary file (unlinked at once, in `$TMPDIR` or /tmp) that holds the part of a document that
/// must be written after totals known only at the end: the memory a report needs stays flat however long it is.
package final class Spool {
    private let writer: BufferedFileWriter

    /// Creates the file.
    package init() throws {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/checkout-admin-spool-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard descriptor >= 0 else { throw FileError.current(path) }
        unlink(path)
        writer = BufferedFileWriter(descriptor: descriptor, path: path)
    }

    /// Appends text.
    package func write(_ text: String) throws {
        try writer.write(text)
    }

    /// Hands `body` everything written, in pieces of about 64 KiB that never split a UTF-8 character.
    package func replay(_ body: (String) throws -> Void) throws {
        try writer.flush()
        guard lseek(writer.descriptor, 0, SEEK_SET) == 0 else { throw FileError.current(writer.path) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var carried: [UInt8] = []
        while true {
            let count = chunk.withUnsafeMutableBytes { read(writer.descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError.current(writer.path) }
            if count == 0 { break }
            carried.append(contentsOf: chunk[..<count])
            // Cut after the last ASCII byte: what follows may be the start of a character read in part.
            guard let cut = carried.lastIndex(where: { $0 < 0x80 }) else { continue }
            try body(String(decoding: carried[...cut], as: UTF8.self))
            carried.removeSubrange(...cut)
        }
        if !carried.isEmpty { try body(String(decoding: carried, as: UTF8.self)) }
    }
}
