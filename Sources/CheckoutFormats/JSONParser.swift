import CheckoutDomain

/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// Refuses comments, trailing commas, single quotes, leading zeros, NaN/Infinity, a leading '+',
/// raw control characters in strings, a leading byte order mark, invalid UTF-8, lone surrogate
/// escapes, duplicate object keys and nesting deeper than `maxDepth`.
package enum JSONParser {
    /// Parses one JSON document (RFC 8259) from UTF-8 bytes.
    ///
    /// - Parameter maxDepth: how many arrays/objects may nest; the parser recurses once per level,
    ///   so keep it modest (the default 64 is safe on any thread).
    package static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        return try reader.parseDocument()
    }

    /// Parses a JSON document a person or another program wrote to a file or a pipe: one leading UTF-8 byte order
    /// mark is skipped (RFC 8259 §8.1 lets a parser ignore it; editors on Windows write one), everything else as
    /// `parse`. Every JSON input the tool reads from a file or stdin comes through here; the wire and the store
    /// stay with the strict `parse`.
    package static func parseInput(_ bytes: [UInt8], maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        guard bytes.starts(with: byteOrderMark) else { return try parse(bytes, maxDepth: maxDepth) }
        return try parse(bytes.dropFirst(byteOrderMark.count), maxDepth: maxDepth)
    }

    /// The UTF-8 encoding of U+FEFF.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Parses one JSON document (RFC 8259) from any collection of UTF-8 bytes, e.g. an `ArraySlice`.
    package static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        try parse(Array(bytes), maxDepth: maxDepth)
    }

    /// Parses one value that a larger document holds at `origin` (read piece by piece): errors name the document's
    /// line, column and path, and the nesting limit counts the levels around it.
    package static func parse(_ bytes: [UInt8], at origin: JSONOrigin, maxDepth: Int = 64) throws(JSONParseError)
        -> JSONValue
    {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth, origin: origin)
        return try reader.parseEmbeddedValue()
    }
}

extension JSONParser {
    /// The value that starts at `start` of `bytes`, inside `depth` arrays and objects, and the index after it; nil
    /// where the strict parser refuses it (the caller then parses the whole document to say why).
    package static func value(in bytes: [UInt8], at start: Int, depth: Int) -> (value: JSONValue, end: Int)? {
        var reader = Reader(bytes: bytes, maxDepth: 64)
        reader.position = start
        guard let value = try? reader.parseNestedValue(depth: depth) else { return nil }
        return (value, reader.position)
    }

    /// The error the parser gives at `index` of `bytes`, a piece of a document starting at `origin`: end of input,
    /// invalid UTF-8, `reason`, or (reason nil) the unexpected character.
    package static func refusal(at index: Int, in bytes: [UInt8], origin: JSONOrigin, reason: String?)
        -> JSONParseError
    {
        var reader = Reader(bytes: bytes, maxDepth: 64, origin: origin)
        reader.position = index
        return reader.refusal(reason: reason)
    }
}

/// Where a value sits in the document that holds it.
package struct JSONOrigin: Sendable {
    /// The 1-based line and byte column of its first byte.
    package var line = 1, column = 1
    /// Its JSON path, `$` for the document itself.
    package var path = "$"
    /// How many arrays and objects enclose it.
    package var depth = 0

    /// The document itself.
    package init() {}

    /// A value at `path`, `depth` levels deep, starting at `line`:`column`.
    package init(line: Int, column: Int, path: String, depth: Int) {
        self.line = line
        self.column = column
        self.path = path
        self.depth = depth
    }
}

extension JSONParser {
    /// One step of the path to the value being parsed.
    private enum PathComponent {
        /// The member whose key's opening quote is at this offset: read again only for an error's path.
        case key(at: Int)
        case index(Int)
    }

    /// The parsing state: the input, a read position and the path used in error messages.
    private struct Reader {
        let bytes: [UInt8]
        let maxDepth: Int
        var position = 0
        var path: [PathComponent] = []
        let origin: JSONOrigin

        init(bytes: [UInt8], maxDepth: Int, origin: JSONOrigin = JSONOrigin()) {
            self.bytes = bytes
            self.maxDepth = maxDepth
            self.origin = origin
        }

        /// The refusal at `position`: end of input, invalid UTF-8, `reason`, or (nil) the unexpected character.
        func refusal(reason: String?) -> JSONParseError {
            guard position < bytes.count else { return failure("unexpected end of input") }
            return refusal(reason ?? "unexpected character \(describeCharacter(at: position))")
        }

        mutating func parseEmbeddedValue() throws(JSONParseError) -> JSONValue {
            let value = try parseValue(depth: origin.depth)
            if position < bytes.count { throw refusal("trailing characters after the value") }
            return value
        }

        /// The value at `position`, inside `depth` arrays and objects, leaving `position` after it.
        mutating func parseNestedValue(depth: Int) throws(JSONParseError) -> JSONValue {
            try parseValue(depth: depth)
        }

        mutating func parseDocument() throws(JSONParseError) -> JSONValue {
            if bytes.starts(with: JSONParser.byteOrderMark) {
                throw failure("a UTF-8 byte order mark (U+FEFF) is not allowed at the start of a document")
            }
            skipWhitespace()
            let value = try parseValue(depth: 0)
            skipWhitespace()
            if position < bytes.count { throw refusal("trailing characters after the document") }
            return value
        }

        // MARK: Values

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
            guard let byte = current else { throw failure("unexpected end of input") }
            switch byte {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            case UInt8(ascii: "t"): return try parseLiteral("true", meaning: .bool(true))
            case UInt8(ascii: "f"): return try parseLiteral("false", meaning: .bool(false))
            case UInt8(ascii: "n"): return try parseLiteral("null", meaning: .null)
            default: throw refusal("unexpected character \(describeCharacter(at: position))")
            }
        }

        private mutating func parseLiteral(
            _ literal: String, meaning value: JSONValue
        ) throws(JSONParseError) -> JSONValue {
            for expected in literal.utf8 {
                guard current == expected else { throw refusal("invalid literal, expected '\(literal)'") }
                position += 1
            }
            return value
        }

        private func checkDepth(_ depth: Int) throws(JSONParseError) {
            guard depth > maxDepth else { return }
            throw failure("nesting deeper than \(maxDepth) \(maxDepth == 1 ? "level" : "levels")")
        }

        // MARK: Containers

        private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
            try checkDepth(depth)
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                path.append(.index(elements.count))
                elements.append(try parseValue(depth: depth))
                path.removeLast()
                if try parseSeparator(closing: UInt8(ascii: "]")) { return .array(elements) }
            }
        }

        private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
            try checkDepth(depth)
            position += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            var keyReason = "expected a string key or '}'"
            while true {
                try parseMember(into: &members, depth: depth, keyReason: keyReason)
                if try parseSeparator(closing: UInt8(ascii: "}")) { return .object(members) }
                keyReason = "expected a string key"
            }
        }

        private mutating func parseMember(
            into members: inout [String: JSONValue], depth: Int, keyReason: String
        ) throws(JSONParseError) {
            guard current == UInt8(ascii: "\"") else { throw refusal(keyReason) }
            let keyStart = position
            let key = try parseString()
            path.append(.key(at: keyStart))
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw refusal("expected ':'") }
            position += 1
            skipWhitespace()
            // One lookup per member: a repeated key is found when its value is stored.
            if members.updateValue(try parseValue(depth: depth), forKey: key) != nil {
                throw failure("duplicate key '\(key)'", at: keyStart)
            }
            path.removeLast()
        }

        /// Reads the ',' or closing bracket after a container element; true when the container ended.
        private mutating func parseSeparator(closing: UInt8) throws(JSONParseError) -> Bool {
            skipWhitespace()
            let closingText = closing == UInt8(ascii: "]") ? "']'" : "'}'"
            if current == closing {
                position += 1
                return true
            }
            guard current == UInt8(ascii: ",") else { throw refusal("expected ',' or \(closingText)") }
            let commaPosition = position
            position += 1
            skipWhitespace()
            if current == closing { throw failure("trailing comma before \(closingText)", at: commaPosition) }
            return false
        }

        // MARK: Numbers

        private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            if current == UInt8(ascii: "0") {
                position += 1
                if let next = current, isDigit(next) {
                    throw failure("leading zeros are not allowed", at: position - 1)
                }
            } else {
                try parseDigits()
            }
            if current == UInt8(ascii: ".") {
                position += 1
                try parseDigits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                try parseDigits()
            }
            return .number(String(decoding: bytes[start..<position], as: UTF8.self))
        }

        /// Reads one or more digits.
        private mutating func parseDigits() throws(JSONParseError) {
            guard let first = current, isDigit(first) else { throw refusal("expected a digit") }
            position += 1
            while let next = current, isDigit(next) { position += 1 }
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        // MARK: Strings

        /// Reads a string starting at its opening quote; copies bytes only when it holds escapes.
        private mutating func parseString() throws(JSONParseError) -> String {
            position += 1
            var segmentStart = position
            // Every escape adds at least one byte, so an empty buffer means the string had none.
            var decoded: [UInt8] = []
            while true {
                guard let byte = current else { throw failure("unexpected end of input") }
                switch byte {
                case UInt8(ascii: "\""):
                    return finishString(from: segmentStart, decoded: &decoded)
                case UInt8(ascii: "\\"):
                    decoded.append(contentsOf: bytes[segmentStart..<position])
                    try parseEscape(into: &decoded)
                    segmentStart = position
                case 0..<0x20:
                    throw failure("unescaped control character \(describeCharacter(at: position)) in string")
                case 0x20..<0x80:
                    position += 1
                default:
                    guard let length = validSequenceLength(at: position) else { throw failure("invalid UTF-8") }
                    position += length
                }
            }
        }

        /// Consumes the closing quote and builds the string from the unescaped tail (and any decoded head).
        private mutating func finishString(from segmentStart: Int, decoded: inout [UInt8]) -> String {
            defer { position += 1 }
            guard !decoded.isEmpty else {
                return String(decoding: bytes[segmentStart..<position], as: UTF8.self)
            }
            decoded.append(contentsOf: bytes[segmentStart..<position])
            return String(decoding: decoded, as: UTF8.self)
        }

        private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
            let escapeStart = position
            position += 1
            guard let byte = current else { throw failure("unexpected end of input") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"): buffer.append(contentsOf: try parseUnicodeEscape(startingAt: escapeStart).utf8)
            default:
                let shown = byte >= 0x21 && byte < 0x7F ? " '\\\(Character(Unicode.Scalar(byte)))'" : ""
                throw failure("invalid escape\(shown)", at: escapeStart)
            }
        }

        /// Reads the hex digits after `\u`, and a second `\uXXXX` when the first is a high surrogate.
        private mutating func parseUnicodeEscape(
            startingAt escapeStart: Int
        ) throws(JSONParseError) -> Unicode.Scalar {
            let first = try parseHexQuad(escapeStart: escapeStart)
            if let scalar = Unicode.Scalar(first) { return scalar }
            guard (0xD800...0xDBFF).contains(first) else { throw invalidUnicodeEscape(at: escapeStart) }
            for expected in [UInt8(ascii: "\\"), UInt8(ascii: "u")] {
                guard let byte = current else { throw failure("unexpected end of input") }
                guard byte == expected else { throw invalidUnicodeEscape(at: escapeStart) }
                position += 1
            }
            let second = try parseHexQuad(escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw invalidUnicodeEscape(at: escapeStart) }
            return scalar
        }

        private mutating func parseHexQuad(escapeStart: Int) throws(JSONParseError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current else { throw failure("unexpected end of input") }
                guard let digit = hexDigitValue(byte) else { throw invalidUnicodeEscape(at: escapeStart) }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        private func invalidUnicodeEscape(at escapeStart: Int) -> JSONParseError {
            failure("invalid \\u escape", at: escapeStart)
        }

        private func hexDigitValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        // MARK: UTF-8

        /// The length of the well-formed multi-byte UTF-8 sequence at `index` (Unicode Table 3-7), or nil.
        private func validSequenceLength(at index: Int) -> Int? {
            let length: Int
            let secondBytes: ClosedRange<UInt8>
            switch bytes[index] {
            case 0xC2...0xDF: (length, secondBytes) = (2, 0x80...0xBF)
            case 0xE0: (length, secondBytes) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, secondBytes) = (3, 0x80...0xBF)
            case 0xED: (length, secondBytes) = (3, 0x80...0x9F)
            case 0xF0: (length, secondBytes) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, secondBytes) = (4, 0x80...0xBF)
            case 0xF4: (length, secondBytes) = (4, 0x80...0x8F)
            default: return nil
            }
            guard index + length <= bytes.count, secondBytes.contains(bytes[index + 1]) else { return nil }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return nil }
            return length
        }

        /// `'x'` for printable ASCII, `U+XXXX` for anything else.
        private func describeCharacter(at index: Int) -> String {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                return byte == UInt8(ascii: "'") ? "\"'\"" : "'\(Character(Unicode.Scalar(byte)))'"
            }
            let length = byte < 0x80 ? 1 : (validSequenceLength(at: index) ?? 1)
            let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first
            let hex = String(scalar?.value ?? UInt32(byte), radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }

        // MARK: Errors

        /// An error at the current byte, reporting end of input or invalid UTF-8 there before `reason`.
        private func refusal(_ reason: String) -> JSONParseError {
            guard position < bytes.count else { return failure("unexpected end of input") }
            if bytes[position] >= 0x80, validSequenceLength(at: position) == nil { return failure("invalid UTF-8") }
            return failure(reason)
        }

        private func failure(_ reason: String, at offset: Int? = nil) -> JSONParseError {
            let offset = offset ?? position
            var line = 1
            var lineStart = 0
            for index in 0..<offset where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            let column = offset - lineStart + (line == 1 ? origin.column : 1)
            return JSONParseError(reason: reason, line: line + origin.line - 1, column: column, path: pathText())
        }

        // The key whose opening quote is at `start`, which parsed before.
        private func key(at start: Int) -> String {
            var reader = self
            reader.position = start
            return (try? reader.parseString()) ?? ""
        }

        private func pathText() -> String {
            var text = origin.path
            for component in path {
                switch component {
                case .index(let index): text += "[\(index)]"
                case .key(let start): text += JSONParser.memberStep(key(at: start))
                }
            }
            return text
        }
    }

    /// The step of a JSON path to member `key`: `.key` when it matches `[A-Za-z_][A-Za-z0-9_]*`, else `["key"]`.
    package static func memberStep(_ key: String) -> String {
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let isIdentifier =
            key.utf8.first.map { !isDigit($0) } ?? false
            && key.utf8.allSatisfy { byte in
                isDigit(byte) || byte == UInt8(ascii: "_")
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            }
        return isIdentifier ? "." + key : "[" + JSONValue.string(key).compactText() + "]"
    }
}

extension JSONValue {
    /// Parses `text` (its UTF-8) as one JSON document; convenience for `JSONParser.parse`.
    package init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser.parse(Array(text.utf8))
    }
}

/// Why a JSON text was refused, and where.
package struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong, e.g. "expected ',' or '}'", "duplicate key 'id'", "invalid UTF-8".
    package var reason: String
    /// The 1-based line of the offending byte (lines end at LF).
    package var line: Int
    /// The 1-based column of the offending byte, counted in bytes.
    package var column: Int
    /// The JSON path of the value being parsed when it failed, e.g. `$.accounts[3].profiles[0]`.
    package var path: String

    /// Creates an error from its parts.
    package init(reason: String, line: Int, column: Int, path: String) {
        self.reason = reason
        self.line = line
        self.column = column
        self.path = path
    }

    /// `<reason> at line L, column C (<path>)`.
    package var description: String {
        "\(reason) at line \(line), column \(column) (\(path))"
    }
}
