import CheckoutDomain

/// A state document read account by account, so `apply` holds one account entry at a time however large the
/// document. Syntax errors are thrown where they are found; the document's own refusals (its version, unknown
/// keys, a missing `accounts`, the first invalid entry, a repeated account) are thrown at its end, in the order
/// `StateDocument.parse` gives them, so an account handed out before then is only a candidate until the end.
package struct StateDocumentStream {
    /// Largest account entry read in one piece (and largest other top-level value).
    package static let entryLimit = 256 << 20

    private var reader: JSONChunkReader
    private var phase = Phase.start
    private var others: [String: JSONValue] = [:]
    private var sawAccounts = false
    private var seen: [String: Int] = [:]
    private var firstRefusal: Rejection?

    private enum Phase {
        case start
        case member(first: Bool)
        case element(Int)
        case separator, end
    }

    private let entryLimit: Int

    /// A document read from `source`'s chunks, with entries of at most `entryLimit` bytes.
    package init(_ source: @escaping JSONChunkReader.Source, entryLimit: Int = StateDocumentStream.entryLimit) {
        reader = JSONChunkReader(source)
        self.entryLimit = entryLimit
    }

    /// The next account, or nil after the last one once the whole document has been checked.
    package mutating func next() throws -> MerchantAccount? {
        while true {
            switch phase {
            case .start: try start()
            case .member(let first): try member(first: first)
            case .element(let index): if let account = try element(index) { return account }
            case .separator: try separator()
            case .end:
                try finish()
                return nil
            }
        }
    }

    private mutating func start() throws {
        // One byte order mark is skipped, as `JSONParser.parseInput` does; a second one is refused as it refuses it.
        if try reader.skipByteOrderMark(), try reader.skipByteOrderMark() {
            throw JSONParseError(
                reason: "a UTF-8 byte order mark (U+FEFF) is not allowed at the start of a document", line: 1,
                column: 1, path: "$")
        }
        try reader.skipWhitespace()
        guard try reader.peek() == UInt8(ascii: "{") else {
            // Not an object: the parser says what it is (or what is wrong with it), then the document is refused.
            let value = try parseValue(at: "$", depth: 0)
            try reader.skipWhitespace()
            guard try reader.peek() == nil else {
                throw try reader.refusal("trailing characters after the document", path: "$")
            }
            _ = try StateReader.object(value, at: "$")
            preconditionFailure("a value that is not an object was taken as one")
        }
        try reader.advance()
        try reader.skipWhitespace()
        if try reader.peek() == UInt8(ascii: "}") {
            try reader.advance()
            try endOfDocument()
        } else {
            phase = .member(first: true)
        }
    }

    private mutating func member(first: Bool) throws {
        guard try reader.peek() == UInt8(ascii: "\"") else {
            throw try reader.refusal(first ? "expected a string key or '}'" : "expected a string key", path: "$")
        }
        let keyLine = reader.line
        let keyColumn = reader.column
        guard case .string(let key) = try parseValue(at: "$", depth: 0) else { preconditionFailure("a key") }
        // As in the parser, what follows a key is reported at the key's path.
        let path = "$" + JSONParser.memberStep(key)
        if others[key] != nil || (key == "accounts" && sawAccounts) {
            throw JSONParseError(reason: "duplicate key '\(key)'", line: keyLine, column: keyColumn, path: path)
        }
        try reader.skipWhitespace()
        guard try reader.peek() == UInt8(ascii: ":") else { throw try reader.refusal("expected ':'", path: path) }
        try reader.advance()
        try reader.skipWhitespace()
        guard key == "accounts", try reader.peek() == UInt8(ascii: "[") else {
            others[key] = try parseValue(at: path, depth: 1)
            phase = .separator
            return
        }
        sawAccounts = true
        try reader.advance()
        try reader.skipWhitespace()
        if try reader.peek() == UInt8(ascii: "]") {
            try reader.advance()
            phase = .separator
        } else {
            phase = .element(0)
        }
    }

    // One entry of `accounts`, then what follows it; the account unless the document is already refused.
    // The quick decoder reads a valid entry of the usual shapes; any other entry is parsed and read the general way,
    // which says what is wrong with it.
    private mutating func element(_ index: Int) throws -> MerchantAccount? {
        let path = "$.accounts[\(index)]"
        let origin = JSONOrigin(line: reader.line, column: reader.column, path: path, depth: 2)
        let bytes = try capture(at: path)
        let quick = firstRefusal == nil ? AccountEntryDecoder.account(from: bytes) : nil
        let value = quick == nil ? try JSONParser.parse(bytes, at: origin) : nil
        phase = try moreFollow(closing: UInt8(ascii: "]"), path: "$.accounts") ? .element(index + 1) : .separator
        guard firstRefusal == nil else { return nil }
        do {
            let account = try quick ?? StateReader(path: path).account(from: value ?? .null)
            if let first = seen.updateValue(index, forKey: account.id) {
                throw StateReader.invalid(
                    path, "account '\(account.id)' appears twice (also at $.accounts[\(first)])")
            }
            return account
        } catch let refusal as Rejection {
            firstRefusal = refusal
            return nil
        }
    }

    private mutating func separator() throws {
        if try moreFollow(closing: UInt8(ascii: "}"), path: "$") {
            phase = .member(first: false)
        } else {
            try endOfDocument()
        }
    }

    // After a value in a container that `closing` ends: true when a comma says another follows, false when the
    // container ends; both consumed. Errors read as the parser's, at `path`.
    private mutating func moreFollow(closing: UInt8, path: String) throws -> Bool {
        let bracket = "'\(Character(Unicode.Scalar(closing)))'"
        try reader.skipWhitespace()
        switch try reader.peek() {
        case UInt8(ascii: ","):
            let comma = (line: reader.line, column: reader.column)
            try reader.advance()
            try reader.skipWhitespace()
            if try reader.peek() == closing {
                throw JSONParseError(
                    reason: "trailing comma before \(bracket)", line: comma.line, column: comma.column, path: path)
            }
            return true
        case closing:
            try reader.advance()
            return false
        default: throw try reader.refusal("expected ',' or \(bracket)", path: path)
        }
    }

    private mutating func endOfDocument() throws {
        try reader.skipWhitespace()
        guard try reader.peek() == nil else {
            throw try reader.refusal("trailing characters after the document", path: "$")
        }
        phase = .end
    }

    // The refusals of the whole document, in the order a document read at once gives them.
    private func finish() throws {
        var top = others
        if sawAccounts { top["accounts"] = .array([]) }
        try StateDocument.checkTop(top)
        if let firstRefusal { throw firstRefusal }
    }

    private mutating func parseValue(at path: String, depth: Int) throws -> JSONValue {
        let origin = JSONOrigin(line: reader.line, column: reader.column, path: path, depth: depth)
        return try JSONParser.parse(try capture(at: path), at: origin)
    }

    // The bytes of the value at the reader, consumed.
    private mutating func capture(at path: String) throws -> [UInt8] {
        do {
            return try reader.captureValue(limit: entryLimit)
        } catch let tooLarge as JSONChunkReader.TooLarge {
            let limit = tooLarge.limit % (1 << 20) == 0 ? "\(tooLarge.limit >> 20) MiB" : "\(tooLarge.limit) bytes"
            throw StateReader.invalid(path, "larger than \(limit), the most one entry may hold")
        }
    }
}
