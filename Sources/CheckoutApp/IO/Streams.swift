import CheckoutDomain
import CheckoutFormats
import CheckoutStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes text: stdout, stderr, or a buffer in tests.
protocol TextOutput: AnyObject {
    /// Appends text.
    func write(_ text: String)
    /// Whether the stream is a terminal (colour, aligned tables and progress depend on it).
    var isTerminal: Bool { get }
    /// The terminal width in columns, when known.
    var terminalWidth: Int? { get }
    /// Writes out what is buffered; the reason the stream failed (closed, full, broken pipe), if it did.
    func finish() -> String?
    /// The reason a write has already failed, if one has (a flush found out): a long output stops there rather
    /// than producing the rest for nothing.
    var knownFailure: String? { get }
}

/// Where a command reads from: stdin, or bytes in tests.
protocol TextInput: AnyObject {
    /// Everything left on the stream.
    func readAll() throws -> [UInt8]
    /// Everything left, or more than `limit` bytes of it.
    func readAll(limit: Int) throws -> [UInt8]
    /// One line without its newline; nil at end of input.
    func readLine() -> String?
    /// The next piece of the stream, empty at its end (for inputs read a piece at a time).
    func readChunk() throws -> [UInt8]
    /// Whether the stream is a terminal (prompts depend on it).
    var isTerminal: Bool { get }
}

/// A file descriptor written through a buffer, flushed when large and at the end of the run.
final class FileDescriptorOutput: TextOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// The errno of the first write that failed or came up short; everything after it is dropped.
    private var failure: Int32?
    let isTerminal: Bool

    /// Wraps an open descriptor, e.g. 1 or 2.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    var terminalWidth: Int? {
        var size = winsize()
        guard isTerminal, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 || isTerminal { flush() }
    }

    /// Writes out what is buffered, remembering the first failure (a closed descriptor, a full disk, a pipe
    /// whose reader has gone: SIGPIPE is ignored, so that arrives here as EPIPE).
    func flush() {
        var offset = 0
        while failure == nil && offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { failure = written < 0 ? errno : EIO }
            if written > 0 { offset += written }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() -> String? {
        flush()
        return knownFailure
    }

    var knownFailure: String? {
        failure.map { String(cString: strerror($0)) }
    }
}

/// Standard input, read lazily.
final class StandardInput: TextInput {
    let isTerminal = isatty(0) == 1

    /// Reads until end of file.
    func readAll() throws -> [UInt8] {
        try readDescriptorToEnd(0)
    }

    func readAll(limit: Int) throws -> [UInt8] {
        try readDescriptorToEnd(0, limit: limit)
    }

    func readChunk() throws -> [UInt8] {
        try readChunkOfDescriptor(0)
    }

    func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }
}

/// A buffer that stands in for a stream in tests.
final class CapturedOutput: TextOutput {
    /// Everything written so far.
    private(set) var text = ""
    let isTerminal: Bool
    let terminalWidth: Int?

    /// A capture that claims to be a terminal of `width` columns when `isTerminal`.
    init(isTerminal: Bool = false, width: Int? = nil) {
        self.isTerminal = isTerminal
        self.terminalWidth = width
    }

    /// The failure `finish` reports, standing in for a closed or full stream in tests.
    var failure: String?

    func write(_ text: String) { self.text += text }

    func finish() -> String? { failure }

    var knownFailure: String? { failure }
}

/// Fixed bytes that stand in for stdin in tests.
final class ProvidedInput: TextInput {
    private var bytes: [UInt8]
    let isTerminal: Bool

    /// Input of `bytes`, optionally claiming to be a terminal.
    init(_ bytes: [UInt8] = [], isTerminal: Bool = false) {
        self.bytes = bytes
        self.isTerminal = isTerminal
    }

    func readAll() throws -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    func readAll(limit: Int) throws -> [UInt8] {
        try readAll()
    }

    func readChunk() throws -> [UInt8] {
        let chunk = Array(bytes.prefix(1 << 16))
        bytes.removeFirst(chunk.count)
        return chunk
    }

    func readLine() -> String? {
        guard !bytes.isEmpty else { return nil }
        let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let line = String(decoding: bytes[..<end], as: UTF8.self)
        bytes.removeFirst(min(end + 1, bytes.count))
        return line
    }
}

/// The three standard streams of one run.
struct Streams {
    /// Requested output only.
    let output: TextOutput
    /// Messages, hints, warnings, errors, progress.
    let errors: TextOutput
    /// Input for `-` files and prompts.
    let input: TextInput
    /// What the run did that its exit status must report truthfully.
    let record = RunRecord()
}

/// Whether a run committed a change: once it has, neither a signal nor a failed stdout may turn the exit status
/// into a failure, because the change stays.
final class RunRecord {
    /// A write transaction with changes committed.
    var committed = false
}
