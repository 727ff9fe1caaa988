/// A JSON document value. Numbers keep their literal source text so they round-trip exactly.
///
/// Object keys are Swift `String`s, so two keys that differ only in Unicode normalization
/// (e.g. precomposed and decomposed "é") are the same key; the parser refuses such pairs as duplicates.
package enum JSONValue: Equatable, Sendable {
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
    package var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements when this is an array, otherwise `nil`.
    package var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text when this is a string, otherwise `nil`.
    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The truth value when this is a boolean, otherwise `nil`.
    package var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// A short name of the JSON type for error messages: "null", "boolean", "number", "string", "array", "object".
    package var typeName: String {
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
    package subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}
