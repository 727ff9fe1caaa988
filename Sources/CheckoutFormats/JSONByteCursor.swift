import CheckoutDomain

/// A cursor over the bytes of one JSON value for a quick reader that knows the shape it expects: it reads the plain
/// forms itself (ASCII strings without escapes, literals, objects whose keys are plain ASCII names) and hands any
/// other string, and every value it does not look into, to the strict parser. Each read answers nil or false where
/// the text is not what it expects; the quick reader then gives up and the strict path judges the whole value.
struct JSONByteCursor {
    /// The value's bytes.
    let bytes: [UInt8]
    /// The next byte to read.
    private(set) var position = 0
    // The keys of the objects being walked, innermost last: a repeated key is found without hashing.
    private var openKeys: [Range<Int>] = []

    /// A cursor at the first of `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position == bytes.count }

    /// Goes back to `position`, where an earlier read started.
    mutating func rewind(to position: Int) {
        self.position = position
    }

    /// Skips JSON white space: spaces, tabs and line ends.
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Whether the key at `range` is `name`, byte for byte.
    func isKey(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
        return true
    }

    // Whether two keys have the same bytes.
    private func isSameKey(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        for offset in 0..<first.count where bytes[first.lowerBound + offset] != bytes[second.lowerBound + offset] {
            return false
        }
        return true
    }

    /// The key at `range` as text.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    // MARK: Scalars

    /// A string: read here when plain ASCII, by the strict parser when it holds escapes or other characters.
    mutating func string() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        var index = position + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { position = index + 1 }
                return text(position + 1..<index)
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return value(depth: 0)?.stringValue }
            index += 1
        }
        return nil
    }

    /// The literal `true` or `false`.
    mutating func bool() -> Bool? {
        if takeLiteral("true") { return true }
        if takeLiteral("false") { return false }
        return nil
    }

    /// Consumes the literal `null` when it is next.
    mutating func takeNull() -> Bool { takeLiteral("null") }

    private mutating func takeLiteral(_ literal: StaticString) -> Bool {
        let end = position + literal.utf8CodeUnitCount
        guard end <= bytes.count, isKey(position..<end, literal) else { return false }
        position = end
        return true
    }

    // MARK: Values the strict parser reads

    /// Any value, `depth` arrays and objects deep, read by the strict parser.
    mutating func value(depth: Int) -> JSONValue? {
        guard let (value, end) = JSONParser.value(in: bytes, at: position, depth: depth) else { return nil }
        position = end
        return value
    }

    /// An object, `depth` arrays and objects deep, read by the strict parser.
    mutating func object(depth: Int) -> [String: JSONValue]? {
        value(depth: depth)?.objectValue
    }

    // MARK: Containers

    /// Walks an object whose keys are plain ASCII names: `member` gets each key's byte range with the cursor at its
    /// value, reads the value and says whether to go on. False for anything else: another kind of key, a repeated
    /// key, a syntax error, or a member that said no.
    mutating func members(_ member: (inout JSONByteCursor, Range<Int>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        let base = openKeys.count
        defer { openKeys.removeSubrange(base...) }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            skipWhitespace()
            guard let key = plainKey(), !openKeys[base...].contains(where: { isSameKey($0, key) }) else {
                return false
            }
            openKeys.append(key)
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard member(&self, key) else { return false }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// Walks an array: `element` reads each element and says whether to go on. False on a syntax error or an
    /// element that said no (an element reader never accepts a closing bracket, so a trailing comma is refused).
    mutating func elements(_ element: (inout JSONByteCursor) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            skipWhitespace()
            guard element(&self) else { return false }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    /// An array of strings.
    mutating func strings() -> [String]? {
        var strings: [String] = []
        let read = elements { cursor in
            guard let string = cursor.string() else { return false }
            strings.append(string)
            return true
        }
        return read ? strings : nil
    }

    // The byte range of a key of printable ASCII without escapes, the cursor after its closing quote.
    private mutating func plainKey() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return start..<position - 1
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        return nil
    }
}
