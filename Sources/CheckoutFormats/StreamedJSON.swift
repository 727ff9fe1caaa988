import CheckoutDomain

/// A pretty top-level JSON object one of whose members is an array written element by element, so a document of
/// any length is written while it is produced (`dump`, `audit --json`, `clicktopay status --json`). With the same
/// `fields` given to `head` and `tail`, the text is byte for byte
/// `JSONValue.object(fields + [arrayKey: elements]).prettyText() + "\n"`. The fields may be known only at the end
/// (counts): elements can be kept aside and the head written last.
package struct StreamedJSONObject {
    private let arrayKey: String
    private var writer = JSONValue.TextWriter(isPretty: true)
    private var elementCount = 0

    /// An object whose member `arrayKey` is streamed.
    package init(arrayKey: String) {
        self.arrayKey = arrayKey
    }

    /// The text up to the array's first element: `{`, the members of `fields` that sort before the array, and its
    /// key.
    package mutating func head(_ fields: [String: JSONValue]) -> String {
        precondition(fields[arrayKey] == nil, "'\(arrayKey)' is the streamed member")
        writer.writeRaw("{")
        for (offset, member) in members(fields, beforeArray: true).enumerated() {
            writeMember(member.key, member.value, isFirst: offset == 0)
        }
        writer.writeRaw(members(fields, beforeArray: true).isEmpty ? "\n  " : ",\n  ")
        writer.write(.string(arrayKey), depth: 1)
        writer.writeRaw(": ")
        return writer.takeText()
    }

    /// One element of the array, with the punctuation before it.
    package mutating func element(_ value: JSONValue) -> String {
        writer.writeRaw(elementCount == 0 ? "[\n    " : ",\n    ")
        elementCount += 1
        writer.write(value, depth: 2)
        return writer.takeText()
    }

    /// The text after the last element: the array's end, the members of `fields` that sort after it, `}` and a
    /// newline.
    package mutating func tail(_ fields: [String: JSONValue]) -> String {
        writer.writeRaw(elementCount == 0 ? "[]" : "\n  ]")
        for member in members(fields, beforeArray: false) { writeMember(member.key, member.value, isFirst: false) }
        writer.writeRaw("\n}\n")
        return writer.takeText()
    }

    private func members(_ fields: [String: JSONValue], beforeArray: Bool) -> [(key: String, value: JSONValue)] {
        fields.filter { JSONValue.TextWriter.precedes($0.key, arrayKey) == beforeArray }
            .sorted { JSONValue.TextWriter.precedes($0.key, $1.key) }
    }

    private mutating func writeMember(_ key: String, _ value: JSONValue, isFirst: Bool) {
        writer.writeRaw(isFirst ? "\n  " : ",\n  ")
        writer.write(.string(key), depth: 1)
        writer.writeRaw(": ")
        writer.write(value, depth: 1)
    }
}
