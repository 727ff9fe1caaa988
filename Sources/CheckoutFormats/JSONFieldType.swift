import CheckoutDomain

/// The JSON type a document field must have. One rule for every input document (state documents, profile and
/// checkout imports, pulled documents): a value of another type is refused, never converted — `"true"` is not a
/// boolean and `5812` is not a string — with the field's path, the type expected and what was found.
package enum JSONFieldType: Sendable {
    /// A JSON string.
    case string
    /// `true` or `false`.
    case boolean

    /// Whether `value` has this type.
    package func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.boolean, .bool): return true
        default: return false
        }
    }

    /// `expected true or false, found string "true"`: what is wrong with `value`.
    package func problem(with value: JSONValue) -> String {
        let expected = self == .string ? "a string" : "true or false"
        switch value {
        case .string(let text): return "expected \(expected), found string \"\(text.excerpt(marksCut: true))\""
        case .number(let digits): return "expected \(expected), found number \(digits.excerpt(marksCut: true))"
        case .bool(let flag): return "expected \(expected), found boolean \(flag)"
        default: return "expected \(expected), found \(value.typeName)"
        }
    }

    /// The refusal of `value`: `refusal(problem)` in the reader's own words, with the hints added.
    package func refusal(of value: JSONValue, _ refusal: (String) -> Rejection) -> Rejection {
        var rejection = refusal(problem(with: value))
        rejection.hints += hints(for: value)
        return rejection
    }

    /// How to write `value` with this type, when it is a boolean in quotes.
    package func hints(for value: JSONValue) -> [String] {
        switch (self, value) {
        case (.boolean, .string(let text)) where text == "true" || text == "false":
            return ["write \(text) without quotes: a string is not a boolean"]
        default:
            // A number in a string field gets no "write it in quotes": 578 in quotes is still no currency.
            return []
        }
    }
}
