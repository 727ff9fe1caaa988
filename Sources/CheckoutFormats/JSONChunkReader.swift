/// Reads a JSON document from a source of byte chunks one value at a time, so a document far larger than memory can
/// be taken apart: it finds where each value ends (by its brackets and strings) and counts lines and columns; the
/// strict parser judges the value's bytes.
package struct JSONChunkReader {
    /// The next chunk of the input; empty at its end.
    package typealias Source = () throws -> [UInt8]

    private let source: Source
    private var buffer: [UInt8] = []
    private var index = 0
    private var ended = false
    /// The 1-based line and byte column of the next byte.
    package private(set) var line = 1, column = 1

    /// A reader of `source`.
    package init(_ source: @escaping Source) {
        self.source = source
    }

    /// The next byte, nil at the end of the input.
    package mutating func peek() throws -> UInt8? {
        if index == buffer.count { try refill() }
        return index < buffer.count ? buffer[index] : nil
    }

    /// Consumes the next byte.
    package mutating func advance() throws {
        guard let byte = try peek() else { return }
        index += 1
        count(byte)
    }

    /// Consumes spaces, tabs and line ends.
    package mutating func skipWhitespace() throws {
        while let byte = try peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { try advance() }
    }

    /// Whether the input starts with a UTF-8 byte order mark, which is then consumed (it is not part of the text).
    package mutating func skipByteOrderMark() throws -> Bool {
        while buffer.count - index < 3, !ended { try refill() }
        guard buffer[index...].starts(with: [0xEF, 0xBB, 0xBF]) else { return false }
        index += 3
        return true
    }

    /// The bytes of the value that starts at the next byte, consumed: up to its closing bracket or quote, or for a
    /// number or literal up to the next delimiter (or the end of input: the parser then says what is missing).
    /// More than `limit` bytes are refused.
    package mutating func captureValue(limit: Int) throws -> [UInt8] {
        var value: [UInt8] = []
        var scan = ValueScan(first: try peek())
        while true {
            if index == buffer.count {
                try refill()
                if index == buffer.count { return value }
            }
            let start = index
            let (end, done) = buffer.withUnsafeBufferPointer { scan.scan($0, from: start) }
            if scan.lineEnds > 0 {
                line += scan.lineEnds
                column = end - scan.lineStart + 1
            } else {
                column += end - start
            }
            index = end
            value += buffer[start..<index]
            guard value.count <= limit else { throw JSONChunkReader.TooLarge(limit: limit) }
            if done { return value }
        }
    }

    /// The error the parser would give at the next byte: end of input, invalid UTF-8, `reason`, or (nil) the
    /// unexpected character; `path` is where the reader is in the document.
    package mutating func refusal(_ reason: String?, path: String) throws -> JSONParseError {
        while buffer.count - index < 4, !ended { try refill() }
        return JSONParser.refusal(
            at: 0, in: Array(buffer[index...]),
            origin: JSONOrigin(line: line, column: column, path: path, depth: 0), reason: reason)
    }

    /// A value longer than the reader takes in one piece.
    package struct TooLarge: Error {
        /// The limit in bytes.
        package let limit: Int
    }

    private mutating func count(_ byte: UInt8) {
        if byte == 0x0A {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private mutating func refill() throws {
        guard !ended else { return }
        if index > 0 {
            buffer.removeSubrange(0..<index)
            index = 0
        }
        let chunk = try source()
        if chunk.isEmpty { ended = true } else { buffer += chunk }
    }
}

/// Where a value ends, byte by byte: brackets counted outside strings, escapes skipped inside them; the line ends
/// passed are counted on the way, so the bytes are read once.
private struct ValueScan {
    private let isScalar: Bool
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var started = false
    /// The line ends the last `scan` passed, and the index after the last of them.
    private(set) var lineEnds = 0, lineStart = 0

    init(first: UInt8?) {
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""): isScalar = false
        default: isScalar = true
        }
    }

    /// Follows the value through `bytes` from `start`: where it ends (the index after its last byte) and true, or the
    /// end of `bytes` and false when it goes on.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, done: Bool) {
        lineEnds = 0
        return isScalar ? scanScalar(bytes, from: start) : scanNested(bytes, from: start)
    }

    // A string, array or object: done at the quote or bracket that closes the first.
    private mutating func scanNested(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, done: Bool) {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                lineEnds += 1
                lineStart = index
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return (index, true) }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return (index, true) }
            default: break
            }
        }
        return (index, false)
    }

    // A number or literal (or a stray byte): its first byte, then up to the next delimiter.
    private mutating func scanScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, done: Bool) {
        var index = start
        if !started, index < bytes.count {
            started = true
            index += 1
            if bytes[start] == 0x0A {
                lineEnds = 1
                lineStart = index
            }
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): return (index, true)
            default: index += 1
            }
        }
        return (index, false)
    }
}
