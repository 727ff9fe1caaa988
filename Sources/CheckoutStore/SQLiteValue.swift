import CheckoutDomain
import CheckoutFormats

/// A value in one of SQLite's storage classes.
///
/// Used both for bound statement parameters and for values read back from a row.
package enum SQLiteValue: Equatable, Sendable {
    /// SQL NULL.
    case null
    /// A signed 64-bit integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text; embedded NUL characters are stored literally.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])

    /// Text, or `.null` when `text` is nil.
    package init(_ text: String?) {
        self = text.map(SQLiteValue.text) ?? .null
    }

    /// A boolean stored as SQLite does: `1` for true, `0` for false.
    package init(_ flag: Bool) {
        self = .integer(flag ? 1 : 0)
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// A `.text` value from a string literal.
    package init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// An `.integer` value from an integer literal.
    package init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    /// `.null` from the `nil` literal.
    package init(nilLiteral: ()) {
        self = .null
    }
}

extension SQLiteValue: ExpressibleByBooleanLiteral {
    /// `.integer(1)` for `true`, `.integer(0)` for `false`.
    package init(booleanLiteral value: Bool) {
        self.init(value)
    }
}
