import CheckoutDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JSONValue {
    /// Pretty text: 2-space indent, object keys sorted by UTF-8 byte order, `"key": value`,
    /// empty object `{}`, empty array `[]`; no trailing newline (callers add it).
    ///
    /// Byte-identical to Python's `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)`
    /// except that U+007F, U+2028 and U+2029 are escaped here, and numbers print as their literal text.
    package func prettyText() -> String {
        var writer = TextWriter(isPretty: true)
        writer.write(self, depth: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Compact text with keys sorted as in ``prettyText()`` and no whitespace at all: `{"a":[1,2]}`.
    package func compactText() -> String {
        var writer = TextWriter(isPretty: false)
        writer.write(self, depth: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension JSONValue {
    /// Serializes values into one growing UTF-8 buffer.
    package struct TextWriter {
        /// The UTF-8 text written so far.
        package private(set) var bytes: [UInt8] = []
        /// Whether to break lines and indent by two spaces per level.
        package let isPretty: Bool

        private static let hexDigits = Array("0123456789abcdef".utf8)

        /// Creates an empty writer.
        package init(isPretty: Bool) {
            self.isPretty = isPretty
        }

        /// Appends text as it is (for documents written piece by piece, such as `dump`).
        package mutating func writeRaw(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        /// The text written so far, leaving the writer empty (for documents written out piece by piece).
        package mutating func takeText() -> String {
            defer { bytes.removeAll(keepingCapacity: true) }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Appends `value`, indented as if nested `depth` levels deep.
        package mutating func write(_ value: JSONValue, depth: Int) {
            switch value {
            case .null: bytes.append(contentsOf: "null".utf8)
            case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            case .number(let text): bytes.append(contentsOf: text.utf8)
            case .string(let text): writeQuoted(text)
            case .array(let elements): writeArray(elements, depth: depth)
            case .object(let members): writeObject(members, depth: depth)
            }
        }

        private mutating func writeArray(_ elements: [JSONValue], depth: Int) {
            guard !elements.isEmpty else { return bytes.append(contentsOf: "[]".utf8) }
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                writeLineBreak(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            writeLineBreak(depth: depth)
            bytes.append(UInt8(ascii: "]"))
        }

        private mutating func writeObject(_ members: [String: JSONValue], depth: Int) {
            guard !members.isEmpty else { return bytes.append(contentsOf: "{}".utf8) }
            let sorted = members.sorted { TextWriter.precedes($0.key, $1.key) }
            bytes.append(UInt8(ascii: "{"))
            for (offset, member) in sorted.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                writeLineBreak(depth: depth + 1)
                writeQuoted(member.key)
                bytes.append(UInt8(ascii: ":"))
                if isPretty { bytes.append(UInt8(ascii: " ")) }
                write(member.value, depth: depth + 1)
            }
            writeLineBreak(depth: depth)
            bytes.append(UInt8(ascii: "}"))
        }

        private mutating func writeLineBreak(depth: Int) {
            guard isPretty else { return }
            bytes.append(0x0A)
            if 2 * depth <= TextWriter.spaces.count {
                bytes.append(contentsOf: TextWriter.spaces[..<(2 * depth)])
            } else {
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
            }
        }

        private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

        /// UTF-8 byte order (which is also code point order), compared with memcmp on the contiguous bytes.
        package static func precedes(_ lhs: String, _ rhs: String) -> Bool {
            var lhs = lhs
            var rhs = rhs
            return lhs.withUTF8 { left in
                rhs.withUTF8 { right in
                    guard !left.isEmpty, !right.isEmpty else { return left.count < right.count }
                    let common = memcmp(left.baseAddress!, right.baseAddress!, min(left.count, right.count))
                    return common != 0 ? common < 0 : left.count < right.count
                }
            }
        }

        // MARK: Strings

        private mutating func writeQuoted(_ text: String) {
            var text = text
            bytes.append(UInt8(ascii: "\""))
            text.withUTF8 { source in writeEscaped(source) }
            bytes.append(UInt8(ascii: "\""))
        }

        /// Copies runs of plain bytes in one go and escapes the rest.
        private mutating func writeEscaped(_ source: UnsafeBufferPointer<UInt8>) {
            var runStart = 0
            var index = 0
            while index < source.count {
                let length = escapedLength(in: source, at: index)
                if length == 0 {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                writeEscape(for: source, at: index)
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
        }

        /// How many source bytes the escape at `index` replaces, or 0 when the byte is written raw.
        private func escapedLength(in source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
            switch source[index] {
            case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x7F: return 1
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript, so they are escaped too.
                let isSeparator =
                    index + 2 < source.count && source[index + 1] == 0x80
                    && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9)
                return isSeparator ? 3 : 0
            default: return 0
            }
        }

        private mutating func writeEscape(for source: UnsafeBufferPointer<UInt8>, at index: Int) {
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0xE2: bytes.append(contentsOf: (source[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
            default:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
    }
}
