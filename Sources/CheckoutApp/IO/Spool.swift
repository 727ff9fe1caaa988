import CheckoutStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text held back until a command knows whether to print it (a plan is printed only once the whole document has
/// been read): in memory up to a few MiB, then in an unlinked temporary file, so memory stays flat however long.
final class Spool {
    private let memoryLimit: Int
    private var buffer: [UInt8] = []
    private var file: Int32 = -1

    /// A spool that moves to a temporary file past `memoryLimit` bytes (4 MiB).
    init(memoryLimit: Int = 4 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if file >= 0 { close(file) }
    }

    /// Whether nothing was written.
    var isEmpty: Bool { buffer.isEmpty && file < 0 }

    /// Appends `text`.
    func write(_ text: String) {
        buffer += text.utf8
        if buffer.count >= memoryLimit { spill() }
    }

    /// Writes everything held, in order, to `output`, cut only at line ends.
    func copy(to output: TextOutput) throws {
        if file >= 0 {
            lseek(file, 0, SEEK_SET)
            var carried: [UInt8] = []
            while case let chunk = try readChunkOfDescriptor(file, path: "spool"), !chunk.isEmpty {
                carried += chunk
                let end = (carried.lastIndex(of: 0x0A) ?? -1) + 1
                output.write(String(decoding: carried[..<end], as: UTF8.self))
                carried.removeSubrange(..<end)
            }
            buffer = carried + buffer
        }
        output.write(String(decoding: buffer, as: UTF8.self))
    }

    // Moves the buffer to the temporary file; where none can be made, the buffer simply keeps growing.
    private func spill() {
        if file < 0 {
            var template = Array("\(temporaryDirectory())/checkout-admin-spool-XXXXXX".utf8CString)
            file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard file >= 0 else { return }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        var written = 0
        while written < buffer.count {
            let count = buffer[written...].withUnsafeBytes { writeToDescriptor(file, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                // The file cannot take more (disk full): what it holds stays, the rest stays in memory.
                buffer.removeSubrange(..<written)
                return
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func temporaryDirectory() -> String {
        guard let directory = getenv("TMPDIR").map({ String(cString: $0) }), !directory.isEmpty else { return "/tmp" }
        return directory
    }
}

private func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
