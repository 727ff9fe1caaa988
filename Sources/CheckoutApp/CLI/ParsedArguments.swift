import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The words of one command line, bound to a command's table.
struct ParsedArguments: Sendable {
    /// Positional words by argument name.
    var positionals: [String: [String]] = [:]
    /// Value options by name, every occurrence in order.
    var values: [String: [String]] = [:]
    /// Flags by name; the last occurrence won.
    var flags: [String: Bool] = [:]

    /// A required argument's word.
    func argument(_ name: String) -> String {
        positionals[name]?.first ?? ""
    }

    /// An optional argument's word.
    func optionalArgument(_ name: String) -> String? {
        positionals[name]?.first
    }

    /// A variadic argument's words.
    func arguments(_ name: String) -> [String] {
        positionals[name] ?? []
    }

    /// The last value given for an option.
    func value(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value given for a repeatable option.
    func allValues(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Whether a flag is on.
    func flag(_ name: String) -> Bool {
        flags[name] ?? false
    }

    /// Whether a flag was given at all (either way).
    func hasFlag(_ name: String) -> Bool {
        flags[name] != nil
    }
}
