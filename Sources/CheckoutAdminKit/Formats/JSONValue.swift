/// A JSON document value. Numbers keep their literal source text so they round-trip exactly.
///
/// Object keys are Swift `String`s, so two keys that differ only in Unicode normalization
/// (e.g. precomposed and decomposed "é") are the same key; the parser refuses such pairs as duplicates.
public enum JSONValue: Equatable, Sendable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number as its literal text, e.g. `"12"`, `"-0.5e3"`; always a valid JSON number.
    case number(String)
    /// A string, with escapes already decoded.
    case string(String)
    /// An array, in document order.
    case array([JSONValue])
    /// An object; member order is not kept (writers sort keys).
    case object([String: JSONValue])
}

extension JSONValue {
    /// The members when this is an object, otherwise `nil`.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements when this is an array, otherwise `nil`.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text when this is a string, otherwise `nil`.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The truth value when this is a boolean, otherwise `nil`.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// A short name of the JSON type for error messages: "null", "boolean", "number", "string", "array", "object".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The member named `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Parses `text` (its UTF-8) as one JSON document; convenience for `JSONParser.parse`.
    public init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser.parse(Array(text.utf8))
    }
}

/// Why a JSON text was refused, and where.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong, e.g. "expected ',' or '}'", "duplicate key 'id'", "invalid UTF-8".
    public var reason: String
    /// The 1-based line of the offending byte (lines end at LF).
    public var line: Int
    /// The 1-based column of the offending byte, counted in bytes.
    public var column: Int
    /// The JSON path of the value being parsed when it failed, e.g. `$.accounts[3].profiles[0]`.
    public var path: String

    /// Creates an error from its parts.
    public init(reason: String, line: Int, column: Int, path: String) {
        self.reason = reason
        self.line = line
        self.column = column
        self.path = path
    }

    /// `<reason> at line L, column C (<path>)`.
    public var description: String {
        "\(reason) at line \(line), column \(column) (\(path))"
    }
}
